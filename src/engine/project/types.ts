/**
 * The project file (`*.axon.json`): what the canvas saves and opens.
 *
 * A project is the user's drawing (nodes with positions and parameters, edges between them)
 * plus the data, the seed and the precision. `compileGraph` turns it into an `EngineSpec`.
 * Everything here is plain JSON; React Flow's node shape (`id`, `type`, `position`, `data`)
 * maps one to one onto ours (`id`, `kind`, `position`, `params`).
 *
 * The full description, with an example, is in `docs/project-format.md`; the JSON Schema is
 * `project.schema.json` beside this file.
 */

import type {
  ActivationId,
  InitSpec,
  LossId,
  OptimizerFormId,
  OptimizerId,
  Precision,
  ScheduleSpec,
} from '../spec'
import type { ProjectExperiments } from '../experiments/sweep'

export const PROJECT_FORMAT = 'axon-studio/project' as const
/** The version this code writes. Older versions are upgraded by `migrateProject`. */
export const PROJECT_VERSION = 1 as const

export type NodeKind = 'input' | 'dense' | 'activation' | 'dropout' | 'batchNorm' | 'add' | 'concat' | 'loss' | 'optimizer'

/** Canvas position in React Flow's coordinates (px, y down). */
export interface Position {
  x: number
  y: number
}

export interface InputParams {
  /** Number of input features, or `'auto'` to take it from the data. */
  size: number | 'auto'
}

export interface DenseParams {
  /** Number of units (neurons) in the layer. */
  units: number
  useBias: boolean
  trainWeights: boolean
  trainBiases: boolean
  weightInit: InitSpec
  biasInit: InitSpec
  /** Hand-set weights `[units][nIn]`: `weights[j][k]` is w_jk, from input k into unit j. */
  weights?: number[][]
  /** Hand-set biases `[units]`. */
  biases?: number[]
}

export interface ActivationParams {
  activation: ActivationId
  /** Slope a of `linear` (f(x) = a·x). */
  slope: number
  /** Negative-side slope α of `leakyRelu`. */
  alpha: number
  /** Noise standard deviation of `noisyRelu` (training only). */
  noiseStd: number
}

export interface DropoutParams {
  /** Probability of dropping each unit during training, in [0, 1). */
  rate: number
}

export interface BatchNormParams {
  /** Weight of each batch in the running statistics (PyTorch's convention, default 0.1). */
  momentum: number
  /** Added to the variance before the square root. */
  epsilon: number
  /** Hand-set scale γ, shift β and running statistics `[units]` (a reopened model). */
  gamma?: number[]
  beta?: number[]
  runningMean?: number[]
  runningVar?: number[]
}

/**
 * A merge node (add, concatenate) has no settings: what it joins are its incoming connections,
 * in the order they were drawn (the order of `edges`), which is the order Concatenate lays them
 * side by side. An activation node after it applies to the merged values.
 */
export type MergeParams = Record<string, never>

export interface LossParams {
  loss: LossId
  reduction: 'mean' | 'sum'
}

export type BatchMode = 'online' | 'full' | 'mini'

/** What ends a run: `epochs` after `epochs` epochs, `solved` at `targetAccuracy`, `stopped` only the user. */
export type RunStop = 'epochs' | 'solved' | 'stopped'

/**
 * The optimizer node holds every training setting: the update rule, the learning-rate
 * schedule, regularisation, batching, epochs and stopping.
 */
export interface OptimizerParams {
  optimizer: OptimizerId
  /** η. */
  learningRate: number
  /** α of `momentum`/`nesterov`, λ of `momentumEma`. */
  momentum: number
  /** How `momentum`/`nesterov` are written: as lecture 001's cited source, or as PyTorch. */
  form: OptimizerFormId
  /** ρ of `rmsprop`. */
  rho: number
  beta1: number
  beta2: number
  epsilon: number
  schedule: ScheduleSpec
  /** λ of L2 weight decay (weights only). */
  l2: number
  /** λ of L1 (weights only). */
  l1: number
  /** Clip each gradient entry to ±clipValue; null = off. */
  clipValue: number | null
  /** Rescale the gradient to L2 norm ≤ clipNorm; null = off. */
  clipNorm: number | null
  batchMode: BatchMode
  /** Mini-batch size |B| (used when `batchMode` is `mini`). */
  batchSize: number
  /** What ends a run (besides target loss, early stopping and the perceptron's convergence). */
  stop: RunStop
  /** The run's length when `stop` is `epochs`. */
  epochs: number
  /** Training accuracy that counts as solved (`stop: 'solved'`), in (0, 1]. */
  targetAccuracy: number
  shuffle: boolean
  /** Stop once the training loss is at or below this; null = off. */
  targetLoss: number | null
  /** Fraction of the data held out for validation, in [0, 1). */
  validationFraction: number
  earlyStopping: boolean
  patience: number
  minDelta: number
  restoreBest: boolean
}

