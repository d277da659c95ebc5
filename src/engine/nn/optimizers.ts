/**
 * Optimizers: turn the (reduced, regularised, clipped) gradient g = ∂E/∂w into an update of
 * the flat parameter array. Each keeps its state in flat arrays the size of the parameters.
 * Only the trainable ranges are touched, so frozen weights or biases never move.
 *
 * - sgd:          w ← w − η·g
 * - momentum:     Δw(n) = −η·g + α·Δw(n−1);  w ← w + Δw(n)          (lecture 001)
 * - momentumEma:  v ← λ·v − (1 − λ)·g;  w ← w + η·v                    (lecture 004)
 * - nesterov:     v ← α·v − η·g;  w ← w + α·v − η·g  (Sutskever's form: gradient at w, look-ahead in the step)
 * - adagrad:      G ← G + g²;  w ← w − η·g/(√G + ε)
 * - rmsprop:      s ← ρ·s + (1 − ρ)·g²;  w ← w − η·g/(√s + ε)
 * - adam:         m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;  m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ);
 *                 w ← w − η·m̂/(√v̂ + ε)
 * - perceptron:   w ← w − η·g, where the network's g for a step/sign unit is −(t − y)·x
 *                 (so Δw = ±η·x on a mistake, lecture 001).
 *
 * Defaults: α = λ = 0.9, ρ = 0.9, β1 = 0.9, β2 = 0.999, ε = 1e-8.
 */
import type { OptimizerSpec } from '../spec'
import { keyed, type Described } from './registry'
import { axpy, type FloatArray } from '../kernels/gemm'

/** A contiguous run of trainable parameters `[offset, offset + length)`. */
export interface ParamRange {
  offset: number
  length: number
}

export interface Optimizer {
  id: OptimizerId
  /** Apply one update with learning rate `eta` to the trainable ranges. */
  step(params: FloatArray, grads: FloatArray, eta: number, ranges: readonly ParamRange[]): void
  /**
   * Change hyper-parameters (α/λ, ρ, β1, β2, ε) for later steps; undefined fields keep their value.
   * The state (velocities, moments, step count) is kept. η is passed to each `step`.
   */
  setHyper(hyper: Partial<OptimizerHyper>): void
  /** The current hyper-parameters (defaults filled in). */
  hyper(): OptimizerHyper
  /** Copy of the state (for previews that must not disturb training). */
  saveState(): OptimizerState
  restoreState(state: OptimizerState): void
}

export interface OptimizerState {
  arrays: Float64Array[]
  t: number
}

/** Hyper-parameters besides η: α (or λ) of the momentum rules, ρ of RMSProp, Adam's β1, β2, and ε. */
export interface OptimizerHyper {
  momentum: number
  rho: number
  beta1: number
  beta2: number
  epsilon: number
}

type Rule = (w: FloatArray, g: FloatArray, s: FloatArray[], i: number, eta: number, h: OptimizerHyper, t: number) => void

interface RuleDef {
  /** Number of state arrays. */
  slots: number
  rule: Rule
}

const sgdRule: RuleDef = {
  slots: 0,
  rule: (w, g, _s, i, eta) => {
    w[i] -= eta * g[i]
  },
}

