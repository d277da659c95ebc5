/**
 * `compileGraph`: the single bridge from what the user drew to what the engine runs.
 *
 * The drawing must be one chain
 *
 *     input → (dense → [activation] → [dropout])+ → loss [→ optimizer]
 *
 * An activation node is folded into the dense layer just before it (a dense layer with no
 * activation after it is linear). The optimizer node holds every training setting; it is drawn
 * after the loss (`loss → optimizer`) or left free-standing — there is exactly one either way.
 *
 * Pure and deterministic: the same project gives the same spec and the same diagnostics in the
 * same order. The engine validates the spec again and is the authority.
 */

import {
  SPEC_VERSION,
  type ActivationSpec,
  type BatchSpec,
  type DenseLayerSpec,
  type EngineSpec,
  type InitSpec,
  type LayerSpec,
  type OptimizerSpec,
  type TrainingSpec,
} from '../spec'
import { isBuiltinDatasetId, projectDataset } from './dataset'
import type { Diagnostic, DiagnosticCode, Severity } from './diagnostics'
import { activations } from '../nn/activations'
import { checkParameterBudget } from './budget'
import { layerKindOf } from '../nn/layers'
import { PERCEPTRON } from '../nn/perceptron'
import { INITS, NODE_KINDS, SCHEDULES, isValidConnection, type ParamInfo } from './nodeKinds'
import type {
  ActivationParams,
  DenseParams,
  NodeKind,
  OptimizerParams,
  Project,
  ProjectEdge,
  ProjectNode,
  ProjectNodeOf,
} from './types'

/** The shape of the data the network will be trained on. */
export interface DataShape {
  inputSize: number
  targetSize: number
}

export interface CompileOptions {
  /**
   * The loaded data's shape, for data not carried inline (files, built-ins). Without it, sizes
   * are checked only against inline data.
   */
  dataShape?: DataShape
}

export interface CompileResult {
  /** The engine spec, or null when any diagnostic is an error. */
  spec: EngineSpec | null
  diagnostics: Diagnostic[]
  /** Node ids of the chain from input to loss, in order (for the canvas and traces). */
  chain: string[]
}

/** Activations whose derivative is 0 almost everywhere: only the perceptron rule trains them. */
const STEP_ACTIVATIONS = new Set<string>(Object.values(activations).filter((a) => !a.differentiable).map((a) => a.id))

class Diagnostics {
  readonly list: Diagnostic[] = []
  add(
    severity: Severity,
    code: DiagnosticCode,
    where: { nodeId?: string; edgeId?: string; param?: string },
    message: string,
    hint: string,
  ): void {
    this.list.push({ severity, code, ...where, message, hint })
  }
  error(code: DiagnosticCode, where: { nodeId?: string; edgeId?: string; param?: string }, message: string, hint: string): void {
    this.add('error', code, where, message, hint)
  }
  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error')
  }
}

/** A node's name for messages: its label, else its kind and id. */
function nameOf(node: ProjectNode): string {
  return node.label ? `“${node.label}”` : `${NODE_KINDS[node.kind].label} (${node.id})`
}

/** The shape of inline data, or a diagnostic when its rows disagree. */
function inlineShape(project: Project, diag: Diagnostics): DataShape | undefined {
  const data = project.data
  if (data.kind !== 'inline') return undefined
  const { inputs, targets } = data
  if (inputs.length === 0 || inputs.length !== targets.length) {
    diag.error('data-shape', {}, `The inline data has ${inputs.length} input rows and ${targets.length} target rows.`, 'Give every example one row of inputs and one row of targets.')
    return undefined
  }
  const inputSize = inputs[0].length
  const targetSize = targets[0].length
  const ragged = inputs.some((row) => row.length !== inputSize) || targets.some((row) => row.length !== targetSize)
  if (ragged || inputSize === 0 || targetSize === 0) {
    diag.error('data-shape', {}, 'The inline data rows do not all have the same length.', 'Every input row needs the same number of features, and every target row the same number of outputs.')
    return undefined
  }
  return { inputSize, targetSize }
}

