/**
 * The RGBA bytes of the heavy views, from the engine's numbers: weight heatmaps and receptive
 * fields (the diverging palette, ±max full colour) and the input plane's field (the output or a
 * hidden unit over the grid, lightened so the points stand out; one colour per class for more
 * than two). Pure, so the paint worker and the page build the very same pixels.
 */
import { DIVERGING_LUT, lutIndex } from '../lut'
import { CLASS_COLORS } from './planeMarks'

/** How strongly the plane's field is coloured (1 = full palette); the points use the full colours. */
const FIELD_STRENGTH = 0.7

/** `count` values from `offset` on the scale ±`maxAbs`, one pixel each. */
export function divergingRgba(values: ArrayLike<number>, offset: number, count: number, maxAbs: number): Uint8ClampedArray<ArrayBuffer> {
  const px = new Uint8ClampedArray(4 * count)
  for (let p = 0; p < count; p++) {
    const i = lutIndex(values[offset + p], maxAbs) * 4
    px[4 * p] = DIVERGING_LUT[i]
    px[4 * p + 1] = DIVERGING_LUT[i + 1]
    px[4 * p + 2] = DIVERGING_LUT[i + 2]
    px[4 * p + 3] = 255
  }
  return px
}

const CLASS_RGB = CLASS_COLORS.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)))

/**
 * The plane's `cells` values from `offset`: around `mid`, ±`halfRange` full colour, lightened
 * toward white; with `classes`, each cell's class colour, stronger the surer the output is.
 */
export function fieldRgba(values: ArrayLike<number>, offset: number, cells: number, mid: number, halfRange: number, classes: Uint8Array | null): Uint8ClampedArray<ArrayBuffer> {
  const px = new Uint8ClampedArray(4 * cells)
  for (let p = 0; p < cells; p++) {
    if (classes) {
      const rgb = CLASS_RGB[classes[p] % CLASS_RGB.length]
      const a = 0.35 + 0.5 * Math.max(0, Math.min(1, values[offset + p]))
      for (let c = 0; c < 3; c++) px[4 * p + c] = Math.round(255 - (255 - rgb[c]) * a)
    } else {
      const i = lutIndex(values[offset + p] - mid, halfRange) * 4
      for (let c = 0; c < 3; c++) px[4 * p + c] = Math.round(255 - (255 - DIVERGING_LUT[i + c]) * FIELD_STRENGTH)
    }
    px[4 * p + 3] = 255
  }
  return px
}
