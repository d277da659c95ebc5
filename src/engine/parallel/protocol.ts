/**
 * How the session thread and its data-parallel helper threads talk.
 *
 * Set-up goes by message (`HelperMessage`): `init` hands a helper the shared WebAssembly memory
 * and the control block, `attach` the model whose replica it builds. From then on every job is
 * a few numbers in the control block (a SharedArrayBuffer), signalled with Atomics, because a
 * mini-batch is too short for a message round trip:
 *
 *   session: stage rows and scale, bump SEQ, notify    helper: wake on SEQ (bytes → floats if
 *   session: its own rows meanwhile                             staged), forward/backward over
 *   session: wait until DONE = SEQ, add the helper's           its rows, write LOSS, DONE = SEQ,
 *            gradient (helpers in a fixed order)               notify
 *
 * The first helper adds its own gradient into the session's (`Flag.Reduce`) as soon as both are
 * complete, while the session stages the next rows; either side may do it, whichever claims it.
 *
 * The helper's replica is built over the session's parameters in the shared memory (the session
 * changes them only between jobs), so no job copies them.
 *
 * Image rows (bytes with one scale) are staged as bytes, so the session only copies them and the
 * helper converts its rows itself (one call for the whole share); there are two staging buffers,
 * so the session can copy the next job's rows while the helper computes this one (`staging.ts`).
 * Other datasets are read into the helper's X by the session. Each side spins a little before it sleeps in `Atomics.wait`,
 * since the other usually answers within microseconds (a futex sleep and wake costs more).
 * A job is claimed before it is run (`Ctl.Claim`): on a busy machine a helper may not get a
 * core in time, and the session then computes its share itself rather than wait.
 */

/** Int32 slots per helper in the control block (helper t uses [t·SLOT_INTS, (t+1)·SLOT_INTS)). */
export const SLOT_INTS = 20
/** Float64 slots per helper (in the same buffer, after all the Int32 slots). */
export const SLOT_FLOATS = 4

/** Int32 slot indices within a helper's slot. */
export const Ctl = {
  /** Job counter: the session bumps it to post a job (or a command). */
  Seq: 0,
  /** What the job is: `Cmd.Run`, `Cmd.Evaluate` or `Cmd.Detach`. */
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
  /**
   * Byte offset of the helper's two staging buffers for input bytes (0: none), written at attach:
   * buffer b starts `b·stageStride(…)` bytes further.
   */
  StageOffset: 9,
  /** `Flag` bits of the job. */
  Flags: 10,
  /**
   * The last job claimed (compare-and-swap from Seq − 1 to Seq): by the helper when it wakes, or
   * by the session when its own share is done and the helper has not started (then the session
   * computes that share itself, with the same arithmetic and so the same bits).
   */
  Claim: 11,
  /** 1 while the helper sleeps in `Atomics.wait` for the next job (only then is it notified). */
  HelperSleeps: 12,
  /** 1 while the session sleeps in `Atomics.wait` for this helper's answer. */
  SessionSleeps: 13,
  /** Byte offset of the targets of the two staging buffers ([2][capacity×outputSize] floats), written at attach. */
  StagedTargetsOffset: 14,
  /** Which staging buffer (0 or 1) a staged job's rows are in. */
  StageBuffer: 15,
  /**
   * The reduction of a `Flag.Reduce` job (adding the helper's gradient into the session's): the
   * session sets ReduceGo to the job's Seq once its own share's gradient is complete; the
   * reduction is claimed like a job (`claimReduction`: by the helper right after its job, or by
   * the session if the helper has not started it), and ReduceDone is set to Seq when it is done.
   */
  ReduceGo: 16,
  ReduceClaim: 17,
  ReduceDone: 18,
} as const

/** Bytes from one staging buffer to the next: the rows' bytes, rounded up to 16. */
export function stageStride(capacity: number, inputSize: number): number {
  return Math.ceil((capacity * inputSize) / 16) * 16
}

/** Float64 slot indices within a helper's slot. */
export const CtlF = {
  /** The gradient scale (1/|B| for mean reduction). */
  Scale: 0,
  /** The summed loss of the helper's rows (NaN if the job failed). */
  Loss: 1,
  /** The scale of staged input bytes (`datasetByteScale` of the dataset). */
  InputScale: 2,
} as const

