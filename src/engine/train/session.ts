/**
 * The training session: the one stateful object. It owns the network (parameters, gradients,
 * work buffers), the optimizer state, the random streams, the data order and the counters.
 *
 * The loop is a stepper: hosts call `step(...)`, `trainSteps(n)` or `runEpoch()` and yield to
 * their event loop between calls for pause and cancel; the engine itself has no timers.
 *
 * A batch of size |B| is processed in chunks of at most `capacity` rows (gradients accumulate),
 * then one update is applied:  w ← w − η·(1/|B|)·Σ_{i∈B} ∂C_i/∂w  (mean reduction) or with Σ (sum).
 */
import type { Dataset, EngineSpec, OptimizerSpec } from '../spec'
import type { FloatArray } from '../kernels/gemm'
import { createStreams, type Streams } from '../rng'
import {
  createNetwork,
  networkBackward,
  networkForward,
  networkLossAndDelta,
  networkOutput,
  networkPredict,
  networkZeroGrad,
  type Layer,
  type Network,
} from '../nn/network'
import { PERCEPTRON, perceptronConverged } from '../nn/perceptron'
import { layerKindOf } from '../nn/layers'
import { createOptimizer, type Optimizer } from '../nn/optimizers'
import { scheduleRate } from '../nn/schedules'
import { clipByNorm, clipByValue, gradientNorm, regularizeGradient } from '../nn/regularization'
import { datasetIsClassification, datasetReadBatch, datasetReadInput } from './dataset'
import { EngineError } from './errors'
import { divergenceError, nonFiniteLayer } from './divergence'
import { validateSpec } from './validate'

export type StepUnit = 'example' | 'batch' | 'epoch'

/** Why training stopped. */
export type StopReason = 'maxEpochs' | 'targetLoss' | 'earlyStopping' | 'converged' | 'diverged'

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

interface RunningMetrics extends RunningTotals {
  confusion: number[][] | null
}

/** Optimizer settings that may change mid-run (absent fields stay as they are). */
export type OptimizerSettings = Partial<Pick<OptimizerSpec, 'learningRate' | 'momentum' | 'rho' | 'beta1' | 'beta2' | 'epsilon'>>

/** Create a training session (validates the spec against the data first). */
export function createSession(spec: EngineSpec, train: Dataset, options: SessionOptions = {}): Session {
  return new Session(spec, train, options)
}

export class Session {
  readonly spec: EngineSpec
  readonly train: Dataset
  readonly network: Network
  readonly optimizer: Optimizer
  readonly streams: Streams
  /** Indices of the training rows (after the validation split). */
  readonly trainIndices: Int32Array
  /** Indices of the validation rows of `train` (empty with an explicit validation set or none). */
  readonly valIndices: Int32Array
  readonly validation: Dataset | null
  readonly classification: boolean
  /** Number of classes for accuracy/confusion (2 for a single binary output). */
  readonly classCount: number
  /** Threshold for a single binary output (0.5 for {0,1} targets, 0 for {−1,1}). */
  readonly binaryThreshold: number
  readonly history: EpochMetrics[] = []
  /** Why training stopped, or null while it may continue. */
  stopped: StopReason | null = null
  /**
   * The epoch whose weights were restored when training ended (early stopping with `restoreBest`
   * and a better earlier epoch), else null. The network then holds that epoch's parameters.
   */
  restoredEpoch: number | null = null
  /** The divergence error, once training diverged. */
  error: EngineError | null = null
  /** Epochs completed. */
  epoch = 0
  /** Updates applied. */
  iteration = 0
  /** η of the current epoch (from the schedule). */
  learningRate: number

  private readonly order: Int32Array
  private readonly batchSize: number
  private readonly chunk: number
  private readonly wholeBatch: boolean
  private cursor = 0
  private inEpoch = false
  private batchStart = 0
  private batchFill = 0
  private running: RunningMetrics
  private lastUpdate = { lossSum: 0, count: 0 }
  private batchLoss = 0
  /** Best monitored loss so far (early stopping), a copy of the parameters then, epochs without improvement since. */
  private best: { loss: number; params: Float64Array; state: Float64Array; wait: number; epoch: number } | null = null

