/**
 * The page's side of painting the heavy views: each canvas asks for its latest job
 * (`usePaintedCanvas`); once per displayed frame, the jobs asked for since go to the paint
 * worker in one message, and only when the worker has answered the previous batch (a slow
 * machine skips stale jobs instead of queueing them). The page then only copies each bitmap
 * onto its canvas. A canvas is `aria-busy` from its request until its newest image is on it,
 * which is also what tests wait on. Without a worker (or if it fails) the same jobs are painted
 * on the page.
 */
import { useContext, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { ViewInSight } from '../inSight'
import { paintJobOn, type NewSurface, type PaintJob, type PaintResult } from './paintJobs'
import type { PaintAnswer } from './paintProtocol'

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
/** Who hears that a canvas's picture could not be painted (its problem), or is painted again (null). */
const listeners = new WeakMap<HTMLCanvasElement, (problem: string | null) => void>()

function paintWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker = new Worker(new URL('./paint.worker.ts', import.meta.url), { type: 'module', name: 'axon-paint' })
    worker.onmessage = (e: MessageEvent<PaintAnswer>) => (e.data.kind === 'painted' ? landBatch(e.data.results) : fallBackToPage())
    // An answer the page cannot read (its bitmaps are lost) or a worker that failed: the page paints.
    worker.onmessageerror = () => fallBackToPage()
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

/** Whether `r` is newer than the picture its canvas shows (and the canvas still on the page). */
function isNewer(r: Request): boolean {
  return (drawn.get(r.canvas) ?? 0) < r.serial && r.canvas.isConnected
}

/** `r`'s picture is on its canvas, or failed with `problem`: says so, and ends its busy state when it is the newest asked. */
function settle(r: Request, problem: string | null): void {
  drawn.set(r.canvas, r.serial)
  listeners.get(r.canvas)?.(problem)
  if (asked.get(r.canvas) === r.serial) r.canvas.removeAttribute('aria-busy')
}

/** Copies the worker's image onto the canvas when it is newer than what it shows, or says why there is none. */
function land(r: Request, result: PaintResult | undefined): void {
  const bitmap = result instanceof ImageBitmap ? result : null
  if (isNewer(r)) {
    if (bitmap) {
      if (r.canvas.width !== bitmap.width) r.canvas.width = bitmap.width
      if (r.canvas.height !== bitmap.height) r.canvas.height = bitmap.height
      const ctx = r.canvas.getContext('2d')
      ctx?.clearRect(0, 0, bitmap.width, bitmap.height)
      ctx?.drawImage(bitmap, 0, 0)
    }
    settle(r, bitmap ? null : result && 'problem' in result ? result.problem : 'the paint worker sent no picture')
  } else if (asked.get(r.canvas) === r.serial) r.canvas.removeAttribute('aria-busy')
  bitmap?.close()
}

function landBatch(results: PaintResult[]): void {
  const batch = inFlight ?? []
  inFlight = null
  batch.forEach((r, i) => land(r, results[i]))
  if (pending.size > 0) askFrame()
}

/** A blank surface on the page: an OffscreenCanvas where there is one, else a detached canvas element. */
const pageSurface: NewSurface = (width, height) => (typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height }))

/** Paints `r` straight onto its canvas (no worker); a picture that fails says so alone. */
function paintOnPage(r: Request): void {
  if (!isNewer(r)) return
  try {
    paintJobOn(r.job, r.canvas, pageSurface)
    settle(r, null)
  } catch (e) {
    settle(r, e instanceof Error ? e.message : String(e))
  }
}

function flush(): void {
  frameAsked = false
  if (inFlight) return // sent again when the worker answers
  const batch = [...pending.values()].filter((r) => r.canvas.isConnected)
  pending.clear()
  if (batch.length === 0) return
  const w = paintWorker()
  if (!w) {
    batch.forEach(paintOnPage)
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

/**
 * A ref for a canvas that shows `job` (requested again whenever the job object changes; null:
 * nothing to paint), and why its newest picture could not be painted (null while it is fine).
 * Out of sight (`ViewInSight`) nothing is asked: the canvas keeps its last picture and gets the
 * newest job once it comes into sight; unless a picture it shows is replaced by another job out of
 * sight (a live view redraws out of sight only for another run: `liveSight.ts`), which is painted
 * then, so that the old picture is not what comes into sight.
 */
export function usePaintedCanvas(job: PaintJob | null): { ref: RefObject<HTMLCanvasElement | null>; problem: string | null } {
  const ref = useRef<HTMLCanvasElement>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const inSight = useContext(ViewInSight)
  useLayoutEffect(() => {
    const canvas = ref.current
    if (!canvas) return
    listeners.set(canvas, setProblem)
    return () => void listeners.delete(canvas)
  }, [])
  const painted = useRef<PaintJob | null>(null)
  // A layout effect: the request is made in the same commit as the rest of the view's change.
  useLayoutEffect(() => {
    if (!ref.current || !job || !(inSight || (painted.current && painted.current !== job))) return
    painted.current = job
    requestPaint(ref.current, job)
  }, [job, inSight])
  return { ref, problem }
}

/** `count` values of `values` from `offset` as a Float32Array of its own (a view of a larger buffer would be posted whole). */
export function ownFloat32(values: ArrayLike<number>, offset: number, count: number): Float32Array {
  if (values instanceof Float32Array && offset === 0 && values.length === count && values.byteLength === values.buffer.byteLength) return values
  const out = new Float32Array(count)
  for (let i = 0; i < count; i++) out[i] = values[offset + i]
  return out
}
