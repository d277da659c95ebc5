/**
 * The run controller: one training session driven in slices, streaming snapshots to the UI.
 *
 * - Training proceeds in slices; between slices it awaits `io.yieldToHost()` so pause, step,
 *   speed changes and cancel calls get in. The engine has no clock: a slice is sized by work
 *   (multiply-adds per update × updates), not by time.
 * - Full speed (`speed = 0`): snapshots are latest-wins. At most one is in flight; while it is,
 *   no new one is built, and when it lands the next one is built from the state at that moment,
 *   so the UI never receives stale snapshots and training never waits for the screen.
 * - Paced speed (`speed = n`): n updates, then the snapshot is awaited (the UI takes it on its
 *   next animation frame): "n updates per frame".
 */
import type { EngineSpec } from '../spec'
import { createSession, type RunningTotals, type Session, type StepUnit } from '../train'
import { parameterCount } from '../nn/network'
import type { EngineHostIo } from './io'
import { resolveTrainingData, type ResolvedData } from './trainingData'
import type { CurvePoint, EpochPoint, ExportModelOptions, OptimizerSettings, RunInfo, RunOptions, RunSpeed, RunState, TrainSnapshot, TrainingData } from './trainingTypes'
import { layerStates, planeInfo, planeInputs, planeState, probeInfo, probeLayers } from './trainingViews'
import { stepThrough, type StepThrough } from './stepThrough'
import { exportModel, serializeModel } from '../model'

/** Multiply-adds per slice at full speed (≈ a few milliseconds of work). */
export const SLICE_WORK = 4e6
/** Multiply-adds between snapshots offered at full speed. */
export const SNAPSHOT_WORK = 2.5e7
/** At most this many slices between snapshot offers (tiny nets: one every few thousand updates). */
export const MAX_SLICES_PER_SNAPSHOT = 8
/** Upper bound on updates per slice (tiny nets would otherwise finish in one slice). */
export const MAX_SLICE_ITERATIONS = 500
/** Validation is re-evaluated at every snapshot when it costs at most this many multiply-adds. */
export const LIVE_VALIDATION_WORK = 4e6

/** Watchable speed of `autoSpeed`: updates per frame for the lecture nets. */
export const WATCHABLE_SPEED = 20
/** Above this many parameters × training examples, `autoSpeed` trains at full speed. */
export const WATCHABLE_WORK = 2e6

/**
 * The speed a run starts with when the UI leaves it to the engine: n updates per frame where
 * one can watch each update (the lecture nets), full speed (0) where that would take all day.
 */
export function autoSpeed(paramCount: number, trainCount: number): RunSpeed {
  return paramCount * trainCount > WATCHABLE_WORK ? 0 : WATCHABLE_SPEED
}

/** The session's running epoch totals (a new object each epoch). */
type Running = Readonly<RunningTotals>

/** Counters the RPC calls return. */
export interface RunProgress {
  state: RunState
  epoch: number
  iteration: number
  examples: number
  position: number
  learningRate: number
}

export class TrainingRun {
  readonly runId: string
  readonly info: RunInfo
  private readonly io: EngineHostIo
  private readonly spec: EngineSpec
  private readonly data: ResolvedData
  private readonly gridSize: number
  private session: Session
  private state: RunState = 'paused'
  private speed: RunSpeed = 0
  private generation = 0
  private seq = 0
  private error: string | null = null
  /** Name and node of the error (e.g. DivergenceError in layer "hidden"). */
  private errorWhere: { name: string; nodeId: string | null } | null = null
  private points: CurvePoint[] = []
  private epochsSent = 0
  private lastRunning: { ref: Running | null; lossSum: number; count: number; correct: number } = { ref: null, lossSum: 0, count: 0, correct: 0 }
  private inFlight: Promise<void> | null = null
  private dirty = false
  private loopDone: Promise<void> = Promise.resolve()
  private readonly probeInputs: Float64Array | null
  private readonly grid: Float64Array | null
  private readonly liveValidation: boolean
  private readonly snapshotEvery: number