  constructor(spec: EngineSpec, train: Dataset, options: SessionOptions = {}) {
    validateSpec(spec, train)
    if (options.validation) validateSpec(spec, options.validation)
    this.spec = spec
    this.train = train
    this.streams = createStreams(spec.seed)
    // Split first, from its own stream, so the split never depends on anything else.
    const all = new Int32Array(train.count)
    for (let i = 0; i < train.count; i++) all[i] = i
    const valCount = options.validation ? 0 : Math.round(train.count * spec.training.validationFraction)
    if (valCount > 0) this.streams.split.shuffle(all)
    this.valIndices = all.slice(train.count - valCount).sort()
    this.trainIndices = all.slice(0, train.count - valCount).sort()
    if (this.trainIndices.length === 0) throw new EngineError('SpecError', 'The validation split leaves no training data.')
    this.validation = options.validation ?? null
    const n = this.trainIndices.length
    const b = spec.training.batch
    this.batchSize = b.mode === 'online' ? 1 : b.mode === 'full' ? n : Math.min(b.size, n)
    // Layers with batch statistics see each batch whole; others split it into chunks (memory).
    this.wholeBatch = spec.model.layers.some((l) => layerKindOf(l).wholeBatch)
    const maxChunk = this.wholeBatch ? Math.max(this.batchSize, options.maxChunk ?? 1024) : (options.maxChunk ?? 1024)
    this.chunk = Math.min(this.batchSize, maxChunk)
    const capacity = Math.max(this.chunk, Math.min(256, maxChunk, train.count))
    this.network = createNetwork(spec.model, capacity, this.streams.init, {
      deltaRule: spec.optimizer.id === PERCEPTRON,
    })
    this.optimizer = createOptimizer(spec.optimizer, this.network.params.length, this.network.alloc)
    this.order = Int32Array.from(this.trainIndices)
    this.learningRate = scheduleRate(spec.schedule, spec.optimizer.learningRate, 0)
    this.classification = datasetIsClassification(train)
    this.classCount = train.targetSize > 1 ? train.targetSize : 2
    let hasNegative = false
    if (train.targets && train.targetSize === 1) for (let i = 0; i < train.count && !hasNegative; i++) hasNegative = train.targets[i] < 0
    this.binaryThreshold = hasNegative ? 0 : 0.5
    this.running = this.newRunning()
  }

  /** Examples per epoch (the training split). */
  get epochSize(): number {
    return this.order.length
  }

  /** The examples of the current epoch in the order they are visited. */
  get epochOrder(): Int32Array {
    return this.order
  }

  /** Position within the current epoch. */
  get position(): number {
    return this.cursor
  }

  /**
   * The current epoch's running totals (live and read-only; replaced by a new object when the
   * next epoch begins). Loss since a previous read = lossSum − the earlier lossSum, while the
   * object is the same.
   */
  get runningTotals(): Readonly<RunningTotals> {
    return this.running
  }

  /**
   * Training loss of the most recent update's batch, as it was before that update: the mean per
   * example for `mean` reduction, the sum for `sum`; NaN before the first update.
   */
  get lastUpdateLoss(): number {
    const u = this.lastUpdate
    if (u.count === 0) return NaN
    return this.spec.model.loss.reduction === 'mean' ? u.lossSum / u.count : u.lossSum
  }

  /**
   * Change η and the optimizer's hyper-parameters mid-run; the optimizer's state (velocities,
   * moments, step count) is kept. η takes effect at once, through the schedule (η0 becomes the
   * new value), and at every later epoch. Values must be finite and non-negative.
   */
  setOptimizerSettings(settings: OptimizerSettings): void {
    for (const key of ['learningRate', 'momentum', 'rho', 'beta1', 'beta2', 'epsilon'] as const) {
      const v = settings[key]
      if (v !== undefined && !(Number.isFinite(v) && v >= 0)) {
        throw new EngineError('SpecError', `${key} must be a non-negative number, got ${v}.`)
      }
    }
    const o = this.spec.optimizer
    for (const key of ['learningRate', 'momentum', 'rho', 'beta1', 'beta2', 'epsilon'] as const) {
      const v = settings[key]
      if (v !== undefined) o[key] = v
    }
    this.optimizer.setHyper(settings)
    this.learningRate = scheduleRate(this.spec.schedule, o.learningRate, this.epoch)
  }

