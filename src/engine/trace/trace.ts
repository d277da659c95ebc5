/**
 * The trace of one example through a session's network, as plain JSON-able data for the UI's
 * step-through view and `axon trace`: the forward pass (net and out of every unit), the backward
 * pass (delta = ∂E/∂net of every unit, ∂E/∂w and ∂E/∂b of every parameter), and the update the
 * optimizer would apply (or applied, with `apply: true`) for this example alone.
 *
 * Sign convention: `delta` is ∂E/∂net. The lectures' δ (e.g. δ_k = o_k(1 − o_k)(t_k − o_k)) is −delta.
 * The trace runs in evaluation mode (no dropout, no noise), so it draws no random numbers.
 */
import { NETWORK_INPUT, type ActivationId, type LayerSpec } from '../spec'
import { INPUT_SOURCE } from '../nn/topology'
import type { FloatArray } from '../kernels/gemm'
import { layerInputRow, networkBackward, networkForward, networkLossAndDelta, networkOutput } from '../nn/network'
import type { Session } from '../train/session'
import { datasetReadInput, datasetReadTarget } from '../train/batchRows'

export interface TraceLayer {
  nodeId: string
  kind: LayerSpec['kind']
  activation?: ActivationId
  /** What the layer reads: earlier layers' node ids, or `NETWORK_INPUT` (one, or several for a merge). */
  sources: string[]
  /** Inputs to the layer (its sources' outputs, side by side for a merge layer). */
  input: number[]
  /** Net input of each unit (layers with an activation). */
  net?: number[]
  out: number[]
  /** ∂E/∂net of each unit (layers with an activation). */
  delta?: number[]
  /** ∂E/∂out of each unit. */
  gradOut?: number[]
  /** w_jk = weights[j][k] before the update (layers with a weight matrix). */
  weights?: number[][]
  biases?: number[] | null
  /** ∂E/∂w_jk, [units][nIn]. */
  gradWeights?: number[][]
  gradBiases?: number[] | null
  /** Change the optimizer makes to each weight and bias (0 for frozen ones). */
  updateWeights?: number[][]
  updateBiases?: number[] | null
}

export interface Trace {
  input: number[]
  target: number[]
  output: number[]
  /** E of this example. */
  loss: number
  learningRate: number
  /** True when the update was applied to the session. */
  applied: boolean
  layers: TraceLayer[]
}

const toArray = (a: FloatArray, start: number, length: number): number[] => Array.from(a.subarray(start, start + length))

function toRows(a: FloatArray, start: number, rows: number, cols: number): number[][] {
  const m: number[][] = []
  for (let j = 0; j < rows; j++) m.push(toArray(a, start + j * cols, cols))
  return m
}

/**
 * Trace `input` (length inputSize) with `target` (length outputSize) through the session.
 * With `apply`, the update is applied as one training iteration (online step-through).
 */
export function traceExample(
  session: Session,
  input: ArrayLike<number>,
  target: ArrayLike<number>,
  options: { apply?: boolean } = {},
): Trace {
  const nw = session.network
  const savedGrads = Float64Array.from(nw.grads)
  const paramsBefore = Float64Array.from(nw.params)
  const optimizerState = session.optimizer.saveState()
  // The gradient is taken where the rule takes it (Nesterov's look-ahead point, lecture form).
  session.optimizer.beginBatch(nw.params, nw.trainableRanges)
  for (let k = 0; k < nw.inputSize; k++) nw.X[k] = input[k]
  for (let j = 0; j < nw.outputSize; j++) nw.T[j] = target[j]
  networkForward(nw, 0, 1, null)
  const loss = networkLossAndDelta(nw, 0, 1)
  nw.grads.fill(0)
  networkBackward(nw, 0, 1, 1)
  const gradsUsed = Float64Array.from(nw.grads)
  const iteration = session.iteration
  session.applyUpdate()
  const update = new Float64Array(nw.params.length)
  for (let i = 0; i < update.length; i++) update[i] = nw.params[i] - paramsBefore[i]
  const applied = options.apply ?? false
  if (!applied) {
    nw.params.set(paramsBefore)
    session.optimizer.restoreState(optimizerState)
    session.iteration = iteration
  }
  const layers = nw.layers.map((l, i): TraceLayer => {
    const entry: TraceLayer = {
      nodeId: l.nodeId,
      kind: l.kind,
      ...(l.activation ? { activation: l.activation.id } : {}),
      sources: nw.wiring[i].sources.map((j) => (j === INPUT_SOURCE ? NETWORK_INPUT : nw.layers[j].nodeId)),
      input: layerInputRow(nw, i, 0),
      out: toArray(l.out, 0, l.units),
      gradOut: toArray(l.gradOut, 0, l.units),
      ...l.traceValues(),
    }
    if (!l.weights) return entry
    const { wOffset, bOffset } = l.weights
    const { nIn, units } = l
    const vector = (a: Float64Array): number[] | null => (bOffset >= 0 ? toArray(a, bOffset, units) : null)
    return {
      ...entry,
      weights: toRows(paramsBefore, wOffset, units, nIn),
      biases: vector(paramsBefore),
      gradWeights: toRows(gradsUsed, wOffset, units, nIn),
      gradBiases: vector(gradsUsed),
      updateWeights: toRows(update, wOffset, units, nIn),
      updateBiases: vector(update),
    }
  })
  const result: Trace = {
    input: Array.from(input),
    target: Array.from(target),
    output: toArray(networkOutput(nw), 0, nw.outputSize),
    loss,
    learningRate: session.learningRate,
    applied,
    layers,
  }
  // A preview leaves the session's gradient as it was (it may be mid-batch); an applied trace
  // keeps its own, like any update, so snapshots show the gradient that was used.
  if (!applied) nw.grads.set(savedGrads)
  return result
}

/** Trace row `i` of the session's training data (scaling and one-hot labels applied). */
export function traceSample(session: Session, i: number, options: { apply?: boolean } = {}): Trace {
  const ds = session.train
  const x = new Float64Array(ds.inputSize)
  const t = new Float64Array(ds.targetSize)
  datasetReadInput(ds, i, x, 0)
  datasetReadTarget(ds, i, t, 0)
  return traceExample(session, x, t, options)
}
