/**
 * The network: a graph of layers (see `layer.ts`) in topological order, over one flat parameter
 * array, one flat gradient array and one flat state array, with work buffers allocated once for
 * `capacity` rows. Forward is a loop over the layers, each reading its sources' outputs; backward
 * the same loop in reverse. Where a layer's output feeds several layers, their gradients add up:
 * the first reader writes into its `gradOut`, the others into scratch buffers summed into it.
 * A chain (the common case) has one reader per layer and runs exactly as a plain loop.
 * What each layer computes is in its own file (`dense.ts`, `dropout.ts`, `add.ts`, …).
 *
 * Parameter layout: layer after layer, each layer's blocks in its order (dense: W then b).
 */
import type { ModelSpec, Precision } from '../spec'
import { allocFloat32, zeroFloats, type FloatArray } from '../kernels/gemm'
import type { Rng } from '../rng'
import { losses, type Loss } from './losses'
import type { ParamRange } from './optimizers'
import type { ForwardRngs, Layer, OutputLayer, WeightView } from './layer'
import { createLayer, layerKindOf } from './layers'
import { INPUT_SOURCE, layerSources, layerWidths, sum } from './topology'

export type { ForwardRngs, Layer, OutputLayer } from './layer'

/** A layer with a weight matrix (what the weight views, step-through and snapshots show). */
export type WeightedLayer = Layer & { readonly weights: WeightView }

/** A scratch gradient to add into a source's `gradOut` once its reader's backward pass ran. */
interface FanIn {
  scratch: FloatArray
  into: FloatArray
  width: number
}

/** How one layer is wired: the buffers it reads and where its backward pass writes. */
export interface LayerWiring {
  /** Layer indices it reads (`INPUT_SOURCE` = the network input). */
  sources: number[]
  /** The buffers it reads: X or earlier layers' `out`. */
  inputs: FloatArray[]
  /** Where ∂E/∂inputs go: a source's gradOut, a scratch buffer (a source read several times), or null (X). */
  gradInputs: (FloatArray | null)[]
  /** Scratch buffers to add into sources' gradOut after the backward pass. */
  fanIn: FanIn[]
}

