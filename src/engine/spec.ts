/**
 * The engine spec: what `compileGraph` produces from the canvas and what the engine runs.
 *
 * This is the one contract between the canvas, the project file, the CLI and the engine.
 * Everything is plain JSON-able data (ids, numbers, arrays) so it crosses Comlink as is and
 * can be stored in files. Functions live in registries keyed by these ids, never in the spec.
 *
 * Weight layout everywhere: `W[j][k]` (or flat `W[j * nIn + k]`) is w_jk, the weight
 * "from input k into unit j", as the lectures write it.
 */

import type { ActivationId } from './nn/activations'
import type { InitId } from './nn/init'
import type { LossId } from './nn/losses'
import type { OptimizerFormId, OptimizerId } from './nn/optimizers'
import type { batchNormFields } from './nn/batchNorm'
import type { dropoutFields } from './nn/dropout'
import type { featuresFields } from './nn/features'
import type { precision } from './schema/fields'
import type {
  activationSpec,
  batchSpec,
  earlyStoppingSpec,
  initSpec,
  lossSpec,
  optimizerSpec,
  regularizationSpec,
  runUntil,
  scheduleSpec,
  trainingSpec,
} from './schema/engineSpec'
import type { z } from './schema/z'

/** Ids are the keys of the engine's registries (`nn/*.ts`): the single list. */
export type { ActivationId, InitId, LossId, OptimizerFormId, OptimizerId }

export const SPEC_VERSION = 1 as const

/** Number type used for parameters and arithmetic. float64 reproduces the lectures' digits. */
export type Precision = z.output<typeof precision>

/*
 * The parts files store as they are: inferred from their schemas (`schema/engineSpec.ts`), which
 * the model file's checks and the engine's own checks use.
 */
export type ActivationSpec = z.output<typeof activationSpec>
export type InitSpec = z.output<typeof initSpec>
export type LossSpec = z.output<typeof lossSpec>
export type OptimizerSpec = z.output<typeof optimizerSpec>
/** constant · step (η·factor every `every` epochs) · piecewise (values[i] from boundaries[i−1] on) · exponential (η0·gamma^epoch). */
export type ScheduleSpec = z.output<typeof scheduleSpec>
export type RegularizationSpec = z.output<typeof regularizationSpec>
export type BatchSpec = z.output<typeof batchSpec>
export type EarlyStoppingSpec = z.output<typeof earlyStoppingSpec>
export type RunUntil = z.output<typeof runUntil>
export type TrainingSpec = z.output<typeof trainingSpec>

/**
 * Where a layer reads from. A network is a graph of layers listed in topological order: each
 * layer reads the outputs of earlier layers (by `nodeId`) or the network's input
 * (`NETWORK_INPUT`). Without `inputs` a layer reads the layer just before it (the first layer
 * reads the input), so a chain needs none and its spec is exactly as before graphs existed.
 */
export interface LayerLinks {
  /** Node ids of the layers (or `NETWORK_INPUT`) this layer reads; merge layers read two or more. */
  inputs?: string[]
}

/** The `inputs` entry that names the network's input rather than a layer. */
export const NETWORK_INPUT = '$input' as const

export interface DenseLayerSpec extends LayerLinks {
  kind: 'dense'
  /** The canvas node this layer came from: diagnostics and traces point back to it. */
  nodeId: string
  units: number
  activation: ActivationSpec
  useBias: boolean
  trainWeights: boolean
  trainBiases: boolean
  weightInit: InitSpec
  biasInit: InitSpec
  /** Hand-set weights, `[units][nIn]` (w_jk = weights[j][k]); overrides `weightInit`. */
  weights?: number[][]
  /** Hand-set biases, `[units]`; overrides `biasInit`. */
  biases?: number[]
}

/** Dropout: its fields (`rate`) are declared once, with the layer (`nn/dropout.ts`). */
export type DropoutLayerSpec = LayerLinks & { kind: 'dropout'; nodeId: string } & z.output<typeof dropoutFields>

/** Batch normalisation: its fields (momentum, ε, hand-set γ, β and statistics) are declared in `nn/batchNorm.ts`. */
export type BatchNormLayerSpec = LayerLinks & { kind: 'batchNorm'; nodeId: string } & z.output<typeof batchNormFields>

/** Input features from x₁, x₂ (x₁², x₁x₂, sin x₁, …): its field (`features`) is declared in `nn/features.ts`. */
export type FeaturesLayerSpec = LayerLinks & { kind: 'features'; nodeId: string } & z.output<typeof featuresFields>

/**
 * Element-wise sum of two or more inputs of equal width (a residual connection: x + F(x)),
 * then an optional activation: out = f(Σ inputs).
 */
export interface AddLayerSpec extends LayerLinks {
  kind: 'add'
  nodeId: string
  inputs: string[]
  /** Applied to the sum (e.g. ReLU after a residual block); absent = linear. */
  activation?: ActivationSpec
}

/** The inputs side by side (widths add up, in the order of `inputs`), then an optional activation. */
export interface ConcatLayerSpec extends LayerLinks {
  kind: 'concat'
  nodeId: string
  inputs: string[]
  activation?: ActivationSpec
}

export type LayerSpec = DenseLayerSpec | DropoutLayerSpec | BatchNormLayerSpec | AddLayerSpec | ConcatLayerSpec | FeaturesLayerSpec

export interface ModelSpec {
  inputSize: number
  /** In topological order (each reads only earlier layers or the input); the last is the output. */
  layers: LayerSpec[]
  loss: LossSpec
  precision: Precision
}

export interface EngineSpec {
  version: typeof SPEC_VERSION
  /** One seed; the engine derives separate streams for init, split, shuffle and dropout from it. */
  seed: number
  model: ModelSpec
  optimizer: OptimizerSpec
  schedule: ScheduleSpec
  regularization: RegularizationSpec
  training: TrainingSpec
}

/**
 * A dataset in memory, row-major. Images stay as bytes (`Uint8Array`) and are scaled by
 * `inputScale` when a batch is read, so 60,000×784 costs 47 MB, not 376 MB of float64.
 */
export interface Dataset {
  count: number
  inputSize: number
  /** `[count][inputSize]`. */
  inputs: Float64Array | Float32Array | Uint8Array
  /** Multiplier applied to `inputs` when read (e.g. 1/255 for pixels). Default 1. */
  inputScale?: number
  /**
   * Optional per-feature shift applied before the scale. A stored value x reads as
   * x' = (x − inputShift[k]) · inputScale · inputScalePerFeature[k] (absent parts: shift 0,
   * scale 1); `datasetReadRow` in `src/engine/data` is the reference implementation.
   */
  inputShift?: Float64Array
  inputScalePerFeature?: Float64Array
  /** Shape of one input row, e.g. [28, 28] for images (∏ = inputSize). Absent = [inputSize]. */
  inputShape?: number[]
  targetSize: number
  /** `[count][targetSize]` targets; absent for classification given by `labels`. */
  targets?: Float64Array | Float32Array
  /** Class index per row (classification); targets are then one-hot of size `targetSize`. */
  labels?: Uint8Array | Int32Array
  labelNames?: string[]
  featureNames?: string[]
  /** Names of the `targets` columns (regression or several targets), `[targetSize]`. */
  targetNames?: string[]
}
