/**
 * The dense (fully connected) layer with its activation, batched through `gemm`:
 *
 *   net = X·Wᵀ + b          X: [rows×nIn], W: [nOut×nIn] (w_jk = W[j·nIn + k], "from k into j")
 *   out = f(net)
 *   delta = ∂E/∂net = ∂E/∂out ⊙ f'(net)       (the lectures' δ is −delta)
 *   ∂E/∂W += scale·deltaᵀ·X,  ∂E/∂b += scale·Σ_rows delta,  ∂E/∂X = delta·W
 *
 * Parameters: W (nOut·nIn, row-major [out][in]) then b (nOut, only with a bias).
 */
import type { DenseLayerSpec } from '../spec'
import { activationSpec } from '../schema/engineSpec'
import { int } from '../schema/fields'
import { perUnit, perUnitAndInput } from '../schema/layerFields'
import { z } from '../schema/z'
import { addColumnSums, gemm, zeroFloats, type FloatArray } from '../kernels/gemm'
import { activationParams, activations, type Activation, type ActivationParams } from './activations'
import { activationBackwardRows, activationForwardRows } from './activationPass'
import { initFill } from './init'
import { bceFromNet, softmaxCrossEntropyRow, type Loss } from './losses'
import { perceptronDelta } from './perceptron'
import { LayerBase, type ForwardRngs, type LayerContext, type LayerKind, type OutputLayer, type ParamBlock, type WeightView } from './layer'

class DenseLayer extends LayerBase<DenseLayerSpec> implements OutputLayer {
  readonly kind = 'dense'
  readonly writesGradients = true
  readonly activation: Activation
  readonly actParams: ActivationParams
  readonly weights: WeightView
  readonly blocks: ParamBlock[] = []
  readonly stateBlocks = []
  /** Work buffers [capacity×units]: net input, output, ∂E/∂out and ∂E/∂net. */
  readonly net: FloatArray
  readonly out: FloatArray
  readonly gradOut: FloatArray
  readonly delta: FloatArray

  constructor(spec: DenseLayerSpec, ctx: LayerContext) {
    super(spec, ctx, spec.units)
    const { nIn, capacity, params, grads, alloc } = ctx
    const nOut = spec.units
    this.activation = activations[spec.activation.id]
    this.actParams = activationParams(spec.activation)
    const wOffset = ctx.paramOffset
    const bOffset = spec.useBias ? wOffset + nOut * nIn : -1
    const W = params.subarray(wOffset, wOffset + nOut * nIn)
    const b = spec.useBias ? params.subarray(bOffset, bOffset + nOut) : null
    this.weights = {
      W,
      b,
      gW: grads.subarray(wOffset, wOffset + nOut * nIn),
      gb: spec.useBias ? grads.subarray(bOffset, bOffset + nOut) : null,
      wOffset,
      bOffset,
    }
    this.blocks.push({ name: 'weights', offset: wOffset, length: nOut * nIn, shape: [nOut, nIn], trainable: spec.trainWeights, regularized: true })
    if (spec.useBias) this.blocks.push({ name: 'biases', offset: bOffset, length: nOut, shape: [nOut, 1], trainable: spec.trainBiases, regularized: false })
    if (ctx.initialise) {
      const fan = { nIn, nOut }
      initFill(params, wOffset, nOut * nIn, spec.weightInit, fan, ctx.initRng)
      if (spec.useBias) initFill(params, bOffset, nOut, spec.biasInit, fan, ctx.initRng)
      if (spec.weights) for (let j = 0; j < nOut; j++) for (let k = 0; k < nIn; k++) W[j * nIn + k] = spec.weights[j][k]
      if (spec.biases && b) for (let j = 0; j < nOut; j++) b[j] = spec.biases[j]
    }
    this.net = alloc(capacity * nOut)
    this.out = alloc(capacity * nOut)
    this.gradOut = alloc(capacity * nOut)
    this.delta = alloc(capacity * nOut)
  }

  /** net = X·Wᵀ + b, out = f(net) for rows [r0, r0+rows). */
  forward(inputs: readonly FloatArray[], r0: number, rows: number, rngs: ForwardRngs | null): void {
    const input = inputs[0]
    const { nIn, units: nOut, net } = this
    const { W, b } = this.weights
    const o = r0 * nOut
    if (b) for (let r = 0; r < rows; r++) net.set(b, o + r * nOut)
    gemm({ transA: false, transB: true, m: rows, n: nOut, k: nIn, alpha: 1, A: input, aOffset: r0 * nIn, B: W, beta: b ? 1 : 0, C: net, cOffset: o })
    activationForwardRows(this.activation, this.actParams, net, this.out, r0, rows, nOut, rngs)
  }

  backward(inputs: readonly FloatArray[], gradInputs: readonly (FloatArray | null)[], r0: number, rows: number, scale: number, write = false): void {
    activationBackwardRows(this.activation, this.actParams, this.net, this.out, this.gradOut, this.delta, r0, rows, this.units)
    this.backwardFromDelta(inputs, gradInputs, r0, rows, scale, write)
  }

