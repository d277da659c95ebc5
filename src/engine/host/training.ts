/**
 * The training part of `EngineApi`: start a run, then drive it (pause, resume, step, reset,
 * speed, optimizer settings and the epoch limit mid-run, step-through trace, stop). Snapshots stream to the UI as
 * `trainSnapshot` events (see `trainingRun.ts` for slicing and latest-wins throttling).
 *
 *   const info = await engine.startRun('r1', spec, { kind: 'builtin', id: 'xor' }, { speed: 10 })
 *   await engine.resume('r1') … await engine.pause('r1') … await engine.step('r1', 'example')
 *   const t = await engine.trace('r1', 0)       // forward/backward numbers of row 0
 *   const text = await engine.exportModel('r1', { title: 'XOR' })   // model JSON
 */
import type { EngineSpec } from '../spec'
import type { StepUnit } from '../train'
import type { Cancellation, EngineHostIo } from './io'
import { TrainingRun, type RunProgress } from './trainingRun'
import type { StepThrough } from './stepThrough'
import { lossSlice, type LossSlice, type LossSliceRequest } from '../experiments/lossSlice'
import { sessionWeightNames } from '../experiments/networkLoss'
import type { WeightedLayerNames } from '../trace/unitNames'
import { trainedValuesOf, type RunWeights } from '../experiments/runHistory'
import { exportModel } from '../model'
import type { ExportModelOptions, OptimizerSettings, ReplayFrame, RunInfo, RunOptions, RunSpeed, TestResult, TrainingData } from './trainingTypes'

export type { RunProgress } from './trainingRun'
export type { StepThrough } from './stepThrough'
export type * from './trainingTypes'

export interface TrainingApi {
  /**
   * Create a run: resolve the data, build the session (initialised from `spec.seed`) and send
   * its first snapshot. The run starts paused unless `options.autoStart`. A previous run with
   * the same id is stopped first.
   */
  startRun(runId: string, spec: EngineSpec, data: TrainingData, options?: RunOptions): Promise<RunInfo>
  /** Train in the background until paused, stopped or a stop criterion holds. */
  resume(runId: string): Promise<RunProgress>
  /** Stop after the current slice; resolves when the paused snapshot has been delivered. */
  pause(runId: string): Promise<RunProgress>
  /** Advance exactly one example, batch or epoch (pauses a running run first). */
  step(runId: string, unit: StepUnit): Promise<RunProgress>
  /** Re-initialise the network from the seed; counters and curves start again. */
  reset(runId: string): Promise<RunProgress>
  /** 0 = full speed, latest-wins snapshots; n > 0 = n updates per delivered snapshot (per frame). */
  setSpeed(runId: string, speed: RunSpeed): Promise<void>
  /**
   * Which live views are on screen (ids of `src/engine/views/registry.ts`): only these are
   * computed for the run's snapshots. A newly shown view comes with the next snapshot, at once
   * when the run is not training. Unknown ids are refused with a RangeError.
   */
  showViews(runId: string, views: string[]): Promise<void>
  /**
   * The epochs the run's time machine holds (epoch 0 = the initial network), oldest first: at
   * most 100 (fewer for big networks), evenly spread over the run so far.
   */
  recordedEpochs(runId: string): Promise<number[]>
  /**
   * The shown views as they were at the end of recorded epoch `epoch` (weights, hidden codes,
   * boundary …): exactly the numbers of a run of the same seed stopped there. Training goes on
   * from the present. A RangeError names the recorded epochs when `epoch` is not one.
   */
  replay(runId: string, epoch: number): Promise<ReplayFrame>
  /** Change η (and momentum, ρ, β1, β2, ε) mid-run. */
  setOptimizerSettings(runId: string, settings: OptimizerSettings): Promise<RunProgress>
  /**
   * A new epoch limit mid-run: a run ended at its limit goes on to a higher one (paused), a
   * running one runs to it. False, and the run unchanged, when the run is not what a run of
   * that limit from the start would be (it went past it): the caller starts a new run.
   */
  setEpochLimit(runId: string, maxEpochs: number): Promise<boolean>
  /** The run's dense layers with the lecture names of their units, inputs and weights (w1, w2 …): what the loss slice picks from. */
  weightNames(runId: string): Promise<WeightedLayerNames[]>
  /**
   * The training loss over two weights around their current values (every other parameter as
   * it is now), on a grid, and the playground's optimizers descending it (`experiments/lossSlice.ts`).
   * A RangeError says why not: a weight that no longer exists, a perceptron, too big a network.
   */
  lossSlice(runId: string, request: LossSliceRequest): Promise<LossSlice>
  /** Forward and backward numbers of training row `sampleIndex`; with `apply`, also take that update. */
  trace(runId: string, sampleIndex: number, options?: { apply?: boolean }): Promise<StepThrough>
  /**
   * The run's network as model JSON text (`src/engine/model`: `exportModel` + `serializeModel`),
   * ready to save as `<title>.model.json`; `options.data` (the project's data reference) is
   * recorded so the model reopens as a project.
   */
  exportModel(runId: string, options?: ExportModelOptions): Promise<string>
  /**
   * The network's trained values by node, as they are now (each layer's hand-settable
   * parameters: what the run history keeps to put the network back). Read here rather than from
   * `exportModel`'s text, which the page would have to parse and check (1.8 M characters for the
   * Fashion-MNIST example: a 50–240 ms task on its main thread when a run ends).
   */
  trainedValues(runId: string): Promise<RunWeights>
  /**
   * Evaluate the run's held-out test set now (loss, accuracy, at which epoch); null when it
   * has none. The run also evaluates it by itself when training ends.
   */
  evaluateTest(runId: string): Promise<TestResult | null>
  /** End the run and forget it. */
  stop(runId: string): Promise<RunProgress>
}

