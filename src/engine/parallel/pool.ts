/**
 * The session thread's side of data-parallel training: a pool of helper threads over the
 * shared WebAssembly memory, and the team a session attaches to split its mini-batches.
 *
 * Threads: the session thread is thread 0 and computes the first share of every chunk itself;
 * helper t (1 … threads − 1) the t-th. Gradients are added in that fixed order, so a run is
 * deterministic for a given thread count (and agrees with one thread to float32 rounding).
 */
import type { WasmGemm } from '../kernels/wasmGemm'
import type { Network } from '../nn/network'
import { Cmd, Ctl, CtlF, Flag, SLOT_FLOATS, SLOT_INTS, controlBytes, claimJob, claimReduction, controlViews, signal, stageStride, waitWhile, type HelperEndpoint, type HelperReply } from './protocol'
import { NOT_STAGED, type HelperBuffers } from './staging'
import { GradientTeam, type TeamPool } from './team'

/** How long a session waits for a helper (a lost helper must not hang training forever). */
const HELPER_TIMEOUT_MS = 60_000

export class GradientPool implements TeamPool {
  /** Threads a new session uses (1 = the session thread alone). */
  private active: number
  private readonly ints: Int32Array
  private readonly floats: Float64Array
  private attachCount = 0
  private current: GradientTeam | null = null
  /** Chunks computed on several threads since the pool started (all sessions). */
  splitChunks = 0

  constructor(
    private readonly kernel: WasmGemm,
    private readonly helpers: HelperEndpoint[],
    control: SharedArrayBuffer,
  ) {
    // The control block is laid out for the threads the helpers were started with.
    const views = controlViews(control, helpers.length + 1)
    this.ints = views.ints
    this.floats = views.floats
    this.active = helpers.length + 1
  }

  /** The most threads this pool can run (the session thread and every helper). */
  get maxThreads(): number {
    return this.helpers.length + 1
  }

  /** Threads new sessions will use. */
  get threads(): number {
    return this.active
  }

  /** Set the threads of sessions created from now on (clamped to 1 … maxThreads). */
  setThreads(threads: number): number {
    this.active = Math.max(1, Math.min(this.maxThreads, Math.floor(threads)))
    return this.active
  }

  /**
   * Attach a session's network: each helper builds its replica (blocking until all report). The
   * team attached before loses its helpers (its session goes on with one thread). Null with one
   * thread, or when a helper could not build its replica.
   */
  attach(network: Network): GradientTeam | null {
    this.detach()
    const helperCount = this.active - 1
    if (helperCount < 1 || !this.kernel.owns(network.params as Float32Array)) return null
    const attachId = ++this.attachCount
    for (let t = 1; t <= helperCount; t++) {
      Atomics.store(this.ints, t * SLOT_INTS + Ctl.Attached, 0)
      this.helpers[t - 1].postMessage({
        type: 'attach',
        attachId,
        model: network.model,
        capacity: network.capacity,
        paramsOffset: network.params.byteOffset,
        paramsLength: network.params.length,
        gradsOffset: network.grads.byteOffset,
      })
    }
    // Every helper answers (built, or failed); those that built wait in their job loop.
    const buffers: HelperBuffers[] = []
    const attached: number[] = []
    for (let t = 1; t <= helperCount; t++) {
      const slot = t * SLOT_INTS
      if (!waitWhile(this.ints, slot + Ctl.Attached, 0, slot + Ctl.SessionSleeps, HELPER_TIMEOUT_MS)) throw helperTimeout(t)
      if (Atomics.load(this.ints, slot + Ctl.Attached) !== attachId) continue
      attached.push(t)
      buffers.push(this.helperBuffers(slot, network))
    }
    this.current = new GradientTeam(this, network, buffers, attached)
    if (attached.length < helperCount) {
      this.detach()
      return null
    }
    return this.current
  }

  /** Send attached helpers back to waiting for a new network. */
  detach(): void {
    const team = this.current
    if (!team) return
    this.current = null
    for (const t of team.attached) this.post(t, Cmd.Detach, 0, 0)
    for (const t of team.attached) this.awaitDone(t)
  }

  /** Whether `team` still holds the helpers. */
  holds(team: GradientTeam): boolean {
    return this.current === team
  }

  /**
   * Post a job (or a command) to helper t; a staged job's rows are in staging buffer `stage`;
   * with `reduce` the helper adds its gradient into the session's itself (see `Flag.Reduce`).
   */
  post(t: number, cmd: number, rows: number, scale: number, stage = NOT_STAGED, inputScale = 1, reduce = false): void {
    const slot = t * SLOT_INTS
    const fslot = t * SLOT_FLOATS
    this.ints[slot + Ctl.Cmd] = cmd
    this.ints[slot + Ctl.Rows] = rows
    this.ints[slot + Ctl.Flags] = (stage === NOT_STAGED ? 0 : Flag.Staged) | (reduce ? Flag.Reduce : 0)
    this.ints[slot + Ctl.StageBuffer] = Math.max(0, stage)
    this.floats[fslot + CtlF.Scale] = scale
    this.floats[fslot + CtlF.InputScale] = inputScale
    signal(this.ints, slot + Ctl.Seq, Atomics.load(this.ints, slot + Ctl.Seq) + 1, slot + Ctl.HelperSleeps)
  }