  /**
   * ∂E/∂W += scale·deltaᵀ·X, ∂E/∂b += scale·Σ delta, ∂E/∂X = delta·W (into `gradInput`); with
   * `write`, ∂E/∂W and ∂E/∂b are written instead of added to (a batch's first chunk).
   */
  backwardFromDelta(inputs: readonly FloatArray[], gradInputs: readonly (FloatArray | null)[], r0: number, rows: number, scale: number, write = false): void {
    const input = inputs[0]
    const gradInput = gradInputs[0]
    const { nIn, units: nOut, delta } = this
    const { W, gW, gb } = this.weights
    // [nOut×rows]·[rows×nIn]; beta 0 writes as adding to zeros would (the kernel skips the fill).
    if (this.spec.trainWeights) {
      gemm({ transA: true, transB: false, m: nOut, n: nIn, k: rows, alpha: scale, A: delta, aOffset: r0 * nOut, B: input, bOffset: r0 * nIn, beta: write ? 0 : 1, C: gW })
    } else if (write) zeroFloats(gW)
    if (gb && write) zeroFloats(gb)
    if (gb && this.spec.trainBiases) addColumnSums(rows, nOut, scale, delta, r0 * nOut, gb)
    // [rows×nOut]·[nOut×nIn]
    if (gradInput) {
      gemm({ transA: false, transB: false, m: rows, n: nIn, k: nOut, alpha: 1, A: delta, aOffset: r0 * nOut, B: W, beta: 0, C: gradInput, cOffset: r0 * nIn })
    }
  }

  /**
   * Loss and delta = ∂E_i/∂net per row. Two pairs are fused for stability: softmax with
   * softmaxCrossEntropy and sigmoid with bce (delta = out − t from the logits).
   */
  lossAndDelta(T: FloatArray, r0: number, rows: number, loss: Loss, deltaRule: boolean): number {
    const { units: n, net, out, gradOut, delta } = this
    const act = this.activation.id
    const fusedSoftmax = act === 'softmax' && loss.id === 'softmaxCrossEntropy'
    const fusedBce = act === 'sigmoid' && loss.id === 'bce'
    let total = 0
    for (let r = r0; r < r0 + rows; r++) {
      const o = r * n
      if (fusedSoftmax) {
        total += softmaxCrossEntropyRow(net, T, o, n, delta)
      } else if (fusedBce) {
        total += bceFromNet(net, o, T, o, n)
        for (let j = 0; j < n; j++) delta[o + j] = out[o + j] - T[o + j]
      } else {
        total += loss.value(out, o, T, o, n)
        if (deltaRule) perceptronDelta(act, out, T, o, n, delta)
        else loss.gradient(out, o, T, o, n, gradOut)
      }
    }
    if (!deltaRule && !fusedSoftmax && !fusedBce) {
      activationBackwardRows(this.activation, this.actParams, net, out, gradOut, delta, r0, rows, n)
    }
    return total
  }

  traceValues(): Record<string, number[]> {
    return { net: Array.from(this.net.subarray(0, this.units)), delta: Array.from(this.delta.subarray(0, this.units)) }
  }

  exportFields(): Record<string, unknown> {
    const { W, b } = this.weights
    const weights: number[][] = []
    for (let j = 0; j < this.units; j++) weights.push(Array.from(W.subarray(j * this.nIn, (j + 1) * this.nIn)))
    return { units: this.units, nIn: this.nIn, activation: { ...this.spec.activation }, weights, biases: b ? Array.from(b) : null }
  }
}

/** A dense layer in the model file: its shape, activation, weights and biases. */
export const denseModelFields = z.object({
  units: int({ min: 1 }),
  /** Inputs per unit: the width of what it reads. */
  nIn: int({ min: 1 }),
  activation: activationSpec,
  weights: perUnitAndInput('weights[j][k] is w_jk, from input k into unit j.'),
  /** Null for a layer without bias. */
  biases: perUnit('b_j of each unit, or null without bias.').nullable(),
}).meta({ description: 'A dense layer: out = f(W·x + b).' })

export const denseKind: LayerKind<DenseLayerSpec, typeof denseModelFields> = {
  kind: 'dense',
  units: (spec) => spec.units,
  paramCount: (spec, nIn) => spec.units * nIn + (spec.useBias ? spec.units : 0),
  stateCount: () => 0,
  output: true,
  fields: z.object({ activation: activationSpec }),
  check(spec, nIn, { perceptron }) {
    if (!Number.isInteger(spec.units) || spec.units < 1) return `A dense layer needs at least one unit (got ${spec.units}).`
    const act = activations[spec.activation.id] as Activation | undefined
    if (!act) return `Unknown activation "${spec.activation.id}".`
    if (act.id === 'softmax' && spec.units < 2) return 'Softmax over one unit always outputs 1: use sigmoid, or give it 2 or more units.'
    if (spec.weights && !(spec.weights.length === spec.units && spec.weights.every((row) => row.length === nIn))) {
      return `Hand-set weights must be ${spec.units}×${nIn} ([units][inputs]).`
    }
    if (spec.biases && spec.biases.length !== spec.units) return `Hand-set biases must have ${spec.units} entries.`
    if (!perceptron && !act.differentiable && spec.trainWeights) {
      return (
        `The ${act.id} activation has zero gradient, so gradient descent cannot train it: ` +
        'use the perceptron rule (single layer) or a smooth activation such as sigmoid.'
      )
    }
    return null
  },
  create: (spec, ctx) => new DenseLayer(spec, ctx),
  modelFields: denseModelFields,
  fromExport(l) {
    const biases = l.biases
    return {
      kind: 'dense',
      nodeId: l.nodeId,
      units: l.units,
      activation: { ...l.activation },
      useBias: biases !== null,
      trainWeights: true,
      trainBiases: biases !== null,
      weightInit: { id: 'zeros' },
      biasInit: { id: 'zeros' },
      weights: l.weights.map((row) => [...row]),
      ...(biases ? { biases: [...biases] } : {}),
    }
  },
}
