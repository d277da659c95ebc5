/**
 * The shape of a network: which layers each layer reads. Layers are listed in topological order,
 * so a layer may read only earlier layers (or the network's input), which rules out loops. A
 * layer without `inputs` reads the one before it: a chain spells out nothing.
 *
 * A valid graph also has every layer but the last read by some later layer (no dead branch),
 * merge kinds read two or more sources and the others exactly one.
 */
import { NETWORK_INPUT, type LayerSpec } from '../spec'
import { layerKindOf } from './layers'

/** Index of the network's input in `sources`. */
export const INPUT_SOURCE = -1

/** A structural problem and the layer it is about. */
export interface TopologyProblem {
  message: string
  nodeId: string
}

/** For each layer, the indices of the layers it reads (`INPUT_SOURCE` for the input), or the first problem. */
export function layerSources(layers: readonly LayerSpec[]): { sources: number[][]; problem: TopologyProblem | null } {
  const index = new Map<string, number>()
  const sources: number[][] = []
  let problem: TopologyProblem | null = null
  const report = (message: string, nodeId: string): void => {
    problem ??= { message, nodeId }
  }
  layers.forEach((spec, i) => {
    const names = spec.inputs ?? [i === 0 ? NETWORK_INPUT : layers[i - 1].nodeId]
    const merge = layerKindOf(spec).merge === true
    if (merge && names.length < 2) report(`The ${spec.kind} layer “${spec.nodeId}” joins two or more inputs, but reads ${names.length}.`, spec.nodeId)
    if (!merge && names.length !== 1) report(`The ${spec.kind} layer “${spec.nodeId}” reads one input, not ${names.length}.`, spec.nodeId)
    sources.push(
      names.map((name) => {
        if (name === NETWORK_INPUT) return INPUT_SOURCE
        const j = index.get(name)
        if (j === undefined) report(`Layer “${spec.nodeId}” reads “${name}”, which is not an earlier layer (layers come in order, without loops).`, spec.nodeId)
        return j ?? INPUT_SOURCE
      }),
    )
    if (spec.nodeId === NETWORK_INPUT || index.has(spec.nodeId)) report(`Two layers have the id “${spec.nodeId}”, or it is the reserved ${NETWORK_INPUT}.`, spec.nodeId)
    index.set(spec.nodeId, i)
  })
  const read = new Set(sources.flat())
  layers.forEach((spec, i) => {
    if (i < layers.length - 1 && !read.has(i)) report(`Layer “${spec.nodeId}” feeds no other layer: every branch must lead to the output layer.`, spec.nodeId)
  })
  return { sources, problem }
}

/** Each layer's input widths and the output width of every layer, given the sources. */
export function layerWidths(layers: readonly LayerSpec[], sources: readonly number[][], inputSize: number): { inputWidths: number[][]; units: number[] } {
  const units: number[] = []
  const inputWidths = layers.map((spec, i) => {
    const widths = sources[i].map((j) => (j === INPUT_SOURCE ? inputSize : units[j]))
    units.push(layerKindOf(spec).units(spec, sum(widths), widths))
    return widths
  })
  return { inputWidths, units }
}

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)
