/**
 * The compiler's layer pass: fold the chain into layers (a dense node takes the activation node
 * after it; engine-layer nodes such as dropout and batch norm are layers by themselves), then
 * check sizes, hand-set weights, activations against the loss, and the optimizer's rule.
 */
import { activations } from '../nn/activations'
import { layerKindOf } from '../nn/layers'
import { PERCEPTRON } from '../nn/perceptron'
import { plural } from '../plural'
import { checkParameterBudget, type BudgetLayer } from './budget'
import { nameOf, type Diagnostics } from './compileDiagnostics'
import { checkHandSet } from './compileParams'
import { toNetworkLayerSpec, toTrainingSpec } from './compileSpecs'
import { NODE_KINDS } from './nodeKinds'
import { NETWORK_INPUT } from '../spec'
import type { Project, ProjectNode, ProjectNodeOf } from './types'

/** Activations whose derivative is 0 almost everywhere: only the perceptron rule trains them. */
const STEP_ACTIVATIONS = new Set<string>(Object.values(activations).filter((a) => !a.differentiable).map((a) => a.id))

/** One layer of the network: a dense node with its activation node, or an engine-layer node. */
export interface ChainLayer {
  node: ProjectNode
  dense?: ProjectNodeOf<'dense'>
  activation?: ProjectNodeOf<'activation'>
  /** What the layer reads: layer node ids, or `NETWORK_INPUT` (in edge order). */
  sources: string[]
}

/**
 * The network's layers in order (from `walkGraph`'s order), each with its sources, and whether
 * the loss is reached. An activation node folds into the dense or merge layer before it; a node
 * reading an activation reads that layer.
 */
export function foldChain(
  chain: ProjectNode[],
  sourcesOf: (id: string) => ProjectNode[],
  input: ProjectNodeOf<'input'> | undefined,
  diag: Diagnostics,
): { layers: ChainLayer[]; lossOnChain: boolean; outputId: string | undefined } {
  const layers: ChainLayer[] = []
  const layerOf = new Map<string, ChainLayer>()
  // What a node's readers read: the input, a layer, or (for an activation) the layer it folds into.
  const alias = new Map<string, string>()
  if (input) alias.set(input.id, NETWORK_INPUT)
  const resolve = (n: ProjectNode): string => alias.get(n.id) ?? n.id
  let lossOnChain = false
  let outputId: string | undefined
  for (const node of chain) {
    const from = sourcesOf(node.id)
    if (node.kind === 'dense' || NODE_KINDS[node.kind].engineLayer) {
      const layer: ChainLayer = { node, ...(node.kind === 'dense' ? { dense: node } : {}), sources: from.map(resolve) }
      layers.push(layer)
      layerOf.set(node.id, layer)
    } else if (node.kind === 'activation' && from.length === 1) {
      const before = from[0]
      const target = layerOf.get(resolve(before))
      alias.set(node.id, resolve(before))
      if (before.kind === 'activation') {
        diag.error('double-activation', { nodeId: node.id }, `${nameOf(node)} follows another activation; each layer has one activation.`, 'Delete one of the two activation nodes (or put a dense layer between them).')
      } else if (!target || !(target.dense || NODE_KINDS[target.node.kind].merge) || target.node !== before) {
        diag.error('activation-without-dense', { nodeId: node.id }, `${nameOf(node)} follows ${nameOf(before)}; an activation applies to the dense layer (or Add, Concatenate) just before it.`, 'Move the activation right after a dense layer.')
      } else {
        target.activation = node
      }
    } else if (node.kind === 'loss') {
      lossOnChain = true
      outputId = from.length === 1 ? resolve(from[0]) : undefined
    }
  }
  const denseLayers = layers.filter((l) => l.dense)
  if (input && lossOnChain && denseLayers.length === 0) {
    diag.error('no-layers', { nodeId: input.id }, 'There is no dense layer between the input and the loss.', 'Add a Dense node after the input.')
  } else if (lossOnChain && outputId !== undefined && !layerOf.get(outputId)?.dense) {
    const last = layerOf.get(outputId)?.node
    if (last && NODE_KINDS[last.kind].merge) {
      diag.error('output-not-dense', { nodeId: last.id }, `The loss reads ${nameOf(last)}, but the output must be a dense layer.`, 'Put a Dense layer (with its activation) between it and the loss.')
    }
  }
  return { layers, lossOnChain, outputId }
}

