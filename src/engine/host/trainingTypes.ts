/**
 * Plain data that crosses Comlink for training runs: what the UI sends (`TrainingData`,
 * `RunOptions`, `OptimizerSettings`) and what the engine streams back (`TrainSnapshot`).
 *
 * Every number a training view shows is in here, computed by the engine; the UI only draws.
 * Arrays that can be large are `Float32Array`s and are transferred, not copied.
 */
import type { Dataset, RunUntil } from '../spec'
import type { DataSource } from '../project/types'
import type { BuiltinDatasetId, BuiltinOptions } from '../data/builtin'
import type { TestResult } from './testSet'
import type { EpochMetrics } from '../train/sessionTypes'
import type { TrainingDiagnostic } from '../experiments/diagnostics'
import type { ViewPayloads } from '../views/registry'

export type { ViewPayloads } from '../views/registry'

export type { TrainingDiagnostic } from '../experiments/diagnostics'

export type { TestResult } from './testSet'

/**
 * Where a run's data comes from:
 * - `inline`: the project's table of patterns (the lecture examples);
 * - `builtin`: a dataset shipped with the engine, by id (`src/engine/data/builtin.ts`);
 * - `idx`: IDX(.gz) file bytes (images + labels, optional test pair held out as the test set);
 * - `dataset`: a `Dataset` already in memory (e.g. parsed from a CSV by the data layer);
 * - `handle`: data the user opened through the data part of the API (`dataFiles.ts`), as prepared there.
 */
export type TrainingData =
  | { kind: 'inline'; inputs: number[][]; targets: number[][]; featureNames?: string[]; targetNames?: string[] }
  | {
      kind: 'builtin'
      id: BuiltinDatasetId | string
      options?: BuiltinOptions | Record<string, number | string | boolean>
      /** Share of the points held out as the test set, drawn from `seed`'s split stream (the project's seed). */
      testFraction?: number
      seed?: number
    }
  | {
      kind: 'idx'
      trainImages: Uint8Array
      trainLabels: Uint8Array
      testImages?: Uint8Array
      testLabels?: Uint8Array
      labelNames?: string[]
      /** Use only the first `limit` training rows. */
      limit?: number
    }
  | { kind: 'dataset'; train: Dataset; validation?: Dataset; test?: Dataset }
  | { kind: 'handle'; handle: string }

/**
 * Speed of a run: `0` trains as fast as possible and streams snapshots latest-wins (the engine
 * never waits for the screen); `n > 0` applies n updates, then waits until the UI has taken the
 * snapshot (the UI answers on its next animation frame, so this is "n updates per frame").
 */
export type RunSpeed = number

export interface RunOptions {
  /**
   * Initial speed (see `RunSpeed`), or `'auto'`: watchable for the lecture nets (20 updates per
   * frame), full speed for big data (`autoSpeed`). Default 0. `RunInfo.speed` says which was chosen.
   */
  speed?: RunSpeed | 'auto'
  /** Start training at once (default false: the run starts paused, with its first snapshot). */
  autoStart?: boolean
  /** Side of the decision-boundary grid for 2-D inputs. Default 48. */
  gridSize?: number
  /**
   * The live views on screen (`ViewId`s of `src/engine/views/registry.ts`): only these are
   * computed for the snapshots. Default every view; `TrainingApi.showViews` changes it.
   */
  views?: string[]
}

/** Optimizer settings the UI may change mid-run (absent fields stay as they are). */
export interface OptimizerSettings {
  /** η. */
  learningRate?: number
  /** α of momentum/nesterov, λ of momentumEma. */
  momentum?: number
  rho?: number
  beta1?: number
  beta2?: number
  epsilon?: number
}

export type RunState = 'paused' | 'running' | 'finished' | 'stopped' | 'failed'

/** What a run is: fixed for its lifetime (returned by `startRun`). */
export interface RunInfo {
  runId: string
  inputSize: number
  outputSize: number
  /** Shape of one input row, e.g. [28, 28]. */
  inputShape: number[]
  /** Dense layers in order, the last is the output layer. */
  layers: { nodeId: string; nIn: number; units: number; activation: string; useBias: boolean }[]
  paramCount: number
  trainCount: number
  /** Rows used for validation (held-out split or explicit validation set); 0 = none. */
  validationCount: number
  /** Rows of the held-out test set (evaluated at the end and on demand); 0 = none. */
  testCount: number
  /** Examples per epoch (training split). */
  epochSize: number
  batchSize: number
  /** The run's length in epochs; not a limit when `until` is set. */
  maxEpochs: number
  /** The run goes on until solved or until stopped; null = for `maxEpochs`. */
  until: RunUntil | null
  classification: boolean
  classCount: number
  labelNames: string[] | null
  featureNames: string[] | null
  targetNames: string[] | null
  /** The probe set for hidden-activation tables: every training pattern when there are ≤ 64. */
  probe: { count: number; names: string[]; inputs: number[][]; classes: number[] | null } | null
  /**
   * For 2-D inputs: the grid extent and the data points to scatter on it; `held[i]` = 1 marks a
   * row held out for validation (not trained on), null when none is; `test`: the held-out test
   * set's points (never trained on), null without one.
   */
  plane: {
    xMin: number
    xMax: number
    yMin: number
    yMax: number
    size: number
    points: Float32Array
    classes: Int32Array | null
    held: Uint8Array | null
    test: { points: Float32Array; classes: Int32Array | null } | null
  } | null
  /** Updates per slice between yields when training at full speed. */
  sliceIterations: number
  /** The speed the run started with (the one chosen when `RunOptions.speed` was `'auto'`). */
  speed: RunSpeed
}

