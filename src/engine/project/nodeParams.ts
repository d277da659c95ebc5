/**
 * The parameters of every node kind, declared once: type, bounds, default, label, description
 * and when the inspector shows each. `types.ts` infers `NodeParamsByKind` from these, the project
 * schema validates files with them, `compileGraph` checks them (`checkParams`), and the inspector
 * and the JSON Schema read their labels. Layers drawn as one node each (dropout, batch norm)
 * bring their fields from their own file in `nn/`.
 */
import { batchNormFields } from '../nn/batchNorm'
import { dropoutFields } from '../nn/dropout'
import { featuresFields } from '../nn/features'
import { param } from '../schema/params'
import { z } from '../schema/z'
import { DEFAULT_OPTIMIZER_FORM } from '../nn/optimizers'
import { ACTIVATION_PARAMS, activationsUsing, type ActivationParamKey } from '../nn/activations'
import { REGULARIZATION_TERMS } from '../nn/regularization'
import {
  ACTIVATIONS,
  BATCH_MODES,
  INITS,
  LOSSES,
  OPTIMIZER_FORMS,
  OPTIMIZERS,
  OPTIMIZERS_WITH_FORMS,
  REDUCTIONS,
  RUN_STOPS,
  SCHEDULES,
} from './options'

const whenBias = { key: 'useBias', in: [true] }
const whenEarly = { key: 'earlyStopping', in: [true] }
const whenOptimizer = (...ids: (keyof typeof OPTIMIZERS)[]) => ({ key: 'optimizer', in: ids })
/** Shown for the activations that read `key` (their registry entries say so). */
const whenActivationUses = (key: ActivationParamKey) => ({ key: 'activation', in: activationsUsing(key) })
/** An activation parameter as its registry declaration says (label, bounds, default), shown where it is read. */
const activationParam = (key: ActivationParamKey) => param.number({ ...ACTIVATION_PARAMS[key], when: whenActivationUses(key) })

const input = z.object({
  size: param.sizeOrAuto({
    label: 'Size',
    description: 'Number of input features, or auto to take it from the data.',
    min: 1,
  }),
})

const dense = z.object({
  units: param.int({
    label: 'Units',
    description: 'Number of neurons in this layer.',
    min: 1,
    default: 2,
  }),
  useBias: param.boolean({
    label: 'Bias',
    description: 'Give each unit a bias b_j (a weight from a constant 1).',
    default: true,
  }),
  trainWeights: param.boolean({
    label: 'Train weights',
    description: 'Let training change the weights (off keeps them fixed).',
    default: true,
  }),
  trainBiases: param.boolean({
    label: 'Train biases',
    description: 'Let training change the biases (the 2-2-2 example keeps them fixed).',
    default: true,
    when: whenBias,
  }),
  weightInit: param.init({
    label: 'Weight init',
    description: 'How weights start (ignored where weights are hand-set).',
    options: INITS,
    default: { id: 'glorotUniform' },
  }),
  biasInit: param.init({
    label: 'Bias init',
    description: 'How biases start (ignored where biases are hand-set).',
    options: INITS,
    default: { id: 'zeros' },
    when: whenBias,
  }),
  /** `[units][nIn]`: `weights[j][k]` is w_jk, from input k into unit j. */
  weights: param.matrix({
    label: 'Weights',
    description: 'Hand-set weights, one row per unit: w_jk from input k into unit j.',
  }),
  biases: param.vector({
    label: 'Biases',
    description: 'Hand-set biases, one per unit.',
    when: whenBias,
  }),
})

const activation = z.object({
  activation: param.choice({
    label: 'Function',
    description: 'The activation function f.',
    options: ACTIVATIONS,
    default: 'sigmoid',
  }),
  slope: activationParam('slope'),
  alpha: activationParam('alpha'),
  noiseStd: activationParam('noiseStd'),
})

const loss = z.object({
  loss: param.choice({
    label: 'Loss',
    description: 'The error function E(t, o).',
    options: LOSSES,
    default: 'halfSse',
  }),
  reduction: param.choice({
    label: 'Batch reduction',
    description: 'Average (mean) or add (sum) the per-example gradients of a batch.',
    options: REDUCTIONS,
    default: 'mean',
  }),
})

