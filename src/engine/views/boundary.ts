/**
 * The decision-boundary view (2-D inputs): the network over a grid of the input plane, the
 * output's class score per cell and one map per hidden unit.
 */
import type { Session } from '../train'
import { classOf } from '../train/metrics'
import type { PlaneState, RunInfo } from '../host/trainingTypes'
import { computeFromInfo, type LiveView } from './liveView'

/** Grid inputs `[size²×2]`: cell (r, c) is x = xMin + (c + ½)·dx, y = yMax − (r + ½)·dy. */
export function planeInputs(plane: NonNullable<RunInfo['plane']>): Float64Array {
  const { size, xMin, xMax, yMin, yMax } = plane
  const grid = new Float64Array(size * size * 2)
  const dx = (xMax - xMin) / size
  const dy = (yMax - yMin) / size
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      grid[2 * (r * size + c)] = xMin + (c + 0.5) * dx
      grid[2 * (r * size + c) + 1] = yMax - (r + 0.5) * dy
    }
  }
  return grid
}

/** Per cell in [−1, 1]: the class the output says and how sure; the class itself for more than two outputs. */
function planeScores(session: Session, out: Float64Array, cells: number): { score: Float32Array; classes: Uint8Array | null } {
  const nOut = session.network.output.units
  const score = new Float32Array(cells)
  if (nOut === 1) {
    const signed = session.binaryThreshold === 0
    for (let p = 0; p < cells; p++) score[p] = signed ? Math.max(-1, Math.min(1, out[p])) : Math.max(-1, Math.min(1, 2 * out[p] - 1))
    return { score, classes: null }
  }
  if (nOut === 2) {
    for (let p = 0; p < cells; p++) score[p] = Math.max(-1, Math.min(1, out[2 * p + 1] - out[2 * p]))
    return { score, classes: null }
  }
  const classes = new Uint8Array(cells)
  for (let p = 0; p < cells; p++) {
    const k = classOf(out, p * nOut, nOut, 0.5)
    classes[p] = k
    score[p] = out[p * nOut + k]
  }
  return { score, classes }
}

/** The network over the plane: the output's class score per cell and every hidden unit's map. */
export function planeState(session: Session, grid: Float64Array, size: number): PlaneState {
  const cells = size * size
  const acts = session.activations(grid, cells)
  const outLayer = session.network.output
  const { score, classes } = planeScores(session, acts[outLayer.index].out, cells)
  const hidden = session.network.weighted.filter((l) => l !== outLayer).map((l) => {
    const a = acts[l.index].out
    // Unit-major so each unit's map is one contiguous size×size image.
    const values = new Float32Array(cells * l.units)
    let min = Infinity
    let max = -Infinity
    for (let p = 0; p < cells; p++) {
      for (let j = 0; j < l.units; j++) {
        const v = a[p * l.units + j]
        values[j * cells + p] = v
        if (v < min) min = v
        if (v > max) max = v
      }
    }
    return { nodeId: l.nodeId, units: l.units, values, min, max }
  })
  return { size, score, classes, hidden }
}

export const boundaryView = {
  label: 'Decision boundary',
  description: 'For 2-D inputs: the output over the input plane with the training points, and what each hidden unit computes there.',
  computeFor: computeFromInfo((info) => info.plane, planeInputs, (session, grid, plane) => planeState(session, grid, plane.size)),
} satisfies LiveView<PlaneState>
