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
import type { Dataset, EngineSpec } from '../spec'
import { createStreams, type Streams } from '../rng'
import { createNetwork, networkActivations, networkBackward, networkForward, networkLossAndDelta, networkOutput, networkPredict, networkZeroGrad, type ForwardRngs, type Layer, type Network } from '../nn/network'
import { PERCEPTRON } from '../nn/perceptron'
import { batchPlan, binaryThreshold, splitIndices } from './plan'
import { BestEpoch } from './bestEpoch'
import { setWeights, weightsOf } from './weights'
import { createOptimizer, type Optimizer } from '../nn/optimizers'
import { scheduleRate } from '../nn/schedules'
import { gradientNorm } from '../nn/regularization'
import { applyGradientUpdate } from './update'
import { restoreBestEpoch, stopReasonAfter } from './stopping'
import { datasetIsClassification, datasetReadBatch } from './batchRows'
import { EngineError } from './errors'
import { divergenceError, nonFiniteLayer } from './divergence'
import { checkOptimizerSettings, validateSpec } from './validate'
import { accumulateMetrics, epochMetricsOf, evaluateRows, finishMetrics, newRunningMetrics, type RunningMetrics } from './metrics'
import { SessionThreads } from '../parallel/sessionThreads'
import type { EpochMetrics, Evaluation, LayerParams, OptimizerSettings, RunningTotals, SessionOptions, StepProgress, StepUnit, StopReason } from './sessionTypes'

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
  /** Whether this batch's gradients were written yet: its first chunk writes over the last batch's instead of zeroing them first. */
  private gradientsWritten = false
  /** Early stopping's best epoch (its loss, parameters and layer state). */
  private readonly best = new BestEpoch()
  /** The threads this session trains with (`parallel.threads`) and splits its chunks over. */
  readonly parallel: SessionThreads
  /** Random streams of the training forward pass (dropout masks, noise), made once, not per chunk. */
  private readonly trainingRngs: ForwardRngs
  /** A helper team's report of a chunk's loss and outputs into this epoch's metrics. */
  private readonly reportChunk = (loss: number, rows: number, out: Float32Array, T: Float32Array): void =>
    this.accumulateMetrics(this.running, loss, rows, out, T)

  constructor(spec: EngineSpec, train: Dataset, options: SessionOptions = {}) {
    validateSpec(spec, train)
    if (options.validation) validateSpec(spec, options.validation)
    this.spec = spec
    this.train = train
    this.streams = createStreams(spec.seed)
    this.trainingRngs = { dropout: this.streams.dropout, noise: this.streams.noise }
    // Split first, from its own stream, so the split never depends on anything else.
    const valCount = options.validation ? 0 : Math.round(train.count * spec.training.validationFraction)
    const split = splitIndices(train.count, valCount, this.streams.split)
    this.valIndices = split.validation
    this.trainIndices = split.train
    if (this.trainIndices.length === 0) throw new EngineError('SpecError', 'The validation split leaves no training data.')
    this.validation = options.validation ?? null
    const plan = batchPlan(spec, this.trainIndices.length, train.count, options.maxChunk)
    this.batchSize = plan.batchSize
    this.chunk = plan.chunk
    this.wholeBatch = plan.wholeBatch
    this.network = createNetwork(spec.model, plan.capacity, this.streams.init, {
      deltaRule: spec.optimizer.id === PERCEPTRON,
    })
    this.optimizer = createOptimizer(spec.optimizer, this.network.params.length, this.network.alloc)
    this.order = Int32Array.from(this.trainIndices)
    this.learningRate = scheduleRate(spec.schedule, spec.optimizer.learningRate, 0)
    this.classification = datasetIsClassification(train)
    this.classCount = train.targetSize > 1 ? train.targetSize : 2
    this.binaryThreshold = binaryThreshold(train)
    this.running = this.newRunning()
    this.parallel = new SessionThreads(spec, this.network)
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
    const o = this.spec.optimizer
    Object.assign(o, checkOptimizerSettings(settings))
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
    const running = this.newRunning()
    const idx = indices ?? Int32Array.from({ length: ds.count }, (_, i) => i)
    evaluateRows(this.network, ds, idx, running, this.binaryThreshold, (rows) => this.parallel.teamForEvaluation(rows))
    return this.finishMetrics(running)
  }

  /** Outputs for `count` input rows (`inputs` row-major [count×inputSize]); evaluation mode. */
  predict(inputs: ArrayLike<number>, count: number): Float64Array {
    return networkPredict(this.network, inputs, count)
  }

  /** Outputs of every layer for `count` probe rows (e.g. the hidden codes of the 8-3-8 encoder). */
  activations(inputs: ArrayLike<number>, count: number): { nodeId: string; units: number; out: Float64Array }[] {
    return networkActivations(this.network, inputs, count)
  }

  /** Copies of every weight matrix and its biases (layers with weights, in order). */
  getParams(): LayerParams[] {
    return weightsOf(this.network)
  }

  /** Set weights and biases (by layer order; shapes must match `getParams`). */
  setParams(layers: readonly LayerParams[]): void {
    setWeights(this.network, layers)
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
    applyGradientUpdate(this.network, this.optimizer, this.spec, this.learningRate, this.order.length)
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
      this.gradientsWritten = false
      this.optimizer.beginBatch(nw.params, nw.trainableRanges)
    }
    const thisBatch = Math.min(this.batchSize, n - this.batchStart)
    const scale = this.spec.model.loss.reduction === 'mean' ? 1 / thisBatch : 1
    let todo = Math.min(limit, thisBatch - this.batchFill)
    while (todo > 0) {
      const rows = Math.min(this.chunk, todo)
      const team = this.parallel.teamFor(rows)
      // A team adds its threads' gradients into zeroed ones; this thread writes over the last batch's.
      if (team && !this.gradientsWritten) networkZeroGrad(nw)
      const loss = team ? team.processChunk(this.train, this.order, this.cursor, rows, scale, this.reportChunk) : this.processChunk(rows, scale)
      if (!Number.isFinite(loss)) {
        // A first chunk that diverged wrote nothing: the last batch's gradient must not pass for this one's.
        if (!this.gradientsWritten) networkZeroGrad(nw)
        this.diverge()
        return null
      }
      this.gradientsWritten = true
      this.batchLoss += loss
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

  /**
   * Forward and backward over the next `rows` rows on this thread; returns their summed loss.
   * The batch's first chunk writes the gradients, the others add to them.
   */
  private processChunk(rows: number, scale: number): number {
    const nw = this.network
    datasetReadBatch(this.train, this.order, this.cursor, rows, nw.X, nw.T)
    networkForward(nw, 0, rows, this.trainingRngs)
    const loss = networkLossAndDelta(nw, 0, rows)
    if (!Number.isFinite(loss)) return loss
    this.accumulateMetrics(this.running, loss, rows)
    networkBackward(nw, 0, rows, scale, !this.gradientsWritten)
    return loss
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
    const metrics = epochMetricsOf(this.epoch, this.iteration, this.learningRate, this.finishMetrics(this.running), this.running)
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
   * the best epoch come back whenever the run ends (patience, max epochs, target loss, solved, convergence)
   * and that epoch is strictly earlier than the last one.
   */
  private checkStop(m: EpochMetrics): void {
    const es = this.spec.training.earlyStopping
    const patienceOut = es ? this.best.observe(this.network, m.valLoss ?? m.loss, this.epoch, es.minDelta, es.patience) : false
    this.stopped = stopReasonAfter(this.spec, m, this.epoch, patienceOut)
    if (this.stopped) this.restoredEpoch = restoreBestEpoch(this.spec, this.best, this.network, m, this.epoch) ?? this.restoredEpoch
  }

  private newRunning(): RunningMetrics {
    return newRunningMetrics(this.classification ? this.classCount : null)
  }

  /** Add rows 0..rows−1 of `out` and `T` (by default the network's) to the running metrics. */
  private accumulateMetrics(r: RunningMetrics, loss: number, rows: number, out = networkOutput(this.network), T = this.network.T): void {
    accumulateMetrics(r, loss, rows, out, T, this.network.outputSize, this.binaryThreshold)
  }

  private finishMetrics(r: RunningMetrics): Evaluation {
    return finishMetrics(r, this.spec.model.loss.reduction)
  }

  /** Stop with a DivergenceError naming the first layer whose parameters or outputs broke. */
  private diverge(layer?: Layer): void {
    this.error = divergenceError(this.network, { epoch: this.epoch + 1, iteration: this.iteration, learningRate: this.learningRate }, layer)
    this.stopped = 'diverged'
    this.inEpoch = false
  }
}