export function createTrainingApi(io: EngineHostIo, cancellation: Cancellation): TrainingApi {
  const runs = new Map<string, TrainingRun>()
  const get = (runId: string): TrainingRun => {
    const run = runs.get(runId)
    if (!run) throw new RangeError(`There is no training run "${runId}" (it was stopped or never started).`)
    return run
  }
  return {
    async startRun(runId, spec, data, options = {}) {
      const previous = runs.get(runId)
      if (previous) {
        runs.delete(runId)
        await previous.stop()
      }
      cancellation.clear(runId)
      const run = new TrainingRun(runId, spec, data, io, options)
      run.cancelled = () => cancellation.isCancelled(runId)
      runs.set(runId, run)
      await run.begin(options.autoStart ?? false)
      return run.info
    },
    resume: async (runId) => get(runId).resume(),
    pause: async (runId) => get(runId).pause(),
    step: async (runId, unit) => {
      if (unit !== 'example' && unit !== 'batch' && unit !== 'epoch') throw new RangeError(`unit must be example, batch or epoch, got ${String(unit)}`)
      return get(runId).step(unit)
    },
    reset: async (runId) => get(runId).reset(),
    setSpeed: async (runId, speed) => get(runId).setSpeed(speed),
    showViews: async (runId, views) => get(runId).showViews(views),
    recordedEpochs: async (runId) => get(runId).recordedEpochs(),
    replay: async (runId, epoch) => get(runId).replay(epoch),
    setOptimizerSettings: async (runId, settings) => get(runId).setOptimizerSettings(settings),
    setEpochLimit: async (runId, maxEpochs) => get(runId).setEpochLimit(maxEpochs),
    weightNames: async (runId) => sessionWeightNames(get(runId).current),
    lossSlice: async (runId, request) => lossSlice(get(runId).current, request),
    trace: async (runId, sampleIndex, options = {}) => get(runId).trace(sampleIndex, options.apply ?? false),
    exportModel: async (runId, options = {}) => get(runId).exportModel(options),
    trainedValues: async (runId) => trainedValuesOf(exportModel(get(runId).current, { title: '' })),
    evaluateTest: async (runId) => get(runId).evaluateTest(),
    async stop(runId) {
      const run = get(runId)
      runs.delete(runId)
      const progress = await run.stop()
      cancellation.clear(runId)
      return progress
    },
  }
}
