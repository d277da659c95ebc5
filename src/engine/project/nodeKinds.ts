/**
 * The registry of node kinds: what the palette offers and what the inspector edits.
 *
 * For every kind: a human label, a one-line description, default parameters and a list of
 * parameter descriptors (key, label, one-line description, editor type, bounds, and when it is
 * shown). Plain data only, so the renderer can import it and the descriptors can cross Comlink.
 * Also the option lists (label + description) for every activation, loss, optimizer, init and
 * schedule id: the first four derived from the engine's registries, so a new id cannot be forgotten.
 */

import type { InitSpec, ScheduleSpec } from '../spec'
import { activations } from '../nn/activations'
import { initializers } from '../nn/init'
import { losses } from '../nn/losses'
import { DEFAULT_OPTIMIZER_FORM, optimizerForms, optimizerFormula, optimizerRules, OPTIMIZERS_WITH_FORMS, type OptimizerFormId, type OptimizerId } from '../nn/optimizers'
import { REGULARIZATION_TERMS } from '../nn/regularization'
import { describe, type Described } from '../nn/registry'
import type {
  BatchMode,
  NodeKind,
  RunStop,
  NodeParamsByKind,
  Position,
  ProjectNode,
  ProjectNodeOf,
} from './types'

/** A choice in an enum parameter. */
export type OptionInfo = Described

/** Option lists of the engine's registries: labels and descriptions live with the functions. */
export const ACTIVATIONS = describe(activations)
export const LOSSES = describe(losses)
export const OPTIMIZERS = describe(optimizerRules)
export const OPTIMIZER_FORMS = describe(optimizerForms)
export { OPTIMIZERS_WITH_FORMS }

/** The update formula of an optimizer node's settings: the text of the rule the engine runs. */
export function optimizerNodeFormula(p: { optimizer: OptimizerId; form?: OptimizerFormId }): string {
  return optimizerFormula(p.optimizer, p.form)
}
export const INITS = describe(initializers)

export const SCHEDULES = {
  constant: { label: 'Constant', description: 'η stays the same.' },
  step: { label: 'Step decay', description: 'η is multiplied by a factor every k epochs.' },
  piecewise: { label: 'Piecewise', description: 'η takes given values between given epochs.' },
  exponential: { label: 'Exponential', description: 'η = η0·γ^epoch.' },
} as const satisfies Record<ScheduleSpec['id'], OptionInfo>

export const BATCH_MODES = {
  online: { label: 'Online', description: 'Update after every example (stochastic).' },
  full: { label: 'Full batch', description: 'One update per epoch from all examples.' },
  mini: { label: 'Mini-batch', description: 'Update after every |B| examples.' },
} as const satisfies Record<BatchMode, OptionInfo>

export const RUN_STOPS = {
  epochs: { label: 'After N epochs', description: 'The run ends after the number of epochs below.' },
  solved: { label: 'Until solved', description: 'The run ends once the training accuracy reaches the target (for numeric targets: the target loss).' },
  stopped: { label: 'Until stopped', description: 'The run goes on until you pause or reset it.' },
} as const satisfies Record<RunStop, OptionInfo>

/** Which editor the inspector shows for a parameter. */
export type ParamType =
  | 'int'
  | 'number'
  | 'boolean'
  /** One of `options` (keys of one of the registries above). */
  | 'enum'
  /** A number, or null for "off". */
  | 'numberOrNull'
  /** A positive integer, or `'auto'`. */
  | 'sizeOrAuto'
  /** An `InitSpec`. */
  | 'init'
  /** A `ScheduleSpec`. */
  | 'schedule'
  /** Optional `number[][]`, `[units][nIn]`. */
  | 'matrix'
  /** Optional `number[]`. */
  | 'vector'

export interface ParamInfo {
  key: string
  label: string
  /** One line for the inspector's tooltip. */
  description: string
  type: ParamType
  options?: Record<string, OptionInfo>
  /** Inclusive bounds (an `exclusiveMin` of 0 means "> 0"). */
  min?: number
  max?: number
  exclusiveMin?: number
  exclusiveMax?: number
  /** Show only when another parameter of the same node has one of these values. */
  when?: { key: string; in: readonly (string | boolean)[] }
  /** May be absent from the params. */
  optional?: boolean
}

/** Palette groups, in the order people think of them. */
export type PaletteGroup = 'data' | 'layers' | 'activations' | 'losses' | 'optimizers'

