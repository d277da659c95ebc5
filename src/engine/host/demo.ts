/**
 * The streaming self-check: proves the event channel (≥ 100 events with typed arrays,
 * back-pressure, cancellation) in every host, independent of training.
 */
import type { Cancellation, EngineHostIo } from './io'
import type { RunSummary } from './events'

export interface StreamDemoOptions {
  /** Number of events to emit. */
  count: number
  /** Float32 elements per event. */
  length: number
}

export interface DemoApi {
  /**
   * Stream `count` events, each carrying a fresh `Float32Array`, to the event sink.
   * Resolves when all were received or the run was cancelled.
   */
  streamDemo(runId: string, options: StreamDemoOptions): Promise<RunSummary>
}

export function createDemoApi(io: EngineHostIo, cancellation: Cancellation): DemoApi {
  return {
    async streamDemo(runId, { count, length }) {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`)
      if (!Number.isInteger(length) || length < 0) throw new RangeError(`length must be a non-negative integer, got ${length}`)
      cancellation.clear(runId)
      let emitted = 0
      let transferred = 0
      for (let index = 0; index < count; index++) {
        // Let a pending cancel() in before doing more work.
        await io.yieldToHost()
        if (cancellation.isCancelled(runId)) break
        const data = new Float32Array(length)
        for (let i = 0; i < length; i++) data[i] = index + i / length
        await io.emit({ kind: 'streamDemo', runId, index, data }, [data.buffer])
        emitted++
        // A moved buffer is detached on this side: that is how we know it was not copied.
        if (data.byteLength === 0 && length > 0) transferred++
      }
      const status = cancellation.clear(runId) ? 'cancelled' : 'finished'
      return { runId, status, emitted, transferred }
    },
  }
}
