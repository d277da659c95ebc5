/**
 * The step-through of one example, as the lectures write it on the board: the engine's trace
 * (net and out of every unit; ∂E/∂out, δ = ∂E/∂net and ∂E/∂w of every weight) plus the
 * weights after the update w⁺ = w − η·∂E/∂w (or whatever the optimizer does), and the names the
 * lectures use: inputs i1, i2…, units h1, h2… / o1, o2…, weights numbered w1, w2… layer by
 * layer, row by row (Mazur's numbering: hidden [[w1, w2], [w3, w4]], output [[w5, w6], [w7, w8]]).
 */
import type { Session } from '../train'
import { traceSample, type Trace } from '../trace/trace'
import { NETWORK_INPUT, type LayerSpec } from '../spec'
import { featureUnitNames } from '../nn/features'

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

/**
 * The lecture names of every layer's outputs: dense units h1, h2… (h1.1… with several hidden
 * layers) and o1… for the output; dropout and batch norm keep their source's names, input features
 * name theirs from them (x1·x2, sin x1 …); an Add's
 * sums are s1, s2… (s1.1… with several), a Concatenate's outputs its sources' names side by side.
 */
function unitNames(trace: Trace, featureNames: string[], specs: readonly LayerSpec[]): Map<string, string[]> {
  const names = new Map<string, string[]>([[NETWORK_INPUT, featureNames]])
  const dense = trace.layers.filter((l) => l.weights !== undefined)
  const adds = trace.layers.filter((l) => l.kind === 'add')
  for (const l of trace.layers) {
    const from = l.sources.flatMap((id) => names.get(id)!)
    if (l.weights) {
      const index = dense.indexOf(l)
      const prefix = index === dense.length - 1 ? 'o' : dense.length > 2 ? `h${index + 1}.` : 'h'
      names.set(l.nodeId, l.out.map((_, j) => `${prefix}${j + 1}`))
    } else if (l.kind === 'features') {
      const spec = specs.find((s) => s.nodeId === l.nodeId)
      names.set(l.nodeId, spec?.kind === 'features' ? featureUnitNames(spec.features, from) : l.out.map((_, j) => `f${j + 1}`))
    } else if (l.kind === 'add') {
      const prefix = adds.length > 1 ? `s${adds.indexOf(l) + 1}.` : 's'
      names.set(l.nodeId, l.out.map((_, j) => `${prefix}${j + 1}`))
    } else {
      names.set(l.nodeId, from)
    }
  }
  return names
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
  const names = unitNames(trace, featureNames, session.spec.model.layers)
  let weightNumber = 1
  const layers = dense.map((l, index): StepThroughLayer => {
    const weightsAfter = l.weights!.map((row, j) => row.map((w, k) => w + l.updateWeights![j][k]))
    const biasesAfter = l.biases ? l.biases.map((b, j) => b + l.updateBiases![j]) : null
    const inputs = l.sources.flatMap((id) => names.get(id)!)
    const layer = { nodeId: l.nodeId, units: names.get(l.nodeId)!, inputs, feedsNextOnly: feedsOnly(trace, l.nodeId, dense[index + 1]?.nodeId), firstWeight: weightNumber, weightsAfter, biasesAfter }
    weightNumber += l.out.length * l.input.length
    return layer
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