/** The shape of a built-in dataset (generated: they are small), if the id is known. */
function builtinShape(project: Project): DataShape | undefined {
  if (project.data.kind !== 'builtin' || !isBuiltinDatasetId(project.data.id)) return undefined
  try {
    const ds = projectDataset(project)
    return ds ? { inputSize: ds.inputSize, targetSize: ds.targetSize } : undefined
  } catch {
    return undefined // bad options: the data panel reports them when loading
  }
}

function checkNumber(info: ParamInfo, value: unknown, isInt: boolean): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a finite number'
  if (isInt && !Number.isInteger(value)) return 'must be a whole number'
  if (info.min !== undefined && value < info.min) return `must be at least ${info.min}`
  if (info.max !== undefined && value > info.max) return `must be at most ${info.max}`
  if (info.exclusiveMin !== undefined && value <= info.exclusiveMin) return `must be greater than ${info.exclusiveMin}`
  if (info.exclusiveMax !== undefined && value >= info.exclusiveMax) return `must be less than ${info.exclusiveMax}`
  return null
}

function checkInit(init: unknown): string | null {
  if (typeof init !== 'object' || init === null) return 'must be an initialiser'
  const spec = init as InitSpec
  if (!Object.hasOwn(INITS, spec.id)) return `has an unknown initialiser “${String(spec.id)}”`
  const finite = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x)
  if (spec.id === 'constant' && !finite(spec.value)) return 'needs a value for the constant initialiser'
  if (spec.id === 'uniform' && !(finite(spec.low) && finite(spec.high) && spec.low! < spec.high!)) return 'needs low < high for the uniform initialiser'
  if (spec.id === 'normal' && !(finite(spec.mean) && finite(spec.std) && spec.std! >= 0)) return 'needs a mean and a std ≥ 0 for the normal initialiser'
  return null
}

function checkSchedule(schedule: unknown): string | null {
  if (typeof schedule !== 'object' || schedule === null) return 'must be a schedule'
  const s = schedule as { id: string; every?: unknown; factor?: unknown; gamma?: unknown; boundaries?: unknown; values?: unknown }
  if (!Object.hasOwn(SCHEDULES, s.id)) return `has an unknown schedule “${String(s.id)}”`
  const positive = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x > 0
  if (s.id === 'step' && !(positive(s.every) && Number.isInteger(s.every) && positive(s.factor))) return 'needs a whole number of epochs (every) and a factor > 0'
  if (s.id === 'exponential' && !positive(s.gamma)) return 'needs γ > 0'
  if (s.id === 'piecewise') {
    const b = s.boundaries
    const v = s.values
    if (!Array.isArray(b) || !Array.isArray(v) || v.length !== b.length + 1) return 'needs one more value than boundaries'
    if (!v.every(positive) || !b.every((x, i) => positive(x) && (i === 0 || x > b[i - 1]))) return 'needs increasing boundaries and values > 0'
  }
  return null
}

/** Checks every parameter of a node against its descriptor in `NODE_KINDS`. */
function checkParams(node: ProjectNode, diag: Diagnostics): void {
  const params = node.params as unknown as Record<string, unknown>
  for (const info of NODE_KINDS[node.kind].params) {
    const value = params[info.key]
    if (info.when && !info.when.in.includes(params[info.when.key] as string | boolean)) continue
    if (value === undefined && info.optional) continue
    let problem: string | null = null
    switch (info.type) {
      case 'int':
      case 'number':
        problem = checkNumber(info, value, info.type === 'int')
        break
      case 'numberOrNull':
        problem = value === null ? null : checkNumber(info, value, false)
        break
      case 'sizeOrAuto':
        problem = value === 'auto' ? null : checkNumber(info, value, true)
        break
      case 'boolean':
        problem = typeof value === 'boolean' ? null : 'must be true or false'
        break
      case 'enum':
        problem = typeof value === 'string' && info.options && Object.hasOwn(info.options, value) ? null : `must be one of ${Object.keys(info.options ?? {}).join(', ')}`
        break
      case 'init':
        problem = checkInit(value)
        break
      case 'schedule':
        problem = checkSchedule(value)
        break
      case 'matrix':
      case 'vector':
        break // shapes are checked once the layer sizes are known
    }
    if (problem) {
      diag.error('invalid-param', { nodeId: node.id, param: info.key }, `${info.label} of ${nameOf(node)} ${problem} (it is ${JSON.stringify(value)}).`, info.description)
    }
  }
}

