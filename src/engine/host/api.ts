/**
 * The engine's RPC surface: one typed `EngineApi`, the same in every host (Electron utility
 * process, Web Worker, worker_threads). Hosts expose the object made by `createEngineApi` over
 * Comlink and hand it an `EngineHostIo` that knows how to emit events and yield to the host's
 * event loop; the engine itself stays free of transports and timers.
 */
import { ENGINE_VERSION } from '../version'
import type { EngineEvent, RunSummary } from './events'

/** What a host gives the engine: an event channel and a way to let queued messages in. */
export interface EngineHostIo {
  /**
   * Send an event; `transfer` lists the buffers that may be moved instead of copied. The
   * promise settles when the receiver has taken it, which gives natural back-pressure.
   */
  emit(event: EngineEvent, transfer: ArrayBuffer[]): Promise<void>
  /** Resolve after the host has processed pending messages (e.g. a `cancel` call). */
  yieldToHost(): Promise<void>
}

export interface StreamDemoOptions {
  /** Number of events to emit. */
  count: number
  /** Float32 elements per event. */
  length: number
}

export interface EngineApi {
  /** The engine's version string. */
  version(): string
  /**
   * Stream `count` events, each carrying a fresh `Float32Array`, to the event sink.
   * Resolves when all were received or the run was cancelled.
   */
  streamDemo(runId: string, options: StreamDemoOptions): Promise<RunSummary>
  /** Ask a running call to stop at its next event boundary. Unknown ids are ignored. */
  cancel(runId: string): void
}

export function createEngineApi(io: EngineHostIo): EngineApi {
  const cancelled = new Set<string>()

  return {
    version: () => ENGINE_VERSION,

    async streamDemo(runId, { count, length }) {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`)
      if (!Number.isInteger(length) || length < 0) throw new RangeError(`length must be a non-negative integer, got ${length}`)
      cancelled.delete(runId)
      let emitted = 0
      let transferred = 0
      for (let index = 0; index < count; index++) {
        // Let a pending cancel() in before doing more work.
        await io.yieldToHost()
        if (cancelled.has(runId)) break
        const data = new Float32Array(length)
        for (let i = 0; i < length; i++) data[i] = index + i / length
        await io.emit({ kind: 'streamDemo', runId, index, data }, [data.buffer])
        emitted++
        if (data.byteLength === 0 && length > 0) transferred++
      }
      const status = cancelled.delete(runId) ? 'cancelled' : 'finished'
      return { runId, status, emitted, transferred }
    },

    cancel(runId) {
      cancelled.add(runId)
    },
  }
}
