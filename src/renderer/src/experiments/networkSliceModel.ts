/**
 * The network slice's inputs as the user picks and types them → the engine's request, or the
 * first problem to show. Pure: `NetworkSlice2d` keeps the inputs (in `networkSliceStore`) and
 * draws what the engine returns.
 */
import { optimizerRules, type OptimizerId } from '../../../engine/nn/optimizers'
import { PLAYGROUND_OPTIMIZERS, isAdaptive } from '../../../engine/experiments/surfaces'
import type { LossSliceRequest, SliceWeightRef } from '../../../engine/experiments/lossSlice'
import { weightName, type WeightedLayerNames } from '../../../engine/trace/unitNames'
import { parseIterations, parseNumber } from './playgroundModel'
import type { Etas } from './playground2dRun'

/** What the user has picked and typed for the slice. */
export interface NetworkSliceInputs {
  /** The weight along x and the one along y (null until picked). */
  weights: [SliceWeightRef | null, SliceWeightRef | null]
  /** Half the side of the plotted square around the current values. */
  span: string
  iterations: string
  chosen: readonly OptimizerId[]
  /** η per optimizer; null until the network's own η fills them in. */
  etas: Etas | null
}

export const NETWORK_SLICE_DEFAULTS: NetworkSliceInputs = { weights: [null, null], span: '2', iterations: '30', chosen: ['sgd', 'momentum', 'adam'], etas: null }

/** A reference to w_jk of `layer`, named as the network names it now. */
export function weightRef(layer: WeightedLayerNames, unit: number, input: number): SliceWeightRef {
  return { nodeId: layer.nodeId, unit, input, name: weightName(layer, unit, input) }
}

/** Whether `ref` still names a weight of the network (its layer, unit and input exist). */
export function weightExists(layers: readonly WeightedLayerNames[], ref: SliceWeightRef): boolean {
  const layer = layers.find((l) => l.nodeId === ref.nodeId)
  return !!layer && ref.unit < layer.units.length && ref.input < layer.inputs.length
}

/**
 * The first two weights into the output layer's first unit (Mazur's w5 and w6), or its first
 * two units' first weights when it reads one input.
 */
export function defaultWeights(layers: readonly WeightedLayerNames[]): [SliceWeightRef, SliceWeightRef] | null {
  const out = layers.at(-1)
  if (!out) return null
  if (out.inputs.length > 1) return [weightRef(out, 0, 0), weightRef(out, 0, 1)]
  if (out.units.length > 1) return [weightRef(out, 0, 0), weightRef(out, 1, 0)]
  const before = layers.at(-2)
  return before ? [weightRef(before, 0, 0), weightRef(out, 0, 0)] : null
}

/** η for each optimizer on the slice: the network's own η for the plain rules, span/20 for the adaptive ones (their steps are about η). */
export function defaultSliceEtas(networkEta: number, span: number): Etas {
  const adaptive = Number((span / 20).toPrecision(2))
  return Object.fromEntries(PLAYGROUND_OPTIMIZERS.map((o) => [o, String(isAdaptive(o) ? adaptive : networkEta)])) as Etas
}

/** The engine's request from the inputs, or what in them cannot be read. */
export function sliceRequest(inputs: NetworkSliceInputs, layers: readonly WeightedLayerNames[], etas: Etas): { request: LossSliceRequest } | { problem: string } {
  const [wx, wy] = inputs.weights
  if (!wx || !wy) return { problem: 'Pick the two weights to vary.' }
  for (const w of [wx, wy]) if (!weightExists(layers, w)) return { problem: `Weight ${w.name} no longer exists in the network on the canvas: pick another weight.` }
  const span = parseNumber(inputs.span, 'The span')
  if (!span.ok) return { problem: span.message }
  if (!(span.value > 0)) return { problem: 'The span must be a positive number (the plot shows the current value ± span).' }
  const iterations = parseIterations(inputs.iterations)
  if (!iterations.ok) return { problem: iterations.message }
  const optimizers = inputs.chosen.map((id) => ({ id, learningRate: Number(etas[id]) }))
  const bad = optimizers.find((o) => !(o.learningRate > 0) || !Number.isFinite(o.learningRate))
  if (bad) return { problem: `η of ${optimizerRules[bad.id].label} must be a positive number.` }
  return { request: { weights: [wx, wy], span: span.value, iterations: iterations.value, optimizers } }
}

/**
 * What to fill in once the network's weight names are known: the default picks when none were
 * made, picks renamed as the network numbers them now (an edit may have shifted w5 to w7), and η
 * from the network's own. Null when nothing changes.
 */
export function refreshedInputs(inputs: NetworkSliceInputs, layers: readonly WeightedLayerNames[], networkEta: number): Partial<NetworkSliceInputs> | null {
  const patch: Partial<NetworkSliceInputs> = {}
  const rename = (w: SliceWeightRef | null): SliceWeightRef | null => {
    const layer = w && weightExists(layers, w) ? layers.find((l) => l.nodeId === w.nodeId)! : null
    return layer ? weightRef(layer, w!.unit, w!.input) : w
  }
  const picks = inputs.weights[0] || inputs.weights[1] ? ([rename(inputs.weights[0]), rename(inputs.weights[1])] as NetworkSliceInputs['weights']) : defaultWeights(layers)
  if (picks && JSON.stringify(picks) !== JSON.stringify(inputs.weights)) patch.weights = picks
  if (!inputs.etas) patch.etas = defaultSliceEtas(networkEta, Number(inputs.span) > 0 ? Number(inputs.span) : 2)
  return Object.keys(patch).length > 0 ? patch : null
}