/** Checks hand-set weights `[units][nIn]` and biases `[units]`. */
function checkHandSet(node: ProjectNodeOf<'dense'>, nIn: number, diag: Diagnostics): void {
  const { weights, biases, units, useBias } = node.params
  const isNumberRow = (row: unknown, n: number): boolean =>
    Array.isArray(row) && row.length === n && row.every((x) => typeof x === 'number' && Number.isFinite(x))
  if (weights !== undefined && !(Array.isArray(weights) && weights.length === units && weights.every((row) => isNumberRow(row, nIn)))) {
    diag.error('weights-shape', { nodeId: node.id, param: 'weights' }, `The hand-set weights of ${nameOf(node)} should be ${units} rows (one per unit) of ${nIn} numbers (one per input).`, `Row j holds w_jk for every input k. Fix the table, or clear it to use the initialiser.`)
  }
  if (biases !== undefined) {
    if (!useBias) {
      diag.error('weights-shape', { nodeId: node.id, param: 'biases' }, `${nameOf(node)} has hand-set biases but no bias.`, 'Turn Bias on, or clear the biases.')
    } else if (!isNumberRow(biases, units)) {
      diag.error('weights-shape', { nodeId: node.id, param: 'biases' }, `The hand-set biases of ${nameOf(node)} should be ${units} numbers (one per unit).`, 'Give one bias per unit, or clear them to use the initialiser.')
    }
  }
}

function toActivationSpec(params: ActivationParams | undefined): ActivationSpec {
  if (!params) return { id: 'linear' }
  const spec: ActivationSpec = { id: params.activation }
  if (params.activation === 'linear' && params.slope !== 1) spec.slope = params.slope
  if (params.activation === 'leakyRelu') spec.alpha = params.alpha
  if (params.activation === 'noisyRelu') spec.noiseStd = params.noiseStd
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

/** The engine's own check of each engine-layer node, given the widths and the training settings. */
function checkEngineLayers(layers: { node: ProjectNode; dense?: ProjectNodeOf<'dense'> }[], inputSize: number | undefined, optimizer: ProjectNodeOf<'optimizer'>, diag: Diagnostics): void {
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
    const problem = kind.check(spec, width, run)
    if (problem) diag.error('layer-check', { nodeId: node.id }, problem, `Change the settings of ${nameOf(node)} or the optimizer's batch mode.`)
    width = kind.units(spec, width)
  }
}

function toOptimizerSpec(p: OptimizerParams): OptimizerSpec {
  const spec: OptimizerSpec = { id: p.optimizer, learningRate: p.learningRate }
  if (p.optimizer === 'momentum' || p.optimizer === 'momentumEma' || p.optimizer === 'nesterov') spec.momentum = p.momentum
  if (p.optimizer === 'rmsprop') spec.rho = p.rho
  if (p.optimizer === 'adam') {
    spec.beta1 = p.beta1
    spec.beta2 = p.beta2
  }
  if (p.optimizer === 'adagrad' || p.optimizer === 'rmsprop' || p.optimizer === 'adam') spec.epsilon = p.epsilon
  return spec
}

function toTrainingSpec(p: OptimizerParams): TrainingSpec {
  const batch: BatchSpec = p.batchMode === 'mini' ? { mode: 'mini', size: p.batchSize } : { mode: p.batchMode }
  const training: TrainingSpec = {
    batch,
    maxEpochs: p.epochs,
    shuffle: p.shuffle,
    validationFraction: p.validationFraction,
  }
  if (p.targetLoss !== null) training.targetLoss = p.targetLoss
  if (p.earlyStopping) training.earlyStopping = { patience: p.patience, minDelta: p.minDelta, restoreBest: p.restoreBest }
  return training
}

