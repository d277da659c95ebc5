/**
 * A network's own training loss as a function of two of its weights, every other parameter held
 * at its current value:
 *
 *   E(wa, wb) = C0(θ with wa, wb set) + λ2/(2n)·Σw² + λ1/n·Σ|w|
 *
 * C0 is the loss over the training rows (the training split, as the session trains on them) with
 * the spec's loss and reduction (mean: (1/n)·Σ E_i; sum: Σ E_i), the penalty is the one the
 * engine's update differentiates (`nn/regularization.ts`: trainable weights, n = training rows).
 * It is evaluated in evaluation mode (no dropout or noise; batch norm with its running
 * statistics), so it is a fixed function, and differentiated by the network's own backprop.
 *
 * The evaluation writes the two weights into the session's network; callers wrap it in
 * `keepingNetwork`, which puts every parameter, gradient and state value back.
 */
import type { Session } from '../train/session'
import { datasetReadBatch } from '../train/batchRows'
import { networkBackward, networkForward, networkLossAndDelta, type Network } from '../nn/network'
import { regularizationPenalty, regularizeGradient } from '../nn/regularization'
import { networkNamedLayers, weightedLayerNames, type WeightedLayerNames } from '../trace/unitNames'
import type { CompiledExpression } from './expression'

/** One weight by where it sits: w_jk of dense layer `nodeId` (into unit j, from input k), named as the user picked it. */
export interface SliceWeightRef {
  nodeId: string
  unit: number
  input: number
  /** Its name when picked (e.g. "w5"), for messages when it no longer exists. */
  name: string
}

/** E and its parts at one point, with ∂E/∂wa and ∂E/∂wb. */
export interface NetworkLossPoint {
  loss: number
  dataLoss: number
  penalty: number
  gradient: [number, number]
}

/** E over two weights, shaped like a typed function of (x, y) so the playground's descent runs on it. */
export interface NetworkLoss extends CompiledExpression {
  /** E, its parts and its gradient at (wa, wb) = point (one pass forward and back). */
  at(point: readonly number[]): NetworkLossPoint
  /** E alone (a forward pass only). */
  valueOnly(point: readonly number[]): number
}

/** The names of the network's dense layers (units, inputs, first weight number), as the step-through gives them. */
export function sessionWeightNames(session: Session): WeightedLayerNames[] {
  const ds = session.train
  const features = ds.featureNames ?? Array.from({ length: ds.inputSize }, (_, k) => `i${k + 1}`)
  return weightedLayerNames(networkNamedLayers(session.network), features, session.spec.model.layers)
}

/**
 * Where `ref` lives in the flat parameter array.
 * @throws RangeError saying what changed when the weight no longer exists in this network.
 */
export function sliceWeightOffset(nw: Network, ref: SliceWeightRef): number {
  const layer = nw.weighted.find((l) => l.nodeId === ref.nodeId)
  const gone = `Weight ${ref.name} no longer exists`
  if (!layer) throw new RangeError(`${gone}: the network has no dense layer “${ref.nodeId}” now. Pick another weight.`)
  if (!Number.isInteger(ref.unit) || ref.unit < 0 || ref.unit >= layer.units) throw new RangeError(`${gone}: its layer has ${layer.units} unit${layer.units === 1 ? '' : 's'} now. Pick another weight.`)
  if (!Number.isInteger(ref.input) || ref.input < 0 || ref.input >= layer.nIn) throw new RangeError(`${gone}: its layer reads ${layer.nIn} input${layer.nIn === 1 ? '' : 's'} now. Pick another weight.`)
  return layer.weights.wOffset + ref.unit * layer.nIn + ref.input
}

/** Runs `look`, then puts the network's parameters, gradients and state back exactly. */
export function keepingNetwork<T>(nw: Network, look: () => T): T {
  const kept = { params: nw.params.slice(), grads: nw.grads.slice(), state: nw.state.slice() }
  try {
    return look()
  } finally {
    nw.params.set(kept.params)
    nw.grads.set(kept.grads)
    nw.state.set(kept.state)
  }
}

/** E(wa, wb) of the session's network, wa and wb at flat offsets `a` and `b` (see the file comment). */
export function networkLoss(session: Session, a: number, b: number): NetworkLoss {
  const nw = session.network
  const rows = session.trainIndices
  const n = rows.length
  const reg = session.spec.regularization
  const mean = session.spec.model.loss.reduction === 'mean'
  const pass = (point: readonly number[], backward: boolean): { dataLoss: number; penalty: number } => {
    nw.params[a] = point[0]
    nw.params[b] = point[1]
    if (backward) nw.grads.fill(0)
    let sum = 0
    for (let s = 0; s < n; s += nw.capacity) {
      const count = Math.min(nw.capacity, n - s)
      datasetReadBatch(session.train, rows, s, count, nw.X, nw.T)
      networkForward(nw, 0, count, null)
      sum += networkLossAndDelta(nw, 0, count)
      if (backward) networkBackward(nw, 0, count, mean ? 1 / n : 1)
    }
    if (backward) regularizeGradient(nw.params, nw.grads, nw.trainableWeightRanges, reg.l2, reg.l1, n)
    return { dataLoss: mean ? sum / Math.max(1, n) : sum, penalty: regularizationPenalty(nw.params, nw.trainableWeightRanges, reg.l2, reg.l1, n) }
  }
  // The descent asks for ∇E and then E at the same point: one pass answers both.
  let last: { x: number; y: number; point: NetworkLossPoint } | null = null
  const at = (point: readonly number[]): NetworkLossPoint => {
    if (last && last.x === point[0] && last.y === point[1]) return last.point
    const { dataLoss, penalty } = pass(point, true)
    const result: NetworkLossPoint = { loss: dataLoss + penalty, dataLoss, penalty, gradient: [nw.grads[a], nw.grads[b]] }
    last = { x: point[0], y: point[1], point: result }
    return result
  }
  return {
    variables: ['x', 'y'],
    at,
    value: (point) => at(point).loss,
    gradient: (point) => [...at(point).gradient],
    valueOnly: (point) => {
      const { dataLoss, penalty } = pass(point, false)
      return dataLoss + penalty
    },
  }
}