export interface LayerCheckContext {
  project: Project
  layers: ChainLayer[]
  lossOnChain: boolean
  /** The layer the loss reads. */
  outputId: string | undefined
  inputSize: number | undefined
  dataShape: { inputSize: number; targetSize: number } | undefined
  lossNode: ProjectNodeOf<'loss'> | undefined
  optimizerNode: ProjectNodeOf<'optimizer'> | undefined
}

/** Sizes, hand-set weights, activations against the loss, the optimizer's rule, the memory budget. */
export function checkLayers(ctx: LayerCheckContext, diag: Diagnostics): void {
  const { project, layers, lossOnChain, inputSize, dataShape, lossNode, optimizerNode } = ctx
  const denseLayers = layers.filter((l) => l.dense)
  const sizes = checkWidths(layers, inputSize, optimizerNode, diag)
  for (const { dense, activation } of denseLayers) {
    if (activation?.params.activation === 'softmax' && dense!.params.units === 1) {
      diag.error('softmax-one-unit', { nodeId: activation.id }, `Softmax over one unit always outputs 1, so ${nameOf(dense!)} cannot learn anything.`, 'Use sigmoid for one output, or give the layer one unit per class.')
    }
  }
  checkParameterBudget(sizes, project.precision, diag)
  // The loss reads a dense layer (a chain ending in dropout is refused by the engine).
  const outputLayer = denseLayers.find((l) => l.node.id === ctx.outputId) ?? denseLayers.at(-1)
  if (outputLayer && dataShape && lossOnChain && outputLayer.dense!.params.units !== dataShape.targetSize) {
    diag.error('output-size-mismatch', { nodeId: outputLayer.node.id, param: 'units' }, `The output layer has ${plural(outputLayer.dense!.params.units, 'unit')} but the data has ${plural(dataShape.targetSize, 'target')}.`, `Set the last layer’s units to ${dataShape.targetSize}.`)
  }
  const outputActivation = outputLayer?.activation?.params.activation ?? 'linear'
  if (lossNode && outputLayer && lossOnChain) {
    const loss = lossNode.params.loss
    if (loss === 'bce' && outputActivation !== 'sigmoid') {
      diag.error('loss-activation-mismatch', { nodeId: lossNode.id, param: 'loss' }, `Binary cross-entropy needs probabilities in (0, 1), but the output activation is ${outputActivation}.`, 'Put a sigmoid activation before the loss, or choose another loss.')
    }
    // The engine fuses softmax into this loss: it takes a softmax layer or linear logits.
    if (loss === 'softmaxCrossEntropy' && outputActivation !== 'softmax' && outputActivation !== 'linear') {
      diag.error('loss-activation-mismatch', { nodeId: lossNode.id, param: 'loss' }, `Softmax cross-entropy turns the outputs into probabilities itself; it needs a softmax (or no) output activation, but the output activation is ${outputActivation}.`, 'Put a softmax activation before the loss (or none), or choose another loss.')
    }
  }
  const stepLayers = denseLayers.filter((l) => STEP_ACTIVATIONS.has(l.activation?.params.activation ?? 'linear'))
  if (optimizerNode) {
    if (optimizerNode.params.optimizer === 'perceptron') {
      if (denseLayers.length !== 1 || stepLayers.length !== 1) {
        diag.error('perceptron-needs-step', { nodeId: optimizerNode.id, param: 'optimizer' }, 'The perceptron rule trains a single dense layer with a step or sign activation.', denseLayers.length !== 1 ? 'Use one dense layer, or choose a gradient optimizer.' : 'Add a step activation after the layer, or choose a gradient optimizer.')
      }
    } else {
      for (const l of stepLayers) {
        diag.error('step-with-gradient', { nodeId: l.activation!.id }, `The ${l.activation!.params.activation} activation has zero gradient, so gradient descent cannot train through it.`, denseLayers.length === 1 ? 'Choose the perceptron rule in the optimizer, or use sigmoid.' : 'Use sigmoid (or another smooth activation) in a multi-layer network.')
      }
    }
    const p = optimizerNode.params
    if (p.earlyStopping && !(p.validationFraction > 0)) {
      diag.add('warning', 'early-stopping-without-validation', { nodeId: optimizerNode.id, param: 'earlyStopping' }, 'Early stopping watches the validation loss, but no data is held out for validation.', 'Set a validation fraction above 0, or turn early stopping off.')
    }
  }
  if (denseLayers.length > 0 && denseLayers.every((l) => !l.dense!.params.trainWeights && !(l.dense!.params.useBias && l.dense!.params.trainBiases))) {
    diag.add('warning', 'nothing-to-train', { nodeId: denseLayers[0].node.id }, 'No weight or bias is trainable, so training will change nothing.', 'Turn on Train weights in at least one dense layer.')
  }
}

