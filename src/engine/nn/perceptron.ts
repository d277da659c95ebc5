/**
 * Rosenblatt's perceptron rule (lecture 001), all in one place: a single layer of step or sign
 * units, trained without a gradient. The output delta is the error itself,
 *
 *   delta_j = (y_j − t_j)          step units (0/1)
 *   delta_j = (y_j − t_j)/2        sign units (±1), so a mistake moves w by exactly ±η·x
 *
 * and plain SGD (w ← w − η·delta·x) applies it. Training converges when an epoch has no mistakes.
 */
import type { ActivationId, ModelSpec } from '../spec'
import type { FloatArray } from '../kernels/gemm'

/** The optimizer id that selects the rule. */
export const PERCEPTRON = 'perceptron' as const

/** Write the rule's delta for one row of n outputs starting at `o`. */
export function perceptronDelta(act: ActivationId, out: FloatArray, T: FloatArray, o: number, n: number, delta: FloatArray): void {
  const half = act === 'sign' ? 0.5 : 1
  for (let j = 0; j < n; j++) delta[o + j] = half * (out[o + j] - T[o + j])
}

/** What the rule can train: one dense layer of step or sign units. An error and its node, or null. */
export function perceptronCheck(model: ModelSpec): { message: string; nodeId: string } | null {
  const only = model.layers[0]
  const last = model.layers[model.layers.length - 1]
  if (model.layers.length !== 1 || only.kind !== 'dense') {
    return { message: 'The perceptron rule trains a single layer of step or sign units only.', nodeId: last.nodeId }
  }
  if (only.activation.id !== 'step' && only.activation.id !== 'sign') {
    return { message: 'The perceptron rule needs a step or sign activation.', nodeId: only.nodeId }
  }
  return null
}

/** The rule's stopping test: an epoch without mistakes. */
export function perceptronConverged(mistakes: number | undefined): boolean {
  return mistakes === 0
}
