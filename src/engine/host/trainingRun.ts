/**
 * The run controller: one training session driven in slices, streaming snapshots to the UI.
 *
 * - Training proceeds in slices; between slices it awaits `io.yieldToHost()` so pause, step,
 *   speed changes and cancel calls get in. The engine has no clock: a slice is sized by work
 *   (multiply-adds per update × updates), not by time.
 * - Full speed (`speed = 0`): snapshots are latest-wins. At most one is in flight; while it is,
 *   no new one is built, and when it lands the next one is built from the state at that moment,
 *   so the UI never receives stale snapshots and training never waits for the screen. The UI's
 *   answer says whether the next one carries the live views (`SnapshotAnswer`): the page asks
 *   for them only as often as its drawing budget allows, and the engine computes them only then.
 *   A snapshot that ends running (pause, stop, the end, a failure) goes out at once, with every
 *   shown view, without waiting for the one in flight.
 * - Paced speed (`speed = n`): n updates, then the snapshot is awaited (the UI takes it on its
 *   next animation frame): "n updates per frame".
 */
import type { EngineSpec } from '../spec'
import { createSession, sessionSetEpochLimit, type Session, type StepUnit } from '../train'
import { checkOptimizerSettings } from '../train/validate'
import { parameterCount } from '../nn/network'
import type { EngineHostIo } from './io'
import type { SnapshotAnswer } from './events'
import { resolveTrainingData, type ResolvedData } from './trainingData'
import type { ExportModelOptions, OptimizerSettings, ReplayFrame, RunInfo, RunOptions, RunSpeed, RunState, TrainSnapshot, TrainingData } from './trainingTypes'
import { stepThrough, type StepThrough } from './stepThrough'
import { serializeModel, type ModelFile } from '../model'
import { runModelFile } from './runModelFile'
import { autoSpeed, isLiveValidation, runPacing } from './runPacing'
import { RunAdvance } from './runAdvance'
import { runInfoOf } from './runInfo'
import { CurvePoints } from './curvePoints'
import { SnapshotComposer, type SnapshotViews } from './snapshotComposer'
import { framesFor, TimeMachine } from './timeMachine'
import { evaluateTestSet, type TestResult } from './testSet'
import { DiagnosticsTracker } from '../experiments/diagnostics'
import { RunFailure, snapshotError } from './runFailure'
import { runExamples, runPosition, type RunProgress } from './runProgress'

export type { RunProgress } from './runProgress'

export class TrainingRun {
  readonly runId: string
  readonly info: RunInfo
  private readonly io: EngineHostIo
  private readonly spec: EngineSpec
  private readonly data: ResolvedData
  private session: Session
  private state: RunState = 'paused'
  private speed: RunSpeed = 0
  private generation = 0
  private seq = 0
  private readonly failure = new RunFailure()
  private curve = new CurvePoints()
  private inFlight: Promise<void> | null = null
  private dirty = false
  /** Whether the next snapshot offered at full speed carries the shown views (the UI's last answer). */
  private viewsDue = true
  private loopDone: Promise<void> = Promise.resolve()
  private loopTurn = 0
  private readonly composer: SnapshotComposer
  /** Copies of the network at epoch ends, for replaying the views as they were. */
  private readonly timeMachine: TimeMachine
  private readonly snapshotEvery: number
  /** Updates per curve point at full speed. */
  private readonly pointIterations: number
  private readonly advance = new RunAdvance(() => this.recordPoint())
  /** The latest test-set evaluation (cleared on reset). */
  private testResult: TestResult | null = null
  private readonly diagnostics = new DiagnosticsTracker()

  constructor(runId: string, spec: EngineSpec, data: TrainingData, io: EngineHostIo, options: RunOptions = {}) {
    this.runId = runId
    this.io = io
    this.spec = structuredCloneSpec(spec)
    this.data = resolveTrainingData(data)
    this.session = this.newSession()
    const s = this.session
    const params = parameterCount(this.spec.model)
    const pacing = runPacing(this.spec.training, params, s.epochSize)
    this.snapshotEvery = pacing.snapshotEvery
    this.pointIterations = pacing.pointIterations
    const validationCount = this.data.validation?.count ?? s.valIndices.length
    this.speed = options.speed === 'auto' ? autoSpeed(params, s.epochSize) : (options.speed ?? 0)
    this.info = runInfoOf(s, { runId, params, validationCount, testCount: this.data.test?.count ?? 0, pacing, gridSize: options.gridSize ?? 48, speed: this.speed, ...(this.data.test ? { test: this.data.test } : {}) })
    this.composer = new SnapshotComposer(this.info, this.data, isLiveValidation(validationCount, params), options.views)
    this.timeMachine = new TimeMachine(framesFor(s.network))
    this.recordPoint()
  }

  /** Current counters. */
  progress(): RunProgress {
    const s = this.session
    return { state: this.state, epoch: s.epoch, iteration: s.iteration, examples: this.examples(), position: runPosition(s), learningRate: s.learningRate }
  }

