/**
 * The network: a chain of layers (see `layer.ts`) over one flat parameter array, one flat
 * gradient array and one flat state array, with work buffers allocated once for `capacity` rows.
 * Forward is a loop over the layers, backward the same loop in reverse; what each layer computes
 * is in its own file (`dense.ts`, `dropout.ts`, …).
 *
 * Parameter layout: layer after layer, each layer's blocks in its order (dense: W then b).
 */
import type { ModelSpec, Precision } from '../spec'
import { allocFloat32, type FloatArray } from '../kernels/gemm'
import type { Rng } from '../rng'
import { losses, type Loss } from './losses'
import type { ParamRange } from './optimizers'
import type { ForwardRngs, Layer, OutputLayer, WeightView } from './layer'
import { createLayer, layerKindOf } from './layers'

export type { ForwardRngs, Layer, OutputLayer } from './layer'

/** A layer with a weight matrix (what the weight views, step-through and snapshots show). */
export type WeightedLayer = Layer & { readonly weights: WeightView }

export interface Network {
  model: ModelSpec
  precision: Precision
  /** Rows the work buffers hold. */
  capacity: number
  inputSize: number
  outputSize: number
  layers: Layer[]
  /** The layers that have a weight matrix, in order. */
  weighted: WeightedLayer[]
  /** The last layer, which turns targets into its delta. */
  output: OutputLayer
  params: FloatArray
  grads: FloatArray
  /** Layer state that is not trained by gradients (batch norm's running statistics). */
  state: FloatArray
  /** Input rows [capacity×inputSize] and target rows [capacity×outputSize]. */
  X: FloatArray
  T: FloatArray
  /** Parameter ranges the optimizer may update. */
  trainableRanges: ParamRange[]
  /** Trainable ranges that regularisation touches (weights, not biases). */
  trainableWeightRanges: ParamRange[]
  loss: Loss
  /** Perceptron rule: the output delta is the error, not a gradient (see `perceptron.ts`). */
  deltaRule: boolean
  alloc: (length: number) => FloatArray
}

/** Allocator for a precision: float32 buffers come from `allocFloat32` (the gemm backend's memory). */
function allocatorFor(precision: Precision): (length: number) => FloatArray {
  return precision === 'float32' ? allocFloat32 : (n) => new Float64Array(n)
}

/** Sizes of a model: parameters, state values, and each layer's input width. */
function modelSizes(model: ModelSpec): { params: number; state: number; nIns: number[]; outputSize: number } {
  let nIn = model.inputSize
  let params = 0
  let state = 0
  const nIns: number[] = []
  for (const spec of model.layers) {
    const kind = layerKindOf(spec)
    nIns.push(nIn)
    params += kind.paramCount(spec, nIn)
    state += kind.stateCount(spec, nIn)
    nIn = kind.units(spec, nIn)
  }
  return { params, state, nIns, outputSize: nIn }
}

/** Number of parameters of a model. */
export function parameterCount(model: ModelSpec): number {
  return modelSizes(model).params
}

/**
 * Build a network for `model` with buffers for `capacity` rows and initialise its parameters
 * from `initRng` (hand-set values override the initialisers).
 */
export function createNetwork(model: ModelSpec, capacity: number, initRng: Rng, options: { deltaRule?: boolean } = {}): Network {
  const alloc = allocatorFor(model.precision)
  const sizes = modelSizes(model)
  const params = alloc(sizes.params)
  const grads = alloc(sizes.params)
  const state = alloc(sizes.state)
  const layers: Layer[] = []
  let paramOffset = 0
  let stateOffset = 0
  model.layers.forEach((spec, index) => {
    const nIn = sizes.nIns[index]
    layers.push(createLayer(spec, { index, nIn, capacity, params, grads, paramOffset, state, stateOffset, alloc, initRng }))
    paramOffset += layerKindOf(spec).paramCount(spec, nIn)
    stateOffset += layerKindOf(spec).stateCount(spec, nIn)
  })
  const blocks = layers.flatMap((l) => l.blocks)
  const range = (b: ParamRange): ParamRange => ({ offset: b.offset, length: b.length })
  const last = layers[layers.length - 1]
  if (!last || !layerKindOf(model.layers[layers.length - 1]).output) throw new Error('The last layer must be an output layer (dense)')
  return {
    model,
    precision: model.precision,
    capacity,
    inputSize: model.inputSize,
    outputSize: sizes.outputSize,
    layers,
    weighted: layers.filter((l): l is WeightedLayer => l.weights !== undefined),
    output: last as OutputLayer,
    params,
    grads,
    state,
    X: alloc(capacity * model.inputSize),
    T: alloc(capacity * sizes.outputSize),
    trainableRanges: blocks.filter((b) => b.trainable).map(range),
    trainableWeightRanges: blocks.filter((b) => b.trainable && b.regularized).map(range),
    loss: losses[model.loss.id],
    deltaRule: options.deltaRule ?? false,
    alloc,
  }
}

