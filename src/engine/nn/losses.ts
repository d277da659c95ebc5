/**
 * Loss functions, per example, in a registry keyed by `LossId`.
 *
 * Each loss gives E for one example row (summed over its outputs) and ∂E/∂out for that row.
 * The batch reduction (`mean` or `sum`, see `LossSpec`) is applied by the network when it
 * combines per-example gradients: mean gives the lectures' w ← w − η/|B|·Σ∂C_i/∂w.
 *
 * Two pairs are fused in the network for stability, computing the delta ∂E/∂net directly:
 * softmax + softmaxCrossEntropy (delta = out − t) and sigmoid + bce (delta = out − t).
 */
import { keyed, type Described } from './registry'
import type { FloatArray } from '../kernels/gemm'
import { softplus } from './activations'

/** A loss's registry entry (its id is its key). */
export interface LossDef extends Described {
  /** E of one example: `out` and `target` rows of length n starting at `o` and `t`. */
  value(out: FloatArray, o: number, target: FloatArray, t: number, n: number): number
  /** ∂E/∂out of one example, written to `grad[o..o+n)`. */
  gradient(out: FloatArray, o: number, target: FloatArray, t: number, n: number, grad: FloatArray): void
}

/** Probabilities are clamped to [ε, 1 − ε] so log never sees 0. */
const EPS = 1e-12
const clampProbability = (p: number): number => Math.min(1 - EPS, Math.max(EPS, p))

/** The hinge's class of a target: +1 if t > 0 else −1 (so {0,1} and {−1,+1} targets both work). */
const hingeLabel = (t: number): number => (t > 0 ? 1 : -1)

const halfSquared: Pick<LossDef, 'value' | 'gradient'> = {
  value(out, o, target, t, n) {
    let e = 0
    for (let j = 0; j < n; j++) {
      const d = target[t + j] - out[o + j]
      e += d * d
    }
    return 0.5 * e
  },
  gradient(out, o, target, t, n, grad) {
    for (let j = 0; j < n; j++) grad[o + j] = out[o + j] - target[t + j]
  },
}

/** log Σ_j e^{x_j}, stable. */
function logSumExp(x: FloatArray, o: number, n: number): number {
  let max = -Infinity
  for (let j = 0; j < n; j++) if (x[o + j] > max) max = x[o + j]
  let s = 0
  for (let j = 0; j < n; j++) s += Math.exp(x[o + j] - max)
  return max + Math.log(s)
}

/** Binary cross-entropy from the net input z of a sigmoid unit: softplus(z) − t·z (stable). */
export function bceFromNet(net: FloatArray, o: number, target: FloatArray, t: number, n: number): number {
  let e = 0
  for (let j = 0; j < n; j++) e += softplus(net[o + j]) - target[t + j] * net[o + j]
  return e
}

/**
 * Softmax + negative log-likelihood of one row of logits x = net[o..o+n) against t = T[o..o+n):
 * returns E = Σ_j t_j·(lse − x_j) and writes delta_j = e^{x_j − lse}·Σt − t_j, with lse computed
 * once (the same bits as `losses.softmaxCrossEntropy.value` and `.gradient` called separately).
 */
export function softmaxCrossEntropyRow(net: FloatArray, T: FloatArray, o: number, n: number, delta: FloatArray): number {
  const lse = logSumExp(net, o, n)
  let e = 0
  let sumT = 0
  for (let j = 0; j < n; j++) {
    const t = T[o + j]
    if (t !== 0) e += t * (lse - net[o + j])
  }
  for (let j = 0; j < n; j++) sumT += T[o + j]
  for (let j = 0; j < n; j++) delta[o + j] = Math.exp(net[o + j] - lse) * sumT - T[o + j]
  return e
}

