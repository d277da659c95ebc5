import { afterEach, describe, expect, it } from 'vitest'
import { startEngineWorker, type NodeEngine } from './startEngineWorker'
import type { StreamDemoEvent } from '../events'
import { ENGINE_VERSION } from '../../version'

describe('engine in worker_threads over Comlink', () => {
  let host: NodeEngine | undefined
  afterEach(async () => {
    await host?.close()
    host = undefined
  })

  it('answers its version', async () => {
    host = startEngineWorker(() => {})
    expect(await host.engine.version()).toBe(ENGINE_VERSION)
    // The default build, relaxed SIMD: Node ≥ 22 runs it, and the worker sets Node 20's flag for it.
    expect(await host.engine.kernel()).toBe('wasm-relaxed-simd')
  })

  it('streams 150 events, each with a transferred Float32Array', async () => {
    const events: StreamDemoEvent[] = []
    host = startEngineWorker((event) => void (event.kind === 'streamDemo' && events.push(event)))
    const summary = await host.engine.streamDemo('run-1', { count: 150, length: 64 })
    expect(summary).toEqual({ runId: 'run-1', status: 'finished', emitted: 150, transferred: 150 })
    expect(events).toHaveLength(150)
    events.forEach((event, index) => {
      expect(event.index).toBe(index)
      expect(event.data).toBeInstanceOf(Float32Array)
      expect(event.data).toHaveLength(64)
      expect(event.data[32]).toBeCloseTo(index + 0.5, 5)
    })
  })

  it('stops a stream mid-way when cancelled', async () => {
    const events: StreamDemoEvent[] = []
    host = startEngineWorker((event) => {
      if (event.kind !== 'streamDemo') return
      events.push(event)
      if (event.index === 40) void host!.engine.cancel('run-2')
    })
    const summary = await host.engine.streamDemo('run-2', { count: 10_000, length: 16 })
    expect(summary.status).toBe('cancelled')
    expect(summary.emitted).toBeGreaterThan(40)
    expect(summary.emitted).toBeLessThan(60)
    expect(events).toHaveLength(summary.emitted)
  })

  it('rejects bad arguments with a clear error', async () => {
    host = startEngineWorker(() => {})
    await expect(host.engine.streamDemo('run-3', { count: -1, length: 4 })).rejects.toThrow(/count must be/)
  })
})
