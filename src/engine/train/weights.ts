/**
 * Copies of a network's weight matrices in and out (`weights` row-major [units×nIn]), for tests,
 * tools and the step-through view.
 */
import type { Network } from '../nn/network'
import { EngineError } from './errors'
import type { LayerParams } from './sessionTypes'

/** Copies of every weight matrix and its biases (layers with weights, in order). */
export function weightsOf(nw: Network): LayerParams[] {
  return nw.weighted.map((l) => ({
    nodeId: l.nodeId,
    nIn: l.nIn,
    units: l.units,
    weights: Float64Array.from(l.weights.W),
    biases: l.weights.b ? Float64Array.from(l.weights.b) : null,
  }))
}

/** Set weights and biases (by layer order; shapes must match `weightsOf`). */
export function setWeights(nw: Network, layers: readonly LayerParams[]): void {
  const weighted = nw.weighted
  if (layers.length !== weighted.length) throw new EngineError('SpecError', `Expected ${weighted.length} layers, got ${layers.length}.`)
  layers.forEach((p, i) => {
    const { nodeId, weights: w } = weighted[i]
    if (p.weights.length !== w.W.length) {
      throw new EngineError('SpecError', `Weights of layer "${nodeId}" must have ${w.W.length} values.`, nodeId)
    }
    w.W.set(p.weights)
    if (w.b && p.biases) w.b.set(p.biases)
  })
}
