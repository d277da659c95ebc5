/**
 * Opening a model file as a project: the trained network back on the canvas, every dense
 * layer carrying its weights and biases as hand-set values, so compiling the project gives a
 * network whose predictions equal the model's (`createPredictor`) bit for bit.
 */

import { ACTIVATION_PARAM_DEFAULTS, type ActivationParamKey } from '../nn/activations'
import { NETWORK_INPUT, type ActivationSpec } from '../spec'
import { createNode, NODE_KINDS } from '../project/nodeKinds'
import {
  PROJECT_FORMAT,
  PROJECT_VERSION,
  type DataSource,
  type OptimizerParams,
  type Project,
  type ProjectEdge,
  type ProjectNode,
  type ProjectNodeOf,
} from '../project/types'
import type { ModelFile, ModelLayer } from './format'

/** Horizontal distance between neighbouring nodes of the laid-out chain (px). */
const STEP_X = 220
const ROW_Y = 120
/** Vertical offset of a side branch's lane (px). */
const LANE_Y = 180

export interface ModelToProjectOptions {
  /**
   * The data to attach. Default: the data reference the model file recorded (`model.data`),
   * else one row of zeros of the model's sizes, so the project compiles and the user can load
   * real data in the data panel.
   */
  data?: DataSource
}

/** An activation node for an activation spec (defaults for the fields it does not use). */
function activationNode(a: ActivationSpec): ProjectNodeOf<'activation'> {
  const node = createNode('activation', '', { x: 0, y: 0 })
  node.params.activation = a.id
  for (const key of Object.keys(ACTIVATION_PARAM_DEFAULTS) as ActivationParamKey[]) {
    const value = a[key]
    if (value !== undefined) node.params[key] = value
  }
  return node
}

/** The optimizer node's params: the model's optimizer, schedule, regularisation and training settings. */
function optimizerParams(model: ModelFile, base: OptimizerParams): OptimizerParams {
  const { optimizer, schedule, regularization, training } = model.training
  const p: OptimizerParams = { ...base, schedule: JSON.parse(JSON.stringify(schedule)) as OptimizerParams['schedule'] }
  p.optimizer = optimizer.id
  p.learningRate = optimizer.learningRate
  if (optimizer.momentum !== undefined) p.momentum = optimizer.momentum
  if (optimizer.form !== undefined) p.form = optimizer.form
  if (optimizer.rho !== undefined) p.rho = optimizer.rho
  if (optimizer.beta1 !== undefined) p.beta1 = optimizer.beta1
  if (optimizer.beta2 !== undefined) p.beta2 = optimizer.beta2
  if (optimizer.epsilon !== undefined) p.epsilon = optimizer.epsilon
  p.l2 = regularization.l2
  p.l1 = regularization.l1
  p.clipValue = regularization.clipValue ?? null
  p.clipNorm = regularization.clipNorm ?? null
  p.batchMode = training.batch.mode
  if (training.batch.mode === 'mini') p.batchSize = training.batch.size
  p.stop = training.until ?? 'epochs'
  p.epochs = training.maxEpochs
  if (training.targetAccuracy !== undefined) p.targetAccuracy = training.targetAccuracy
  p.shuffle = training.shuffle
  p.targetLoss = training.targetLoss ?? null
  p.validationFraction = training.validationFraction
  p.earlyStopping = training.earlyStopping !== undefined
  if (training.earlyStopping) {
    p.patience = training.earlyStopping.patience
    p.minDelta = training.earlyStopping.minDelta
    p.restoreBest = training.earlyStopping.restoreBest
  }
  return p
}

/**
 * A project (`*.axon.json`) drawing the model's network laid out left to right:
 *
 *     input → dense (hand-set W, b) → [activation] → [dropout] → … → loss → optimizer
 *
 * A graph's layers connect to what they read (`inputs`), in order, so a Concatenate node gets
 * its branches in the same order; a layer that branches off starts a lower lane.
 * Dense node ids are the model's `nodeId`s; `weights[j][k]` = w_jk and `biases[j]` = b_j are
 * copied exactly (float64 numbers), and a layer without biases gets `useBias: false`. A linear
 * activation of slope 1 is drawn as no activation node (the compiler's default). Seed,
 * precision, loss, optimizer, schedule, regularisation and batching come from the model file.
 */