export const losses = keyed({
  /** E = ½·Σ_j (t_j − o_j)², ∂E/∂o_j = o_j − t_j (lecture 001). */
  halfSse: { label: '½·SSE', description: 'E = ½·Σ(t−o)² per example, as in the lectures.', ...halfSquared },
  /** Nielsen's quadratic cost: ½‖y − a‖² per example (averaged over examples by the reduction). */
  mse: { label: 'MSE (Nielsen)', description: 'C = 1/(2n)·Σ‖y−a‖²: ½‖y−a‖² averaged over examples.', ...halfSquared },
  /** E = Σ_j |t_j − o_j|, ∂E/∂o_j = sign(o_j − t_j) (0 at equality). */
  mae: {
    label: 'MAE',
    description: 'Mean absolute error Σ|t−o|.',
    value(out, o, target, t, n) {
      let e = 0
      for (let j = 0; j < n; j++) e += Math.abs(target[t + j] - out[o + j])
      return e
    },
    gradient(out, o, target, t, n, grad) {
      for (let j = 0; j < n; j++) grad[o + j] = Math.sign(out[o + j] - target[t + j])
    },
  },
  /** E = −Σ_j [t_j·log o_j + (1 − t_j)·log(1 − o_j)] on sigmoid outputs o ∈ (0, 1). */
  bce: {
    label: 'Binary cross-entropy',
    description: '−[t·ln o + (1−t)·ln(1−o)] on sigmoid outputs.',
    value(out, o, target, t, n) {
      let e = 0
      for (let j = 0; j < n; j++) {
        const p = clampProbability(out[o + j])
        e -= target[t + j] * Math.log(p) + (1 - target[t + j]) * Math.log(1 - p)
      }
      return e
    },
    gradient(out, o, target, t, n, grad) {
      for (let j = 0; j < n; j++) {
        const p = clampProbability(out[o + j])
        grad[o + j] = (p - target[t + j]) / (p * (1 - p))
      }
    },
  },
  /**
   * Softmax + negative log-likelihood on logits x (the layer's outputs, or its net input when the
   * layer's activation is softmax): E = Σ_j t_j·(logΣ_k e^{x_k} − x_j), ∂E/∂x_j = softmax(x)_j·Σt − t_j.
   */
  softmaxCrossEntropy: {
    label: 'Softmax cross-entropy',
    description: '−Σ t·ln softmax(z): the loss for a softmax output, computed stably.',
    value(out, o, target, t, n) {
      const lse = logSumExp(out, o, n)
      let e = 0
      for (let j = 0; j < n; j++) if (target[t + j] !== 0) e += target[t + j] * (lse - out[o + j])
      return e
    },
    gradient(out, o, target, t, n, grad) {
      const lse = logSumExp(out, o, n)
      let sumT = 0
      for (let j = 0; j < n; j++) sumT += target[t + j]
      for (let j = 0; j < n; j++) grad[o + j] = Math.exp(out[o + j] - lse) * sumT - target[t + j]
    },
  },
  /**
   * Hinge: E = Σ_j max(0, 1 − y_j·o_j) with y_j = +1 if t_j > 0 else −1 (so {0,1} and {−1,+1}
   * targets both work); ∂E/∂o_j = −y_j where the margin is violated, else 0.
   */
  hinge: {
    label: 'Hinge',
    description: 'max(0, 1 − t·o) with targets ±1 (margin classifier).',
    value(out, o, target, t, n) {
      let e = 0
      for (let j = 0; j < n; j++) e += Math.max(0, 1 - hingeLabel(target[t + j]) * out[o + j])
      return e
    },
    gradient(out, o, target, t, n, grad) {
      for (let j = 0; j < n; j++) {
        const y = hingeLabel(target[t + j])
        grad[o + j] = 1 - y * out[o + j] > 0 ? -y : 0
      }
    },
  },
} satisfies Record<string, LossDef>)

/** The loss ids: the keys of the registry. */
export type LossId = keyof typeof losses

export type Loss = LossDef & { id: LossId }