export interface NodeParamsByKind {
  input: InputParams
  dense: DenseParams
  activation: ActivationParams
  dropout: DropoutParams
  batchNorm: BatchNormParams
  add: MergeParams
  concat: MergeParams
  loss: LossParams
  optimizer: OptimizerParams
}

/** One node of the drawing, discriminated by `kind`. */
export type ProjectNode = {
  [K in NodeKind]: {
    id: string
    kind: K
    position: Position
    /** Optional user label shown on the canvas (e.g. "hidden", "h1 h2"). */
    label?: string
    params: NodeParamsByKind[K]
  }
}[NodeKind]

export type ProjectNodeOf<K extends NodeKind> = Extract<ProjectNode, { kind: K }>

/** A directed edge: data flows from `source` to `target`. */
export interface ProjectEdge {
  id: string
  source: string
  target: string
}

/**
 * Preprocessing applied to inputs when a dataset is read (the same ids as the data layer's
 * `NormalizationId`). IDX byte images are always read as x/255 first.
 */
export type InputScaling =
  /** Use the numbers as they are. */
  | 'none'
  /** x' = (x − min)/(max − min) per feature, fitted on the training set. */
  | 'minMax'
  /** x' = (x − mean)/std per feature, fitted on the training set. */
  | 'zScore'
  /** Divide by 255 (raw pixel values in a CSV). */
  | 'divide255'

/** A few patterns typed into the project itself (the lecture examples). */
export interface InlineData {
  kind: 'inline'
  /** `[count][inputSize]`. */
  inputs: number[][]
  /** `[count][targetSize]`. */
  targets: number[][]
  featureNames?: string[]
  targetNames?: string[]
}

/** A dataset shipped with the app (see `src/engine/data`), by id. */
export interface BuiltinData {
  kind: 'builtin'
  id: string
  options?: Record<string, number | string | boolean>
}

/** Data read from files, with paths relative to the project file. */
export interface FileData {
  kind: 'file'
  format: 'csv' | 'idx'
  /** Training inputs: a CSV file, or an IDX images file (`.gz` allowed). */
  path: string
  /** IDX labels file for `path` (classification). */
  labelsPath?: string
  /** Optional test set, same format. */
  testPath?: string
  testLabelsPath?: string
  /** CSV: columns holding targets (names or 0-based indices); the rest are inputs. */
  targetColumns?: (string | number)[]
  /** CSV: whether the first row holds column names. Default: detected. */
  header?: boolean
  /**
   * CSV: whether the first line is a preamble to skip (a title, or a row count, a feature count
   * and class names as in scikit-learn's iris.csv). Default: detected.
   */
  preamble?: boolean
  /**
   * Number of classes. IDX: for label files (targets become one-hot; default max label + 1).
   * CSV: the whole-number target column holds classes 0 … classes−1 (not a number to regress).
   */
  classes?: number
  /** Class names, index = class (IDX labels, or the values 0, 1, … of a CSV class column). */
  labelNames?: string[]
  /** CSV: numeric columns read as categories (one-hot inputs, or classes as the target). */
  categorical?: string[]
  /** CSV: columns left out of the inputs. */
  excluded?: string[]
  /**
   * CSV: rows with missing values: refuse (`error`, the default), `drop` them, or fill in the
   * column's `mean`, `median` or `mode` computed on the training part only.
   */
  missing?: 'error' | 'drop' | 'mean' | 'median' | 'mode'
  scaling: InputScaling
  /** Share of the rows held out for validation (seeded split); absent = the optimizer's. */
  validationFraction?: number
  /** Share of the rows held out as a test set, evaluated once training ends. Ignored with `testPath`. */
  testFraction?: number
  /** Keep each class's share in the training, validation and test parts. */
  stratify?: boolean
  /** Use only the first `limit` training rows (quick experiments). */
  limit?: number
}

export type DataSource = InlineData | BuiltinData | FileData

export interface ProjectMeta {
  title: string
  /** One paragraph: what the network shows and what to look for. */
  description: string
  /** Where the example comes from (e.g. "Lecture 001, Mazur's worked example"). */
  source?: string
}

/** A project file, version 1. */
export interface Project {
  format: typeof PROJECT_FORMAT
  version: typeof PROJECT_VERSION
  meta: ProjectMeta
  /** One seed: init, split, shuffle and dropout streams derive from it. */
  seed: number
  precision: Precision
  data: DataSource
  nodes: ProjectNode[]
  edges: ProjectEdge[]
  /** Canvas viewport, restored on open. */
  viewport?: { x: number; y: number; zoom: number }
  /** Sweeps run on this network, with their results (`src/engine/experiments/sweep.ts`). */
  experiments?: ProjectExperiments
}
