import type { Curves } from './snapshotFold'

/** Merges neighbouring pairs of every column when a curve gets longer than `maxPoints` (the mean of each pair; NaN is a gap). */
export function compactCurves(c: Curves, maxPoints: number): void {
  if (c.iteration.length <= maxPoints) return
  for (const key of ['iteration', 'loss', 'accuracy', 'valLoss', 'valAccuracy'] as const) {
    const a = c[key]
    const half: number[] = []
    for (let i = 0; i + 1 < a.length; i += 2) half.push(key === 'iteration' ? a[i + 1] : meanOf(a[i], a[i + 1]))
    if (a.length % 2) half.push(a[a.length - 1])
    c[key] = half
  }
}

function meanOf(a: number, b: number): number {
  if (Number.isNaN(a)) return b
  if (Number.isNaN(b)) return a
  return (a + b) / 2
}