  /**
   * Advance by one example, one batch or one epoch. An `example` step in a batch mode adds that
   * example's gradient; the update is applied when the batch is complete.
   */
  step(unit: StepUnit = 'batch'): StepProgress {
    const startIteration = this.iteration
    let ended: EpochMetrics | null = null
    if (this.stopped) return this.progress(false, null)
    if (unit === 'example' && this.wholeBatch && this.batchSize > 1) {
      throw new EngineError('SpecError', 'Batch normalisation needs the whole batch at once: step by batch or by epoch.')
    }
    if (unit === 'example') ended = this.processRows(1)
    else if (unit === 'batch') ended = this.processRows(Infinity)
    else {
      do ended = this.processRows(Infinity)
      while (!ended && !this.stopped)
    }
    return this.progress(this.iteration > startIteration, ended)
  }

  /** Apply up to `maxIterations` updates, stopping early at the end of an epoch or on a stop. */
  trainSteps(maxIterations: number): StepProgress {
    const startIteration = this.iteration
    let ended: EpochMetrics | null = null
    while (!this.stopped && !ended && this.iteration - startIteration < maxIterations) {
      ended = this.processRows(Infinity)
    }
    return this.progress(this.iteration > startIteration, ended)
  }

  /** Finish the current epoch (or run a whole one) and return its metrics. */
  runEpoch(): EpochMetrics | null {
    return this.step('epoch').epochEnded
  }

  /** Run epochs until a stop criterion holds. Throws the DivergenceError if training diverges. */
  trainToEnd(): StopReason {
    while (!this.stopped) this.step('epoch')
    if (this.error) throw this.error
    return this.stopped
  }

  /** Loss, accuracy and confusion of a dataset in evaluation mode (no dropout or noise). */
  evaluate(ds: Dataset, indices?: ArrayLike<number>): Evaluation {
    const idx = indices ?? rangeIndices(ds.count)
    const nw = this.network
    const running = this.newRunning()
    for (let s = 0; s < idx.length; s += nw.capacity) {
      const rows = Math.min(nw.capacity, idx.length - s)
      datasetReadBatch(ds, idx, s, rows, nw.X, nw.T)
      networkForward(nw, 0, rows, null)
      const loss = networkLossAndDelta(nw, 0, rows)
      this.accumulateMetrics(running, loss, rows)
    }
    return this.finishMetrics(running)
  }

  /** Outputs for `count` input rows (`inputs` row-major [count×inputSize]); evaluation mode. */
  predict(inputs: ArrayLike<number>, count: number): Float64Array {
    return networkPredict(this.network, inputs, count)
  }

  /** Outputs of every layer for `count` probe rows (e.g. the hidden codes of the 8-3-8 encoder). */
  activations(inputs: ArrayLike<number>, count: number): { nodeId: string; units: number; out: Float64Array }[] {
    const nw = this.network
    const nIn = nw.inputSize
    const result = nw.layers.map((l) => ({ nodeId: l.nodeId, units: l.units, out: new Float64Array(count * l.units) }))
    for (let s = 0; s < count; s += nw.capacity) {
      const rows = Math.min(nw.capacity, count - s)
      for (let p = 0; p < rows * nIn; p++) nw.X[p] = inputs[s * nIn + p]
      networkForward(nw, 0, rows, null)
      nw.layers.forEach((l, i) => {
        const units = result[i].units
        for (let p = 0; p < rows * units; p++) result[i].out[s * units + p] = l.out[p]
      })
    }
    return result
  }

  /** Copies of every weight matrix and its biases (layers with weights, in order). */
  getParams(): LayerParams[] {
    return this.network.weighted.map((l) => ({
      nodeId: l.nodeId,
      nIn: l.nIn,
      units: l.units,
      weights: Float64Array.from(l.weights.W),
      biases: l.weights.b ? Float64Array.from(l.weights.b) : null,
    }))
  }

  /** Set weights and biases (by layer order; shapes must match `getParams`). */
  setParams(layers: readonly LayerParams[]): void {
    const weighted = this.network.weighted
    if (layers.length !== weighted.length) throw new EngineError('SpecError', `Expected ${weighted.length} layers, got ${layers.length}.`)
    layers.forEach((p, i) => {
      const { nodeId, weights: w } = weighted[i]
      if (p.weights.length !== w.W.length) {
        throw new EngineError('SpecError', `Weights of layer "${nodeId}" must have ${w.W.length} values.`, nodeId)
      }
      w.W.set(p.weights)
      if (w.b && p.biases) w.b.set(p.biases)
    })
  }

