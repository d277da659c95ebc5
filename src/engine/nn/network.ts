/**
 * The network: one flat parameter array, one flat gradient array, and work buffers allocated
 * once for `capacity` rows. Batched forward and backward passes use `gemm`:
 *
 *   net = X·Wᵀ + b          X: [rows×nIn], W: [nOut×nIn] (w_jk = W[j·nIn + k], "from k into j")
 *   out = f(net)
 *   delta = ∂E/∂net = ∂E/∂out ⊙ f'(net)       (the lectures' δ is −delta)
 *   ∂E/∂W += scale·deltaᵀ·X,  ∂E/∂b += scale·Σ_rows delta,  ∂E/∂X = delta·W
 *
 * Parameter layout, layer after layer: W (nOut·nIn, row-major [out][in]) then b (nOut, only if
 * the layer has a bias).
 */
import type { DenseLayerSpec, ModelSpec, Precision } from '../spec'
import { allocFloat32, gemm, type FloatArray } from '../kernels/gemm'
import {
  activationParams,
  activations,
  softmaxBackwardRows,
  softmaxRows,
  type Activation,
  type ActivationParams,
} from './activations'
import { bceFromNet, losses, softmaxCrossEntropyRow, type Loss } from './losses'
import { initFill } from './init'
import type { ParamRange } from './optimizers'
import type { Rng } from '../rng'

export interface DenseLayer {
  kind: 'dense'
  /** Position in the layer list. */
  index: number
  nodeId: string
  spec: DenseLayerSpec
  nIn: number
  nOut: number
  activation: Activation
  actParams: ActivationParams
  /** Offset of W in the flat parameter array. */
  wOffset: number
  /** Offset of b, or −1 without bias. */
  bOffset: number
  /** Views into params/grads: W [nOut×nIn], b [nOut]. */
  W: FloatArray
  b: FloatArray | null
  gW: FloatArray
  gb: FloatArray | null
  /** Work buffers [capacity×nOut]. */
  net: FloatArray
  out: FloatArray
  /** ∂E/∂out. */
  gradOut: FloatArray
  /** ∂E/∂net. */
  delta: FloatArray
}

export interface DropoutLayer {
  kind: 'dropout'
  index: number
  nodeId: string
  rate: number
  n: number
  out: FloatArray
  gradOut: FloatArray
  /** 0 or 1/(1 − rate) per unit of each row (training only). */
  mask: FloatArray
  /** Whether the last forward pass applied the mask (training) or passed through (evaluation). */
  active: boolean
}

export type Layer = DenseLayer | DropoutLayer

/** Random streams the forward pass may draw from while training. */
export interface ForwardRngs {
  dropout: Rng
  noise: Rng
}

export interface Network {
  model: ModelSpec
  precision: Precision
  /** Rows the work buffers hold. */
  capacity: number
  inputSize: number
  outputSize: number
  layers: Layer[]
  dense: DenseLayer[]
  params: FloatArray
  grads: FloatArray
  /** Input rows [capacity×inputSize] and target rows [capacity×outputSize]. */
  X: FloatArray
  T: FloatArray
  /** Parameter ranges the optimizer may update (trainable weights and biases). */
  trainableRanges: ParamRange[]
  /** All weight ranges (regularised; biases are not). */
  weightRanges: ParamRange[]
  /** Trainable weight ranges (those regularisation touches). */
  trainableWeightRanges: ParamRange[]
  loss: Loss
  /** Perceptron rule: output delta = (y − t) for step units, (y − t)/2 for sign units. */
  deltaRule: boolean
  alloc: (length: number) => FloatArray
}

/** Allocator for a precision: float32 buffers come from `allocFloat32` (the gemm backend's memory). */
export function allocatorFor(precision: Precision): (length: number) => FloatArray {
  return precision === 'float32' ? allocFloat32 : (n) => new Float64Array(n)
}

/** Number of parameters of a model. */
export function parameterCount(model: ModelSpec): number {
  let n = model.inputSize
  let count = 0
  for (const l of model.layers) {
    if (l.kind !== 'dense') continue
    count += l.units * n + (l.useBias ? l.units : 0)
    n = l.units
  }
  return count
}