export interface Network {
  model: ModelSpec
  precision: Precision
  /** Rows the work buffers hold. */
  capacity: number
  inputSize: number
  outputSize: number
  /** In topological order; the last is the output layer. */
  layers: Layer[]
  /** How each layer is wired to the others, by index. */
  wiring: LayerWiring[]
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

/** Sizes of a model: parameters, state values, each layer's sources and input widths. */
function modelSizes(model: ModelSpec) {
  const { sources, problem } = layerSources(model.layers)
  if (problem) throw new Error(problem.message)
  const { inputWidths, units } = layerWidths(model.layers, sources, model.inputSize)
  let params = 0
  let state = 0
  model.layers.forEach((spec, i) => {
    const kind = layerKindOf(spec)
    params += kind.paramCount(spec, sum(inputWidths[i]))
    state += kind.stateCount(spec, sum(inputWidths[i]))
  })
  return { params, state, sources, inputWidths, outputSize: units[units.length - 1] ?? model.inputSize }
}

/** Number of parameters of a model. */
export function parameterCount(model: ModelSpec): number {
  return modelSizes(model).params
}

/**
 * Wire the layers: each reads its sources' outputs (or X). Backward goes from the last layer to
 * the first, so a source's last reader runs first: it writes the source's gradOut, and every
 * other reading of that source writes a scratch buffer that is then added in.
 */
function wireLayers(layers: Layer[], sources: number[][], X: FloatArray, capacity: number, alloc: (n: number) => FloatArray): LayerWiring[] {
  const written = new Set<number>()
  const wiring: LayerWiring[] = []
  for (let i = layers.length - 1; i >= 0; i--) {
    const fanIn: FanIn[] = []
    const gradInputs = sources[i].map((j) => {
      if (j === INPUT_SOURCE) return null
      const source = layers[j]
      if (!written.has(j)) {
        written.add(j)
        return source.gradOut
      }
      const scratch = alloc(capacity * source.units)
      fanIn.push({ scratch, into: source.gradOut, width: source.units })
      return scratch
    })
    const inputs = sources[i].map((j) => (j === INPUT_SOURCE ? X : layers[j].out))
    wiring[i] = { sources: sources[i], inputs, gradInputs, fanIn }
  }
  return wiring
}

export interface NetworkOptions {
  /** Perceptron rule (see `perceptron.ts`). */
  deltaRule?: boolean
  /**
   * Build over these parameters, as they are, instead of new ones initialised from `initRng`:
   * a data-parallel helper's replica reads the session's parameters in shared memory this way,
   * so every update is seen without a copy. Its length must be the model's parameter count.
   */
  params?: FloatArray
}

/**
 * Build a network for `model` with buffers for `capacity` rows and initialise its parameters
 * from `initRng` (hand-set values override the initialisers), or over `options.params`.
 */
export function createNetwork(model: ModelSpec, capacity: number, initRng: Rng, options: NetworkOptions = {}): Network {
  const alloc = allocatorFor(model.precision)
  const sizes = modelSizes(model)
  if (options.params && options.params.length !== sizes.params) {
    throw new RangeError(`createNetwork: ${options.params.length} parameters given for a model of ${sizes.params}`)
  }
  const params = options.params ?? alloc(sizes.params)
  const initialise = !options.params
  const grads = alloc(sizes.params)
  const state = alloc(sizes.state)
  const layers: Layer[] = []
  let paramOffset = 0
  let stateOffset = 0
  model.layers.forEach((spec, index) => {
    const inputWidths = sizes.inputWidths[index]
    const nIn = sum(inputWidths)
    layers.push(createLayer(spec, { index, nIn, inputWidths, capacity, params, grads, paramOffset, state, stateOffset, alloc, initRng, initialise }))
    paramOffset += layerKindOf(spec).paramCount(spec, nIn)
    stateOffset += layerKindOf(spec).stateCount(spec, nIn)
  })
  const blocks = layers.flatMap((l) => l.blocks)
  const range = (b: ParamRange): ParamRange => ({ offset: b.offset, length: b.length })
  const last = layers[layers.length - 1]
  if (!last || !layerKindOf(model.layers[layers.length - 1]).output) throw new Error('The last layer must be an output layer (dense)')
  const X = alloc(capacity * model.inputSize)
  return {
    model,
    precision: model.precision,
    capacity,
    inputSize: model.inputSize,
    outputSize: sizes.outputSize,
    layers,
    wiring: wireLayers(layers, sizes.sources, X, capacity, alloc),
    weighted: layers.filter((l): l is WeightedLayer => l.weights !== undefined),
    output: last as OutputLayer,
    params,
    grads,
    state,
    X,
    T: alloc(capacity * sizes.outputSize),
    trainableRanges: blocks.filter((b) => b.trainable).map(range),
    trainableWeightRanges: blocks.filter((b) => b.trainable && b.regularized).map(range),
    loss: losses[model.loss.id],
    deltaRule: options.deltaRule ?? false,
    alloc,
  }
}

/** Row `r` of what layer `i` reads: its sources' outputs side by side (one source: its output). */
export function layerInputRow(nw: Network, i: number, r: number): number[] {
  return nw.wiring[i].inputs.flatMap((buffer, s) => {
    const width = sourceWidth(nw, nw.wiring[i].sources[s])
    return Array.from(buffer.subarray(r * width, (r + 1) * width))
  })
}

/** Output width of source `j` (`INPUT_SOURCE`: the input size). */
function sourceWidth(nw: Network, j: number): number {
  return j === INPUT_SOURCE ? nw.inputSize : nw.layers[j].units
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
  for (let i = 0; i < nw.layers.length; i++) nw.layers[i].forward(nw.wiring[i].inputs, r0, rows, rngs)
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
 * With `write` (a batch's first chunk) it writes `grads` instead, whatever they held before, so
 * they need no zeroing first (same bits: +0 + x = x); the data-parallel helpers always add.
 */
export function networkBackward(nw: Network, r0: number, rows: number, scale: number, write = false): void {
  const last = nw.layers.length - 1
  for (let i = last; i >= 0; i--) {
    const layer = nw.layers[i]
    const { inputs, gradInputs, fanIn } = nw.wiring[i]
    if (write && !layer.writesGradients) for (const b of layer.blocks) zeroFloats(nw.grads.subarray(b.offset, b.offset + b.length))
    if (i === last) nw.output.backwardFromDelta(inputs, gradInputs, r0, rows, scale, write)
    else layer.backward(inputs, gradInputs, r0, rows, scale, write)
    for (const { scratch, into, width } of fanIn) {
      for (let p = r0 * width; p < (r0 + rows) * width; p++) into[p] += scratch[p]
    }
  }
}

/** Zero the gradient array. */
export function networkZeroGrad(nw: Network): void {
  zeroFloats(nw.grads)
}