  /** The flat parameter array as float64 (a copy). */
  getFlatParams(): Float64Array {
    return Float64Array.from(this.network.params)
  }

  /** Overwrite the flat parameter array. */
  setFlatParams(values: ArrayLike<number>): void {
    this.network.params.set(values)
  }

  /** L2 norm of each weighted layer's current gradient (weights and biases together). */
  gradientNorms(): { nodeId: string; norm: number }[] {
    return this.network.weighted.map((l) => ({ nodeId: l.nodeId, norm: gradientNorm(this.network.grads, l.blocks) }))
  }

  /**
   * Apply one update with the gradient currently in `network.grads` (already reduced over the
   * batch): regularisation, clipping, then the optimizer. Exposed for step-through traces.
   */
  applyUpdate(): void {
    const nw = this.network
    const reg = this.spec.regularization
    regularizeGradient(nw.params, nw.grads, nw.trainableWeightRanges, reg.l2, reg.l1, this.order.length)
    if (reg.clipValue !== undefined) clipByValue(nw.grads, nw.trainableRanges, reg.clipValue)
    if (reg.clipNorm !== undefined) clipByNorm(nw.grads, nw.trainableRanges, reg.clipNorm)
    this.optimizer.step(nw.params, nw.grads, this.learningRate, nw.trainableRanges)
    this.iteration++
  }

  private progress(updated: boolean, ended: EpochMetrics | null): StepProgress {
    return {
      epoch: this.epoch,
      iteration: this.iteration,
      position: this.cursor,
      epochSize: this.order.length,
      updated,
      epochEnded: ended,
      stopped: this.stopped,
    }
  }

  /**
   * Process up to `limit` examples of the current batch (at most to its end), applying the
   * update when the batch completes; returns the epoch metrics if the epoch ended.
   */
  private processRows(limit: number): EpochMetrics | null {
    if (this.stopped) return null
    if (!this.inEpoch) this.beginEpoch()
    const nw = this.network
    const n = this.order.length
    if (this.batchFill === 0) {
      this.batchStart = this.cursor
      this.batchLoss = 0
      networkZeroGrad(nw)
    }
    const thisBatch = Math.min(this.batchSize, n - this.batchStart)
    const scale = this.spec.model.loss.reduction === 'mean' ? 1 / thisBatch : 1
    let todo = Math.min(limit, thisBatch - this.batchFill)
    const rngs = { dropout: this.streams.dropout, noise: this.streams.noise }
    while (todo > 0) {
      const rows = Math.min(this.chunk, todo)
      datasetReadBatch(this.train, this.order, this.cursor, rows, nw.X, nw.T)
      networkForward(nw, 0, rows, rngs)
      const loss = networkLossAndDelta(nw, 0, rows)
      if (!Number.isFinite(loss)) {
        this.diverge()
        return null
      }
      this.accumulateMetrics(this.running, loss, rows)
      this.batchLoss += loss
      networkBackward(nw, 0, rows, scale)
      this.cursor += rows
      this.batchFill += rows
      todo -= rows
    }
    if (this.batchFill === thisBatch) {
      this.lastUpdate = { lossSum: this.batchLoss, count: thisBatch }
      this.applyUpdate()
      this.batchFill = 0
    }
    if (this.cursor >= n) return this.endEpoch()
    return null
  }

  private beginEpoch(): void {
    if (this.spec.training.shuffle) this.streams.shuffle.shuffle(this.order)
    this.cursor = 0
    this.batchFill = 0
    this.inEpoch = true
    this.running = this.newRunning()
  }

  private endEpoch(): EpochMetrics | null {
    this.inEpoch = false
    this.epoch++
    const m = this.finishMetrics(this.running)
    const metrics: EpochMetrics = {
      epoch: this.epoch,
      iterations: this.iteration,
      learningRate: this.learningRate,
      loss: m.loss,
    }
    if (m.accuracy !== undefined) {
      metrics.accuracy = m.accuracy
      metrics.confusion = m.confusion
      metrics.mistakes = this.running.count - this.running.correct
    }
    const bad = nonFiniteLayer(this.network)
    if (bad) {
      this.diverge(bad)
      return null
    }
    if (this.validation || this.valIndices.length > 0) {
      const v = this.validation ? this.evaluate(this.validation) : this.evaluate(this.train, this.valIndices)
      metrics.valLoss = v.loss
      if (v.accuracy !== undefined) metrics.valAccuracy = v.accuracy
    }
    this.history.push(metrics)
    this.checkStop(metrics)
    this.learningRate = scheduleRate(this.spec.schedule, this.spec.optimizer.learningRate, this.epoch)
    return metrics
  }

