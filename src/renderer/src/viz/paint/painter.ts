/**
 * The page's side of painting the heavy views: each canvas asks for its latest job
 * (`usePaintedCanvas`); once per displayed frame, the jobs asked for since go to the paint
 * worker in one message, and only when the worker has answered the previous batch (a slow
 * machine skips stale jobs instead of queueing them). The page then only copies each bitmap
 * onto its canvas. A canvas is `aria-busy` from its request until its newest image is on it,
 * which is also what tests wait on. Without a worker (or if it fails) the same jobs are painted
 * on the page.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react'
import { paintJobImage, type PaintJob } from './paintJobs'

interface Request {
  canvas: HTMLCanvasElement
  job: PaintJob
  serial: number
}

/** The newest job asked of each canvas (latest wins), not yet sent. */
const pending = new Map<HTMLCanvasElement, Request>()
/** Serial of the newest request of each canvas, and of the image on it. */
const asked = new WeakMap<HTMLCanvasElement, number>()
const drawn = new WeakMap<HTMLCanvasElement, number>()
let serials = 0
let frameAsked = false
/** The batch the worker is painting (null: none in flight). */
let inFlight: Request[] | null = null
/** The worker: undefined until first needed, null where none can be had. */
let worker: Worker | null | undefined

function paintWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker = new Worker(new URL('./paint.worker.ts', import.meta.url), { type: 'module', name: 'axon-paint' })
    worker.onmessage = (e: MessageEvent<{ bitmaps: ImageBitmap[] }>) => landBatch(e.data.bitmaps)
    worker.onerror = () => fallBackToPage()
  } catch {
    worker = null
  }
  return worker
}

/** The worker failed: paint on the page from now on, the batch it held included. */
function fallBackToPage(): void {
  worker?.terminate()
  worker = null
  const lost = inFlight ?? []
  inFlight = null
  for (const r of lost) if (!pending.has(r.canvas)) pending.set(r.canvas, r)
  askFrame()
}

/** Copies `bitmap` onto the canvas when it is newer than what it shows. */
function land(r: Request, bitmap: ImageBitmap): void {
  if ((drawn.get(r.canvas) ?? 0) < r.serial && r.canvas.isConnected) {
    drawn.set(r.canvas, r.serial)
    if (r.canvas.width !== bitmap.width) r.canvas.width = bitmap.width
    if (r.canvas.height !== bitmap.height) r.canvas.height = bitmap.height
    const ctx = r.canvas.getContext('2d')
    ctx?.clearRect(0, 0, bitmap.width, bitmap.height)
    ctx?.drawImage(bitmap, 0, 0)
  }
  if (asked.get(r.canvas) === r.serial) r.canvas.removeAttribute('aria-busy')
  bitmap.close()
}

function landBatch(bitmaps: ImageBitmap[]): void {
  const batch = inFlight ?? []
  inFlight = null
  batch.forEach((r, i) => land(r, bitmaps[i]))
  if (pending.size > 0) askFrame()
}

function flush(): void {
  frameAsked = false
  if (inFlight) return // sent again when the worker answers
  const batch = [...pending.values()].filter((r) => r.canvas.isConnected)
  pending.clear()
  if (batch.length === 0) return
  const w = paintWorker()
  if (!w) {
    for (const r of batch) land(r, paintJobImage(r.job))
    return
  }
  inFlight = batch
  w.postMessage({ jobs: batch.map((r) => r.job) })
}

function askFrame(): void {
  if (frameAsked) return
  frameAsked = true
  requestAnimationFrame(flush)
}

/** Asks for `job` on `canvas` (replacing a request not sent yet); painted at the next frame. */
export function requestPaint(canvas: HTMLCanvasElement, job: PaintJob): void {
  const serial = ++serials
  asked.set(canvas, serial)
  pending.set(canvas, { canvas, job, serial })
  canvas.setAttribute('aria-busy', 'true')
  askFrame()
}

/** A ref for a canvas that shows `job` (requested again whenever the job object changes; null: nothing to paint). */
export function usePaintedCanvas(job: PaintJob | null): RefObject<HTMLCanvasElement | null> {
  const ref = useRef<HTMLCanvasElement>(null)
  // A layout effect: the request is made in the same commit as the rest of the view's change.
  useLayoutEffect(() => {
    if (ref.current && job) requestPaint(ref.current, job)
  }, [job])
  return ref
}

/** `count` values of `values` from `offset` as a Float32Array of its own (a view of a larger buffer would be posted whole). */
export function ownFloat32(values: ArrayLike<number>, offset: number, count: number): Float32Array {
  if (values instanceof Float32Array && offset === 0 && values.length === count && values.byteLength === values.buffer.byteLength) return values
  const out = new Float32Array(count)
  for (let i = 0; i < count; i++) out[i] = values[offset + i]
  return out
}
