/**
 * The points of a curve where it was measured. The live validation loss is measured once per
 * snapshot, at its last point, so between two measurements the curve holds NaN; drawn as it is,
 * each measurement stands alone and no line joins them (the chart breaks a line at NaN).
 */
export function measuredPoints(x: readonly number[], y: readonly number[]): { x: number[]; y: number[] } {
  const out = { x: [] as number[], y: [] as number[] }
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) continue
    out.x.push(x[i])
    out.y.push(y[i])
  }
  return out
}
