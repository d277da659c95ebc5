/**
 * How the session thread and its data-parallel helper threads talk.
 *
 * Set-up goes by message (`HelperMessage`): `init` hands a helper the shared WebAssembly memory
 * and the control block, `attach` the model whose replica it builds. From then on every job is
 * a few numbers in the control block (a SharedArrayBuffer), signalled with Atomics, because a
 * mini-batch is too short for a message round trip:
 *
 *   session: write rows and scale, bump SEQ, notify      helper: wake on SEQ, copy the
 *   session: its own rows meanwhile                               parameters, forward/backward
 *   session: wait until DONE = SEQ, add the helper's             over its rows, write LOSS,
 *            gradient (helpers in a fixed order)                 DONE = SEQ, notify
 */

/** Int32 slots per helper in the control block (helper t uses [t·SLOT_INTS, (t+1)·SLOT_INTS)). */
export const SLOT_INTS = 16
/** Float64 slots per helper (in the same buffer, after all the Int32 slots). */
export const SLOT_FLOATS = 4

/** Int32 slot indices within a helper's slot. */
export const Ctl = {
  /** Job counter: the session bumps it to post a job (or a command). */
  Seq: 0,
  /** What the job is: `Cmd.Run` or `Cmd.Detach`. */
  Cmd: 1,
  /** Rows of the job (the helper's rows start at 0 of its own X and T). */
  Rows: 2,
  /** The helper sets it to Seq when the job is done. */
  Done: 3,
  /** The attach handshake: the helper sets it to the attach id (negative: attach failed). */
  Attached: 4,
  /** Byte offsets of the replica's buffers in the shared memory, written at attach. */
  XOffset: 5,
  TOffset: 6,
  OutOffset: 7,
  GradsOffset: 8,
} as const

/** Float64 slot indices within a helper's slot. */
export const CtlF = {
  /** The gradient scale (1/|B| for mean reduction). */
  Scale: 0,
  /** The summed loss of the helper's rows (NaN if the job failed). */
  Loss: 1,
} as const

export const Cmd = { Run: 1, Detach: 2 } as const

/** Bytes of the control block for `threads` threads (slot 0, the session's, is unused). */
export function controlBytes(threads: number): number {
  return threads * (SLOT_INTS * 4 + SLOT_FLOATS * 8)
}

/** The Int32 and Float64 views of a control block. */
export function controlViews(control: SharedArrayBuffer, threads: number): { ints: Int32Array; floats: Float64Array } {
  const intBytes = threads * SLOT_INTS * 4
  return { ints: new Int32Array(control, 0, threads * SLOT_INTS), floats: new Float64Array(control, intBytes, threads * SLOT_FLOATS) }
}

export interface InitMessage {
  type: 'init'
  /** The session thread's shared WebAssembly.Memory. */
  memory: unknown
  control: SharedArrayBuffer
  /** This helper's thread number (1 … threads − 1) and the memory's thread count. */
  thread: number
  threads: number
  fma: boolean
}

export interface AttachMessage {
  type: 'attach'
  attachId: number
  /** The model (float32, dense layers only) and the rows its buffers hold. */
  model: import('../spec').ModelSpec
  capacity: number
  /** Where the session's flat parameters lie in the shared memory. */
  paramsOffset: number
  paramsLength: number
}

export type HelperMessage = InitMessage | AttachMessage

/** What a helper posts back after `init`. */
export type HelperReply = { type: 'ready' } | { type: 'failed'; message: string }

/** The part of a Worker (Web or worker_threads, adapted) the pool needs. */
export interface HelperEndpoint {
  postMessage(message: HelperMessage): void
  /** Replies, and failures of the helper itself (a script that did not load, a crash). */
  onReply(listener: (reply: HelperReply) => void): void
  terminate(): void
}

/** The helper's side of its endpoint: its own `postMessage` and incoming messages. */
export interface HelperScope {
  postMessage(reply: HelperReply): void
  onMessage(listener: (message: HelperMessage) => void): void
}
