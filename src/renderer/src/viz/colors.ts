/**
 * The diverging palette used for weights everywhere: orange for negative, white at zero, blue
 * for positive, as in TensorFlow Playground (colour-blind safe, and teachers already know it).
 */

const NEGATIVE = [245, 147, 34] as const // #f59322
const ZERO = [232, 234, 235] as const // #e8eaeb
const POSITIVE = [8, 119, 189] as const // #0877bd

/** Colour of `value` on a scale where ±`maxAbs` is full orange/blue (CSS `rgb(...)`). */
export function divergingColor(value: number, maxAbs: number): string {
  const t = maxAbs > 0 ? Math.max(-1, Math.min(1, value / maxAbs)) : 0
  const end = t < 0 ? NEGATIVE : POSITIVE
  const a = Math.abs(t)
  const c = ZERO.map((z, i) => Math.round(z + (end[i] - z) * a))
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`
}

/** Black or white, whichever reads better on `divergingColor(value, maxAbs)`. */
export function textOnDiverging(value: number, maxAbs: number): string {
  return maxAbs > 0 && Math.abs(value / maxAbs) > 0.6 ? '#fff' : '#1d2330'
}