/**
 * Compiles a project into an engine spec.
 *
 * @returns `spec` (null if any error), every diagnostic (errors and warnings, in node order),
 *   and the chain of node ids from input to loss.
 */
export function compileGraph(project: Project, options: CompileOptions = {}): CompileResult {
  const diag = new Diagnostics()
  const nodes = project.nodes
  const byId = new Map<string, ProjectNode>()
  for (const node of nodes) {
    if (byId.has(node.id)) {
      diag.error('duplicate-id', { nodeId: node.id }, `Two nodes have the id “${node.id}”.`, 'Give every node its own id.')
    } else {
      byId.set(node.id, node)
    }
  }

  // Edges: known ends, allowed kinds; then successor/predecessor lists.
  const next = new Map<string, ProjectEdge[]>()
  const prev = new Map<string, ProjectEdge[]>()
  for (const edge of project.edges) {
    const source = byId.get(edge.source)
    const target = byId.get(edge.target)
    if (!source || !target) {
      const missing = !source ? edge.source : edge.target
      diag.error('edge-unknown-node', { edgeId: edge.id }, `The connection ${edge.id} goes to or from a node “${missing}” that does not exist.`, 'Delete this connection.')
      continue
    }
    if (!isValidConnection(source.kind, target.kind) && source.id !== target.id) {
      diag.error('invalid-connection', { edgeId: edge.id }, `${NODE_KINDS[source.kind].label} cannot connect to ${NODE_KINDS[target.kind].label}.`, `After ${NODE_KINDS[source.kind].label} comes ${NODE_KINDS[source.kind].connectsTo.map((k) => NODE_KINDS[k].label).join(', ') || 'nothing'}.`)
    }
    next.set(edge.source, [...(next.get(edge.source) ?? []), edge])
    prev.set(edge.target, [...(prev.get(edge.target) ?? []), edge])
  }

  for (const node of nodes) {
    const outs = next.get(node.id) ?? []
    const ins = prev.get(node.id) ?? []
    if (outs.length > 1) {
      diag.error('branch', { nodeId: node.id, edgeId: outs[1].id }, `${nameOf(node)} feeds ${outs.length} nodes; the network must be a single chain.`, 'Keep one outgoing connection and delete the others.')
    }
    if (ins.length > 1) {
      diag.error('merge', { nodeId: node.id, edgeId: ins[1].id }, `${nameOf(node)} receives ${ins.length} connections; each node takes its input from one node.`, 'Keep one incoming connection and delete the others.')
    }
  }

  // Cycles: depth-first search in node order; report the edge that closes each loop.
  const state = new Map<string, 'open' | 'done'>()
  const visit = (id: string): void => {
    state.set(id, 'open')
    for (const edge of next.get(id) ?? []) {
      const s = state.get(edge.target)
      if (s === 'open') {
        diag.error('cycle', { edgeId: edge.id, nodeId: edge.target }, `The connection ${edge.id} closes a loop back to ${nameOf(byId.get(edge.target)!)}.`, 'Data must flow one way, from the input to the loss: delete this connection.')
      } else if (s === undefined) {
        visit(edge.target)
      }
    }
    state.set(id, 'done')
  }
  for (const node of nodes) if (!state.has(node.id)) visit(node.id)

  for (const node of nodes) checkParams(node, diag)

  // One each of input, loss and optimizer.
  const single = (kind: NodeKind, code: DiagnosticCode, hint: string): ProjectNode | undefined => {
    const found = nodes.filter((n) => n.kind === kind)
    if (found.length === 0) {
      diag.error(code, {}, `The network has no ${NODE_KINDS[kind].label} node.`, hint)
    }
    for (const extra of found.slice(1)) {
      diag.error('duplicate-kind', { nodeId: extra.id }, `There is more than one ${NODE_KINDS[kind].label} node.`, `Keep one ${NODE_KINDS[kind].label} node and delete ${nameOf(extra)}.`)
    }
    return found[0]
  }
  const input = single('input', 'missing-input', 'Drag an Input node from the palette and connect it to the first layer.') as ProjectNodeOf<'input'> | undefined
  const lossNode = single('loss', 'missing-loss', 'Drag a Loss node from the palette and connect the last layer (or its activation) to it.') as ProjectNodeOf<'loss'> | undefined
  const optimizerNode = single('optimizer', 'missing-optimizer', 'Drag an Optimizer node from the palette and connect the Loss to it.') as ProjectNodeOf<'optimizer'> | undefined

  // Walk the chain from the input (stops at a branch or a loop, already reported).
  const chain: ProjectNode[] = []
  if (input) {
    const seen = new Set<string>()
    let node: ProjectNode | undefined = input
    while (node && !seen.has(node.id)) {
      seen.add(node.id)
      chain.push(node)
      const outs: ProjectEdge[] = next.get(node.id) ?? []
      node = outs.length === 1 ? byId.get(outs[0].target) : undefined
    }
  }
  const onChain = new Set(chain.map((n) => n.id))
  for (const node of nodes) {
    if (onChain.has(node.id) || byId.get(node.id) !== node) continue
    if (node.kind === 'input') continue // a second input is reported as duplicate-kind
    // The optimizer may be free-standing or hang off the loss; an unreached loss is reported
    // below as missing-loss at the end of the chain.
    if (node.kind === 'optimizer' && node === optimizerNode && (prev.get(node.id) ?? []).every((e) => byId.get(e.source)?.kind === 'loss')) continue
    if (node === lossNode) continue
    diag.error('dangling-node', { nodeId: node.id }, `${nameOf(node)} is not connected to the network.`, 'Connect it between the input and the loss, or delete it.')
  }

  // Fold the chain into layers: dense (+ activation) and dropout, up to the loss.
  const dataShape = inlineShape(project, diag) ?? options.dataShape ?? builtinShape(project)
  let inputSize: number | undefined
  if (input && input.params.size !== 'auto') {
    inputSize = input.params.size
    if (dataShape && dataShape.inputSize !== inputSize) {
      diag.error('input-size-mismatch', { nodeId: input.id, param: 'size' }, `The input has size ${inputSize} but the data has ${dataShape.inputSize} features.`, `Set the input size to ${dataShape.inputSize} (or auto).`)
    }
  } else if (input) {
    inputSize = dataShape?.inputSize
    if (inputSize === undefined) {
      diag.error('input-size-unknown', { nodeId: input.id, param: 'size' }, 'The input size is auto, but the data is not loaded yet.', 'Load the data, or type the number of input features.')
    }
  }

  const layers: { node: ProjectNode; dense?: ProjectNodeOf<'dense'>; activation?: ProjectNodeOf<'activation'> }[] = []
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

  // Sizes, hand-set weights, activations against the loss and the optimizer.
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

  const chainIds = chain.map((n) => n.id)
  if (diag.hasErrors || !input || !lossNode || !optimizerNode || inputSize === undefined) {
    return { spec: null, diagnostics: diag.list, chain: chainIds }
  }
  const specLayers: LayerSpec[] = layers.map(({ node, dense, activation }) => (dense ? toDenseSpec(dense, activation?.params) : toLayerSpec(node)))
  const p = optimizerNode.params
  const spec: EngineSpec = {
    version: SPEC_VERSION,
    seed: project.seed,
    model: {
      inputSize,
      layers: specLayers,
      loss: { id: lossNode.params.loss, reduction: lossNode.params.reduction },
      precision: project.precision,
    },
    optimizer: toOptimizerSpec(p),
    schedule: JSON.parse(JSON.stringify(p.schedule)),
    regularization: {
      l2: p.l2,
      l1: p.l1,
      ...(p.clipValue !== null ? { clipValue: p.clipValue } : {}),
      ...(p.clipNorm !== null ? { clipNorm: p.clipNorm } : {}),
    },
    training: toTrainingSpec(p),
  }
  return { spec, diagnostics: diag.list, chain: chainIds }
}
