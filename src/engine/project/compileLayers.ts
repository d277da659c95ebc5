/**
 * The compiler's layer pass: fold the chain into layers (a dense node takes the activation node
 * after it; engine-layer nodes such as dropout and batch norm are layers by themselves), then
 * check sizes, hand-set weights, activations against the loss, and the optimizer's rule.
 */
import { activations } from '../nn/activations'
import { layerKindOf } from '../nn/layers'
import { PERCEPTRON } from '../nn/perceptron'
import { checkParameterBudget } from './budget'
import { nameOf, type Diagnostics } from './compileDiagnostics'
import { checkHandSet } from './compileParams'
import { toLayerSpec, toTrainingSpec } from './compileSpecs'
import { NODE_KINDS } from './nodeKinds'
import type { Project, ProjectNode, ProjectNodeOf } from './types'

/** Activations whose derivative is 0 almost everywhere: only the perceptron rule trains them. */
const STEP_ACTIVATIONS = new Set<string>(Object.values(activations).filter((a) => !a.differentiable).map((a) => a.id))

/** One layer of the chain: a dense node with its activation node, or an engine-layer node. */
export interface ChainLayer {
  node: ProjectNode
  dense?: ProjectNodeOf<'dense'>
  activation?: ProjectNodeOf<'activation'>
}

/** The layers of the chain up to the loss, and whether the chain reaches the loss. */
export function foldChain(
  chain: ProjectNode[],
  input: ProjectNodeOf<'input'> | undefined,
  lossNode: ProjectNodeOf<'loss'> | undefined,
  diag: Diagnostics,
): { layers: ChainLayer[]; lossOnChain: boolean } {
  const layers: ChainLayer[] = []
  let lossOnChain = false
  for (let i = 1; i < chain.length; i++) {
    const node = chain[i]
    const before = chain[i - 1]
    if (node.kind === 'dense') layers.push({ node, dense: node })
    else if (NODE_KINDS[node.kind].engineLayer) layers.push({ node })
    else if (node.kind === 'activation') {
      const last = layers.at(-1)
      if (before.kind === 'activation') {
        diag.error('double-activation', { nodeId: node.id }, `${nameOf(node)} follows another activation; each dense layer has one activation.`, 'Delete one of the two activation nodes (or put a dense layer between them).')
      } else if (before.kind !== 'dense' || !last?.dense) {
        diag.error('activation-without-dense', { nodeId: node.id }, `${nameOf(node)} follows ${nameOf(before)}; an activation applies to the dense layer just before it.`, 'Move the activation right after a dense layer.')
      } else {
        last.activation = node
      }
    } else if (node.kind === 'loss') {
      lossOnChain = true
      break
    }
  }
  const denseLayers = layers.filter((l) => l.dense)
  if (input && lossOnChain && denseLayers.length === 0) {
    diag.error('no-layers', { nodeId: input.id }, 'There is no dense layer between the input and the loss.', 'Add a Dense node after the input.')
  }
  if (input && lossNode && !lossOnChain) {
    const end = chain.at(-1)!
    diag.error('missing-loss', { nodeId: end.id }, `The chain from the input ends at ${nameOf(end)} without reaching the loss.`, 'Connect the last layer (or its activation) to the Loss node.')
  }
  return { layers, lossOnChain }
}

export interface LayerCheckContext {
  project: Project
  layers: ChainLayer[]
  lossOnChain: boolean
  inputSize: number | undefined
  dataShape: { inputSize: number; targetSize: number } | undefined
  lossNode: ProjectNodeOf<'loss'> | undefined
  optimizerNode: ProjectNodeOf<'optimizer'> | undefined
}

/** Sizes, hand-set weights, activations against the loss, the optimizer's rule, the memory budget. */
export function checkLayers(ctx: LayerCheckContext, diag: Diagnostics): void {
  const { project, layers, lossOnChain, inputSize, dataShape, lossNode, optimizerNode } = ctx
  const denseLayers = layers.filter((l) => l.dense)
  let nIn = inputSize
  for (const { dense, activation } of layers) {
    if (!dense) continue
    if (nIn !== undefined && Number.isInteger(dense.params.units) && dense.params.units > 0) checkHandSet(dense, nIn, diag)
    if (activation?.params.activation === 'softmax' && dense.params.units === 1) {
      diag.error('softmax-one-unit', { nodeId: activation.id }, `Softmax over one unit always outputs 1, so ${nameOf(dense)} cannot learn anything.`, 'Use sigmoid for one output, or give the layer one unit per class.')
    }
    nIn = dense.params.units
  }
  checkParameterBudget(inputSize, denseLayers.map((l) => l.dense!), project.precision, diag)
  if (optimizerNode) checkEngineLayers(layers, inputSize, optimizerNode, diag)
  const outputLayer = denseLayers.at(-1)
  if (outputLayer && dataShape && lossOnChain && outputLayer.dense!.params.units !== dataShape.targetSize) {
    diag.error('output-size-mismatch', { nodeId: outputLayer.node.id, param: 'units' }, `The output layer has ${outputLayer.dense!.params.units} units but the data has ${dataShape.targetSize} targets.`, `Set the last layer’s units to ${dataShape.targetSize}.`)
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

/** The engine's own check of each engine-layer node, given the widths and the training settings. */
function checkEngineLayers(layers: ChainLayer[], inputSize: number | undefined, optimizer: ProjectNodeOf<'optimizer'>, diag: Diagnostics): void {
  const run = { perceptron: optimizer.params.optimizer === PERCEPTRON, batch: toTrainingSpec(optimizer.params).batch }
  let width = inputSize
  for (const { node, dense } of layers) {
    if (dense) {
      width = dense.params.units
      continue
    }
    if (width === undefined) return
    const spec = toLayerSpec(node)
    const kind = layerKindOf(spec)
    const problem = kind.check(spec, width, run, [width])
    if (problem) diag.error('layer-check', { nodeId: node.id }, problem, `Change the settings of ${nameOf(node)} or the optimizer's batch mode.`)
    width = kind.units(spec, width, [width])
  }
}