/**
 * Build a network for `model` with buffers for `capacity` rows and initialise its parameters
 * from `initRng` (hand-set weights and biases override the initialisers).
 */
export function createNetwork(
  model: ModelSpec,
  capacity: number,
  initRng: Rng,
  options: { deltaRule?: boolean } = {},
): Network {
  const alloc = allocatorFor(model.precision)
  const size = parameterCount(model)
  const params = alloc(size)
  const grads = alloc(size)
  const layers: Layer[] = []
  const dense: DenseLayer[] = []
  const trainableRanges: ParamRange[] = []
  const weightRanges: ParamRange[] = []
  const trainableWeightRanges: ParamRange[] = []
  let nIn = model.inputSize
  let offset = 0
  model.layers.forEach((spec, index) => {
    if (spec.kind === 'dropout') {
      layers.push({
        kind: 'dropout',
        index,
        nodeId: spec.nodeId,
        rate: spec.rate,
        n: nIn,
        out: alloc(capacity * nIn),
        gradOut: alloc(capacity * nIn),
        mask: alloc(capacity * nIn),
        active: false,
      })
      return
    }
    const nOut = spec.units
    const wOffset = offset
    offset += nOut * nIn
    const bOffset = spec.useBias ? offset : -1
    if (spec.useBias) offset += nOut
    const W = params.subarray(wOffset, wOffset + nOut * nIn)
    const gW = grads.subarray(wOffset, wOffset + nOut * nIn)
    const b = spec.useBias ? params.subarray(bOffset, bOffset + nOut) : null
    const gb = spec.useBias ? grads.subarray(bOffset, bOffset + nOut) : null
    const fan = { nIn, nOut }
    initFill(params, wOffset, nOut * nIn, spec.weightInit, fan, initRng)
    if (spec.useBias) initFill(params, bOffset, nOut, spec.biasInit, fan, initRng)
    if (spec.weights) for (let j = 0; j < nOut; j++) for (let k = 0; k < nIn; k++) W[j * nIn + k] = spec.weights[j][k]
    if (spec.biases && b) for (let j = 0; j < nOut; j++) b[j] = spec.biases[j]
    weightRanges.push({ offset: wOffset, length: nOut * nIn })
    if (spec.trainWeights) {
      trainableRanges.push({ offset: wOffset, length: nOut * nIn })
      trainableWeightRanges.push({ offset: wOffset, length: nOut * nIn })
    }
    if (spec.useBias && spec.trainBiases) trainableRanges.push({ offset: bOffset, length: nOut })
    const layer: DenseLayer = {
      kind: 'dense',
      index,
      nodeId: spec.nodeId,
      spec,
      nIn,
      nOut,
      activation: activations[spec.activation.id],
      actParams: activationParams(spec.activation),
      wOffset,
      bOffset,
      W,
      b,
      gW,
      gb,
      net: alloc(capacity * nOut),
      out: alloc(capacity * nOut),
      gradOut: alloc(capacity * nOut),
      delta: alloc(capacity * nOut),
    }
    layers.push(layer)
    dense.push(layer)
    nIn = nOut
  })
  return {
    model,
    precision: model.precision,
    capacity,
    inputSize: model.inputSize,
    outputSize: nIn,
    layers,
    dense,
    params,
    grads,
    X: alloc(capacity * model.inputSize),
    T: alloc(capacity * nIn),
    trainableRanges,
    weightRanges,
    trainableWeightRanges,
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
  return nw.layers[nw.layers.length - 1].out
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

/**
 * Forward pass over rows [r0, r0+rows) of X. With `rngs` (training) dropout masks are drawn and
 * noisy ReLU adds N(0, σ²) noise; without, both are off (evaluation).
 */
export function networkForward(nw: Network, r0: number, rows: number, rngs: ForwardRngs | null): void {
  for (let i = 0; i < nw.layers.length; i++) {
    const layer = nw.layers[i]
    const input = layerInput(nw, i)
    if (layer.kind === 'dropout') {
      const n = layer.n
      const o = r0 * n
      const end = o + rows * n
      layer.active = rngs !== null && layer.rate > 0
      if (!rngs || !layer.active) {
        for (let p = o; p < end; p++) layer.out[p] = input[p]
        continue
      }
      const keep = 1 / (1 - layer.rate)
      for (let p = o; p < end; p++) {
        const m = rngs.dropout.uniform() < layer.rate ? 0 : keep
        layer.mask[p] = m
        layer.out[p] = input[p] * m
      }
      continue
    }
    denseForward(layer, input, r0, rows, rngs)
  }
}

/** net = X·Wᵀ + b, out = f(net) for rows [r0, r0+rows). */
export function denseForward(layer: DenseLayer, input: FloatArray, r0: number, rows: number, rngs: ForwardRngs | null): void {
  const { nIn, nOut, net, out, b } = layer
  const o = r0 * nOut
  if (b) for (let r = 0; r < rows; r++) net.set(b, o + r * nOut)
  gemm({
    transA: false,
    transB: true,
    m: rows,
    n: nOut,
    k: nIn,
    alpha: 1,
    A: input,
    aOffset: r0 * nIn,
    B: layer.W,
    beta: b ? 1 : 0,
    C: net,
    cOffset: o,
  })
  const act = layer.activation
  const end = o + rows * nOut
  if (!act.elementwise) {
    softmaxRows(net, out, o, rows, nOut)
  } else if (act.id === 'noisyRelu' && rngs) {
    const std = layer.actParams.noiseStd
    for (let p = o; p < end; p++) {
      const x = net[p] + rngs.noise.normal(0, std)
      out[p] = x > 0 ? x : 0
    }
  } else {
    activationForward(act, layer.actParams, net, out, o, end)
  }
}

/**
 * out[p] = f(net[p]) for p in [o, end). The common activations run as tight loops with the very
 * expressions of their registry entries (same bits, no call per element); others call `value`.
 */
function activationForward(act: Activation, params: ActivationParams, net: FloatArray, out: FloatArray, o: number, end: number): void {
  switch (act.id) {
    case 'relu':
      for (let p = o; p < end; p++) {
        const x = net[p]
        out[p] = x > 0 ? x : 0
      }
      return
    case 'sigmoid':
      for (let p = o; p < end; p++) {
        const x = net[p]
        out[p] = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))
      }
      return
    case 'tanh':
      for (let p = o; p < end; p++) out[p] = Math.tanh(net[p])
      return
    default:
      for (let p = o; p < end; p++) out[p] = act.value(net[p], params)
  }
}