export interface NodeKindInfo<K extends NodeKind = NodeKind> {
  kind: K
  label: string
  description: string
  /** Where the palette lists it. */
  group: PaletteGroup
  /**
   * The node is one engine layer of the same kind whose spec fields are the node's params
   * (dropout, batch normalisation): the compiler needs no code of its own for it.
   */
  engineLayer?: boolean
  /** The node joins two or more incoming connections (add, concatenate); others take one. */
  merge?: boolean
  /** What a file's missing parameters mean. */
  defaults: NodeParamsByKind[K]
  /**
   * Where a node placed on the canvas starts differently from `defaults` (which must keep
   * meaning what they meant in files written before): a new network trains until solved, with
   * enough hidden units to solve XOR from any seed.
   */
  fresh?: Partial<NodeParamsByKind[K]>
  params: ParamInfo[]
  /** Kinds an edge from this kind may go to (the canvas refuses other connections). */
  connectsTo: readonly NodeKind[]
}

const zeroInit: InitSpec = { id: 'zeros' }

/** A merge node (add, concatenate): no settings, several incoming wires, an activation may follow. */
function mergeNodeKind<K extends 'add' | 'concat'>(kind: K, label: string, description: string): NodeKindInfo<K> {
  const defaults = {} as NodeParamsByKind[K]
  return { kind, label, description, group: 'layers', engineLayer: true, merge: true, defaults, params: [], connectsTo: ['activation', 'dense', 'dropout', 'batchNorm', 'add', 'concat'] }
}