  /** Take helper t's last job back if it has not started it (the session then computes it). */
  claim(t: number): boolean {
    const slot = t * SLOT_INTS
    return claimJob(this.ints, slot, Atomics.load(this.ints, slot + Ctl.Seq))
  }

  /** The session's own share is done: helper t may add the gradient of its last job into the session's. */
  reductionReady(t: number): void {
    const slot = t * SLOT_INTS
    Atomics.store(this.ints, slot + Ctl.ReduceGo, Atomics.load(this.ints, slot + Ctl.Seq))
  }

  /** Claim the reduction of helper t's last job for the session; false if the helper has claimed it. */
  claimReduction(t: number): boolean {
    const slot = t * SLOT_INTS
    return claimReduction(this.ints, slot, Atomics.load(this.ints, slot + Ctl.Seq))
  }

  /** Wait until helper t has added the gradient of its last job into the session's. */
  awaitReduction(t: number): void {
    const slot = t * SLOT_INTS
    const seq = Atomics.load(this.ints, slot + Ctl.Seq)
    for (let done = Atomics.load(this.ints, slot + Ctl.ReduceDone); done !== seq; done = Atomics.load(this.ints, slot + Ctl.ReduceDone)) {
      if (!waitWhile(this.ints, slot + Ctl.ReduceDone, done, slot + Ctl.SessionSleeps, HELPER_TIMEOUT_MS)) throw helperTimeout(t)
    }
  }

  /** Wait for helper t's last job; returns its loss. */
  awaitDone(t: number): number {
    const slot = t * SLOT_INTS
    const seq = Atomics.load(this.ints, slot + Ctl.Seq)
    for (let done = Atomics.load(this.ints, slot + Ctl.Done); done !== seq; done = Atomics.load(this.ints, slot + Ctl.Done)) {
      if (!waitWhile(this.ints, slot + Ctl.Done, done, slot + Ctl.SessionSleeps, HELPER_TIMEOUT_MS)) throw helperTimeout(t)
    }
    return this.floats[t * SLOT_FLOATS + CtlF.Loss]
  }

  /** Stop every helper (the pool cannot be used afterwards). */
  close(): void {
    this.detach()
    for (const h of this.helpers) h.terminate()
    this.helpers.length = 0
    this.active = 1
  }

  private helperBuffers(slot: number, network: Network): HelperBuffers {
    const view = (ctl: number, length: number) => this.kernel.view(this.ints[slot + ctl], length)
    const cap = network.capacity
    const stageAt = this.ints[slot + Ctl.StageOffset]
    const targetsAt = this.ints[slot + Ctl.StagedTargetsOffset]
    const stride = stageStride(cap, network.inputSize)
    const stage = (b: number) => new Uint8Array(this.kernel.view(0, 0).buffer, stageAt + b * stride, cap * network.inputSize)
    const targets = (b: number) => this.kernel.view(targetsAt + b * cap * network.outputSize * 4, cap * network.outputSize)
    const staged = stageAt !== 0 && targetsAt !== 0
    return {
      X: view(Ctl.XOffset, cap * network.inputSize),
      T: view(Ctl.TOffset, cap * network.outputSize),
      out: view(Ctl.OutOffset, cap * network.outputSize),
      grads: view(Ctl.GradsOffset, network.grads.length),
      stages: staged ? [stage(0), stage(1)] : null,
      stagedTargets: staged ? [targets(0), targets(1)] : null,
    }
  }
}

function helperTimeout(t: number): Error {
  return new Error(`Training helper thread ${t} did not answer within ${HELPER_TIMEOUT_MS / 1000} s.`)
}

/** A helper's first reply: ready, or failed (the host turns a helper that did not load into one). */
function helperReady(endpoint: HelperEndpoint): Promise<HelperReply> {
  return new Promise((resolve) => endpoint.onReply(resolve))
}

export interface PoolOptions {
  /** Threads wanted, the session thread included (at most what the kernel's memory is laid out for). */
  threads: number
  /** Start helper thread t (1 … threads − 1): a Worker running `serveGradientHelper`. */
  spawn: (thread: number) => HelperEndpoint
}

/**
 * Start the helpers of a pool over the installed kernel's shared memory. Resolves null where the
 * kernel's memory is not shared (one thread, or no SharedArrayBuffer) or no helper could start;
 * otherwise a pool of the helpers that started (in order).
 */
export async function startGradientPool(kernel: WasmGemm | null, options: PoolOptions): Promise<GradientPool | null> {
  if (!kernel || kernel.layout.threads < 2) return null
  const threads = Math.min(options.threads, kernel.layout.threads)
  if (threads < 2) return null
  const control = new SharedArrayBuffer(controlBytes(threads))
  const fma = kernel.stats().variant === 'relaxed'
  const endpoints: HelperEndpoint[] = []
  for (let t = 1; t < threads; t++) endpoints.push(options.spawn(t))
  const replies = await Promise.all(
    endpoints.map((endpoint, i) => {
      const ready = helperReady(endpoint)
      endpoint.postMessage({ type: 'init', memory: kernel.memory, control, thread: i + 1, threads, fma })
      return ready
    }),
  )
  const firstFailed = replies.findIndex((r) => r.type !== 'ready')
  const started = firstFailed < 0 ? endpoints.length : firstFailed
  for (const endpoint of endpoints.slice(started)) endpoint.terminate()
  if (started === 0) return null
  return new GradientPool(kernel, endpoints.slice(0, started), control)
}
