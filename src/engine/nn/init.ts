/**
 * Weight and bias initialisers, keyed by `InitId`. All draw from the session's `init` stream.
 *
 * Fan-in n_in is the layer's input count, fan-out n_out its unit count.
 * - glorotUniform: U(−√(6/(n_in+n_out)), +√(6/(n_in+n_out)));  glorotNormal: N(0, 2/(n_in+n_out)).
 * - heNormal: N(0, 2/n_in) (std √(2/n_in), lecture 002);  heUniform: U(±√(6/n_in)).
 * - standardNormal: N(0, 1), Nielsen's "large" initialiser;  scaledNormal: std 1/√n_in.
 * Lecture 002's simplified "xavier" U(±1/√n_in) is `uniform` with low/high = ∓1/√n_in.
 */
import type { InitSpec } from '../spec'
import { keyed, type Described } from './registry'
import type { FloatArray } from '../kernels/gemm'
import type { Rng } from '../rng'

export interface Fan {
  nIn: number
  nOut: number
}

/** The numbers an initialiser may read (an `InitSpec` without its id). */
export interface InitNumbers {
  value?: number
  low?: number
  high?: number
  mean?: number
  std?: number
}

export type Initializer = (spec: InitNumbers, fan: Fan, rng: Rng) => number

/** An initialiser's registry entry: `sample` gives one value per call. */
export interface InitDef extends Described {
  sample: Initializer
}

/** The caller fills weights row-major `[out][in]`, one `sample` per value, so the order is fixed. */
export const initializers = keyed({
  zeros: { label: 'Zeros', description: 'All 0.', sample: () => 0 },
  constant: { label: 'Constant', description: 'All equal to a value.', sample: (s) => s.value ?? 0 },
  uniform: { label: 'Uniform', description: 'U(low, high).', sample: (s, _f, rng) => rng.range(s.low ?? -0.05, s.high ?? 0.05) },
  normal: { label: 'Normal', description: 'N(mean, std).', sample: (s, _f, rng) => rng.normal(s.mean ?? 0, s.std ?? 0.05) },
  standardNormal: { label: 'N(0, 1)', description: 'Nielsen’s “large” initialisation.', sample: (_s, _f, rng) => rng.normal(0, 1) },
  scaledNormal: { label: 'N(0, 1/√n_in)', description: 'Standard deviation 1/√n_in: starts units mid-curve.', sample: (_s, f, rng) => rng.normal(0, 1 / Math.sqrt(f.nIn)) },
  glorotUniform: {
    label: 'Glorot uniform',
    description: 'U(±√(6/(n_in+n_out))): for sigmoid and tanh.',
    sample: (_s, f, rng) => {
      const limit = Math.sqrt(6 / (f.nIn + f.nOut))
      return rng.range(-limit, limit)
    },
  },
  glorotNormal: { label: 'Glorot normal', description: 'N(0, √(2/(n_in+n_out))): for sigmoid and tanh.', sample: (_s, f, rng) => rng.normal(0, Math.sqrt(2 / (f.nIn + f.nOut))) },
  heNormal: { label: 'He normal', description: 'N(0, √(2/n_in)): for ReLU.', sample: (_s, f, rng) => rng.normal(0, Math.sqrt(2 / f.nIn)) },
  heUniform: {
    label: 'He uniform',
    description: 'U(±√(6/n_in)): for ReLU.',
    sample: (_s, f, rng) => {
      const limit = Math.sqrt(6 / f.nIn)
      return rng.range(-limit, limit)
    },
  },
} satisfies Record<string, InitDef>)

/** The initialiser ids: the keys of the registry. */
export type InitId = keyof typeof initializers

/** Fill `target[offset .. offset+length)` from an initialiser. */
export function initFill(target: FloatArray, offset: number, length: number, spec: InitSpec, fan: Fan, rng: Rng): void {
  const init: Initializer = initializers[spec.id].sample
  for (let i = 0; i < length; i++) target[offset + i] = init(spec, fan, rng)
}