/** The buffer feeding layer `i` (the previous layer's output, or X). */
export function layerInput(nw: Network, i: number): FloatArray {
  return i === 0 ? nw.X : nw.layers[i - 1].out
}

/** The network's output buffer [capacity×outputSize]. */
export function networkOutput(nw: Network): FloatArray {
  return nw.output.out
}

/**
 * Outputs for `count` input rows in evaluation mode (no dropout, no noise): `inputs` row-major
 * `[count×inputSize]` (already preprocessed) → `[count×outputSize]`, `capacity` rows at a time.
 */
export function networkPredict(nw: Network, inputs: ArrayLike<number>, count: number): Float64Array {
  const nIn = nw.inputSize
  const nOut = nw.outputSize
  const result = new Float64Array(count * nOut)
  const out = networkOutput(nw)
  for (let s = 0; s < count; s += nw.capacity) {
    const rows = Math.min(nw.capacity, count - s)
    for (let p = 0; p < rows * nIn; p++) nw.X[p] = inputs[s * nIn + p]
    networkForward(nw, 0, rows, null)
    for (let p = 0; p < rows * nOut; p++) result[s * nOut + p] = out[p]
  }
  return result
}

/** Outputs of every layer for `count` input rows in evaluation mode, `[count×units]` each. */
export function networkActivations(nw: Network, inputs: ArrayLike<number>, count: number): { nodeId: string; units: number; out: Float64Array }[] {
  const nIn = nw.inputSize
  const result = nw.layers.map((l) => ({ nodeId: l.nodeId, units: l.units, out: new Float64Array(count * l.units) }))
  for (let s = 0; s < count; s += nw.capacity) {
    const rows = Math.min(nw.capacity, count - s)
    for (let p = 0; p < rows * nIn; p++) nw.X[p] = inputs[s * nIn + p]
    networkForward(nw, 0, rows, null)
    nw.layers.forEach((l, i) => {
      const units = result[i].units
      for (let p = 0; p < rows * units; p++) result[i].out[s * units + p] = l.out[p]
    })
  }
  return result
}

/**
 * Forward pass over rows [r0, r0+rows) of X. With `rngs` (training) dropout masks are drawn and
 * noisy ReLU adds noise; without, both are off (evaluation).
 */
export function networkForward(nw: Network, r0: number, rows: number, rngs: ForwardRngs | null): void {
  for (let i = 0; i < nw.layers.length; i++) nw.layers[i].forward(layerInput(nw, i), r0, rows, rngs)
}

/**
 * Loss of rows [r0, r0+rows) against T (sum of per-example losses), and the output layer's
 * delta = ∂E_i/∂net for each row (per example, not yet reduced).
 */
export function networkLossAndDelta(nw: Network, r0: number, rows: number): number {
  return nw.output.lossAndDelta(nw.T, r0, rows, nw.loss, nw.deltaRule)
}

/**
 * Backward pass for rows [r0, r0+rows), after `networkLossAndDelta`. Adds scale·∂E/∂param to
 * `grads` (the caller zeroes them once per update); scale is 1/|B| for mean reduction, 1 for sum.
 */
export function networkBackward(nw: Network, r0: number, rows: number, scale: number): void {
  const last = nw.layers.length - 1
  for (let i = last; i >= 0; i--) {
    const gradInput = i > 0 ? nw.layers[i - 1].gradOut : null
    if (i === last) nw.output.backwardFromDelta(layerInput(nw, i), gradInput, r0, rows, scale)
    else nw.layers[i].backward(layerInput(nw, i), gradInput, r0, rows, scale)
  }
}

/** Zero the gradient array. */
export function networkZeroGrad(nw: Network): void {
  nw.grads.fill(0)
}