  /**
   * Decide whether training ends after epoch `m`. With early stopping the best monitored loss
   * (validation loss, else training loss) is tracked every epoch; with `restoreBest` the weights of
   * the best epoch come back whenever the run ends (patience, max epochs, target loss, convergence)
   * and that epoch is strictly earlier than the last one.
   */
  private checkStop(m: EpochMetrics): void {
    const t = this.spec.training
    const es = t.earlyStopping
    let patienceOut = false
    if (es) {
      const monitored = m.valLoss ?? m.loss
      if (!this.best || monitored < this.best.loss - es.minDelta) {
        const nw = this.network
        this.best = { loss: monitored, params: Float64Array.from(nw.params), state: Float64Array.from(nw.state), wait: 0, epoch: this.epoch }
      } else {
        patienceOut = ++this.best.wait >= es.patience
      }
    }
    if (this.spec.optimizer.id === PERCEPTRON && perceptronConverged(m.mistakes)) this.stopped = 'converged'
    else if (t.targetLoss !== undefined && m.loss <= t.targetLoss) this.stopped = 'targetLoss'
    else if (patienceOut) this.stopped = 'earlyStopping'
    else if (this.epoch >= t.maxEpochs) this.stopped = 'maxEpochs'
    if (this.stopped && es?.restoreBest && this.best && this.best.epoch < this.epoch) {
      this.network.params.set(this.best.params)
      this.network.state.set(this.best.state)
      this.restoredEpoch = this.best.epoch
      m.restoredEpoch = this.best.epoch
    }
  }

  private newRunning(): RunningMetrics {
    const k = this.classCount
    return {
      lossSum: 0,
      count: 0,
      correct: 0,
      confusion: this.classification ? Array.from({ length: k }, () => new Array<number>(k).fill(0)) : null,
    }
  }

  /** Add rows 0..rows−1 of the output/target buffers to the running metrics. */
  private accumulateMetrics(r: RunningMetrics, loss: number, rows: number): void {
    r.lossSum += loss
    r.count += rows
    if (!r.confusion) return
    const nw = this.network
    const out = networkOutput(nw)
    const T = nw.T
    const n = nw.outputSize
    for (let row = 0; row < rows; row++) {
      const actual = classOf(T, row * n, n, this.binaryThreshold)
      const predicted = classOf(out, row * n, n, this.binaryThreshold)
      r.confusion[actual][predicted]++
      if (actual === predicted) r.correct++
    }
  }

  private finishMetrics(r: RunningMetrics): Evaluation {
    const mean = this.spec.model.loss.reduction === 'mean'
    const e: Evaluation = { count: r.count, loss: mean ? r.lossSum / Math.max(1, r.count) : r.lossSum }
    if (r.confusion) {
      e.accuracy = r.correct / Math.max(1, r.count)
      e.confusion = r.confusion
    }
    return e
  }

  /** Stop with a DivergenceError naming the first layer whose parameters or outputs broke. */
  private diverge(layer?: Layer): void {
    this.error = divergenceError(this.network, { epoch: this.epoch + 1, iteration: this.iteration, learningRate: this.learningRate }, layer)
    this.stopped = 'diverged'
    this.inEpoch = false
  }
}

/** Class of a row: argmax for several outputs; for one output, 1 if ≥ threshold else 0. */
export function classOf(values: FloatArray, o: number, n: number, threshold: number): number {
  if (n === 1) return values[o] >= threshold ? 1 : 0
  let best = 0
  for (let j = 1; j < n; j++) if (values[o + j] > values[o + best]) best = j
  return best
}

function rangeIndices(n: number): Int32Array {
  const idx = new Int32Array(n)
  for (let i = 0; i < n; i++) idx[i] = i
  return idx
}

/** Read one input row of a dataset as float64 (for traces and probes). */
export function datasetInputRow(ds: Dataset, i: number): Float64Array {
  const row = new Float64Array(ds.inputSize)
  datasetReadInput(ds, i, row, 0)
  return row
}
