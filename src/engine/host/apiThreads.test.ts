/**
 * The threads setting reaches the sweep's runner pool through the engine's own API: raising it
 * mid-sweep (`EngineApi.setThreads`) starts a point that waited for a runner at once, not when
 * a point under way ends. Runners here are fake engines on real MessageChannel ports, reached
 * over Comlink as the hosts reach theirs; the gradient pool is a stand-in holding the setting.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Comlink from 'comlink'
import { createEngineApi } from './api'
import { installGradientPool, type GradientPool } from '../parallel'
import type { RunnerEndpoints } from './rpc/runnerLink'
import type { SweepPointResult } from './sweepPoints'
import type { EngineSpec } from '../spec'

const data = { kind: 'dataset' as const, train: { inputs: new Float64Array(2), targets: new Float64Array(1), count: 1, inputSize: 2, targetSize: 1 } }

/** Runners that start a point when asked and finish it when the test says. */
function fakeRunners() {
  const started: string[] = []
  const finishers: (() => void)[] = []
  const ports: MessagePort[] = []
  const spawn = (): RunnerEndpoints => {
    const rpc = new MessageChannel()
    const events = new MessageChannel()
    ports.push(rpc.port1, rpc.port2, events.port1, events.port2)
    Comlink.expose(
      {
        trainSweepPoint: (runId: string) =>
          new Promise<SweepPointResult>((resolve) => {
            started.push(runId)
            finishers.push(() => resolve({ state: 'finished', stopReason: 'maxEpochs', error: null, epochs: [], iterations: 1, test: null }))
          }),
        cancel: () => undefined,
      },
      rpc.port1 as unknown as Comlink.Endpoint,
    )
    return { rpc: rpc.port2 as unknown as Comlink.Endpoint, events: events.port2 as unknown as Comlink.Endpoint, onExit: () => undefined, terminate: () => undefined }
  }
  return { started, finishAll: () => finishers.splice(0).forEach((f) => f()), close: () => ports.forEach((p) => p.close()), host: { spawn, cores: 2 } }
}

afterEach(() => installGradientPool(null))

describe('EngineApi.setThreads and the sweep runners', () => {
  it('raising the threads mid-sweep starts the waiting point at once', async () => {
    const setting = { threads: 1, maxThreads: 2, splitChunks: 0, setThreads: (n: number) => void (setting.threads = n) }
    installGradientPool(setting as unknown as GradientPool)
    const runners = fakeRunners()
    const api = createEngineApi({ emit: async () => undefined, yieldToHost: async () => undefined }, runners.host)
    expect((await api.threads()).parallelRuns).toBe(1)
    const points = ['a', 'b'].map((id) => api.trainSweepPoint(id, {} as EngineSpec, data as never))
    await expect.poll(() => runners.started).toEqual(['a'])
    // One thread: 'b' waits for a runner while 'a' trains.
    await api.threads()
    expect(runners.started).toEqual(['a'])

    expect((await api.setThreads(2)).parallelRuns).toBe(2)
    await expect.poll(() => runners.started).toEqual(['a', 'b'])
    runners.finishAll()
    expect((await Promise.all(points)).map((r) => r.state)).toEqual(['finished', 'finished'])
    api.closeRunners()
    runners.close()
  })
})
