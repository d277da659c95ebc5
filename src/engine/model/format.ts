/**
 * The model file (model JSON): a trained network that other programs can load.
 *
 * Architecture, weights `[out][in]` (`weights[j][k]` is w_jk, "from input k into unit j") and
 * biases, the preprocessing the inputs need, the training settings and a history summary.
 * Numbers are written as JSON numbers: a float64 survives the round trip exactly, and so does a
 * float32 weight (written as its float64 value). Described in `docs/model-format.md`; JSON Schema
 * in `model.schema.json` beside this file.
 */

import type { DataSource } from '../project/types'
import { layerKinds } from '../nn/layers'
import type { InputFeatureId } from '../nn/features'
import type {
  ActivationSpec,
  EngineSpec,
  LossSpec,
  OptimizerSpec,
  Precision,
  RegularizationSpec,
  ScheduleSpec,
  TrainingSpec,
} from '../spec'

export const MODEL_FORMAT = 'axon-studio/model' as const
export const MODEL_VERSION = 1 as const

/** What a layer reads, as in the engine spec: absent = the layer before (the first: the input). */
interface ModelLayerLinks {
  /** Node ids of earlier layers, or "$input" for the network's input (merge layers: two or more). */
  inputs?: string[]
}

export interface ModelDenseLayer extends ModelLayerLinks {
  kind: 'dense'
  /** The canvas node the layer came from. */
  nodeId: string
  units: number
  /** Inputs per unit (the width of what it reads: the previous layer's units, or the input size). */
  nIn: number
  activation: ActivationSpec
  /** `[units][nIn]`: weights[j][k] = w_jk. */
  weights: number[][]
  /** `[units]`, or null for a layer without bias. */
  biases: number[] | null
}

/** Dropout is kept for the record; it is the identity when predicting. */
export interface ModelDropoutLayer extends ModelLayerLinks {
  kind: 'dropout'
  nodeId: string
  rate: number
}

/**
 * Batch normalisation with its trained scale γ, shift β and running statistics: when predicting,
 * out = γ·(x − runningMean)/√(runningVar + epsilon) + β per unit.
 */
export interface ModelBatchNormLayer extends ModelLayerLinks {
  kind: 'batchNorm'
  nodeId: string
  /** Equal to nIn. */
  units: number
  nIn: number
  momentum: number
  epsilon: number
  gamma: number[]
  beta: number[]
  runningMean: number[]
  runningVar: number[]
}

/**
 * Input features of a 2-D input (x1, x2), side by side in the listed order: x1, x2, x1Squared
 * (x1²), x2Squared, x1x2 (x1·x2), sinX1 (sin x1), sinX2. No parameters.
 */
export interface ModelFeaturesLayer extends ModelLayerLinks {
  kind: 'features'
  nodeId: string
  features: InputFeatureId[]
  /** The number of features. */
  units: number
  /** Always 2. */
  nIn: number
}

/** Add (element-wise sum of equal widths) or concatenate (side by side), then the optional activation. */
export interface ModelMergeLayer {
  kind: 'add' | 'concat'
  nodeId: string
  inputs: string[]
  /** Output width: each input's width (add), or their sum (concat). */
  units: number
  activation?: ActivationSpec
}

export type ModelLayer = ModelDenseLayer | ModelDropoutLayer | ModelBatchNormLayer | ModelMergeLayer | ModelFeaturesLayer

export interface ModelArchitecture {
  inputSize: number
  /** Shape of one input (e.g. [28, 28]); absent = [inputSize]. */
  inputShape?: number[]
  outputSize: number
  precision: Precision
  layers: ModelLayer[]
  loss: LossSpec
}

/**
 * What to do to a raw input row before the first layer, per feature k:
 * x'_k = (x_k − shift[k]) · scalePerFeature[k] · scale (absent parts: shift 0, scale 1).
 */
export interface ModelPreprocessing {
  scale: number
  shift?: number[]
  scalePerFeature?: number[]
  featureNames?: string[]
  /** Classification: the name of each class, index = class. */
  labelNames?: string[]
  targetNames?: string[]
}

export interface ModelTraining {
  seed: number
  optimizer: OptimizerSpec
  schedule: ScheduleSpec
  regularization: RegularizationSpec
  training: TrainingSpec
}

export interface ModelHistory {
  epochs: number
  iterations: number
  /** Why training stopped, or null if it was stopped early by the user. */
  stopReason: string | null
  /** The epoch whose weights these are when restore-best brought them back at the end (absent otherwise). */
  restoredEpoch?: number
  /** Training loss per epoch. */
  loss: number[]
  /** Training accuracy per epoch (classification). */
  accuracy?: number[]
  valLoss?: number[]
  valAccuracy?: number[]
  /** The held-out test set evaluated with these weights (absent when there was none). */
  test?: ModelTestResult
}

/** A test-set evaluation in the model file: loss, accuracy (classification), examples, at which epoch. */
export interface ModelTestResult {
  /** Examples in the test set. */
  count: number
  /** Mean per-example loss (sum reduction: the total), in evaluation mode (no dropout or noise). */
  loss: number
  /** Share of test examples classified right (classification only). */
  accuracy?: number
  /** Epochs done when it was taken. */
  epoch: number
}

export interface ModelFile {
  format: typeof MODEL_FORMAT
  version: typeof MODEL_VERSION
  /** The engine that trained it (`ENGINE_VERSION`). */
  engineVersion: string
  /** Where it came from (the project's title). */
  title: string
  task: 'classification' | 'regression'
  architecture: ModelArchitecture
  preprocessing: ModelPreprocessing
  training: ModelTraining
  history: ModelHistory
  /**
   * Optional: the project's data reference (as in the project file: inline patterns, a
   * built-in id, or file paths), so the model can be reopened as a project and trained on.
   */
  data?: DataSource
}

/** The `EngineSpec` a model file describes, with its weights hand-set (for `createSession`). */
export function modelToSpec(model: ModelFile): EngineSpec {
  const a = model.architecture
  return {
    version: 1,
    seed: model.training.seed,
    model: {
      inputSize: a.inputSize,
      precision: a.precision,
      loss: { ...a.loss },
      layers: a.layers.map((l) => ({
        ...layerKinds[l.kind].fromExport(l as unknown as { nodeId: string } & Record<string, unknown>),
        ...(l.inputs ? { inputs: [...l.inputs] } : {}),
      })),
    },
    optimizer: { ...model.training.optimizer },
    schedule: JSON.parse(JSON.stringify(model.training.schedule)),
    regularization: { ...model.training.regularization },
    training: JSON.parse(JSON.stringify(model.training.training)),
  }
}
