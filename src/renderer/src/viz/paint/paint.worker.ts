/**
 * The paint worker: turns the heavy views' paint jobs (heatmaps, receptive fields, the input
 * plane) into bitmaps off the page's main thread, so a click or a scroll never waits on a
 * pixel loop. One message carries every job of a frame; the answer carries their bitmaps
 * (transferred) in the same order.
 */
import { paintJobImage, type PaintJob } from './paintJobs'

self.onmessage = (event: MessageEvent<{ frame: number; jobs: PaintJob[] }>) => {
  const { frame, jobs } = event.data
  const bitmaps = jobs.map(paintJobImage)
  ;(self as unknown as Worker).postMessage({ frame, bitmaps }, bitmaps)
}
