import { describe, expect, it } from 'vitest'
import { divergingColor, textOnDiverging } from './colors'

const rgb = (css: string) => (css === '#fff' ? [255, 255, 255] : css === '#000' ? [0, 0, 0] : css.match(/\d+/g)!.map(Number))
/** WCAG relative luminance of 0–255 sRGB channels. */
const luminance = (c: number[]) => {
  const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

describe('text on the diverging palette', () => {
  it('reads at 4.5:1 or more on every colour of it (WCAG AA), full orange and full blue included', () => {
    // Found: white on full orange (a hidden code of 0.00, a hand-set weight of −max) at 2.3:1.
    for (let v = -1; v <= 1.0001; v += 0.01) {
      const ratio = contrast(rgb(textOnDiverging(v, 1)), rgb(divergingColor(v, 1)))
      expect(ratio, `at ${v.toFixed(2)}`).toBeGreaterThanOrEqual(4.5)
    }
  })
})
