/**
 * The diverging palette used for weights everywhere: orange for negative, white at zero, blue
 * for positive, as in TensorFlow Playground (colour-blind safe, and teachers already know it).
 */

const NEGATIVE = [245, 147, 34] as const // #f59322
const ZERO = [232, 234, 235] as const // #e8eaeb
const POSITIVE = [8, 119, 189] as const // #0877bd

/** The 0–255 channels of `value` on a scale where ±`maxAbs` is full orange/blue. */
function divergingRgb(value: number, maxAbs: number): number[] {
  const t = maxAbs > 0 ? Math.max(-1, Math.min(1, value / maxAbs)) : 0
  const end = t < 0 ? NEGATIVE : POSITIVE
  const a = Math.abs(t)
  return ZERO.map((z, i) => Math.round(z + (end[i] - z) * a))
}

/** Colour of `value` on a scale where ±`maxAbs` is full orange/blue (CSS `rgb(...)`). */
export function divergingColor(value: number, maxAbs: number): string {
  const c = divergingRgb(value, maxAbs)
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`
}

/** WCAG relative luminance of 0–255 sRGB channels. */
function luminance(rgb: readonly number[]): number {
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/**
 * Black or white, whichever has the more contrast on `divergingColor(value, maxAbs)`: 4.58:1 at
 * the least, anywhere on the palette. White on every strong colour read 2.3:1 on full orange
 * (the hidden codes' 0.00, a hand-set weight of −max).
 */
export function textOnDiverging(value: number, maxAbs: number): string {
  const l = luminance(divergingRgb(value, maxAbs))
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#fff' : '#000'
}