/** Update rules keyed by optimizer id; `t` is the 1-based step count (Adam's bias correction). */
export const optimizerRules = keyed({
  sgd: { ...sgdRule, label: 'Gradient descent', description: 'w ← w − η·∂E/∂w.' },
  momentum: {
    label: 'Momentum',
    description: 'Δw(n) = −η·∂E/∂w + α·Δw(n−1).',
    slots: 1,
    rule: (w, g, [dw], i, eta, h) => {
      dw[i] = -eta * g[i] + h.momentum * dw[i]
      w[i] += dw[i]
    },
  },
  momentumEma: {
    label: 'Momentum (EMA form)',
    description: 'v ← λ·v − (1−λ)·∂E/∂w, w ← w + η·v.',
    slots: 1,
    rule: (w, g, [v], i, eta, h) => {
      v[i] = h.momentum * v[i] - (1 - h.momentum) * g[i]
      w[i] += eta * v[i]
    },
  },
  nesterov: {
    label: 'Nesterov',
    description: 'Momentum that looks ahead: the gradient is taken at w + α·Δw.',
    slots: 1,
    rule: (w, g, [v], i, eta, h) => {
      v[i] = h.momentum * v[i] - eta * g[i]
      w[i] += h.momentum * v[i] - eta * g[i]
    },
  },
  adagrad: {
    label: 'AdaGrad',
    description: 'Per-weight rate η/√(Σg² + ε): big steps for rarely-updated weights.',
    slots: 1,
    rule: (w, g, [G], i, eta, h) => {
      G[i] += g[i] * g[i]
      w[i] -= (eta * g[i]) / (Math.sqrt(G[i]) + h.epsilon)
    },
  },
  rmsprop: {
    label: 'RMSProp',
    description: 'Per-weight rate η/√(E[g²] + ε) with a decaying average (ρ).',
    slots: 1,
    rule: (w, g, [s], i, eta, h) => {
      s[i] = h.rho * s[i] + (1 - h.rho) * g[i] * g[i]
      w[i] -= (eta * g[i]) / (Math.sqrt(s[i]) + h.epsilon)
    },
  },
  adam: {
    label: 'Adam',
    description: 'Momentum (β1) and RMSProp (β2) with bias correction.',
    slots: 2,
    rule: (w, g, [m, v], i, eta, h, t) => {
      m[i] = h.beta1 * m[i] + (1 - h.beta1) * g[i]
      v[i] = h.beta2 * v[i] + (1 - h.beta2) * g[i] * g[i]
      const mHat = m[i] / (1 - Math.pow(h.beta1, t))
      const vHat = v[i] / (1 - Math.pow(h.beta2, t))
      w[i] -= (eta * mHat) / (Math.sqrt(vHat) + h.epsilon)
    },
  },
  perceptron: { ...sgdRule, label: 'Perceptron rule', description: 'Δw = ±η·x on a mistake (single step layer only; no gradient).' },
} satisfies Record<string, RuleDef & Described>)

/** The optimizer ids: the keys of the registry. */
export type OptimizerId = keyof typeof optimizerRules

/**
 * Create an optimizer for `size` parameters. `alloc` makes the state arrays (float32 sessions
 * pass their allocator so state has the parameters' precision).
 */
export function createOptimizer(
  spec: OptimizerSpec,
  size: number,
  alloc: (length: number) => FloatArray = (n) => new Float64Array(n),
): Optimizer {
  const def: RuleDef = optimizerRules[spec.id]
  const h: OptimizerHyper = {
    momentum: spec.momentum ?? 0.9,
    rho: spec.rho ?? 0.9,
    beta1: spec.beta1 ?? 0.9,
    beta2: spec.beta2 ?? 0.999,
    epsilon: spec.epsilon ?? 1e-8,
  }
  const state: FloatArray[] = []
  for (let s = 0; s < def.slots; s++) state.push(alloc(size))
  let t = 0
  return {
    id: spec.id,
    step(params, grads, eta, ranges) {
      t++
      if (def === sgdRule) {
        // w ← w − η·g as one vector update per range (SIMD for float32 with the WebAssembly
        // kernels): a call per parameter cost more than Task N's whole gemm work.
        for (const r of ranges) axpy(r.length, -eta, grads, r.offset, params, r.offset)
        return
      }
      const rule = def.rule
      for (const r of ranges) {
        const end = r.offset + r.length
        for (let i = r.offset; i < end; i++) rule(params, grads, state, i, eta, h, t)
      }
    },
    setHyper(hyper) {
      for (const key of ['momentum', 'rho', 'beta1', 'beta2', 'epsilon'] as const) {
        const v = hyper[key]
        if (v !== undefined) h[key] = v
      }
    },
    hyper: () => ({ ...h }),
    saveState: () => ({ arrays: state.map((a) => Float64Array.from(a)), t }),
    restoreState(saved) {
      saved.arrays.forEach((a, s) => state[s].set(a))
      t = saved.t
    },
  }
}
