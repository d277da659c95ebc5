/**
 * The engine's runner threads for sweeps: each a single-threaded engine of its own (a nested
 * Web Worker in the browser, a worker_threads Worker in Node and the desktop engine process),
 * reached over Comlink like the engine itself. A sweep point is handed to an idle runner; at most
 * `slots()` train at once (the threads setting), the others wait their turn. Runners are started
 * when first needed and kept for the next sweep.
 */
import type { Dataset, EngineSpec } from '../spec'
import type { Cancellation } from './io'
import type { SweepPointResult } from './sweepPoints'
import { resolveTrainingData } from './trainingData'
import type { TrainingData } from './trainingTypes'

/** One runner thread as the pool drives it (a `Remote<EngineApi>` and its thread). */
export interface SweepRunner {
  /** `transfer`: the buffers of `data` that may be moved rather than copied. */
  trainSweepPoint(runId: string, spec: EngineSpec, data: TrainingData, transfer: ArrayBuffer[]): Promise<SweepPointResult>
  cancel(runId: string): unknown
  /** Whether the thread is gone (it crashed): its calls have rejected and it is not used again. */
  readonly lost: boolean
  terminate(): void
}

const TYPED_FIELDS = ['inputs', 'inputShift', 'inputScalePerFeature', 'targets', 'labels'] as const

/**
 * A copy of a dataset whose arrays own plain buffers (not the kernel's, possibly shared,
 * memory), listed for transfer to a runner.
 */
function portableDataset(ds: Dataset, transfer: ArrayBuffer[]): Dataset {
  const out = { ...ds } as Record<string, unknown>
  for (const key of TYPED_FIELDS) {
    const a = ds[key]
    if (!a) continue
    const copy = a.slice()
    transfer.push(copy.buffer as ArrayBuffer)
    out[key] = copy
  }
  return out as unknown as Dataset
}

/** The point's data as a runner can take it: resolved here (data files live in this engine), copied for transfer. */
export function portableTrainingData(data: TrainingData): { data: TrainingData; transfer: ArrayBuffer[] } {
  const { train, validation, test } = resolveTrainingData(data)
  const transfer: ArrayBuffer[] = []
  const parts = { train: portableDataset(train, transfer), ...(validation ? { validation: portableDataset(validation, transfer) } : {}), ...(test ? { test: portableDataset(test, transfer) } : {}) }
  return { data: { kind: 'dataset', ...parts }, transfer }
}

export class SweepRunners {
  private readonly idle: SweepRunner[] = []
  private started = 0
  private readonly waiting: Array<() => void> = []
  private readonly busy = new Map<string, SweepRunner>()

  constructor(
    private readonly spawn: () => SweepRunner,
    /** How many points may train at once now. */
    readonly slots: () => number,
    private readonly cancellation: Cancellation,
  ) {}

  /** Train one point on a runner, waiting for one to be free. */
  async trainPoint(runId: string, spec: EngineSpec, data: TrainingData): Promise<SweepPointResult> {
    const runner = await this.acquire()
    try {
      this.busy.set(runId, runner)
      const portable = portableTrainingData(data)
      const result = runner.trainSweepPoint(runId, spec, portable.data, portable.transfer)
      // Asked to stop while it waited for a runner: it stops at its first slice.
      if (this.cancellation.isCancelled(runId)) void runner.cancel(runId)
      return await result
    } finally {
      this.busy.delete(runId)
      this.cancellation.clear(runId)
      this.release(runner)
    }
  }

  /** Pass a cancel on to the runner training `runId` (a waiting point sees it when it gets one). */
  cancel(runId: string): void {
    void this.busy.get(runId)?.cancel(runId)
  }

  /**
   * The threads setting changed: points waiting for a runner look again, so a raised setting
   * starts them now rather than when a run under way ends.
   */
  slotsChanged(): void {
    for (const wake of this.waiting.splice(0)) wake()
  }

  /** Stop every runner (the pool is not used afterwards). */
  close(): void {
    for (const runner of [...this.idle, ...this.busy.values()]) runner.terminate()
    this.idle.length = 0
  }

  private async acquire(): Promise<SweepRunner> {
    for (;;) {
      const idle = this.idle.pop()
      if (idle) return idle
      if (this.started < this.slots()) {
        this.started++
        return this.spawn()
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    }
  }

  private release(runner: SweepRunner): void {
    // A lost runner, or one beyond a lowered threads setting, is let go.
    if (runner.lost || this.started > this.slots()) {
      runner.terminate()
      this.started--
    } else this.idle.push(runner)
    this.waiting.shift()?.()
  }
}
