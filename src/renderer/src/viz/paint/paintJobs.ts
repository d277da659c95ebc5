/**
 * What a heavy view asks to be painted (plain data, so it can be posted to the paint worker),
 * and how a job becomes an image: on an OffscreenCanvas, in the worker or, where there is none,
 * on the page. The page then only copies the finished bitmap onto its canvas.
 */
import { divergingRgba, fieldRgba } from './pixels'
import { drawHeldPoint, drawTestPoint, drawTrainingPoint, pointColor, type Context2d } from './planeMarks'

/** A heatmap: `rows×cols` values (row-major), one pixel each, ±`maxAbs` full colour; CSS scales it up. */
export interface HeatmapJob {
  kind: 'heatmap'
  values: Float32Array
  rows: number
  cols: number
  maxAbs: number
}

/** The input plane at `px`×`px`: a `size`×`size` field scaled up, the points on top. */
export interface PlaneJob {
  kind: 'plane'
  values: Float32Array
  size: number
  mid: number
  halfRange: number
  classes: Uint8Array | null
  /** Training points `[n×2]` in data coordinates, their classes, and 1 where held out for validation. */
  points: Float32Array | null
  pointClasses: Int32Array | null
  held: Uint8Array | null
  test: { points: Float32Array; classes: Int32Array | null } | null
  extent: { xMin: number; xMax: number; yMin: number; yMax: number }
  px: number
}

export type PaintJob = HeatmapJob | PlaneJob

/** A canvas to paint on: an OffscreenCanvas (the worker, most pages) or, where there is none, a page canvas. */
export type Surface = OffscreenCanvas | HTMLCanvasElement
/** Makes a blank surface of a size (for the plane's field, drawn scaled onto the picture). */
export type NewSurface = (width: number, height: number) => Surface

function context(canvas: Surface): Context2d {
  const ctx = canvas.getContext('2d') as Context2d | null
  if (!ctx) throw new Error(`no 2-D canvas of ${canvas.width}×${canvas.height} pixels could be had`)
  return ctx
}

function sized(canvas: Surface, width: number, height: number): Surface {
  if (canvas.width !== width) canvas.width = width
  if (canvas.height !== height) canvas.height = height
  return canvas
}

function paintHeatmap(job: HeatmapJob, target: Surface): void {
  const canvas = sized(target, Math.max(1, job.cols), Math.max(1, job.rows))
  const ctx = context(canvas)
  ctx.clearRect(0, 0, canvas.width, canvas.height)
  if (job.rows > 0 && job.cols > 0) ctx.putImageData(new ImageData(divergingRgba(job.values, 0, job.rows * job.cols, job.maxAbs), job.cols, job.rows), 0, 0)
}

function paintPlane(job: PlaneJob, target: Surface, newSurface: NewSurface): void {
  const { size, px, extent } = job
  const field = newSurface(size, size)
  context(field).putImageData(new ImageData(fieldRgba(job.values, 0, size * size, job.mid, job.halfRange, job.classes), size, size), 0, 0)
  const canvas = sized(target, px, px)
  const ctx = context(canvas)
  ctx.clearRect(0, 0, px, px)
  ctx.imageSmoothingEnabled = true
  ctx.drawImage(field, 0, 0, px, px)
  const categorical = job.classes !== null
  const r = px > 120 ? 6 : 2
  const toX = (v: number) => ((v - extent.xMin) / (extent.xMax - extent.xMin)) * px
  const toY = (v: number) => ((extent.yMax - v) / (extent.yMax - extent.yMin)) * px
  const { points, test } = job
  if (points) {
    for (let i = 0; i < points.length / 2; i++) {
      const color = pointColor(job.pointClasses?.[i] ?? 0, categorical)
      if (job.held?.[i]) drawHeldPoint(ctx, toX(points[2 * i]), toY(points[2 * i + 1]), r + 2, color)
      else drawTrainingPoint(ctx, toX(points[2 * i]), toY(points[2 * i + 1]), r, color)
    }
    if (test) for (let i = 0; i < test.points.length / 2; i++) drawTestPoint(ctx, toX(test.points[2 * i]), toY(test.points[2 * i + 1]), r + 2, pointColor(test.classes?.[i] ?? 0, categorical))
  }
}

/** Paints `job` onto `target`, sized to the picture (throws when it cannot be painted). */
export function paintJobOn(job: PaintJob, target: Surface, newSurface: NewSurface): void {
  if (job.kind === 'heatmap') paintHeatmap(job, target)
  else paintPlane(job, target, newSurface)
}

const offscreen: NewSurface = (width, height) => new OffscreenCanvas(width, height)

/** The finished image of `job`, painted on an OffscreenCanvas (throws when it cannot be painted). */
export function paintJobImage(job: PaintJob): ImageBitmap {
  const canvas = new OffscreenCanvas(1, 1)
  paintJobOn(job, canvas, offscreen)
  return canvas.transferToImageBitmap()
}

/** What painting one job came to: its image, or why there is none (that picture fails alone). */
export type PaintResult = ImageBitmap | { problem: string }

/** `job` painted, or its problem in words. */
export function paintResult(job: PaintJob): PaintResult {
  try {
    return paintJobImage(job)
  } catch (e) {
    return { problem: e instanceof Error ? e.message : String(e) }
  }
}
