/**
 * Optimizers: turn the (reduced, regularised, clipped) gradient g = ∂E/∂w into an update of
 * the flat parameter array. Each keeps its state in flat arrays the size of the parameters.
 * Only the trainable ranges are touched, so frozen weights or biases never move.
 *
 * Every rule carries the formula the app shows beside the code that computes it (`UpdateRule`),
 * so the two are one registry entry. Momentum and Nesterov have two forms, as lecture 001's
 * cited overview (Ruder) writes them and as PyTorch computes them; they agree while η is
 * constant and part when a schedule changes η (η inside the velocity or outside it), and
 * Nesterov's lecture form takes the gradient at the look-ahead point w − α·v (`beginBatch`
 * moves the weights there; during a batch the network holds that point).
 *
 * Defaults: α = λ = 0.9, ρ = 0.9, β1 = 0.9, β2 = 0.999, ε = 1e-8; form `lecture`.
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
  /**
   * Call before a batch's forward pass: a look-ahead rule (Nesterov, lecture form) moves the
   * weights to the point its gradient is taken at; `step` moves them back first. No-op otherwise.
   */
  beginBatch(params: FloatArray, ranges: readonly ParamRange[]): void
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

/** One update rule: the formula the app shows and the code that computes it, side by side. */
export interface UpdateRule {
  /**
   * The update exactly as `rule` computes it, g = ∂E/∂w after regularisation and clipping
   * (the inspector shows this text; optimizerFormulas.test.ts checks the two agree).
   */
  formula: string
  /** Number of state arrays. */
  slots: number
  rule: Rule
  /**
   * Nesterov's look-ahead: the point w̃ at which the next gradient is taken (the session moves
   * the weights there before the batch's forward pass and back before `rule`).
   */
  lookahead?: (w: FloatArray, s: FloatArray[], i: number, h: OptimizerHyper) => number
}

/** How a rule with two published forms is written: as the lectures' cited source, or as PyTorch. */
export const optimizerForms = keyed({
  lecture: {
    label: 'Lecture',
    description: 'As lecture 001 and the overview it cites (Ruder) write it: η inside the velocity; Nesterov takes the gradient at the look-ahead point.',
  },
  pytorch: {
    label: 'PyTorch',
    description: 'As torch.optim.SGD computes it: the velocity sums raw gradients and η scales the step; Nesterov reformulated so no look-ahead pass is needed.',
  },
} satisfies Record<string, Described>)

/** The form ids: the keys of `optimizerForms`. */
export type OptimizerFormId = keyof typeof optimizerForms

/** The form a spec without one gets (the lectures'). */
export const DEFAULT_OPTIMIZER_FORM: OptimizerFormId = 'lecture'

type FormRules = Record<OptimizerFormId, UpdateRule>

interface OptimizerDef extends Described {
  /** One rule, or one per form where the lectures' source and PyTorch write it differently. */
  update: UpdateRule | FormRules
}

const sgdRule: UpdateRule = {
  formula: 'w ← w − η·g',
  slots: 0,
  rule: (w, g, _s, i, eta) => {
    w[i] -= eta * g[i]
  },
}

/** v ← α·v + η·g; w ← w − v: the lecture form of momentum, and of Nesterov with g taken at the look-ahead point. */
const velocityStep: Rule = (w, g, [v], i, eta, h) => {
  v[i] = h.momentum * v[i] + eta * g[i]
  w[i] -= v[i]
}

/** v ← α·v + g: PyTorch's velocity (η scales the step, not v), stored and returned. */
function pytorchVelocity(g: FloatArray, v: FloatArray, i: number, momentum: number): number {
  v[i] = momentum * v[i] + g[i]
  return v[i]
}

