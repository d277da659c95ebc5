import { memo, useEffect, useRef } from 'react'
import { DIVERGING_LUT, lutIndex } from './lut'

/** Categorical colours for more than two classes (Okabe–Ito, colour-blind safe). */
export const CLASS_COLORS = ['#E69F00', '#0072B2', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000']

/** How strongly the field is coloured (1 = full palette); the points use the full colours. */
const FIELD_STRENGTH = 0.7

/** Paint a `size×size` field (values at `offset`) through the diverging LUT, scale ±maxAbs around `mid`. */
function paintField(canvas: HTMLCanvasElement, values: ArrayLike<number>, size: number, offset: number, mid: number, halfRange: number, classes: Uint8Array | null): void {
  const small = document.createElement('canvas')
  small.width = size
  small.height = size
  const sctx = small.getContext('2d')!
  const image = sctx.createImageData(size, size)
  for (let p = 0; p < size * size; p++) {
    if (classes) {
      const hex = CLASS_COLORS[classes[p] % CLASS_COLORS.length]
      const a = 0.35 + 0.5 * Math.max(0, Math.min(1, values[offset + p]))
      image.data[4 * p] = Math.round(255 - (255 - parseInt(hex.slice(1, 3), 16)) * a)
      image.data[4 * p + 1] = Math.round(255 - (255 - parseInt(hex.slice(3, 5), 16)) * a)
      image.data[4 * p + 2] = Math.round(255 - (255 - parseInt(hex.slice(5, 7), 16)) * a)
    } else {
      // Lightened toward white so the training points stand out on top.
      const i = lutIndex(values[offset + p] - mid, halfRange) * 4
      image.data[4 * p] = Math.round(255 - (255 - DIVERGING_LUT[i]) * FIELD_STRENGTH)
      image.data[4 * p + 1] = Math.round(255 - (255 - DIVERGING_LUT[i + 1]) * FIELD_STRENGTH)
      image.data[4 * p + 2] = Math.round(255 - (255 - DIVERGING_LUT[i + 2]) * FIELD_STRENGTH)
    }
    image.data[4 * p + 3] = 255
  }
  sctx.putImageData(image, 0, 0)
  const ctx = canvas.getContext('2d')!
  ctx.imageSmoothingEnabled = true
  ctx.drawImage(small, 0, 0, canvas.width, canvas.height)
}

/** A point's colour: its class (Okabe–Ito) with several classes, else blue = 1, orange = 0 as on the field. */
export function pointColor(k: number, categorical: boolean): string {
  return categorical ? CLASS_COLORS[k % CLASS_COLORS.length] : k === 1 ? '#0877bd' : '#f59322'
}

/** A training point: a filled dot with a dark rim. */
export function drawTrainingPoint(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, color: string): void {
  ctx.beginPath()
  ctx.arc(x, y, r, 0, 2 * Math.PI)
  ctx.fillStyle = color
  ctx.fill()
  ctx.lineWidth = 2
  ctx.strokeStyle = '#1d2330'
  ctx.stroke()
}

/** A held-out (validation) point: a white diamond ringed in its class colour and a dark rim, so it differs by shape, not colour alone. */
export function drawHeldPoint(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, color: string): void {
  ctx.beginPath()
  ctx.moveTo(x, y - r)
  ctx.lineTo(x + r, y)
  ctx.lineTo(x, y + r)
  ctx.lineTo(x - r, y)
  ctx.closePath()
  ctx.fillStyle = '#ffffff'
  ctx.fill()
  ctx.lineWidth = 4
  ctx.strokeStyle = '#1d2330'
  ctx.stroke()
  ctx.lineWidth = 2.5
  ctx.strokeStyle = color
  ctx.stroke()
}

/** A test-set point (held out, never trained on): a triangle in its class colour with a dark rim, a third shape beside dots and diamonds. */
export function drawTestPoint(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, color: string): void {
  ctx.beginPath()
  ctx.moveTo(x, y - r)
  ctx.lineTo(x + r * 0.95, y + r * 0.7)
  ctx.lineTo(x - r * 0.95, y + r * 0.7)
  ctx.closePath()
  ctx.fillStyle = color
  ctx.fill()
  ctx.lineWidth = 2
  ctx.strokeStyle = '#1d2330'
  ctx.stroke()
}

export interface PlaneViewProps {
  values: ArrayLike<number>
  size: number
  offset?: number
  /** Value drawn neutral, and the half-range that is full colour. */
  mid?: number
  halfRange?: number
  classes?: Uint8Array | null
  /** Training points `[n×2]` in data coordinates, with their classes. */
  points?: Float32Array | null
  pointClasses?: Int32Array | null
  /** 1 marks a point held out for validation: drawn as a hollow diamond, training points as filled dots. */
  held?: Uint8Array | null
  /** The held-out test set's points `[n×2]` and classes, drawn as triangles (null: none or hidden). */
  test?: { points: Float32Array; classes: Int32Array | null } | null
  extent: { xMin: number; xMax: number; yMin: number; yMax: number }
  px: number
  testId?: string
  title?: string
}

/**
 * The input plane: the network's output (or one hidden unit) over a grid, as the engine
 * computed it, with the training points on top (blue = class 1, orange = class 0).
 */
function PlaneViewImpl({ values, size, offset = 0, mid = 0, halfRange = 1, classes = null, points, pointClasses, held = null, test = null, extent, px, testId, title }: PlaneViewProps) {
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const canvas = ref.current
    if (!canvas) return
    canvas.width = px
    canvas.height = px
    paintField(canvas, values, size, offset, mid, halfRange, classes)
    if (!points) return
    const ctx = canvas.getContext('2d')!
    const r = px > 120 ? 6 : 2
    const toX = (v: number) => ((v - extent.xMin) / (extent.xMax - extent.xMin)) * px
    const toY = (v: number) => ((extent.yMax - v) / (extent.yMax - extent.yMin)) * px
    for (let i = 0; i < points.length / 2; i++) {
      const color = pointColor(pointClasses?.[i] ?? 0, classes !== null)
      if (held?.[i]) drawHeldPoint(ctx, toX(points[2 * i]), toY(points[2 * i + 1]), r + 2, color)
      else drawTrainingPoint(ctx, toX(points[2 * i]), toY(points[2 * i + 1]), r, color)
    }
    if (!test) return
    for (let i = 0; i < test.points.length / 2; i++) drawTestPoint(ctx, toX(test.points[2 * i]), toY(test.points[2 * i + 1]), r + 2, pointColor(test.classes?.[i] ?? 0, classes !== null))
  }, [values, size, offset, mid, halfRange, classes, points, pointClasses, held, test, extent, px])
  return <canvas ref={ref} className="plane" data-testid={testId} title={title} style={{ width: px, height: px }} />
}

export const PlaneView = memo(PlaneViewImpl)