/**
 * Loss of rows [r0, r0+rows) against T (sum of per-example losses), and the output layer's
 * delta = ∂E_i/∂net for each row (per example, not yet reduced).
 */
export function networkLossAndDelta(nw: Network, r0: number, rows: number): number {
  const last = nw.layers[nw.layers.length - 1]
  if (last.kind !== 'dense') throw new Error('The last layer must be dense')
  const n = last.nOut
  const { net, out, gradOut, delta } = last
  const T = nw.T
  const act = last.activation
  const lossId = nw.loss.id
  let total = 0
  for (let r = r0; r < r0 + rows; r++) {
    const o = r * n
    if (act.id === 'softmax' && lossId === 'softmaxCrossEntropy') {
      // Fused: E from the logits net, delta = out·Σt − t (= out − t for one-hot targets).
      total += softmaxCrossEntropyRow(net, T, o, n, delta)
      continue
    }
    if (act.id === 'sigmoid' && lossId === 'bce') {
      total += bceFromNet(net, o, T, o, n)
      for (let j = 0; j < n; j++) delta[o + j] = out[o + j] - T[o + j]
      continue
    }
    total += nw.loss.value(out, o, T, o, n)
    if (nw.deltaRule) {
      // Perceptron rule: gradient-free delta (y − t), halved for ±1 units so Δw = ±η·x.
      const half = act.id === 'sign' ? 0.5 : 1
      for (let j = 0; j < n; j++) delta[o + j] = half * (out[o + j] - T[o + j])
      continue
    }
    nw.loss.gradient(out, o, T, o, n, gradOut)
  }
  if (!nw.deltaRule && !(act.id === 'softmax' && lossId === 'softmaxCrossEntropy') && !(act.id === 'sigmoid' && lossId === 'bce')) {
    activationBackward(last, r0, rows)
  }
  return total
}

