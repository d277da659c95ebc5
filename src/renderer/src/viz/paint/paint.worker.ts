/**
 * The paint worker: turns the heavy views' paint jobs (heatmaps, receptive fields, the input
 * plane) into bitmaps off the page's main thread, so a click or a scroll never waits on a
 * pixel loop. One message carries every job of a frame; the answer carries, in the same order,
 * each job's bitmap (transferred) or why it could not be painted, so one bad picture fails
 * alone. Where this worker has no OffscreenCanvas, or cannot read a message, it says so and the
 * page paints the batch itself.
 */
import { paintResult, type PaintJob } from './paintJobs'
import type { PaintAnswer } from './paintProtocol'

const reply = (answer: PaintAnswer, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(answer, transfer)

self.onmessage = (event: MessageEvent<{ jobs: PaintJob[] }>) => {
  if (typeof OffscreenCanvas === 'undefined') return reply({ kind: 'unavailable', reason: 'this browser has no OffscreenCanvas in workers' })
  const results = event.data.jobs.map(paintResult)
  reply({ kind: 'painted', results }, results.filter((r): r is ImageBitmap => r instanceof ImageBitmap))
}

self.onmessageerror = () => reply({ kind: 'unavailable', reason: 'the paint worker could not read the jobs it was sent' })