/** One point of the per-iteration curve: mean over the examples since the previous point. */
export interface CurvePoint {
  iteration: number
  examples: number
  epoch: number
  loss: number
  accuracy?: number
  valLoss?: number
  valAccuracy?: number
}

/** Per-epoch metrics, as the session records them. */
export type EpochPoint = EpochMetrics

/** One dense layer's parameters and last gradient, `[units×nIn]` row-major (w_jk at j·nIn + k). */
export interface LayerState {
  nodeId: string
  nIn: number
  units: number
  weights: Float32Array
  biases: Float32Array | null
  gradWeights: Float32Array
  gradBiases: Float32Array | null
  /** Largest |w| in the layer (for colour scales). */
  maxAbsWeight: number
  maxAbsGrad: number
}

/** Outputs of one dense layer for every probe pattern, `[count×units]`. */
export interface ProbeLayer {
  nodeId: string
  units: number
  out: Float32Array
  /** out ≥ threshold → 1 (threshold 0.5 for sigmoid, 0 otherwise). */
  binary: Uint8Array
  threshold: number
  /** Number of distinct binarised codes over the probe patterns. */
  distinctCodes: number
}

/** The network evaluated over the input plane (2-D inputs): `size×size` cells, row 0 at yMax. */
export interface PlaneState {
  size: number
  /**
   * Per cell, in [−1, 1]: which class the net says and how sure (2·out − 1 for one sigmoid
   * output, out₁ − out₀ for two outputs, out clipped for a signed output).
   */
  score: Float32Array
  /** Predicted class per cell (classification with more than two classes), else null. */
  classes: Uint8Array | null
  /** Every hidden dense layer's units over the plane: `[units][size×size]` flattened. */
  hidden: { nodeId: string; units: number; values: Float32Array; min: number; max: number }[]
}

/** The views on screen as they were at the end of a recorded epoch (the training time machine). */
export interface ReplayFrame {
  epoch: number
  /** Updates applied by the end of that epoch. */
  iteration: number
  views: Partial<ViewPayloads>
}

/** One streamed snapshot of a run. */
export interface TrainSnapshot {
  runId: string
  /** Increments on every reset; the UI clears its curves when it changes. */
  generation: number
  /** Snapshot sequence number within the run. */
  seq: number
  state: RunState
  stopReason: string | null
  /** The epoch whose weights were restored when training ended (early stopping with restore-best), else null. */
  restoredEpoch?: number | null
  error: string | null
  /** The error's stable name (`DivergenceError`, `SpecError`, `DataError`, `RangeError` …), when there is an error. */
  errorName?: string | null
  /** The canvas node the error belongs to (e.g. the layer that diverged), when the engine knows it. */
  errorNodeId?: string | null
  epoch: number
  iteration: number
  /** Examples processed since the start (or the last reset). */
  examples: number
  /** Position within the current epoch. */
  position: number
  learningRate: number
  speed: RunSpeed
  /** Curve points since the previous delivered snapshot. */
  points: CurvePoint[]
  /** Epochs finished since the previous delivered snapshot. */
  epochs: EpochPoint[]
  /** ‖∂E/∂(W, b)‖₂ of the last batch, per dense layer (in `RunInfo.layers` order). */
  gradNorms: number[]
  /**
   * The payloads of the live views on screen (`RunOptions.views`, `TrainingApi.showViews`),
   * computed for this snapshot; a hidden view is absent. A snapshot sent because a view was
   * just shown while training was not running carries only that view.
   */
  views: Partial<ViewPayloads>
  /** The latest evaluation of the test set (at the end of the run, or asked for), else null. */
  test: TestResult | null
  /** What looks wrong in the run, in plain words (dead ReLUs, saturation, gradients, η, overfitting, symmetry). */
  diagnostics: TrainingDiagnostic[]
}

/** What `exportModel` records beside the weights (see `src/engine/model`). */
export interface ExportModelOptions {
  /** The model's title (the project's title). Default "Axon Studio model". */
  title?: string
  /** The project's data reference, recorded so the model can be reopened as a project. */
  data?: DataSource
}
