/**
 * Activation functions, each a tiny object with its value f(net) and derivative f'(net),
 * in a registry keyed by `ActivationId` (files store the id, never the function).
 *
 * `derivative(net, out, p)` receives both net and out = f(net) so sigmoid and tanh can use the
 * lectures' forms f' = out·(1 − out) and f' = 1 − out².
 *
 * softmax is not element-wise: its value and Jacobian-vector product work on whole rows
 * (`softmaxRows`, `softmaxBackwardRows`).
 */
import type { ActivationSpec } from '../spec'
import { keyed, type Described } from './registry'
import type { Bounds } from '../schema/fields'
import type { FloatArray } from '../kernels/gemm'

/** How an activation parameter is declared: what the inspector shows, its bounds, its default. */
export interface ActivationParamDecl extends Described, Bounds {
  default: number
}

const declareParams = <K extends string>(decls: Record<K, ActivationParamDecl>): Readonly<Record<K, ActivationParamDecl>> => decls

/**
 * The parameters an activation may read, each declared once: its label, what it means, its
 * bounds and its default. The canvas node's fields, the project file's and the engine spec's
 * schemas and the compiler's checks all take them from here (`activationParamField`).
 */
export const ACTIVATION_PARAMS = declareParams({
  /** Slope a of linear: f(x) = a·x (any sign). */
  slope: { label: 'Slope a', description: 'f(x) = a·x.', default: 1 },
  /** Negative-side slope α of leaky ReLU: α ≥ 0 keeps it monotone. */
  alpha: { label: 'α', description: 'Slope for negative inputs.', min: 0, default: 0.01 },
  /** Standard deviation of noisy ReLU's training noise. */
  noiseStd: { label: 'Noise σ', description: 'Standard deviation of the noise added while training.', min: 0, default: 1 },
})

/** A parameter an activation may take. */
export type ActivationParamKey = keyof typeof ACTIVATION_PARAMS

/** Resolved parameters of an activation (defaults filled in). */
export type ActivationParams = Record<ActivationParamKey, number>

const PARAM_KEYS = Object.keys(ACTIVATION_PARAMS) as ActivationParamKey[]

/** What an absent parameter means: slope 1, α 0.01, noise std 1 (the canvas node's defaults too). */
export const ACTIVATION_PARAM_DEFAULTS: Readonly<ActivationParams> = Object.fromEntries(PARAM_KEYS.map((key) => [key, ACTIVATION_PARAMS[key].default])) as ActivationParams

/** An activation's registry entry (its id is its key). */
export interface ActivationDef extends Described {
  /**
   * The parameters it reads: the inspector shows them for it, the compiler writes them into
   * its spec (where not the default) and the model file keeps them.
   */
  params?: readonly ActivationParamKey[]
  /** False for step and sign: their derivative is 0 almost everywhere (perceptron rule instead). */
  differentiable: boolean
  /** False for softmax, which couples the units of a row. */
  elementwise: boolean
  /** Output range, used for class thresholds: the midpoint separates the two classes. */
  range: [number, number]
  /** f(net). */
  value(net: number, p: ActivationParams): number
  /** f'(net), given out = f(net). */
  derivative(net: number, out: number, p: ActivationParams): number
}

/** Fill in the defaults of an activation spec (`ACTIVATION_PARAM_DEFAULTS`). */
export function activationParams(spec: ActivationSpec): ActivationParams {
  const d = ACTIVATION_PARAM_DEFAULTS
  return { slope: spec.slope ?? d.slope, alpha: spec.alpha ?? d.alpha, noiseStd: spec.noiseStd ?? d.noiseStd }
}

const sigmoid = (x: number): number =>
  x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))