export function modelToProject(model: ModelFile, options: ModelToProjectOptions = {}): Project {
  const a = model.architecture
  const nodes: ProjectNode[] = []
  const edges: ProjectEdge[] = []
  const used = new Set<string>()
  const freshId = (wanted: string): string => {
    let id = wanted
    for (let n = 2; used.has(id); n++) id = `${wanted}-${n}`
    used.add(id)
    return id
  }
  for (const l of a.layers) used.add(l.nodeId)
  // Left to right in layer order; a layer that does not read the one before it starts a lower lane.
  const place = (node: ProjectNode, from: string[], lane = 0): void => {
    node.position = { x: nodes.length * STEP_X, y: ROW_Y + lane * LANE_Y }
    nodes.push(node)
    for (const source of from) edges.push({ id: freshId(`e-${source}-${node.id}`), source, target: node.id })
  }

  const input = createNode('input', freshId('input'), { x: 0, y: 0 })
  input.params.size = a.inputSize
  if (model.preprocessing.featureNames && model.preprocessing.featureNames.length <= 8) input.label = model.preprocessing.featureNames.join(' ')
  place(input, [])

  // Where a layer's readers connect from: its activation node if it has one, else the layer's node.
  const tail = new Map<string, string>([[NETWORK_INPUT, input.id]])
  let previous: string = NETWORK_INPUT
  for (const l of a.layers) {
    const sources = l.inputs ?? [previous]
    const node = layerNode(l)
    const lane = sources.includes(previous) ? 0 : 1
    place(node, sources.map((s) => tail.get(s)!), lane)
    tail.set(l.nodeId, node.id)
    previous = l.nodeId
    const act = 'activation' in l ? l.activation : undefined
    if (!act || (act.id === 'linear' && (act.slope === undefined || act.slope === 1))) continue
    const actNode = activationNode(act)
    actNode.id = freshId(`${l.nodeId}-act`)
    place(actNode, [node.id], lane)
    tail.set(l.nodeId, actNode.id)
  }

  const loss = createNode('loss', freshId('loss'), { x: 0, y: 0 })
  loss.params.loss = a.loss.id
  loss.params.reduction = a.loss.reduction
  place(loss, [tail.get(previous)!])
  const optimizer = createNode('optimizer', freshId('optimizer'), { x: 0, y: 0 })
  optimizer.params = optimizerParams(model, optimizer.params)
  place(optimizer, [loss.id])

  const trained = `${model.history.epochs} epoch${model.history.epochs === 1 ? '' : 's'}, ${model.history.iterations} updates`
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    meta: {
      title: model.title,
      description:
        `Opened from a model file (${trained}): every dense layer carries the trained weights and biases as hand-set values. ` +
        'Train again to fine-tune from them, or use “Use the initialiser” in the inspector to start afresh.',
      source: `Model file, engine ${model.engineVersion}`,
    },
    seed: model.training.seed,
    precision: a.precision,
    data: options.data ?? modelData(model),
    nodes,
    edges,
  }
}

/** The canvas node of a model layer: a dense node with its trained weights, or an engine-layer node with its fields. */
function layerNode(l: ModelLayer): ProjectNode {
  if (l.kind !== 'dense') {
    // A node that is its engine layer: its params are the layer's fields (trained values hand-set).
    const node = createNode(l.kind, l.nodeId, { x: 0, y: 0 })
    const fields = l as unknown as Record<string, unknown>
    const params = node.params as unknown as Record<string, unknown>
    for (const info of NODE_KINDS[l.kind].params) if (fields[info.key] !== undefined) params[info.key] = JSON.parse(JSON.stringify(fields[info.key]))
    return node
  }
  const dense = createNode('dense', l.nodeId, { x: 0, y: 0 })
  dense.params.units = l.units
  dense.params.useBias = l.biases !== null
  dense.params.trainBiases = l.biases !== null
  dense.params.weights = l.weights.map((row) => [...row])
  if (l.biases) dense.params.biases = [...l.biases]
  return dense
}

/** The data the model recorded, else a single row of zeros of the right sizes (a placeholder). */
function modelData(model: ModelFile): DataSource {
  if (model.data) return JSON.parse(JSON.stringify(model.data)) as DataSource
  const a = model.architecture
  return {
    kind: 'inline',
    inputs: [new Array<number>(a.inputSize).fill(0)],
    targets: [new Array<number>(a.outputSize).fill(0)],
    ...(model.preprocessing.featureNames ? { featureNames: [...model.preprocessing.featureNames] } : {}),
    ...(model.preprocessing.targetNames ? { targetNames: [...model.preprocessing.targetNames] } : {}),
  }
}
