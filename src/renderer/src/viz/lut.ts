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