/** Update rules keyed by optimizer id; `t` is the 1-based step count (Adam's bias correction). */
export const optimizerRules = keyed({
  sgd: { label: 'Gradient descent', description: 'Steps against the gradient, scaled by η.', update: sgdRule },
  momentum: {
    label: 'Momentum',
    description: 'Keeps a fraction α of the previous step (lecture 001: Δw(n) = −η·∂E/∂w + α·Δw(n−1)).',
    update: {
      lecture: {
        formula: 'v ← α·v + η·g;  w ← w − v',
        slots: 1,
        rule: velocityStep,
      },
      pytorch: {
        formula: 'v ← α·v + g;  w ← w − η·v',
        slots: 1,
        rule: (w, g, [v], i, eta, h) => {
          w[i] -= eta * pytorchVelocity(g, v, i, h.momentum)
        },
      },
    },
  },
  momentumEma: {
    label: 'Momentum (EMA form)',
    description: 'Momentum as a decaying average of the gradients (lecture 004).',
    update: {
      formula: 'v ← λ·v − (1 − λ)·g;  w ← w + η·v',
      slots: 1,
      rule: (w, g, [v], i, eta, h) => {
        v[i] = h.momentum * v[i] - (1 - h.momentum) * g[i]
        w[i] += eta * v[i]
      },
    },
  },
  nesterov: {
    label: 'Nesterov',
    description: 'Momentum that corrects its step with the gradient where the momentum is taking it.',
    update: {
      lecture: {
        formula: 'v ← α·v + η·∇E(w − α·v);  w ← w − v',
        slots: 1,
        lookahead: (w, [v], i, h) => w[i] - h.momentum * v[i],
        rule: velocityStep,
      },
      pytorch: {
        formula: 'v ← α·v + g;  w ← w − η·(g + α·v)',
        slots: 1,
        rule: (w, g, [v], i, eta, h) => {
          w[i] -= eta * (g[i] + h.momentum * pytorchVelocity(g, v, i, h.momentum))
        },
      },
    },
  },
  adagrad: {
    label: 'AdaGrad',
    description: 'A per-weight rate that shrinks with the weight’s summed g²: big steps for rarely-updated weights.',
    update: {
      formula: 'G ← G + g²;  w ← w − η·g/(√G + ε)',
      slots: 1,
      rule: (w, g, [G], i, eta, h) => {
        G[i] += g[i] * g[i]
        w[i] -= (eta * g[i]) / (Math.sqrt(G[i]) + h.epsilon)
      },
    },
  },
  rmsprop: {
    label: 'RMSProp',
    description: 'A per-weight rate from a decaying average of g² (decay ρ).',
    update: {
      formula: 's ← ρ·s + (1 − ρ)·g²;  w ← w − η·g/(√s + ε)',
      slots: 1,
      rule: (w, g, [s], i, eta, h) => {
        s[i] = h.rho * s[i] + (1 - h.rho) * g[i] * g[i]
        w[i] -= (eta * g[i]) / (Math.sqrt(s[i]) + h.epsilon)
      },
    },
  },
  adam: {
    label: 'Adam',
    description: 'Momentum (β1) and RMSProp (β2) with bias correction.',
    update: {
      formula: 'm ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;  w ← w − η·(m/(1 − β1ᵗ))/(√(v/(1 − β2ᵗ)) + ε)',
      slots: 2,
      rule: (w, g, [m, v], i, eta, h, t) => {
        m[i] = h.beta1 * m[i] + (1 - h.beta1) * g[i]
        v[i] = h.beta2 * v[i] + (1 - h.beta2) * g[i] * g[i]
        const mHat = m[i] / (1 - Math.pow(h.beta1, t))
        const vHat = v[i] / (1 - Math.pow(h.beta2, t))
        w[i] -= (eta * mHat) / (Math.sqrt(vHat) + h.epsilon)
      },
    },
  },
  perceptron: {
    label: 'Perceptron rule',
    description: 'Rosenblatt’s rule, g = −(t − y)·x: Δw = ±η·x on a mistake (single step layer only; no gradient).',
    update: sgdRule,
  },
} satisfies Record<string, OptimizerDef>)

/** The optimizer ids: the keys of the registry. */
export type OptimizerId = keyof typeof optimizerRules

/** Whether the rule is written differently by the lectures' source and by PyTorch. */
export function optimizerHasForms(id: OptimizerId): boolean {
  return !('rule' in optimizerRules[id].update)
}

/** The ids of the rules with two forms (the inspector shows the form picker for these). */
export const OPTIMIZERS_WITH_FORMS = (Object.keys(optimizerRules) as OptimizerId[]).filter(optimizerHasForms)

/** The rule the engine runs for `id` in `form` (rules with one form ignore it). */
export function optimizerUpdate(id: OptimizerId, form: OptimizerFormId = DEFAULT_OPTIMIZER_FORM): UpdateRule {
  const update: UpdateRule | FormRules = optimizerRules[id].update
  return 'rule' in update ? update : update[form]
}

/** The formula the app shows for `id` in `form`: the text of the rule the engine runs. */
export function optimizerFormula(id: OptimizerId, form: OptimizerFormId = DEFAULT_OPTIMIZER_FORM): string {
  return optimizerUpdate(id, form).formula
}

/**
 * Create an optimizer for `size` parameters. `alloc` makes the state arrays (float32 sessions
 * pass their allocator so state has the parameters' precision).
 */
export function createOptimizer(
  spec: OptimizerSpec,
  size: number,
  alloc: (length: number) => FloatArray = (n) => new Float64Array(n),
): Optimizer {
  const def = optimizerUpdate(spec.id, spec.form)
  const h: OptimizerHyper = {
    momentum: spec.momentum ?? 0.9,
    rho: spec.rho ?? 0.9,
    beta1: spec.beta1 ?? 0.9,
    beta2: spec.beta2 ?? 0.999,
    epsilon: spec.epsilon ?? 1e-8,
  }
  const state: FloatArray[] = []
  for (let s = 0; s < def.slots; s++) state.push(alloc(size))
  const lookahead = def.lookahead
  // Where the weights rest while the batch's gradient is taken at the look-ahead point.
  const home = lookahead ? alloc(size) : null
  let away = false
  let t = 0
  return {
    id: spec.id,
    beginBatch(params, ranges) {
      if (!lookahead || !home || away) return
      for (const r of ranges) {
        const end = r.offset + r.length
        for (let i = r.offset; i < end; i++) {
          home[i] = params[i]
          params[i] = lookahead(home, state, i, h)
        }
      }
      away = true
    },
    step(params, grads, eta, ranges) {
      t++
      if (home && away) {
        for (const r of ranges) params.set(home.subarray(r.offset, r.offset + r.length), r.offset)
        away = false
      }
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
      away = false
    },
  }
}
