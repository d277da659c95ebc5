/**
 * What a training session reports and accepts: progress, epoch metrics, evaluations, options.
 */
import type { Dataset } from '../spec'
import type { optimizerSettings } from '../schema/engineSpec'
import type { z } from '../schema/z'

export type StepUnit = 'example' | 'batch' | 'epoch'

/** Why training stopped. */
export type StopReason = 'maxEpochs' | 'targetLoss' | 'solved' | 'earlyStopping' | 'converged' | 'diverged'

/** Metrics of one finished epoch. */
export interface EpochMetrics {
  /** Epochs completed (1 after the first). */
  epoch: number
  /** Updates applied since the start. */
  iterations: number
  /** η used during this epoch. */
  learningRate: number
  /**
   * Training loss, accumulated over the epoch's batches before each update (like Keras):
   * the mean per example for `mean` reduction, the sum over the epoch for `sum`.
   */
  loss: number
  /** Fraction correct (classification only), over the same running outputs. */
  accuracy?: number
  /** Confusion matrix `[actual][predicted]` (classification only). */
  confusion?: number[][]
  /** Examples the output got wrong this epoch (classification only; the perceptron's stop test). */
  mistakes?: number
  valLoss?: number
  valAccuracy?: number
  /**
   * Set on the last epoch only, when training ended here and the weights of this earlier epoch
   * (the best monitored loss, early stopping with `restoreBest`) were restored.
   */
  restoredEpoch?: number
}

/** Progress after a step call. */
export interface StepProgress {
  /** Epochs completed. */
  epoch: number
  /** Updates applied. */
  iteration: number
  /** Examples of the current epoch processed so far. */
  position: number
  /** Examples per epoch (training split). */
  epochSize: number
  /** True when this call applied at least one update. */
  updated: boolean
  /** Metrics when this call finished an epoch. */
  epochEnded: EpochMetrics | null
  stopped: StopReason | null
}

/** Evaluation of a dataset (no dropout, no noise). */
export interface Evaluation {
  count: number
  /** Mean per-example loss (sum reduction: total). */
  loss: number
  accuracy?: number
  confusion?: number[][]
}

export interface SessionOptions {
  /** Held-out data for validation (otherwise `training.validationFraction` of `train` is split off). */
  validation?: Dataset
  /** Largest number of rows processed at once (memory bound). Default 1024. */
  maxChunk?: number
}

/** Per-layer parameter copy (`weights` row-major [units×nIn]). */
export interface LayerParams {
  nodeId: string
  nIn: number
  units: number
  weights: Float64Array
  biases: Float64Array | null
}

/**
 * Running totals of the current epoch's training examples, accumulated before each update
 * (mean loss = lossSum/count for `mean` reduction). A new object at the start of every epoch, so
 * a reader that keeps the previous one can tell an epoch change from progress within an epoch.
 */
export interface RunningTotals {
  /** Sum of per-example losses so far this epoch. */
  lossSum: number
  /** Examples processed so far this epoch. */
  count: number
  /** Of those, correctly classified (classification only, else 0). */
  correct: number
}

/** Optimizer settings that may change mid-run (absent fields stay as they are). */
export type OptimizerSettings = z.output<typeof optimizerSettings>