/** softplus(x) = log(1 + eˣ), computed without overflow. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))
}

export const activations = keyed({
  /** f(x) = a·x, f' = a. */
  linear: {
    label: 'Linear',
    description: 'f(x) = a·x: no squashing (regression outputs, logits).',
    params: ['slope'],
    differentiable: true,
    elementwise: true,
    range: [-Infinity, Infinity],
    value: (x, p) => p.slope * x,
    derivative: (_x, _o, p) => p.slope,
  },
  /** Heaviside step as lecture 001: 1 if net ≥ 0 else 0. f' = 0. */
  step: {
    label: 'Step (Heaviside)',
    description: 'f(x) = 1 if x ≥ 0 else 0: the perceptron’s threshold unit.',
    differentiable: false,
    elementwise: true,
    range: [0, 1],
    value: (x) => (x >= 0 ? 1 : 0),
    derivative: () => 0,
  },
  /** sign: +1 if net ≥ 0 else −1. f' = 0. */
  sign: {
    label: 'Sign (±1)',
    description: 'f(x) = +1 if x ≥ 0 else −1: the ±1 perceptron.',
    differentiable: false,
    elementwise: true,
    range: [-1, 1],
    value: (x) => (x >= 0 ? 1 : -1),
    derivative: () => 0,
  },
  /** σ(x) = 1/(1 + e⁻ˣ), σ' = out·(1 − out). */
  sigmoid: {
    label: 'Sigmoid',
    description: 'f(x) = 1/(1+e^−x), outputs in (0, 1); f′ = f(1−f).',
    differentiable: true,
    elementwise: true,
    range: [0, 1],
    value: (x) => sigmoid(x),
    derivative: (_x, o) => o * (1 - o),
  },
  /** tanh(x), f' = 1 − out². */
  tanh: {
    label: 'Tanh',
    description: 'f(x) = tanh x, outputs in (−1, 1), centred at 0.',
    differentiable: true,
    elementwise: true,
    range: [-1, 1],
    value: (x) => Math.tanh(x),
    derivative: (_x, o) => 1 - o * o,
  },
  /** max(0, x); f' = 1 if x > 0 else 0 (the lecture's convention at 0). */
  relu: {
    label: 'ReLU',
    description: 'f(x) = max(0, x): fast to train, the usual hidden default.',
    differentiable: true,
    elementwise: true,
    range: [0, Infinity],
    value: (x) => (x > 0 ? x : 0),
    derivative: (x) => (x > 0 ? 1 : 0),
  },
  /** x if x > 0 else α·x; f' = 1 or α. */
  leakyRelu: {
    label: 'Leaky ReLU',
    description: 'f(x) = x for x > 0, α·x otherwise (α = 0.01 by default).',
    params: ['alpha'],
    differentiable: true,
    elementwise: true,
    range: [-Infinity, Infinity],
    value: (x, p) => (x > 0 ? x : p.alpha * x),
    derivative: (x, _o, p) => (x > 0 ? 1 : p.alpha),
  },
  /** log(1 + eˣ), f' = σ(x). */
  softplus: {
    label: 'Softplus',
    description: 'f(x) = ln(1+e^x): a smooth ReLU.',
    differentiable: true,
    elementwise: true,
    range: [0, Infinity],
    value: (x) => softplus(x),
    derivative: (x) => sigmoid(x),
  },
  /**
   * Noisy ReLU max(0, x + N(0, σ²)) while training (the noise is added by the layer, from the
   * `noise` stream); plain ReLU at evaluation. f' = 1 where the (noisy) output is positive.
   */
  noisyRelu: {
    label: 'Noisy ReLU',
    description: 'max(0, x + N(0, σ²)) while training, plain ReLU otherwise.',
    params: ['noiseStd'],
    differentiable: true,
    elementwise: true,
    range: [0, Infinity],
    value: (x) => (x > 0 ? x : 0),
    derivative: (_x, o) => (o > 0 ? 1 : 0),
  },
  /** softmax(net)_j = e^{net_j}/Σ_k e^{net_k}, row-wise (see `softmaxRows`). */
  softmax: {
    label: 'Softmax',
    description: 'e^x_j / Σ_k e^x_k: outputs are positive and sum to 1 (class probabilities).',
    differentiable: true,
    elementwise: false,
    range: [0, 1],
    value: () => {
      throw new Error('softmax is row-wise: use softmaxRows')
    },
    derivative: () => {
      throw new Error('softmax is row-wise: use softmaxBackwardRows')
    },
  },
} satisfies Record<string, ActivationDef>)

/** The activation ids (`"sigmoid"`, …): the keys of the registry. */
export type ActivationId = keyof typeof activations

export type Activation = ActivationDef & { id: ActivationId }

/**
 * Row-wise softmax, stable (subtracts the row max): out[r][j] = e^{net_j − m}/Σ_k e^{net_k − m}.
 * `net` and `out` are `[rows][cols]` starting at `offset`.
 */
export function softmaxRows(net: FloatArray, out: FloatArray, offset: number, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const o = offset + r * cols
    let max = -Infinity
    for (let j = 0; j < cols; j++) if (net[o + j] > max) max = net[o + j]
    let sum = 0
    for (let j = 0; j < cols; j++) {
      const e = Math.exp(net[o + j] - max)
      out[o + j] = e
      sum += e
    }
    for (let j = 0; j < cols; j++) out[o + j] /= sum
  }
}

/**
 * Softmax Jacobian-vector product: delta_j = out_j·(g_j − Σ_k g_k·out_k), where g = ∂E/∂out.
 * All arrays `[rows][cols]` from `offset`.
 */
export function softmaxBackwardRows(
  out: FloatArray,
  gradOut: FloatArray,
  delta: FloatArray,
  offset: number,
  rows: number,
  cols: number,
): void {
  for (let r = 0; r < rows; r++) {
    const o = offset + r * cols
    let dot = 0
    for (let j = 0; j < cols; j++) dot += gradOut[o + j] * out[o + j]
    for (let j = 0; j < cols; j++) delta[o + j] = out[o + j] * (gradOut[o + j] - dot)
  }
}

/** The ids of the activations that read `key` (where the inspector shows that parameter). */
export function activationsUsing(key: ActivationParamKey): ActivationId[] {
  return (Object.keys(activations) as ActivationId[]).filter((id) => (activations[id] as ActivationDef).params?.includes(key))
}
