/**
 * The validation curve per iteration, through the points where it was measured. A small network's
 * validation loss is measured live, once per snapshot, at the snapshot's last point, so between two
 * measurements the curve holds NaN: drawn as it is, each measurement stood alone and no line joined
 * them (the chart breaks a line at NaN). A large one's (Fashion-MNIST) is measured only at epoch
 * ends, which the per-iteration chart left out. Both kinds are drawn, in order of iteration.
 */
export function measuredPoints(x: readonly number[], y: readonly number[], epochEnds: ReadonlyArray<{ x: number; y: number | undefined }> = []): { x: number[]; y: number[] } {
  const points: Array<[number, number]> = []
  for (let i = 0; i < y.length; i++) if (Number.isFinite(y[i])) points.push([x[i], y[i]])
  const live = new Set(points.map(([at]) => at))
  for (const e of epochEnds) if (e.y !== undefined && Number.isFinite(e.y) && !live.has(e.x)) points.push([e.x, e.y])
  points.sort((a, b) => a[0] - b[0])
  return { x: points.map(([at]) => at), y: points.map(([, v]) => v) }
}
