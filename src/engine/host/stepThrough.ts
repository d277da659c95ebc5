/**
 * The step-through of one example, as the lectures write it on the board: the engine's trace
 * (net and out of every unit; ∂E/∂out, δ = ∂E/∂net and ∂E/∂w of every weight) plus the
 * weights after the update w⁺ = w − η·∂E/∂w (or whatever the optimizer does), and the names the
 * lectures use: inputs i1, i2…, units h1, h2… / o1, o2…, weights numbered w1, w2… layer by
 * layer, row by row (Mazur's numbering: hidden [[w1, w2], [w3, w4]], output [[w5, w6], [w7, w8]]).
 */
import type { Session } from '../train'
import { traceSample, type Trace } from '../trace/trace'
import { weightedLayerNames, type NamedLayer } from '../trace/unitNames'

export interface StepThroughLayer {
  nodeId: string
  /** Unit names, e.g. ["h1", "h2"] or ["o1", "o2"]. */
  units: string[]
  /** Names of this layer's inputs (the units or features it reads, side by side). */
  inputs: string[]
  /**
   * Whether ∂E/∂out of this layer is Σ δ·w over the next dense layer alone (a chain). False where
   * its output also feeds a branch or a merge (the backward pass then sums what every reader
   * sends), and for the output layer (its ∂E/∂out comes from the loss).
   */
  feedsNextOnly: boolean
  /** Number of the first weight of this layer in the lecture numbering (1-based): w_jk is w{first + j·nIn + k}. */
  firstWeight: number
  /** w⁺ = w + Δw, `[units][nIn]` (the engine's values after the update). */
  weightsAfter: number[][]
  biasesAfter: number[] | null
}

export interface StepThrough {
  sampleIndex: number
  trace: Trace
  /** Names and post-update values, one entry per dense layer of `trace.layers` (in order). */
  layers: StepThroughLayer[]
  /** The optimizer's update rule id (the formula shown is w⁺ = w − η·∂E/∂w for `sgd`). */
  optimizer: string
  /** E after the update, for the same example (the lectures' "further forward pass"). */
  lossAfter: number
  outputAfter: number[]
}

/** Whether layer `id`'s output reaches only `next`, through pass-through layers (dropout), and `next` reads nothing else. */
function feedsOnly(trace: Trace, id: string, next: string | undefined): boolean {
  const readers = trace.layers.filter((l) => l.sources.includes(id))
  if (readers.length !== 1 || readers[0].sources.length !== 1) return false
  const reader = readers[0]
  if (reader.nodeId === next) return true
  return reader.kind === 'dropout' && feedsOnly(trace, reader.nodeId, next)
}

/**
 * Trace training row `sampleIndex` through the session. With `apply`, the update is applied
 * to the session (one online iteration); otherwise the session is left unchanged.
 */
export function stepThrough(session: Session, sampleIndex: number, options: { apply?: boolean; featureNames?: string[] } = {}): StepThrough {
  const ds = session.train
  if (!Number.isInteger(sampleIndex) || sampleIndex < 0 || sampleIndex >= ds.count) {
    throw new RangeError(`sampleIndex must be a row of the training data (0…${ds.count - 1}), got ${sampleIndex}`)
  }
  const trace = traceSample(session, sampleIndex, { apply: options.apply })
  const dense = trace.layers.filter((l) => l.weights !== undefined)
  const featureNames = ds.featureNames ?? options.featureNames ?? Array.from({ length: ds.inputSize }, (_, k) => `i${k + 1}`)
  const named = trace.layers.map((l): NamedLayer => ({ nodeId: l.nodeId, kind: l.kind, sources: l.sources, units: l.out.length, weighted: l.weights !== undefined }))
  const names = weightedLayerNames(named, featureNames, session.spec.model.layers)
  const layers = dense.map((l, index): StepThroughLayer => {
    const weightsAfter = l.weights!.map((row, j) => row.map((w, k) => w + l.updateWeights![j][k]))
    const biasesAfter = l.biases ? l.biases.map((b, j) => b + l.updateBiases![j]) : null
    return { ...names[index], feedsNextOnly: feedsOnly(trace, l.nodeId, dense[index + 1]?.nodeId), weightsAfter, biasesAfter }
  })
  // The "further forward pass": the same example with the updated weights, without disturbing the session.
  const saved = options.apply ? null : session.getFlatParams()
  if (!options.apply) {
    const nw = session.network
    for (const l of dense) {
      const layer = nw.weighted.find((d) => d.nodeId === l.nodeId)!.weights
      layer.W.set(l.weights!.flatMap((row, j) => row.map((w, k) => w + l.updateWeights![j][k])))
      if (layer.b && l.biases) layer.b.set(l.biases.map((b, j) => b + l.updateBiases![j]))
    }
  }
  const outputAfter = Array.from(session.predict(trace.input, 1))
  const lossAfter = session.network.loss.value(Float64Array.from(outputAfter), 0, Float64Array.from(trace.target), 0, outputAfter.length)
  if (saved) session.setFlatParams(saved)
  return { sampleIndex, trace, layers, optimizer: session.spec.optimizer.id, lossAfter, outputAfter }
}
