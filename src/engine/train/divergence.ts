/**
 * Diagnosing divergence: which layer broke first, and the likely causes in words.
 */
import type { FloatArray } from '../kernels/gemm'
import type { Layer, Network } from '../nn/network'
import type { ParamRange } from '../nn/optimizers'
import { EngineError } from './errors'

const allFinite = (a: FloatArray, ranges: readonly ParamRange[]): boolean => ranges.every((r) => rangeFinite(a, r.offset, r.offset + r.length))

/**
 * Whether a[from … to) holds no NaN or ±∞: x − x is 0 for every finite x and NaN otherwise, so
 * one sum without a branch per element tells (checked every epoch over every parameter).
 */
function rangeFinite(a: FloatArray, from: number, to: number): boolean {
  let sum = 0
  for (let i = from; i < to; i++) sum += a[i] - a[i]
  return sum === 0
}

/** The first layer with a NaN/Inf parameter or state value, if any. */
export function nonFiniteLayer(nw: Network): Layer | null {
  return nw.layers.find((l) => !allFinite(nw.params, l.blocks) || !allFinite(nw.state, l.stateBlocks)) ?? null
}

/** The first layer whose output (row 0) overflowed. */
function overflowedLayer(nw: Network): Layer | null {
  return nw.layers.find((l) => !allFinite(l.out, [{ offset: 0, length: l.units }])) ?? null
}

/**
 * The DivergenceError for a run that produced NaN or Infinity at `epoch` (1-based, the one in
 * progress) and `iteration`, naming the layer that broke (`culprit`, else found here).
 */
export function divergenceError(nw: Network, at: { epoch: number; iteration: number; learningRate: number }, culprit?: Layer | null): EngineError {
  const layer = culprit ?? nonFiniteLayer(nw) ?? overflowedLayer(nw)
  const out = nw.output
  const where = layer ? `in layer "${layer.nodeId}"` : `in the output layer "${out.nodeId}"`
  const lossId = nw.loss.id
  const act = out.activation?.id
  const hints = [`the learning rate η = ${at.learningRate} is probably too high (try 10× smaller)`]
  if ((lossId === 'bce' && act !== 'sigmoid') || (lossId === 'softmaxCrossEntropy' && act !== 'softmax' && act !== 'linear')) {
    hints.push(`the ${lossId} loss does not suit the output activation "${act}" (bce needs sigmoid, softmaxCrossEntropy needs softmax or linear)`)
  } else {
    hints.push('check that the loss suits the output activation (bce with sigmoid, softmaxCrossEntropy with softmax)')
  }
  const message =
    `Training diverged at epoch ${at.epoch}, iteration ${at.iteration}: NaN or Infinity appeared ${where}. ` +
    `Likely causes: ${hints.join('; or ')}.`
  return new EngineError('DivergenceError', message, layer?.nodeId ?? out.nodeId)
}
