/**
 * An activation over rows of a buffer: out = f(net) forward, delta = gradOut ⊙ f'(net) backward
 * (softmax row-wise). The common activations run as tight loops with the very expressions of
 * their registry entries (same bits, no call per element; ReLU through `kernels/relu`, SIMD for
 * float32); the others call `value`/`derivative`.
 */
import type { FloatArray } from '../kernels/gemm'
import { reluBackward, reluForward } from '../kernels/relu'
import { softmaxBackwardRows, softmaxRows, type Activation, type ActivationParams } from './activations'
import type { ForwardRngs } from './layer'

/**
 * out = f(net) for rows [r0, r0+rows) of width n. With `rngs` (training) noisy ReLU adds
 * N(0, σ²) noise from the noise stream.
 */
export function activationForwardRows(
  act: Activation,
  params: ActivationParams,
  net: FloatArray,
  out: FloatArray,
  r0: number,
  rows: number,
  n: number,
  rngs: ForwardRngs | null,
): void {
  const o = r0 * n
  const end = o + rows * n
  if (!act.elementwise) {
    softmaxRows(net, out, o, rows, n)
    return
  }
  if (act.id === 'noisyRelu' && rngs) {
    const std = params.noiseStd
    for (let p = o; p < end; p++) {
      const x = net[p] + rngs.noise.normal(0, std)
      out[p] = x > 0 ? x : 0
    }
    return
  }
  switch (act.id) {
    case 'relu':
      reluForward(net, out, o, end)
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

/** delta = gradOut ⊙ f'(net) (or the softmax Jacobian product) for rows [r0, r0+rows) of width n. */
export function activationBackwardRows(
  act: Activation,
  params: ActivationParams,
  net: FloatArray,
  out: FloatArray,
  gradOut: FloatArray,
  delta: FloatArray,
  r0: number,
  rows: number,
  n: number,
): void {
  const o = r0 * n
  if (!act.elementwise) {
    softmaxBackwardRows(out, gradOut, delta, o, rows, n)
    return
  }
  const end = o + rows * n
  switch (act.id) {
    case 'relu':
      reluBackward(net, gradOut, delta, o, end)
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
      for (let p = o; p < end; p++) delta[p] = gradOut[p] * act.derivative(net[p], out[p], params)
  }
}