/** Run: forward and backward (a gradient); Evaluate: forward and loss only; Detach: leave the job loop. */
export const Cmd = { Run: 1, Detach: 2, Evaluate: 3 } as const

/** Job flags. */
export const Flag = {
  /**
   * The job's input rows are bytes in staging buffer `Ctl.StageBuffer`, their targets beside
   * them: the helper converts the rows into its X and copies the targets into its T.
   */
  Staged: 1,
  /**
   * Training job of the first helper: once its gradient is done and the session's own share is,
   * the helper adds its gradient into the session's itself (same arithmetic, same bits), while
   * the session stages the next rows.
   */
  Reduce: 2,
} as const

/** Claim job `seq` in slot `base` (for the helper or the session); false if the other side has. */
export function claimJob(ints: Int32Array, base: number, seq: number): boolean {
  return Atomics.compareExchange(ints, base + Ctl.Claim, seq - 1, seq) === seq - 1
}

/** Claim the reduction of job `seq` in slot `base` (for the helper or the session); false if the other side has. */
export function claimReduction(ints: Int32Array, base: number, seq: number): boolean {
  const last = Atomics.load(ints, base + Ctl.ReduceClaim)
  return last !== seq && Atomics.compareExchange(ints, base + Ctl.ReduceClaim, last, seq) === last
}

/**
 * The helper's side of a `Flag.Reduce` job's reduction, right after the job: wait for ReduceGo
 * (the session's own share is done), claim the reduction, `add` the gradient, set ReduceDone.
 * It only spins (`SPIN_CHECKS`), never sleeps: a helper asleep here would be late for its next
 * job, and the session does the reduction itself when the helper has not claimed it. Returns
 * whether this helper did it.
 */
export function helperReduction(ints: Int32Array, base: number, seq: number, add: () => void): boolean {
  for (let i = 0; i < SPIN_CHECKS; i++) {
    if (Atomics.load(ints, base + Ctl.ReduceGo) !== seq) continue
    if (!claimReduction(ints, base, seq)) return false
    add()
    signal(ints, base + Ctl.ReduceDone, seq, base + Ctl.SessionSleeps)
    return true
  }
  return false
}

/**
 * How many times a thread checks for its partner's answer before it sleeps in `Atomics.wait`:
 * 0.2–0.5 ms (a check costs 10–25 ns in V8), about the gap between a helper's jobs (the
 * session's update and metrics). Five times as many kept the helper awake between nearly all
 * jobs but gained no wall time on Task F (bench/README.md, round 3). Waking a thread that sleeps can
 * cost far more: on the busy 2-core VM of bench/README.md (load 12), `Atomics.notify` of a
 * sleeping helper took 1–2 ms of the session's wall time (likely the woken thread taking its core).
 */
export const SPIN_CHECKS = 20_000

/**
 * Wait while ints[index] holds `value`: spin up to `SPIN_CHECKS` loads, then sleep, with
 * ints[sleeps] = 1 meanwhile so the other side knows to notify (`signal`). Returns false if
 * `timeoutMs` passed in the sleep (the partner did not answer).
 */
export function waitWhile(ints: Int32Array, index: number, value: number, sleeps: number, timeoutMs = Infinity): boolean {
  for (let i = 0; i < SPIN_CHECKS; i++) if (Atomics.load(ints, index) !== value) return true
  // Announce the sleep before the last check (inside Atomics.wait): a signal stored after it is seen.
  Atomics.store(ints, sleeps, 1)
  try {
    while (Atomics.load(ints, index) === value) {
      if (Atomics.wait(ints, index, value, timeoutMs) === 'timed-out') return false
    }
    return true
  } finally {
    Atomics.store(ints, sleeps, 0)
  }
}

/**
 * Store `value` at ints[index] and wake the other side only if it sleeps: its store of
 * ints[sleeps] = 1 and this store are sequentially consistent, so either it sees the value
 * before sleeping or this sees it sleeping.
 */
export function signal(ints: Int32Array, index: number, value: number, sleeps: number): void {
  Atomics.store(ints, index, value)
  if (Atomics.load(ints, sleeps)) Atomics.notify(ints, index)
}

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
  /** Where the session's flat parameters and gradient lie in the shared memory (same length). */
  paramsOffset: number
  paramsLength: number
  gradsOffset: number
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
