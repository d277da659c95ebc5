/**
 * The diverging blue ↔ orange palette (`colors.ts`) as a 256-entry lookup table, for painting
 * `ImageData` without building CSS strings: entry 0 is full orange (−max), 128 the neutral
 * middle (0), 255 full blue (+max).
 */
import { divergingColor } from './colors'

/** RGBA bytes, 256 entries × 4. */
export const DIVERGING_LUT: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(256 * 4)
  for (let i = 0; i < 256; i++) {
    const [r, g, b] = divergingColor((i - 127.5) / 127.5, 1).match(/\d+/g)!.map(Number)
    lut.set([r, g, b, 255], i * 4)
  }
  return lut
})()

/** LUT index of `value` on the scale ±`maxAbs`. */
export function lutIndex(value: number, maxAbs: number): number {
  if (!(maxAbs > 0) || !Number.isFinite(value)) return 128
  const t = Math.max(-1, Math.min(1, value / maxAbs))
  return Math.round((t + 1) * 127.5)
}

/**
 * Paint `values` (row-major `rows×cols`, `values[r·cols + c]`) onto `canvas` at one pixel per
 * value; CSS scales the canvas up (`image-rendering: pixelated`).
 */
export function paintDiverging(canvas: HTMLCanvasElement, values: ArrayLike<number>, rows: number, cols: number, maxAbs: number, offset = 0): void {
  if (canvas.width !== cols) canvas.width = cols
  if (canvas.height !== rows) canvas.height = rows
  const ctx = canvas.getContext('2d')
  if (!ctx || rows === 0 || cols === 0) return
  const image = ctx.createImageData(cols, rows)
  const px = image.data
  for (let p = 0; p < rows * cols; p++) {
    const i = lutIndex(values[offset + p], maxAbs) * 4
    px[4 * p] = DIVERGING_LUT[i]
    px[4 * p + 1] = DIVERGING_LUT[i + 1]
    px[4 * p + 2] = DIVERGING_LUT[i + 2]
    px[4 * p + 3] = 255
  }
  ctx.putImageData(image, 0, 0)
}

/** Largest |x| over a typed array (at least `floor`). */
export function maxAbs(values: ArrayLike<number>, floor = 1e-9): number {
  let m = floor
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i])
    if (a > m && Number.isFinite(a)) m = a
  }
  return m
}

/** CSS colour of a value on the palette. */
export function lutColor(value: number, max: number): string {
  const i = lutIndex(value, max) * 4
  return `rgb(${DIVERGING_LUT[i]}, ${DIVERGING_LUT[i + 1]}, ${DIVERGING_LUT[i + 2]})`
}
