/**
 * The optimizer playground's surface made of the network itself: the training loss over two
 * chosen weights around their current values (`networkLoss.ts`), as a grid for the contour plot,
 * and the playground's optimizers descending it from the current point, side by side. Computed
 * by the engine (in its worker), deterministic, in the network's precision.
 *
 * The cost is bounded: one grid point is a forward pass over every training row, one descent
 * step a pass forward and back, so the grid shrinks (to no fewer than 21×21 points) and the
 * iterations are capped to keep the work under `LOSS_SLICE_LIMITS.work` multiply-adds.
 */
import type { OptimizerSpec } from '../spec'
import type { Session } from '../train/session'
import { createStreams } from '../rng'
import { datasetReadBatch } from '../train/batchRows'
import { networkForward } from '../nn/network'
import { descend, type DescentPath } from './descent'
import { surfaceGrid, type Surface } from './surfaces'
import { weightName } from '../trace/unitNames'
import { keepingNetwork, networkLoss, sessionWeightNames, sliceWeightOffset, type SliceWeightRef } from './networkLoss'

export type { SliceWeightRef } from './networkLoss'

/** What the playground asks for. */
export interface LossSliceRequest {
  /** The weight along x, then along y. */
  weights: [SliceWeightRef, SliceWeightRef]
  /** Half the side of the plotted square, around the current values. */
  span: number
  iterations: number
  /** The optimizers to descend with (playground rules, each with its η). */
  optimizers: OptimizerSpec[]
}

export interface LossSlice {
  /** The two weights' lecture names (w5, w6 …). */
  names: [string, string]
  /** Their current values: the centre of the plot and the start of every descent. */
  center: [number, number]
  extent: Surface['extent']
  /** E on a size×size grid over `extent`, row 0 at yMax. */
  size: number
  grid: Float64Array
  /** E at the centre (the network's training loss as it is now), its parts, and ∂E/∂(wa, wb) there. */
  loss: number
  dataLoss: number
  penalty: number
  gradient: [number, number]
  paths: DescentPath[]
  /** Training rows E sums over, and where the run stood when the slice was taken. */
  rows: number
  epoch: number
  iteration: number
  /** What differs from training (dropout and noise off, batch norm's running statistics), or null. */
  note: string | null
}

/** Most multiply-adds the grid may take, and the descents together. */
export const LOSS_SLICE_LIMITS = { work: 1e9, maxSize: 61, minSize: 21 } as const

/** Multiply-adds of one forward pass over the training rows (about one per parameter and row). */
function passWork(session: Session): number {
  return Math.max(1, session.network.params.length) * session.trainIndices.length
}

/** The largest grid side (odd, so the centre is a grid point) whose passes fit the budget. */
export function lossSliceGridSize(work: number): number {
  const side = Math.floor(Math.sqrt(LOSS_SLICE_LIMITS.work / work))
  const odd = side % 2 === 1 ? side : side - 1
  return Math.min(LOSS_SLICE_LIMITS.maxSize, odd)
}

function checkRequest(session: Session, request: LossSliceRequest): void {
  const [wa, wb] = request.weights
  if (session.network.deltaRule) throw new RangeError('The perceptron rule trains without a loss gradient, so it has no error surface to descend: choose a gradient optimizer (SGD …) on the optimizer node.')
  if (wa.nodeId === wb.nodeId && wa.unit === wb.unit && wa.input === wb.input) throw new RangeError(`Pick two different weights (both are ${wa.name}).`)
  if (!(request.span > 0) || !Number.isFinite(request.span)) throw new RangeError('The span around the current weights must be a positive number.')
  const work = passWork(session)
  const size = lossSliceGridSize(work)
  if (size < LOSS_SLICE_LIMITS.minSize) {
    const passes = LOSS_SLICE_LIMITS.minSize ** 2
    throw new RangeError(`This network is too big for a slice: each point is a pass over ${session.trainIndices.length.toLocaleString('en-US')} training rows and ${session.network.params.length.toLocaleString('en-US')} parameters, and even a ${LOSS_SLICE_LIMITS.minSize}×${LOSS_SLICE_LIMITS.minSize} grid (${passes} passes) would take over ${LOSS_SLICE_LIMITS.work.toExponential(0)} multiply-adds. Train on fewer rows or try a smaller network.`)
  }
  // A step is a pass forward and back (about three forward passes), at most two per iteration (Nesterov's look-ahead).
  const stepWork = 6 * work * Math.max(1, request.optimizers.length)
  const most = Math.floor(LOSS_SLICE_LIMITS.work / stepWork)
  if (request.iterations > most) throw new RangeError(`At most ${most.toLocaleString('en-US')} iterations on this network's slice with ${request.optimizers.length} optimizer${request.optimizers.length === 1 ? '' : 's'} (each step is a pass over all ${session.trainIndices.length.toLocaleString('en-US')} training rows).`)
}

/**
 * Whether a training pass would give other outputs than the evaluation pass the slice uses
 * (dropout, noise, batch statistics), tried on the first rows: then the slice says so. Leaves
 * batch statistics changed; called inside `keepingNetwork`.
 */
function trainingPassDiffers(session: Session): boolean {
  const nw = session.network
  const rows = Math.min(nw.capacity, session.trainIndices.length)
  const width = rows * nw.outputSize
  datasetReadBatch(session.train, session.trainIndices, 0, rows, nw.X, nw.T)
  networkForward(nw, 0, rows, null)
  const evaluation = nw.output.out.slice(0, width)
  const streams = createStreams(session.spec.seed)
  networkForward(nw, 0, rows, { dropout: streams.dropout, noise: streams.noise })
  return evaluation.some((v, i) => v !== nw.output.out[i])
}

const EVALUATION_NOTE = 'The slice is computed in evaluation mode, so it is a fixed function: dropout and noise are off, batch norm uses its running statistics.'

/**
 * The slice of the session's loss over two weights, and each optimizer's descent on it. The
 * session's network is left exactly as it was.
 * @throws RangeError for a weight that no longer exists, a perceptron, bad numbers, or work over the budget.
 */
export function lossSlice(session: Session, request: LossSliceRequest): LossSlice {
  checkRequest(session, request)
  const nw = session.network
  const offsets = request.weights.map((w) => sliceWeightOffset(nw, w)) as [number, number]
  const layers = sessionWeightNames(session)
  const names = request.weights.map((w) => weightName(layers.find((l) => l.nodeId === w.nodeId)!, w.unit, w.input)) as [string, string]
  const center: [number, number] = [nw.params[offsets[0]], nw.params[offsets[1]]]
  const r = request.span
  const extent = { xMin: center[0] - r, xMax: center[0] + r, yMin: center[1] - r, yMax: center[1] + r }
  const size = lossSliceGridSize(passWork(session))
  return keepingNetwork(nw, () => {
    const note = trainingPassDiffers(session) ? EVALUATION_NOTE : null
    const E = networkLoss(session, offsets[0], offsets[1])
    const grid = surfaceGrid(E.valueOnly, extent, size)
    const here = E.at(center)
    const paths = request.optimizers.map((o) => descend(E, center, o, request.iterations))
    return { names, center, extent, size, grid, ...here, paths, rows: session.trainIndices.length, epoch: session.epoch, iteration: session.iteration, note }
  })
}