export const NODE_KINDS: { [K in NodeKind]: NodeKindInfo<K> } = {
  input: {
    kind: 'input',
    label: 'Input',
    description: 'The features of one example enter here.',
    group: 'data',
    defaults: { size: 'auto' },
    params: [
      { key: 'size', label: 'Size', description: 'Number of input features, or auto to take it from the data.', type: 'sizeOrAuto', min: 1 },
    ],
    connectsTo: ['dense', 'dropout', 'batchNorm', 'add', 'concat'],
  },
  dense: {
    kind: 'dense',
    label: 'Dense layer',
    description: 'Fully-connected units: net_j = Σ_k w_jk·x_k + b_j (add an activation node after it).',
    group: 'layers',
    defaults: {
      units: 2,
      useBias: true,
      trainWeights: true,
      trainBiases: true,
      weightInit: { id: 'glorotUniform' },
      biasInit: zeroInit,
    },
    fresh: { units: 4 },
    params: [
      { key: 'units', label: 'Units', description: 'Number of neurons in this layer.', type: 'int', min: 1 },
      { key: 'useBias', label: 'Bias', description: 'Give each unit a bias b_j (a weight from a constant 1).', type: 'boolean' },
      { key: 'trainWeights', label: 'Train weights', description: 'Let training change the weights (off keeps them fixed).', type: 'boolean' },
      { key: 'trainBiases', label: 'Train biases', description: 'Let training change the biases (the 2-2-2 example keeps them fixed).', type: 'boolean', when: { key: 'useBias', in: [true] } },
      { key: 'weightInit', label: 'Weight init', description: 'How weights start (ignored where weights are hand-set).', type: 'init', options: INITS },
      { key: 'biasInit', label: 'Bias init', description: 'How biases start (ignored where biases are hand-set).', type: 'init', options: INITS, when: { key: 'useBias', in: [true] } },
      { key: 'weights', label: 'Weights', description: 'Hand-set weights, one row per unit: w_jk from input k into unit j.', type: 'matrix', optional: true },
      { key: 'biases', label: 'Biases', description: 'Hand-set biases, one per unit.', type: 'vector', optional: true, when: { key: 'useBias', in: [true] } },
    ],
    connectsTo: ['activation', 'dropout', 'batchNorm', 'dense', 'add', 'concat', 'loss'],
  },
  activation: {
    kind: 'activation',
    label: 'Activation',
    description: 'out = f(net), applied to the dense layer (or Add, Concatenate) just before it.',
    group: 'activations',
    defaults: { activation: 'sigmoid', slope: 1, alpha: 0.01, noiseStd: 1 },
    params: [
      { key: 'activation', label: 'Function', description: 'The activation function f.', type: 'enum', options: ACTIVATIONS },
      { key: 'slope', label: 'Slope a', description: 'f(x) = a·x.', type: 'number', when: { key: 'activation', in: ['linear'] } },
      { key: 'alpha', label: 'α', description: 'Slope for negative inputs.', type: 'number', min: 0, when: { key: 'activation', in: ['leakyRelu'] } },
      { key: 'noiseStd', label: 'Noise σ', description: 'Standard deviation of the noise added while training.', type: 'number', min: 0, when: { key: 'activation', in: ['noisyRelu'] } },
    ],
    connectsTo: ['dropout', 'batchNorm', 'dense', 'add', 'concat', 'loss'],
  },
  dropout: {
    kind: 'dropout',
    label: 'Dropout',
    description: 'While training, drops each unit with probability rate (and scales the rest by 1/(1−rate)).',
    group: 'layers',
    engineLayer: true,
    defaults: { rate: 0.5 },
    params: [
      { key: 'rate', label: 'Rate', description: 'Probability of dropping a unit during training.', type: 'number', min: 0, exclusiveMax: 1 },
    ],
    connectsTo: ['dense', 'batchNorm', 'add', 'concat', 'loss'],
  },
  batchNorm: {
    kind: 'batchNorm',
    label: 'Batch norm',
    description: 'Normalises each unit over the batch, (x − μ)/√(σ² + ε), then scales by γ and shifts by β (both learned).',
    group: 'layers',
    engineLayer: true,
    defaults: { momentum: 0.1, epsilon: 1e-5 },
    params: [
      { key: 'momentum', label: 'Momentum', description: 'Weight of each batch in the running mean and variance used when predicting.', type: 'number', min: 0, max: 1 },
      { key: 'epsilon', label: 'ε', description: 'Added to the variance before the square root.', type: 'number', exclusiveMin: 0 },
      { key: 'gamma', label: 'Scale γ', description: 'Hand-set scales, one per unit (start at 1).', type: 'vector', optional: true },
      { key: 'beta', label: 'Shift β', description: 'Hand-set shifts, one per unit (start at 0).', type: 'vector', optional: true },
      { key: 'runningMean', label: 'Running mean', description: 'Hand-set running means, one per unit (start at 0).', type: 'vector', optional: true },
      { key: 'runningVar', label: 'Running variance', description: 'Hand-set running variances, one per unit (start at 1).', type: 'vector', optional: true },
    ],
    connectsTo: ['dense', 'dropout', 'add', 'concat'],
  },
  add: mergeNodeKind('add', 'Add', 'Sums two or more branches of the same width element by element: a residual connection x + F(x).'),
  concat: mergeNodeKind('concat', 'Concatenate', 'Lays two or more branches side by side (widths add up), in the order they were connected.'),
  loss: {
    kind: 'loss',
    label: 'Loss',
    description: 'Compares the output o with the target t: what training minimises.',
    group: 'losses',
    defaults: { loss: 'halfSse', reduction: 'mean' },
    params: [
      { key: 'loss', label: 'Loss', description: 'The error function E(t, o).', type: 'enum', options: LOSSES },
      {
        key: 'reduction',
        label: 'Batch reduction',
        description: 'Average (mean) or add (sum) the per-example gradients of a batch.',
        type: 'enum',
        options: {
          mean: { label: 'Mean', description: 'w ← w − η/|B|·Σ∂C_i/∂w (the lectures’ mini-batch rule).' },
          sum: { label: 'Sum', description: 'w ← w − η·Σ∂C_i/∂w.' },
        },
      },
    ],
    connectsTo: ['optimizer'],
  },
  optimizer: {
    kind: 'optimizer',
    label: 'Optimizer',
    description: 'How weights are updated from the loss, and every training setting.',
    group: 'optimizers',
    defaults: {
      optimizer: 'sgd',
      learningRate: 0.5,
      momentum: 0.9,
      form: DEFAULT_OPTIMIZER_FORM,
      rho: 0.9,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
      schedule: { id: 'constant' },
      l2: 0,
      l1: 0,
      clipValue: null,
      clipNorm: null,
      batchMode: 'online',
      batchSize: 10,
      stop: 'epochs',
      epochs: 100,
      targetAccuracy: 1,
      shuffle: true,
      targetLoss: null,
      validationFraction: 0,
      earlyStopping: false,
      patience: 5,
      minDelta: 0,
      restoreBest: true,
    },
    fresh: { stop: 'solved' },
    params: [
      { key: 'optimizer', label: 'Rule', description: 'The update rule.', type: 'enum', options: OPTIMIZERS },
      { key: 'learningRate', label: 'Learning rate η', description: 'Step size of each update.', type: 'number', exclusiveMin: 0 },
      { key: 'momentum', label: 'Momentum α', description: 'Fraction of the previous update added to this one.', type: 'number', min: 0, exclusiveMax: 1, when: { key: 'optimizer', in: ['momentum', 'momentumEma', 'nesterov'] } },
      { key: 'form', label: 'Form', description: 'How the rule is written: as lecture 001’s cited source, or as PyTorch (they part when η changes).', type: 'enum', options: OPTIMIZER_FORMS, when: { key: 'optimizer', in: OPTIMIZERS_WITH_FORMS } },
      { key: 'rho', label: 'Decay ρ', description: 'How slowly the average of g² forgets.', type: 'number', min: 0, exclusiveMax: 1, when: { key: 'optimizer', in: ['rmsprop'] } },
      { key: 'beta1', label: 'β1', description: 'Decay of the gradient average.', type: 'number', min: 0, exclusiveMax: 1, when: { key: 'optimizer', in: ['adam'] } },
      { key: 'beta2', label: 'β2', description: 'Decay of the squared-gradient average.', type: 'number', min: 0, exclusiveMax: 1, when: { key: 'optimizer', in: ['adam'] } },
      { key: 'epsilon', label: 'ε', description: 'Keeps the division finite.', type: 'number', exclusiveMin: 0, when: { key: 'optimizer', in: ['adagrad', 'rmsprop', 'adam'] } },
      { key: 'schedule', label: 'Schedule', description: 'How η changes with the epochs.', type: 'schedule', options: SCHEDULES },
      { key: 'l2', label: 'L2 λ', description: REGULARIZATION_TERMS.l2, type: 'number', min: 0 },
      { key: 'l1', label: 'L1 λ', description: REGULARIZATION_TERMS.l1, type: 'number', min: 0 },
      { key: 'clipValue', label: 'Clip value', description: 'Clip each gradient entry to ±this (empty = off).', type: 'numberOrNull', exclusiveMin: 0 },
      { key: 'clipNorm', label: 'Clip norm', description: 'Shrink the whole gradient to at most this length (empty = off).', type: 'numberOrNull', exclusiveMin: 0 },
      { key: 'batchMode', label: 'Batch', description: 'How many examples each update sees.', type: 'enum', options: BATCH_MODES },
      { key: 'batchSize', label: 'Batch size |B|', description: 'Examples per mini-batch.', type: 'int', min: 1, when: { key: 'batchMode', in: ['mini'] } },
      { key: 'stop', label: 'Train', description: 'What ends a run (target loss and early stopping end it too).', type: 'enum', options: RUN_STOPS },
      { key: 'epochs', label: 'Epochs', description: 'Passes through the training data (at most).', type: 'int', min: 1, when: { key: 'stop', in: ['epochs'] } },
      { key: 'targetAccuracy', label: 'Solved at accuracy', description: 'Training accuracy that counts as solved (1 = every example right).', type: 'number', exclusiveMin: 0, max: 1, when: { key: 'stop', in: ['solved'] } },
      { key: 'shuffle', label: 'Shuffle', description: 'Visit the examples in a new seeded order each epoch.', type: 'boolean' },
      { key: 'targetLoss', label: 'Target loss', description: 'Stop when the training loss reaches this (empty = off).', type: 'numberOrNull', min: 0 },
      { key: 'validationFraction', label: 'Validation fraction', description: 'Share of the data held out to measure generalisation.', type: 'number', min: 0, exclusiveMax: 1 },
      { key: 'earlyStopping', label: 'Early stopping', description: 'Stop when the validation loss stops improving.', type: 'boolean' },
      { key: 'patience', label: 'Patience', description: 'Epochs without improvement before stopping.', type: 'int', min: 1, when: { key: 'earlyStopping', in: [true] } },
      { key: 'minDelta', label: 'Min improvement', description: 'Smaller improvements do not count.', type: 'number', min: 0, when: { key: 'earlyStopping', in: [true] } },
      { key: 'restoreBest', label: 'Restore best', description: 'Go back to the weights of the best validation epoch.', type: 'boolean', when: { key: 'earlyStopping', in: [true] } },
    ],
    connectsTo: [],
  },
}

export const NODE_KIND_IDS = Object.keys(NODE_KINDS) as NodeKind[]

/** Whether the canvas may draw an edge from a `source` node to a `target` node. */
export function isValidConnection(source: NodeKind, target: NodeKind): boolean {
  return NODE_KINDS[source].connectsTo.includes(target)
}

/** A fresh node of `kind` with default parameters (a deep copy: safe to edit). */
export function createNode<K extends NodeKind>(kind: K, id: string, position: Position): ProjectNodeOf<K> {
  // A JSON round trip is a deep copy of plain data (structuredClone is a host API).
  const info = NODE_KINDS[kind]
  const params = JSON.parse(JSON.stringify({ ...info.defaults, ...info.fresh })) as NodeParamsByKind[K]
  return { id, kind, position: { ...position }, params } as ProjectNode as ProjectNodeOf<K>
}
