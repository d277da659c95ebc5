/**
 * What a heavy view asks to be painted (plain data, so it can be posted to the paint worker),
 * and how a job becomes an image: on an OffscreenCanvas, in the worker or, where there is none,
 * on the page. The page then only copies the finished bitmap onto its canvas.
 */
import { divergingRgba, fieldRgba } from './pixels'
import { drawHeldPoint, drawTestPoint, drawTrainingPoint, pointColor } from './planeMarks'

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

function context(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('No 2-D canvas context for painting a view')
  return ctx
}

function heatmapImage(job: HeatmapJob): ImageBitmap {
  const canvas = new OffscreenCanvas(Math.max(1, job.cols), Math.max(1, job.rows))
  if (job.rows > 0 && job.cols > 0) context(canvas).putImageData(new ImageData(divergingRgba(job.values, 0, job.rows * job.cols, job.maxAbs), job.cols, job.rows), 0, 0)
  return canvas.transferToImageBitmap()
}

function planeImage(job: PlaneJob): ImageBitmap {
  const { size, px, extent } = job
  const field = new OffscreenCanvas(size, size)
  context(field).putImageData(new ImageData(fieldRgba(job.values, 0, size * size, job.mid, job.halfRange, job.classes), size, size), 0, 0)
  const canvas = new OffscreenCanvas(px, px)
  const ctx = context(canvas)
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
  return canvas.transferToImageBitmap()
}

/** The finished image of `job`. */
export function paintJobImage(job: PaintJob): ImageBitmap {
  return job.kind === 'heatmap' ? heatmapImage(job) : planeImage(job)
}
