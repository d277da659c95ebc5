/**
 * The sweep runner against a scripted engine: a lane that fails stops the sweep and the sweep
 * ends only once its other runs have; a point that fails after Stop is a result like any other,
 * in the sweep's table as in the run history.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SweepPointResult } from '../../../engine/host/sweepPoints'
import type { SweepAxis } from '../../../engine/experiments/sweep'
import { exampleProject } from '../graph/examples'
import { useDocument } from '../store/documentStore'

/** One point's run as the test drives it: ends when the test says, or when cancelled (a slice later). */
interface ScriptedRun {
  runId: string
  end(result: Partial<SweepPointResult>): void
  fail(error: Error): void
  cancelled: boolean
  settled: boolean
}
const runs: ScriptedRun[] = []
let parallelRuns = 1
/** What a cancelled run ends as (a run may fail on its own while the cancel is on its way). */
let onCancel: (run: ScriptedRun) => void = (run) => run.end({ state: 'stopped' })

const engine = {
  threads: async () => ({ threads: parallelRuns, maxThreads: 2, splitChunks: 0, parallelRuns }),
  trainSweepPoint: (runId: string) =>
    new Promise<SweepPointResult>((resolve, reject) => {
      const base: SweepPointResult = { state: 'finished', stopReason: 'maxEpochs', error: null, epochs: [{ epoch: 1, loss: 0.5 } as never], iterations: 4, test: null }
      const run: ScriptedRun = {
        runId,
        cancelled: false,
        settled: false,
        end: (result) => ((run.settled = true), resolve({ ...base, ...result })),
        fail: (error) => ((run.settled = true), reject(error)),
      }
      runs.push(run)
    }),
  cancel: (runId: string) => {
    const run = runs.find((r) => r.runId === runId)
    if (run && !run.cancelled) {
      run.cancelled = true
      setTimeout(() => onCancel(run), 5) // the run sees the cancel at its next slice
    }
  },
}
vi.mock('../engineClient', () => ({ getEngineConnection: async () => ({ engine }), onEngineEvent: () => () => undefined }))
const { runSweep, cancelSweep, sweepThreadsChanged, useSweepProgress } = await import('./sweepRunner')

const doc = () => useDocument.getState()
const optimizer = () => doc().project.nodes.find((n) => n.kind === 'optimizer')!.id
const etaAxis = (values: number[]): SweepAxis => ({ nodeId: optimizer(), param: 'learningRate', values })
const until = async (done: () => boolean) => {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 1))
  expect(done()).toBe(true)
}

beforeEach(() => {
  runs.length = 0
  onCancel = (run) => run.end({ state: 'stopped' })
  doc().load(exampleProject('xor-2-2-1-sigmoid')!)
})

describe('runSweep', () => {
  it('after one lane fails, stops the other lanes and ends only when their runs have ended', async () => {
    parallelRuns = 2
    const sweep = runSweep([etaAxis([0.1, 0.2, 0.3, 0.4])])
    await until(() => runs.length === 2)
    runs[0].fail(new Error('The runner thread stopped unexpectedly.'))
    await sweep
    expect(runs[1].cancelled).toBe(true)
    expect(runs[1].settled).toBe(true) // the sweep waited for it
    expect(runs).toHaveLength(2) // no queued point started after the failure
    expect(useSweepProgress.getState()).toMatchObject({ sweepId: null, error: 'The runner thread stopped unexpectedly.' })
  })

  it('keeps a point that failed after Stop in the sweep table, as in the run history', async () => {
    parallelRuns = 1
    onCancel = (run) => run.end({ state: 'failed', error: 'The loss became NaN at epoch 3.', stopReason: null })
    const sweep = runSweep([etaAxis([5, 0.1])])
    await until(() => runs.length === 1)
    await cancelSweep()
    const result = await sweep
    expect(runs).toHaveLength(1) // the queued point never started
    expect(result?.runs.map((r) => [r.status, r.note])).toEqual([['failed', 'The loss became NaN at epoch 3.']])
    const kept = doc().project.experiments?.sweeps.find((s) => s.id === result?.id)
    expect(kept?.runs.map((r) => r.status)).toEqual(['failed'])
    expect(doc().project.runs?.map((r) => r.status)).toEqual(['failed'])
  })

  it('leaves a point stopped by Stop out of both', async () => {
    parallelRuns = 1
    const sweep = runSweep([etaAxis([0.1, 0.2])])
    await until(() => runs.length === 1)
    await cancelSweep()
    const result = await sweep
    expect(result?.runs).toEqual([])
    expect(doc().project.runs ?? []).toEqual([])
  })

  it('trains more points side by side from the moment the threads setting is raised', async () => {
    parallelRuns = 1
    const sweep = runSweep([etaAxis([0.1, 0.2, 0.3])])
    await until(() => runs.length === 1)
    sweepThreadsChanged(2)
    await until(() => runs.length === 2) // the second point starts while the first still trains
    expect(runs.map((r) => r.settled)).toEqual([false, false])
    expect(useSweepProgress.getState().parallel).toBe(2)
    sweepThreadsChanged(1) // lowered: no run under way is stopped for it
    runs[0].end({})
    await until(() => runs.length === 3)
    runs[1].end({})
    runs[2].end({})
    const result = await sweep
    expect(result?.runs.map((r) => r.values)).toEqual([[0.1], [0.2], [0.3]])
  })
})