/** delta = gradOut ⊙ f'(net) (or the softmax Jacobian product) for rows [r0, r0+rows). */
function activationBackward(layer: DenseLayer, r0: number, rows: number): void {
  const { nOut, net, out, gradOut, delta, activation: act, actParams } = layer
  const o = r0 * nOut
  if (!act.elementwise) {
    softmaxBackwardRows(out, gradOut, delta, o, rows, nOut)
    return
  }
  const end = o + rows * nOut
  // Tight loops for the common activations, with their registry derivatives' exact arithmetic.
  switch (act.id) {
    case 'relu':
      for (let p = o; p < end; p++) delta[p] = gradOut[p] * (net[p] > 0 ? 1 : 0)
      return
    case 'sigmoid':
      for (let p = o; p < end; p++) {
        const y = out[p]
        delta[p] = gradOut[p] * (y * (1 - y))
      }
      return
    case 'tanh':
      for (let p = o; p < end; p++) {
        const y = out[p]
        delta[p] = gradOut[p] * (1 - y * y)
      }
      return
    default:
      for (let p = o; p < end; p++) delta[p] = gradOut[p] * act.derivative(net[p], out[p], actParams)
  }
}

/**
 * Backward pass for rows [r0, r0+rows), after `networkLossAndDelta`. Adds scale·∂E/∂param to
 * `grads` (the caller zeroes them once per update); scale is 1/|B| for mean reduction, 1 for sum.
 */
export function networkBackward(nw: Network, r0: number, rows: number, scale: number): void {
  for (let i = nw.layers.length - 1; i >= 0; i--) {
    const layer = nw.layers[i]
    const prev = i > 0 ? nw.layers[i - 1] : null
    if (layer.kind === 'dropout') {
      if (!prev) continue
      const o = r0 * layer.n
      const end = o + rows * layer.n
      // After an evaluation forward pass (or with rate 0) the layer is the identity.
      if (!layer.active) for (let p = o; p < end; p++) prev.gradOut[p] = layer.gradOut[p]
      else for (let p = o; p < end; p++) prev.gradOut[p] = layer.gradOut[p] * layer.mask[p]
      continue
    }
    if (i !== nw.layers.length - 1) activationBackward(layer, r0, rows)
    const input = layerInput(nw, i)
    const { nIn, nOut, delta } = layer
    // ∂E/∂W += scale·deltaᵀ·X : [nOut×rows]·[rows×nIn]
    if (layer.spec.trainWeights) {
      gemm({
        transA: true,
        transB: false,
        m: nOut,
        n: nIn,
        k: rows,
        alpha: scale,
        A: delta,
        aOffset: r0 * nOut,
        B: input,
        bOffset: r0 * nIn,
        beta: 1,
        C: layer.gW,
      })
    }
    if (layer.gb && layer.spec.trainBiases) {
      const gb = layer.gb
      for (let r = r0; r < r0 + rows; r++) {
        const o = r * nOut
        for (let j = 0; j < nOut; j++) gb[j] += scale * delta[o + j]
      }
    }
    // ∂E/∂X = delta·W : [rows×nOut]·[nOut×nIn], into the previous layer's gradOut.
    if (prev) {
      gemm({
        transA: false,
        transB: false,
        m: rows,
        n: nIn,
        k: nOut,
        alpha: 1,
        A: delta,
        aOffset: r0 * nOut,
        B: layer.W,
        beta: 0,
        C: prev.gradOut,
        cOffset: r0 * nIn,
      })
    }
  }
}

/** Zero the gradient array. */
export function networkZeroGrad(nw: Network): void {
  nw.grads.fill(0)
}