/**
 * Walk the widths through the graph: hand-set weights against each dense layer's input width,
 * Add's branches against each other, and each engine-layer node's own check (given the
 * training settings). Returns every layer's size as the engine counts it (its kind's `units`
 * and `paramCount`: batch norm's 2 × width included), unknown past a width that is.
 */
function checkWidths(layers: ChainLayer[], inputSize: number | undefined, optimizer: ProjectNodeOf<'optimizer'> | undefined, diag: Diagnostics): BudgetLayer[] {
  const run = { perceptron: optimizer?.params.optimizer === PERCEPTRON, batch: optimizer ? toTrainingSpec(optimizer.params).batch : { mode: 'full' as const } }
  const width = new Map<string, number | undefined>([[NETWORK_INPUT, inputSize]])
  const sizes: BudgetLayer[] = []
  for (const layer of layers) {
    const { node, dense, sources } = layer
    const widths = sources.map((id) => width.get(id))
    const known = widths.every((w) => w !== undefined) ? (widths as number[]) : undefined
    const nIn = known?.reduce((a, b) => a + b, 0)
    const size = (units: number | undefined) => {
      // Its activation changes no count (and may be the invalid parameter the checks report).
      const spec = units === undefined || nIn === undefined ? null : toNetworkLayerSpec({ ...layer, activation: undefined })
      sizes.push({ id: node.id, units, params: spec ? layerKindOf(spec).paramCount(spec, nIn!) : undefined })
    }
    if (dense) {
      const units = dense.params.units
      const valid = nIn !== undefined && Number.isInteger(units) && units > 0
      if (valid) checkHandSet(dense, nIn, diag)
      size(valid ? units : undefined)
      width.set(node.id, units)
      continue
    }
    width.set(node.id, undefined)
    if (!known || nIn === undefined || (NODE_KINDS[node.kind].merge && known.length < 2)) {
      size(undefined)
      continue
    }
    if (node.kind === 'add' && known.some((w) => w !== known[0])) {
      const list = sources.map((id, s) => `${id === NETWORK_INPUT ? 'the input' : `“${id}”`} ${known[s]}`).join(', ')
      diag.error('merge-width-mismatch', { nodeId: node.id }, `${nameOf(node)} adds its branches element by element, but their widths differ (${list}).`, 'Give every branch the same number of units, or join them with Concatenate instead.')
      size(undefined)
      continue
    }
    const spec = toNetworkLayerSpec(layer)
    const kind = layerKindOf(spec)
    if (optimizer) {
      const problem = kind.check(spec, nIn, run, known)
      if (problem) diag.error('layer-check', { nodeId: node.id }, problem, `Change the settings of ${nameOf(node)} or the optimizer's batch mode.`)
    }
    width.set(node.id, kind.units(spec, nIn, known))
    size(width.get(node.id))
  }
  return sizes
}
