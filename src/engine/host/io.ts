import type { EngineEvent, SnapshotAnswer } from './events'

/** What a host gives the engine: an event channel and a way to let queued messages in. */
export interface EngineHostIo {
  /**
   * Send an event; `transfer` lists the buffers that may be moved instead of copied. The
   * promise settles when the receiver has taken it, which gives natural back-pressure, with the
   * receiver's answer when it gives one.
   */
  emit(event: EngineEvent, transfer: ArrayBuffer[]): Promise<void | SnapshotAnswer>
  /** Resolve after the host has processed pending messages (e.g. a `cancel` call). */
  yieldToHost(): Promise<void>
}

/** Run ids that were asked to stop; long-running calls poll it between steps. */
export interface Cancellation {
  isCancelled(runId: string): boolean
  /** Forget the id; returns whether it had been cancelled. */
  clear(runId: string): boolean
}
