/**
 * The sweep part of `EngineApi`: train one grid point of a sweep to its end, on one thread, and
 * give back what the sweep and the run history keep of it (its epochs, end, test result and
 * trained values). Progress streams as the run's `trainSnapshot` events (no live views).
 *
 * Where the host can start runner threads (`SweepRunners`: a single-threaded engine each), every
 * point trains on one of them and up to `parallelRuns` points train at once; elsewhere it trains
 * here. Either way a point runs alone on its thread with the same kernel, so its numbers are the
 * same whichever thread it ran on and however many ran beside it.
 *
 *   const [a, b] = await Promise.all([engine.trainSweepPoint('p1', specA, data), engine.trainSweepPoint('p2', specB, data)])
 */
import type { EngineSpec } from '../spec'
import { trainedValuesOf, type RunWeights } from '../experiments/runHistory'
import type { Cancellation, EngineHostIo } from './io'
import type { SweepRunners } from './sweepRunners'
import { TrainingRun } from './trainingRun'
import type { EpochPoint, RunState, TestResult, TrainingData, TrainSnapshot } from './trainingTypes'

/** How a sweep point ended. */
export interface SweepPointResult {
  state: Extract<RunState, 'finished' | 'failed' | 'stopped'>
  /** Why it stopped (`maxEpochs`, `earlyStopping` …), or null. */
  stopReason: string | null
  error: string | null
  /** Every finished epoch, in order. */
  epochs: EpochPoint[]
  iterations: number
  test: TestResult | null
  /** The trained values by node (as the run history keeps them), when it finished. */
  weights?: RunWeights
}

export interface SweepApi {
  /**
   * Train one point of a sweep to its end on a thread of its own (queued while `parallelRuns`
   * points are training), streaming `trainSnapshot` events under `runId`. `cancel(runId)` stops it
   * (it then resolves `stopped`).
   */
  trainSweepPoint(runId: string, spec: EngineSpec, data: TrainingData): Promise<SweepPointResult>
}

const isEnd = (s: TrainSnapshot): boolean => s.state === 'finished' || s.state === 'failed' || s.state === 'stopped'

/** Trains the point on this thread: a run at full speed without views, watched to its end. */
export async function trainSweepPointHere(runId: string, spec: EngineSpec, data: TrainingData, io: EngineHostIo, cancellation: Cancellation): Promise<SweepPointResult> {
  const epochs: EpochPoint[] = []
  let end: TrainSnapshot | null = null
  let ended: () => void = () => undefined
  const done = new Promise<void>((resolve) => (ended = resolve))
  const watched: EngineHostIo = {
    yieldToHost: () => io.yieldToHost(),
    emit(event, transfer) {
      if (event.kind === 'trainSnapshot' && !end) {
        // A loop, not push(...): a tiny network at full speed can finish 70,000 epochs between two
        // snapshots, and spreading that many arguments overflows the stack (the point then failed).
        for (const epoch of event.snapshot.epochs) epochs.push(epoch)
        if (isEnd(event.snapshot)) {
          end = event.snapshot
          ended()
        }
      }
      return io.emit(event, transfer)
    },
  }
  const run = new TrainingRun(runId, spec, data, watched, { speed: 0, views: [] })
  run.cancelled = () => cancellation.isCancelled(runId)
  try {
    await run.begin(true)
    await done
    const last = end as TrainSnapshot | null
    if (!last) throw new Error(`The sweep point "${runId}" ended without a last snapshot.`)
    const weights = last.state === 'finished' ? trainedValuesOf(run.modelFile()) : undefined
    return {
      state: last.state as SweepPointResult['state'],
      stopReason: last.stopReason,
      error: last.error,
      epochs,
      iterations: last.iteration,
      test: last.test,
      ...(weights ? { weights } : {}),
    }
  } finally {
    await run.stop()
    cancellation.clear(runId)
  }
}

/** The sweep API: on the host's runner threads when it has them, else here. */
export function createSweepApi(io: EngineHostIo, cancellation: Cancellation, runners: SweepRunners | null): SweepApi {
  return {
    trainSweepPoint: (runId, spec, data) => (runners ? runners.trainPoint(runId, spec, data) : trainSweepPointHere(runId, spec, data, io, cancellation)),
  }
}