  constructor(runId: string, spec: EngineSpec, data: TrainingData, io: EngineHostIo, options: RunOptions = {}) {
    this.runId = runId
    this.io = io
    this.spec = structuredCloneSpec(spec)
    this.data = resolveTrainingData(data)
    this.gridSize = options.gridSize ?? 48
    this.session = this.newSession()
    const s = this.session
    const params = parameterCount(this.spec.model)
    const batch = this.spec.training.batch
    const batchSize = batch.mode === 'online' ? 1 : batch.mode === 'full' ? s.epochSize : Math.min(batch.size, s.epochSize)
    // Forward, backward and gradient: about 3 multiply-adds per parameter per example.
    const workPerIteration = 3 * params * batchSize
    const sliceIterations = Math.max(1, Math.min(MAX_SLICE_ITERATIONS, Math.floor(SLICE_WORK / workPerIteration)))
    this.snapshotEvery = Math.max(1, Math.min(MAX_SLICES_PER_SNAPSHOT, Math.round(SNAPSHOT_WORK / (sliceIterations * workPerIteration))))
    const probe = probeInfo(s)
    this.probeInputs = probe ? Float64Array.from(probe.inputs.flat()) : null
    const plane = planeInfo(s, this.gridSize)
    this.grid = plane ? planeInputs(plane) : null
    const validationCount = this.data.validation?.count ?? s.valIndices.length
    this.liveValidation = validationCount > 0 && validationCount * params <= LIVE_VALIDATION_WORK
    const ds = s.train
    this.speed = options.speed === 'auto' ? autoSpeed(params, s.epochSize) : (options.speed ?? 0)
    this.info = {
      runId,
      inputSize: ds.inputSize,
      outputSize: s.network.outputSize,
      inputShape: ds.inputShape ?? [ds.inputSize],
      layers: s.network.weighted.map((l) => ({ nodeId: l.nodeId, nIn: l.nIn, units: l.units, activation: l.activation?.id ?? 'linear', useBias: l.weights.b !== null })),
      paramCount: params,
      trainCount: s.epochSize,
      validationCount,
      epochSize: s.epochSize,
      batchSize,
      maxEpochs: this.spec.training.maxEpochs,
      classification: s.classification,
      classCount: s.classCount,
      labelNames: ds.labelNames ?? null,
      featureNames: ds.featureNames ?? null,
      targetNames: ds.targetNames ?? null,
      probe,
      plane,
      sliceIterations,
      speed: this.speed,
    }
  }

  /** Current counters. */
  progress(): RunProgress {
    const s = this.session
    return { state: this.state, epoch: s.epoch, iteration: s.iteration, examples: this.examples(), position: this.position(), learningRate: s.learningRate }
  }

  /** Send the first snapshot (and start training with `autoStart`). */
  async begin(autoStart: boolean): Promise<void> {
    await this.flush()
    if (autoStart) this.resume()
  }

  /** Start or continue training in the background. */
  resume(): RunProgress {
    if (this.state === 'paused') {
      this.state = 'running'
      this.loopDone = this.loop()
    }
    return this.progress()
  }

  /** Stop after the current slice; resolves once training has stopped and a snapshot says so. */
  async pause(): Promise<RunProgress> {
    if (this.state === 'running') this.state = 'paused'
    await this.loopDone
    await this.flush()
    return this.progress()
  }

  /** One example, batch or epoch (pausing first if running). */
  async step(unit: StepUnit): Promise<RunProgress> {
    await this.pause()
    if (this.state !== 'paused') return this.progress()
    const p = this.session.step(unit)
    this.recordPoint()
    if (p.stopped) this.finish()
    await this.flush()
    return this.progress()
  }

  /** Re-initialise from the seed (same spec, current optimizer settings); clears the curves. */
  async reset(): Promise<RunProgress> {
    await this.pause()
    if (this.state === 'stopped') return this.progress()
    this.session = this.newSession()
    this.state = 'paused'
    this.error = null
    this.errorWhere = null
    this.generation++
    this.points = []
    this.epochsSent = 0
    this.lastRunning = { ref: null, lossSum: 0, count: 0, correct: 0 }
    await this.flush()
    return this.progress()
  }

