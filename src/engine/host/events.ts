/**
 * Events the engine streams to whoever started a run (the canvas, the CLI, a test).
 *
 * Every event names its run, so a late event from a cancelled run can be told apart from the
 * current one. Typed arrays inside events are transferred where the transport allows it
 * (Web Worker, worker_threads) and copied where it does not (Electron's MessagePortMain).
 */
import type { TrainSnapshot } from './trainingTypes'

/** One progress event of the streaming demo: proves the transport before training exists. */
export interface StreamDemoEvent {
  kind: 'streamDemo'
  runId: string
  index: number
  /** Deterministic payload: data[i] = index + i / length. */
  data: Float32Array
}

/** A training run's state, streamed throttled and latest-wins (see host/trainingRun.ts). */
export interface TrainSnapshotEvent {
  kind: 'trainSnapshot'
  snapshot: TrainSnapshot
}

export type EngineEvent = StreamDemoEvent | TrainSnapshotEvent

/**
 * What the receiver may answer to a snapshot sent at full speed: whether the run's next snapshot
 * should carry the payloads of the live views on screen (`viewsDue`), or only the run's state and
 * histories (curve points, epochs, gradient norms), which every snapshot carries. The page leaves
 * the views out while its drawing budget is spent (`training/drawingBudget.ts`), so the engine does
 * not compute what would not be drawn. No answer (the CLI, tests) means they are due; snapshots
 * not sent at full speed (a pause, a step, the end, watchable speed) always carry them.
 */
export interface SnapshotAnswer {
  viewsDue: boolean
}

/** The receiving side of the event channel, exposed by the UI (or CLI, or test). */
export interface EngineEventSink {
  receive(event: EngineEvent): void | SnapshotAnswer | Promise<void | SnapshotAnswer>
}

/** How a run ended. */
export interface RunSummary {
  runId: string
  status: 'finished' | 'cancelled'
  /** Events emitted before the run ended. */
  emitted: number
  /**
   * Events whose payload buffer was moved to the receiver rather than copied (its buffer is
   * detached on the engine side after sending). Equals `emitted` over Web Worker and
   * worker_threads; 0 over Electron's MessagePortMain, which copies typed arrays.
   */
  transferred: number
}
