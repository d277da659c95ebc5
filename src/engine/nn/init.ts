/**
 * Weight and bias initialisers, keyed by `InitId`. All draw from the session's `init` stream.
 *
 * Fan-in n_in is the layer's input count, fan-out n_out its unit count.
 * - glorotUniform: U(−√(6/(n_in+n_out)), +√(6/(n_in+n_out)));  glorotNormal: N(0, 2/(n_in+n_out)).
 * - heNormal: N(0, 2/n_in) (std √(2/n_in), lecture 002);  heUniform: U(±√(6/n_in)).
 * - standardNormal: N(0, 1), Nielsen's "large" initialiser;  scaledNormal: std 1/√n_in.
 * Lecture 002's simplified "xavier" U(±1/√n_in) is `uniform` with low/high = ∓1/√n_in.
 */
import type { InitId, InitSpec } from '../spec'
import type { FloatArray } from '../kernels/gemm'
import type { Rng } from '../rng'

export interface Fan {
  nIn: number
  nOut: number
}

export type Initializer = (spec: InitSpec, fan: Fan, rng: Rng) => number

/** One value per call; the caller fills weights row-major `[out][in]`, so order is fixed. */
export const initializers = {
  zeros: () => 0,
  constant: (s) => s.value ?? 0,
  uniform: (s, _f, rng) => rng.range(s.low ?? -0.05, s.high ?? 0.05),
  normal: (s, _f, rng) => rng.normal(s.mean ?? 0, s.std ?? 0.05),
  standardNormal: (_s, _f, rng) => rng.normal(0, 1),
  scaledNormal: (_s, f, rng) => rng.normal(0, 1 / Math.sqrt(f.nIn)),
  glorotUniform: (_s, f, rng) => {
    const limit = Math.sqrt(6 / (f.nIn + f.nOut))
    return rng.range(-limit, limit)
  },
  glorotNormal: (_s, f, rng) => rng.normal(0, Math.sqrt(2 / (f.nIn + f.nOut))),
  heNormal: (_s, f, rng) => rng.normal(0, Math.sqrt(2 / f.nIn)),
  heUniform: (_s, f, rng) => {
    const limit = Math.sqrt(6 / f.nIn)
    return rng.range(-limit, limit)
  },
} as const satisfies Record<InitId, Initializer>

/** Fill `target[offset .. offset+length)` from an initialiser. */
export function initFill(target: FloatArray, offset: number, length: number, spec: InitSpec, fan: Fan, rng: Rng): void {
  const init: Initializer = initializers[spec.id]
  for (let i = 0; i < length; i++) target[offset + i] = init(spec, fan, rng)
}
