/**
 * The lecture names of every layer's outputs and weights, as the step-through and the loss
 * slice show them: inputs i1, i2… (or the data's feature names), dense units h1, h2… (h1.1…
 * with several hidden layers) and o1… for the output; dropout and batch norm keep their source's
 * names, input features name theirs from them (x1·x2, sin x1 …); an Add's sums are s1, s2… (s1.1…
 * with several), a Concatenate's outputs its sources' names side by side. Weights are numbered
 * w1, w2… layer by layer, row by row (Mazur's numbering: hidden [[w1, w2], [w3, w4]], output
 * [[w5, w6], [w7, w8]]): w_jk of a layer whose first weight is wF is w(F + j·nIn + k).
 */
import { NETWORK_INPUT, type LayerSpec } from '../spec'
import { featureUnitNames } from '../nn/features'
import { INPUT_SOURCE } from '../nn/topology'
import type { Network } from '../nn/network'

/** What naming needs to know of a layer (a trace layer or a network layer). */
export interface NamedLayer {
  nodeId: string
  kind: LayerSpec['kind']
  /** Node ids it reads, or `NETWORK_INPUT`. */
  sources: readonly string[]
  units: number
  /** Whether it has a weight matrix (dense). */
  weighted: boolean
}

/** The layers of a network as naming sees them. */
export function networkNamedLayers(nw: Network): NamedLayer[] {
  return nw.layers.map((l, i) => ({
    nodeId: l.nodeId,
    kind: l.kind,
    sources: nw.wiring[i].sources.map((j) => (j === INPUT_SOURCE ? NETWORK_INPUT : nw.layers[j].nodeId)),
    units: l.units,
    weighted: l.weights !== undefined,
  }))
}

/** Each layer's unit names by node id (and the input's under `NETWORK_INPUT`). */
export function layerUnitNames(layers: readonly NamedLayer[], featureNames: string[], specs: readonly LayerSpec[]): Map<string, string[]> {
  const names = new Map<string, string[]>([[NETWORK_INPUT, featureNames]])
  const dense = layers.filter((l) => l.weighted)
  const adds = layers.filter((l) => l.kind === 'add')
  const numbered = (prefix: string, units: number) => Array.from({ length: units }, (_, j) => `${prefix}${j + 1}`)
  for (const l of layers) {
    const from = l.sources.flatMap((id) => names.get(id)!)
    if (l.weighted) {
      const index = dense.indexOf(l)
      names.set(l.nodeId, numbered(index === dense.length - 1 ? 'o' : dense.length > 2 ? `h${index + 1}.` : 'h', l.units))
    } else if (l.kind === 'features') {
      const spec = specs.find((s) => s.nodeId === l.nodeId)
      names.set(l.nodeId, spec?.kind === 'features' ? featureUnitNames(spec.features, from) : numbered('f', l.units))
    } else if (l.kind === 'add') {
      names.set(l.nodeId, numbered(adds.length > 1 ? `s${adds.indexOf(l) + 1}.` : 's', l.units))
    } else {
      names.set(l.nodeId, from)
    }
  }
  return names
}

/** A dense layer's names: its units, what it reads, and the number of its first weight. */
export interface WeightedLayerNames {
  nodeId: string
  /** Unit names, e.g. ["h1", "h2"] or ["o1", "o2"]. */
  units: string[]
  /** Names of this layer's inputs (the units or features it reads, side by side). */
  inputs: string[]
  /** Number of the first weight of this layer (1-based): w_jk is w{firstWeight + j·inputs.length + k}. */
  firstWeight: number
}

/** The lecture name of w_jk of `layer` (unit j, input k): w{firstWeight + j·inputs + k}, e.g. Mazur's w5. */
export function weightName(layer: WeightedLayerNames, unit: number, input: number): string {
  return `w${layer.firstWeight + unit * layer.inputs.length + input}`
}

/** The names of every dense layer, in order, with their weights numbered across the network. */
export function weightedLayerNames(layers: readonly NamedLayer[], featureNames: string[], specs: readonly LayerSpec[]): WeightedLayerNames[] {
  const names = layerUnitNames(layers, featureNames, specs)
  let weightNumber = 1
  return layers
    .filter((l) => l.weighted)
    .map((l) => {
      const inputs = l.sources.flatMap((id) => names.get(id)!)
      const entry = { nodeId: l.nodeId, units: names.get(l.nodeId)!, inputs, firstWeight: weightNumber }
      weightNumber += l.units * inputs.length
      return entry
    })
}