/** The optimizer node holds every training setting: rule, schedule, regularisation, batching, stopping. */
const optimizer = z.object({
  optimizer: param.choice({
    label: 'Rule',
    description: 'The update rule.',
    options: OPTIMIZERS,
    default: 'sgd',
  }),
  learningRate: param.number({
    label: 'Learning rate η',
    description: 'Step size of each update.',
    exclusiveMin: 0,
    default: 0.5,
  }),
  momentum: param.number({
    label: 'Momentum α',
    description: 'Fraction of the previous update added to this one.',
    min: 0,
    exclusiveMax: 1,
    default: 0.9,
    when: whenOptimizer('momentum', 'momentumEma', 'nesterov'),
  }),
  form: param.choice({
    label: 'Form',
    description:
      'How the rule is written: as lecture 001’s cited source, or as PyTorch (they part when η changes).',
    options: OPTIMIZER_FORMS,
    default: DEFAULT_OPTIMIZER_FORM,
    when: whenOptimizer(...OPTIMIZERS_WITH_FORMS),
  }),
  rho: param.number({
    label: 'Decay ρ',
    description: 'How slowly the average of g² forgets.',
    min: 0,
    exclusiveMax: 1,
    default: 0.9,
    when: whenOptimizer('rmsprop'),
  }),
  beta1: param.number({
    label: 'β1',
    description: 'Decay of the gradient average.',
    min: 0,
    exclusiveMax: 1,
    default: 0.9,
    when: whenOptimizer('adam'),
  }),
  beta2: param.number({
    label: 'β2',
    description: 'Decay of the squared-gradient average.',
    min: 0,
    exclusiveMax: 1,
    default: 0.999,
    when: whenOptimizer('adam'),
  }),
  epsilon: param.number({
    label: 'ε',
    description: 'Keeps the division finite.',
    exclusiveMin: 0,
    default: 1e-8,
    when: whenOptimizer('adagrad', 'rmsprop', 'adam'),
  }),
  schedule: param.schedule({
    label: 'Schedule',
    description: 'How η changes with the epochs.',
    options: SCHEDULES,
  }),
  l2: param.number({ label: 'L2 λ', description: REGULARIZATION_TERMS.l2, min: 0, default: 0 }),
  l1: param.number({ label: 'L1 λ', description: REGULARIZATION_TERMS.l1, min: 0, default: 0 }),
  clipValue: param.numberOrNull({
    label: 'Clip value',
    description: 'Clip each gradient entry to ±this (empty = off).',
    exclusiveMin: 0,
  }),
  clipNorm: param.numberOrNull({
    label: 'Clip norm',
    description: 'Shrink the whole gradient to at most this length (empty = off).',
    exclusiveMin: 0,
  }),
  batchMode: param.choice({
    label: 'Batch',
    description: 'How many examples each update sees.',
    options: BATCH_MODES,
    default: 'online',
  }),
  batchSize: param.int({
    label: 'Batch size |B|',
    description: 'Examples per mini-batch.',
    min: 1,
    default: 10,
    when: { key: 'batchMode', in: ['mini'] },
  }),
  /** What ends a run (besides target loss, early stopping and the perceptron's convergence). */
  stop: param.choice({
    label: 'Train',
    description: 'What ends a run (target loss and early stopping end it too).',
    options: RUN_STOPS,
    default: 'epochs',
  }),
  /** The run's length when `stop` is `epochs`. */
  epochs: param.int({
    label: 'Epochs',
    description: 'Passes through the training data (at most).',
    min: 1,
    default: 100,
    when: { key: 'stop', in: ['epochs'] },
  }),
  /** Training accuracy that counts as solved (`stop: 'solved'`). */
  targetAccuracy: param.number({
    label: 'Solved at accuracy',
    description: 'Training accuracy that counts as solved (1 = every example right).',
    exclusiveMin: 0,
    max: 1,
    default: 1,
    when: { key: 'stop', in: ['solved'] },
  }),
  shuffle: param.boolean({
    label: 'Shuffle',
    description: 'Visit the examples in a new seeded order each epoch.',
    default: true,
  }),
  targetLoss: param.numberOrNull({
    label: 'Target loss',
    description: 'Stop when the training loss reaches this (empty = off).',
    min: 0,
  }),
  validationFraction: param.number({
    label: 'Validation fraction',
    description: 'Share of the data held out to measure generalisation.',
    min: 0,
    exclusiveMax: 1,
    default: 0,
  }),
  earlyStopping: param.boolean({
    label: 'Early stopping',
    description: 'Stop when the validation loss stops improving.',
    default: false,
  }),
  patience: param.int({
    label: 'Patience',
    description: 'Epochs without improvement before stopping.',
    min: 1,
    default: 5,
    when: whenEarly,
  }),
  minDelta: param.number({
    label: 'Min improvement',
    description: 'Smaller improvements do not count.',
    min: 0,
    default: 0,
    when: whenEarly,
  }),
  restoreBest: param.boolean({
    label: 'Restore best',
    description: 'Go back to the weights of the best validation epoch.',
    default: true,
    when: whenEarly,
  }),
})

/**
 * A merge node (add, concatenate) has no settings: what it joins are its incoming connections,
 * in the order they were drawn (the order of `edges`), which is the order Concatenate lays them
 * side by side. An activation node after it applies to the merged values.
 */
const merge = z.object({})

/** Every node kind's parameters, keyed by kind (the order the palette and the schema list them). */
export const nodeParams = {
  input,
  features: featuresFields,
  dense,
  activation,
  dropout: dropoutFields,
  batchNorm: batchNormFields,
  add: merge,
  concat: merge,
  loss,
  optimizer,
}