  /**
   * Send the first snapshot (and start training with `autoStart`). Started at once, it already
   * says running: a big network's first slice takes seconds, and a first snapshot saying paused
   * read "Ready: press Train" all that time.
   */
  async begin(autoStart: boolean): Promise<void> {
    if (autoStart) this.state = 'running'
    await this.flush()
    if (autoStart && this.state === 'running') this.loopDone = this.loop()
  }

  /** Start or continue training in the background. */
  resume(): RunProgress {
    if (this.state === 'paused') {
      this.state = 'running'
      // After a pause still settling, its loop ends at its next slice (its turn is over), then this one trains on.
      const turn = ++this.loopTurn
      this.loopDone = this.loopDone.then(() => this.loop(turn))
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
    this.failure.clear()
    this.generation++
    this.curve = new CurvePoints()
    this.composer.restart()
    this.timeMachine.restart()
    this.recordPoint()
    this.testResult = null
    this.diagnostics.restart()
    await this.flush()
    return this.progress()
  }

  setSpeed(speed: RunSpeed): void {
    if (!(speed >= 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be 0 (full speed) or a positive number of updates per frame, got ${speed}`)
    this.speed = Math.floor(speed)
  }

  /**
   * The live views on screen now: only these are computed for the snapshots. A view that was
   * hidden gets its payload with the next snapshot, at once when training is not running.
   */
  async showViews(ids: readonly string[]): Promise<void> {
    const added = this.composer.show(ids)
    if (added.length > 0 && this.state !== 'running') await this.flush(added)
  }

  /** The epochs the time machine holds, oldest first (epoch 0 is the initial network). */
  recordedEpochs(): number[] {
    return this.timeMachine.epochs()
  }

  /** The shown views as they were at the end of recorded epoch `epoch`; training goes on from the present. */
  replay(epoch: number): ReplayFrame {
    const frame = this.timeMachine.frame(epoch)
    const views = this.timeMachine.replay(this.session.network, epoch, () => this.composer.payloads(this.session))
    return { epoch, iteration: frame.iteration, views }
  }

  /** Change η and the optimizer's hyper-parameters mid-run (its state — velocities, moments — is kept). */
  async setOptimizerSettings(settings: OptimizerSettings): Promise<RunProgress> {
    const o = this.spec.optimizer
    Object.assign(o, checkOptimizerSettings(settings))
    this.session.setOptimizerSettings(o)
    if (this.state !== 'running') await this.flush()
    return this.progress()
  }

  /**
   * A new epoch limit mid-run ("ten more epochs", `sessionSetEpochLimit`): a run ended at its
   * limit goes on to a higher one (paused: Resume trains on), a running one runs to it, a limit
   * equal to the epochs done ends it there. False, and nothing changed, when a run of that limit
   * from the start would be another run (it went past the limit; restore-best ended it), or the
   * run failed or was stopped.
   */
  async setEpochLimit(maxEpochs: number): Promise<boolean> {
    // A failed run (diverged, a snapshot that broke) or one stopped for good goes no further.
    if (this.state === 'failed' || this.state === 'stopped') return false
    const change = sessionSetEpochLimit(this.session, maxEpochs)
    if (change === 'refused') return false
    this.spec.training.maxEpochs = maxEpochs
    this.info.maxEpochs = maxEpochs
    if (change === 'goOn' && this.state === 'finished') this.state = 'paused'
    if (change === 'end') this.finish()
    if (this.state !== 'running') await this.flush()
    return true
  }

  /** The session as it is now, for reading between slices (weight names, the loss slice). */
  get current(): Session {
    return this.session
  }

  /** The step-through of training row `sampleIndex`; with `apply`, the update is applied (one online step, its example counted on the curve). */
  async trace(sampleIndex: number, apply: boolean): Promise<StepThrough> {
    if (apply) await this.pause()
    const result = stepThrough(this.session, sampleIndex, { apply })
    if (!apply) return result
    this.curve.recordStep(this.session, this.examples(), result.trace)
    this.recordPoint()
    // The update changed the weights: a test result on show is taken again with them.
    if (this.testResult && this.data.test) this.testResult = evaluateTestSet(this.session, this.data.test)
    await this.flush()
    return result
  }

  /**
   * Evaluate the held-out test set with the weights as they are now (between slices when
   * running); null when the run has no test set. The result goes out with the next snapshot.
   */
  async evaluateTest(): Promise<TestResult | null> {
    if (!this.data.test) return null
    this.testResult = evaluateTestSet(this.session, this.data.test)
    if (this.state !== 'running') await this.flush()
    return this.testResult
  }

  /**
   * The model file (model JSON text, `serializeModel`) of the network as it is now: weights,
   * biases, preprocessing, settings and history (with the test set evaluated on these very
   * weights, when the run has one), built by `src/engine/model`.
   */
  exportModel(options: ExportModelOptions = {}): string {
    return serializeModel(this.modelFile(options))
  }

  /** The model file of the network as it is now (what `exportModel` writes as text). */
  modelFile(options: ExportModelOptions = {}): ModelFile {
    return runModelFile(this.session, this.data.test, options)
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
  private async loop(turn = this.loopTurn): Promise<void> {
    let slices = 0
    try {
      while (this.state === 'running' && turn === this.loopTurn) {
        await this.io.yieldToHost()
        if (this.cancelled()) this.state = 'stopped'
        if (this.state !== 'running' || turn !== this.loopTurn) break
        const s = this.session
        if (this.speed > 0) {
          this.advance.run(s, this.speed)
          if (s.stopped) this.finish()
          await this.flush()
        } else {
          this.advance.run(s, this.info.sliceIterations, this.pointIterations)
          if (s.stopped) this.finish()
          else if (++slices >= this.snapshotEvery) {
            slices = 0
            this.offer()
          }
        }
      }
      this.advance.settle()
    } catch (error) {
      this.fail(error)
    }
    // Ended whatever the page makes of the last snapshot (it may reject it): the loop always settles.
    await this.flush().catch(() => undefined)
  }

  private fail(error: unknown): void {
    this.state = 'failed'
    this.failure.record(error)
  }

  private finish(): void {
    const s = this.session
    this.state = s.stopped === 'diverged' ? 'failed' : 'finished'
    // The end of a run is when the test set is evaluated (a diverged net has nothing to test).
    if (this.data.test && this.state === 'finished') this.testResult = evaluateTestSet(s, this.data.test)
    if (s.error) this.failure.record(s.error)
  }

  /** Examples processed since the start, and those of step-through updates. */
  private examples(): number {
    return runExamples(this.session, this.curve.stepExamples)
  }

  /** Add a curve point: mean loss and accuracy over the examples since the previous point. */
  private recordPoint(): void {
    const s = this.session
    this.curve.record(s, this.examples())
    this.timeMachine.observe(s.network, { epoch: s.epoch, iteration: s.iteration, restored: s.restoredEpoch !== null })
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
    const { event, transfer } = this.compose(this.viewsDue ? undefined : [])
    this.inFlight = this.io.emit(event, transfer).then(
      (answer) => this.landed(answer),
      () => this.landed(),
    )
  }

  private landed(answer?: void | SnapshotAnswer): void {
    this.inFlight = null
    this.viewsDue = answer?.viewsDue ?? true
    if (this.dirty && this.state === 'running') {
      this.dirty = false
      this.offer()
    }
  }

  /**
   * Send the current state (with only the views `only`, when given) and wait for it to land.
   * While running (paced speed), the snapshot in flight lands first; otherwise this one goes at
   * once: a pause or the end is shown without waiting for the page to ask for more.
   */
  private async flush(only?: readonly string[]): Promise<void> {
    while (this.inFlight && this.state === 'running') await this.inFlight
    this.dirty = false
    const { event, transfer } = this.compose(only)
    await this.io.emit(event, transfer)
  }

  /**
   * The snapshot now. One that cannot be built (a view, the validation or the diagnostics throws)
   * fails the run and carries its counters and epochs alone: the run ends where the page and a
   * sweep see it, never silently at "running".
   */
  private compose(only?: readonly string[]): { event: { kind: 'trainSnapshot'; snapshot: TrainSnapshot }; transfer: ArrayBuffer[] } {
    const s = this.session
    const points = this.curve.take()
    let part: { views: SnapshotViews; transfer: ArrayBuffer[]; diagnostics: TrainSnapshot['diagnostics'] }
    try {
      // Once per epoch while running; fresh whenever training is not running (a step, a pause, the end).
      part = { ...this.composer.compose(s, points, only), diagnostics: this.diagnostics.current(s, this.state !== 'running') }
    } catch (error) {
      this.fail(snapshotError(error, s.epoch))
      part = { views: this.composer.bare(s, points), transfer: [], diagnostics: [] }
    }
    const { views, transfer, diagnostics } = part
    const snapshot: TrainSnapshot = {
      runId: this.runId,
      generation: this.generation,
      seq: this.seq++,
      state: this.state,
      stopReason: s.stopped,
      restoredEpoch: s.restoredEpoch,
      ...this.failure.fields,
      epoch: s.epoch,
      iteration: s.iteration,
      examples: this.examples(),
      position: runPosition(s),
      learningRate: s.learningRate,
      speed: this.speed,
      ...views,
      test: this.testResult,
      diagnostics,
    }
    return { event: { kind: 'trainSnapshot', snapshot }, transfer }
  }
}

/** A deep copy of a spec (plain JSON data). */
function structuredCloneSpec(spec: EngineSpec): EngineSpec {
  return JSON.parse(JSON.stringify(spec)) as EngineSpec
}