  setSpeed(speed: RunSpeed): void {
    if (!(speed >= 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be 0 (full speed) or a positive number of updates per frame, got ${speed}`)
    this.speed = Math.floor(speed)
  }

  /** Change η and the optimizer's hyper-parameters mid-run (its state — velocities, moments — is kept). */
  async setOptimizerSettings(settings: OptimizerSettings): Promise<RunProgress> {
    const o = this.spec.optimizer
    for (const key of ['learningRate', 'momentum', 'rho', 'beta1', 'beta2', 'epsilon'] as const) {
      const v = settings[key]
      if (v === undefined) continue
      if (!Number.isFinite(v) || v < 0) throw new RangeError(`${key} must be a non-negative number, got ${v}`)
      o[key] = v
    }
    this.session.setOptimizerSettings(o)
    if (this.state !== 'running') await this.flush()
    return this.progress()
  }

  /** The step-through of training row `sampleIndex`; with `apply`, the update is applied (one online step). */
  async trace(sampleIndex: number, apply: boolean): Promise<StepThrough> {
    if (apply) await this.pause()
    const result = stepThrough(this.session, sampleIndex, { apply })
    if (apply) {
      this.recordPoint()
      await this.flush()
    }
    return result
  }

  /**
   * The model file (model JSON text, `serializeModel`) of the network as it is now: weights,
   * biases, preprocessing, settings and history, built by `src/engine/model`.
   */
  exportModel(options: ExportModelOptions = {}): string {
    const model = exportModel(this.session, {
      title: options.title ?? 'Axon Studio model',
      stopReason: this.session.stopped,
      ...(options.data ? { data: options.data } : {}),
    })
    return serializeModel(model)
  }

  /** End the run for good. */
  async stop(): Promise<RunProgress> {
    if (this.state === 'running' || this.state === 'paused') this.state = 'stopped'
    await this.loopDone
    await this.flush()
    return this.progress()
  }

  /** Set by `TrainingApi` so the core `cancel(runId)` reaches the loop. */
  cancelled: () => boolean = () => false

  /** Train slice by slice until paused, stopped, cancelled or finished. */
  private async loop(): Promise<void> {
    let slices = 0
    try {
      while (this.state === 'running') {
        await this.io.yieldToHost()
        if (this.cancelled()) this.state = 'stopped'
        if (this.state !== 'running') break
        const s = this.session
        if (this.speed > 0) {
          this.advance(this.speed)
          if (s.stopped) this.finish()
          await this.flush()
        } else {
          this.advance(this.info.sliceIterations)
          if (s.stopped) this.finish()
          else if (++slices >= this.snapshotEvery) {
            slices = 0
            this.offer()
          }
        }
      }
    } catch (error) {
      this.state = 'failed'
      this.error = error instanceof Error ? error.message : String(error)
      this.errorWhere = errorWhereOf(error)
    }
    await this.flush()
  }

  /** Apply up to n updates, one curve point per `trainSteps` call (which never crosses an epoch end). */
  private advance(n: number): void {
    const s = this.session
    let done = 0
    while (done < n && !s.stopped) {
      const before = s.iteration
      const p = s.trainSteps(n - done)
      done += s.iteration - before
      this.recordPoint()
      if (!p.updated && !p.epochEnded) break
    }
  }

  private finish(): void {
    const s = this.session
    this.state = s.stopped === 'diverged' ? 'failed' : 'finished'
    if (s.error) {
      this.error = s.error.message
      this.errorWhere = errorWhereOf(s.error)
    }
  }

  /** Position within the epoch under way (the session's cursor stays at the end until the next epoch begins). */
  private position(): number {
    const s = this.session
    return s.position >= s.epochSize ? 0 : s.position
  }

  /** Examples processed since the start (every epoch has `epochSize` of them). */
  private examples(): number {
    return this.session.epoch * this.session.epochSize + this.position()
  }

  /** Add a curve point: mean loss and accuracy over the examples since the previous point. */
  private recordPoint(): void {
    const s = this.session
    const r = s.runningTotals
    const last = this.lastRunning
    const same = last.ref === r
    const count = r.count - (same ? last.count : 0)
    const lossSum = r.lossSum - (same ? last.lossSum : 0)
    const correct = r.correct - (same ? last.correct : 0)
    this.lastRunning = { ref: r, lossSum: r.lossSum, count: r.count, correct: r.correct }
    if (count <= 0) return
    const mean = s.spec.model.loss.reduction === 'mean'
    const point: CurvePoint = { iteration: s.iteration, examples: this.examples(), epoch: s.epoch, loss: mean ? lossSum / count : lossSum }
    if (s.classification) point.accuracy = correct / count
    this.points.push(point)
  }

  private newSession(): Session {
    const spec = structuredCloneSpec(this.spec)
    return createSession(spec, this.data.train, this.data.validation ? { validation: this.data.validation } : {})
  }

  /** Offer a snapshot latest-wins: skipped while one is in flight, rebuilt fresh when it lands. */
  private offer(): void {
    if (this.inFlight) {
      this.dirty = true
      return
    }
    const { event, transfer } = this.compose()
    this.inFlight = this.io.emit(event, transfer).then(
      () => this.landed(),
      () => this.landed(),
    )
  }

  private landed(): void {
    this.inFlight = null
    if (this.dirty && this.state === 'running') {
      this.dirty = false
      this.offer()
    }
  }

  /** Wait for any snapshot in flight, then send the current state and wait for it to land. */
  private async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight
    this.dirty = false
    const { event, transfer } = this.compose()
    await this.io.emit(event, transfer)
  }

  private compose(): { event: { kind: 'trainSnapshot'; snapshot: TrainSnapshot }; transfer: ArrayBuffer[] } {
    const s = this.session
    const layers = layerStates(s)
    const probe = this.probeInputs ? probeLayers(s, this.probeInputs, this.info.probe!.count) : null
    const plane = this.grid ? planeState(s, this.grid, this.gridSize) : null
    const epochs: EpochPoint[] = s.history.slice(this.epochsSent).map((m) => ({ ...m }))
    this.epochsSent = s.history.length
    const points = this.points
    this.points = []
    if (this.liveValidation && points.length > 0) {
      const v = this.data.validation ? s.evaluate(this.data.validation) : s.evaluate(s.train, s.valIndices)
      const last = points[points.length - 1]
      last.valLoss = v.loss
      if (v.accuracy !== undefined) last.valAccuracy = v.accuracy
    }
    const snapshot: TrainSnapshot = {
      runId: this.runId,
      generation: this.generation,
      seq: this.seq++,
      state: this.state,
      stopReason: s.stopped,
      restoredEpoch: s.restoredEpoch,
      error: this.error,
      errorName: this.errorWhere?.name ?? null,
      errorNodeId: this.errorWhere?.nodeId ?? null,
      epoch: s.epoch,
      iteration: s.iteration,
      examples: this.examples(),
      position: this.position(),
      learningRate: s.learningRate,
      speed: this.speed,
      points,
      epochs,
      layers,
      probe,
      plane,
    }
    // Every array above is a fresh copy made for this snapshot, so its buffer can be moved.
    const transfer: ArrayBuffer[] = []
    const move = (a: { buffer: ArrayBufferLike } | null) => {
      if (a) transfer.push(a.buffer as ArrayBuffer)
    }
    for (const l of layers) [l.weights, l.gradWeights, l.biases, l.gradBiases].forEach(move)
    for (const p of probe ?? []) [p.out, p.binary].forEach(move)
    if (plane) {
      move(plane.score)
      move(plane.classes)
      for (const h of plane.hidden) move(h.values)
    }
    return { event: { kind: 'trainSnapshot', snapshot }, transfer }
  }
}

/** A deep copy of a spec (plain JSON data). */
function structuredCloneSpec(spec: EngineSpec): EngineSpec {
  return JSON.parse(JSON.stringify(spec)) as EngineSpec
}

/** An error's stable name and, for engine errors, the canvas node it names. */
function errorWhereOf(error: unknown): { name: string; nodeId: string | null } {
  if (!(error instanceof Error)) return { name: 'Error', nodeId: null }
  const nodeId = (error as { nodeId?: unknown }).nodeId
  return { name: error.name, nodeId: typeof nodeId === 'string' ? nodeId : null }
}
