/**
 * The compiler's converters from node parameters to engine spec parts.
 */
import type { ActivationSpec, BatchSpec, DenseLayerSpec, LayerSpec, OptimizerSpec, TrainingSpec } from '../spec'
import { optimizerHasForms } from '../nn/optimizers'
import { ACTIVATION_PARAM_DEFAULTS, activations, type ActivationDef } from '../nn/activations'
import type { ActivationParams, DenseParams, OptimizerParams, ProjectNode, ProjectNodeOf } from './types'

/** The activation node's function and the parameters it reads (those not at their defaults). */
function toActivationSpec(params: ActivationParams | undefined): ActivationSpec {
  if (!params) return { id: 'linear' }
  const spec: ActivationSpec = { id: params.activation }
  for (const key of (activations[params.activation] as ActivationDef).params ?? []) {
    if (params[key] !== ACTIVATION_PARAM_DEFAULTS[key]) spec[key] = params[key]
  }
  return spec
}

function toDenseSpec(node: ProjectNodeOf<'dense'>, activation: ActivationParams | undefined): DenseLayerSpec {
  const p: DenseParams = node.params
  const layer: DenseLayerSpec = {
    kind: 'dense',
    nodeId: node.id,
    units: p.units,
    activation: toActivationSpec(activation),
    useBias: p.useBias,
    trainWeights: p.trainWeights,
    trainBiases: p.useBias && p.trainBiases,
    weightInit: { ...p.weightInit },
    biasInit: { ...p.biasInit },
  }
  if (p.weights) layer.weights = p.weights.map((row) => [...row])
  if (p.useBias && p.biases) layer.biases = [...p.biases]
  return layer
}

/** A node that is its engine layer (`engineLayer` in NODE_KINDS): kind, id and params as they are. */
function toLayerSpec(node: ProjectNode): LayerSpec {
  return { kind: node.kind, nodeId: node.id, ...JSON.parse(JSON.stringify(node.params)) } as LayerSpec
}

/**
 * The spec of one layer of the drawing: a dense node with its activation node, or an engine-layer
 * node (a merge node takes the activation after it, and always names its sources).
 */
export function toNetworkLayerSpec(layer: { node: ProjectNode; dense?: ProjectNodeOf<'dense'>; activation?: ProjectNodeOf<'activation'>; sources: string[] }): LayerSpec {
  if (layer.dense) return toDenseSpec(layer.dense, layer.activation?.params)
  const spec = toLayerSpec(layer.node)
  if (spec.kind !== 'add' && spec.kind !== 'concat') return spec
  return { ...spec, inputs: [...layer.sources], ...(layer.activation ? { activation: toActivationSpec(layer.activation.params) } : {}) }
}

export function toOptimizerSpec(p: OptimizerParams): OptimizerSpec {
  const spec: OptimizerSpec = { id: p.optimizer, learningRate: p.learningRate }
  if (p.optimizer === 'momentum' || p.optimizer === 'momentumEma' || p.optimizer === 'nesterov') spec.momentum = p.momentum
  if (optimizerHasForms(p.optimizer)) spec.form = p.form
  if (p.optimizer === 'rmsprop') spec.rho = p.rho
  if (p.optimizer === 'adam') {
    spec.beta1 = p.beta1
    spec.beta2 = p.beta2
  }
  if (p.optimizer === 'adagrad' || p.optimizer === 'rmsprop' || p.optimizer === 'adam') spec.epsilon = p.epsilon
  return spec
}

export function toTrainingSpec(p: OptimizerParams): TrainingSpec {
  const batch: BatchSpec = p.batchMode === 'mini' ? { mode: 'mini', size: p.batchSize } : { mode: p.batchMode }
  const training: TrainingSpec = {
    batch,
    maxEpochs: p.epochs,
    shuffle: p.shuffle,
    validationFraction: p.validationFraction,
  }
  if (p.stop !== 'epochs') training.until = p.stop
  if (p.stop === 'solved') training.targetAccuracy = p.targetAccuracy
  if (p.targetLoss !== null) training.targetLoss = p.targetLoss
  if (p.earlyStopping) training.earlyStopping = { patience: p.patience, minDelta: p.minDelta, restoreBest: p.restoreBest }
  return training
}
