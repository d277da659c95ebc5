/**
 * A session's network with the pool's helpers attached: splits a chunk of rows across the
 * threads, for training (gradients added in thread order) or evaluation (outputs and losses
 * reported in thread order), so results are deterministic for a given thread count.
 */
import type { Dataset } from '../spec'
import { axpy, zeroFloats } from '../kernels/gemm'
import { datasetReadBatch } from '../train/batchRows'
import { datasetByteScale } from '../data/datasetRows'
import { networkBackward, networkForward, networkLossAndDelta, networkOutput, type Network } from '../nn/network'
import { Cmd } from './protocol'
import { HelperStaging, type HelperBuffers } from './staging'

/** What the team needs of its pool: posting jobs and waiting for them. */
export interface TeamPool {
  /** Post a job to helper t; a staged job's rows are in staging buffer `stage` (see staging.ts). */
  post(t: number, cmd: number, rows: number, scale: number, stage?: number, inputScale?: number, reduce?: boolean): void
  /** The session's own share is done: helper t may add its gradient into the session's (a `reduce` job). */
  reductionReady(t: number): void
  /** Claim a `reduce` job's reduction for the session; false if helper t has claimed it. */
  claimReduction(t: number): boolean
  awaitReduction(t: number): void
  /** Take back helper t's last job if it has not started it. */
  claim(t: number): boolean
  awaitDone(t: number): number
  holds(team: GradientTeam): boolean
  splitChunks: number
}

/**
 * The session thread's share of a chunk relative to an even one. Besides its rows it stages the
 * helpers' rows, adds their gradients and applies the update: with even shares it ran ~1.2× a
 * helper's work per epoch (bench/README.md, "Two threads, round 2"), so it takes 10 % fewer rows.
 */
export const SESSION_SHARE = 0.9

/**
 * Rows a chunk is split into, the session thread's first: it takes `SESSION_SHARE` of an even
 * share (at least one row), the helpers the rest as evenly as possible, the first ones one longer.
 */
export function splitRows(rows: number, threads: number): number[] {
  if (threads <= 1) return [rows]
  const first = Math.min(rows, Math.max(1, Math.floor((rows / threads) * SESSION_SHARE)))
  const rest = rows - first
  const base = Math.floor(rest / (threads - 1))
  const extra = rest % (threads - 1)
  return [first, ...Array.from({ length: threads - 1 }, (_, t) => base + (t < extra ? 1 : 0))]
}

/** What a chunk reports for each share of rows, in thread order (for the running metrics). */
export type ShareReport = (loss: number, rows: number, out: Float32Array, T: Float32Array) => void

export class GradientTeam {
  /** Shares the session thread computed for a helper that had not started them (a busy machine). */
  sharesTakenBack = 0
  /** Reductions the first helper did itself (the others were done on the session thread). */
  helperReductions = 0
  /** The gradient so far while this thread computes a helper's share (allocated when first needed). */
  private held: Float32Array | null = null
  /** Each helper's staging buffers. */
  private readonly staging: HelperStaging[]

  constructor(
    private readonly pool: TeamPool,
    private readonly network: Network,
    private readonly helpers: HelperBuffers[],
    /** The helper threads in this team, in order (1 … threads − 1 when all attached). */
    readonly attached: readonly number[],
  ) {
    this.staging = helpers.map((h) => new HelperStaging(h, network.capacity))
  }

  /** Threads this team computes with (the session's and its helpers'). */
  get threads(): number {
    return this.helpers.length + 1
  }

  /** Whether the team still has its helpers (another session may have taken them). */
  get usable(): boolean {
    return this.pool.holds(this)
  }

  /**
   * Forward and backward over rows [cursor, cursor+rows) of `order`, split across the threads;
   * adds scale·∂E/∂w of every row to the network's `grads`, in thread order. Returns the summed
   * loss (NaN or ±∞ if any share diverged); `report` receives each share's loss and outputs.
   */
  processChunk(train: Dataset, order: ArrayLike<number>, cursor: number, rows: number, scale: number, report: ShareReport): number {
    this.pool.splitChunks++
    return this.runShares(Cmd.Run, train, order, cursor, rows, scale, report)
  }

  /** Forward and loss only (evaluation mode) over rows [cursor, cursor+rows) of `indices`, split across the threads. */
  evaluateChunk(ds: Dataset, indices: ArrayLike<number>, cursor: number, rows: number, report: ShareReport): number {
    return this.runShares(Cmd.Evaluate, ds, indices, cursor, rows, 1, report)
  }

  private runShares(cmd: number, ds: Dataset, order: ArrayLike<number>, cursor: number, rows: number, scale: number, report: ShareReport): number {
    const nw = this.network
    const shares = splitRows(rows, this.threads)
    // Helpers first, so they work while this thread reads and computes its own share.
    let start = cursor + shares[0]
    for (let i = 0; i < this.helpers.length; i++) {
      const stage = this.staging[i].take(ds, order, start, shares[i + 1])
      // The first helper adds its gradient into this thread's itself (the others' are added here, after it).
      this.pool.post(this.attached[i], cmd, shares[i + 1], scale, stage, datasetByteScale(ds) ?? 1, cmd === Cmd.Run && i === 0)
      start += shares[i + 1]
    }
    datasetReadBatch(ds, order, cursor, shares[0], nw.X, nw.T)
    networkForward(nw, 0, shares[0], null)
    let total = networkLossAndDelta(nw, 0, shares[0])
    if (cmd === Cmd.Run && Number.isFinite(total)) networkBackward(nw, 0, shares[0], scale)
    if (cmd === Cmd.Run && this.helpers.length > 0) this.pool.reductionReady(this.attached[0])
    report(total, shares[0], networkOutput(nw) as Float32Array, nw.T as Float32Array)
    this.stageNextChunk(ds, order, cursor + rows, rows)
    start = cursor + shares[0]
    this.helpers.forEach((h, i) => {
      const t = this.attached[i]
      const rowsOf = shares[i + 1]
      if (this.pool.claim(t)) {
        total += this.shareHere(cmd, ds, order, start, rowsOf, scale, report)
      } else {
        const loss = this.pool.awaitDone(t)
        total += loss
        if (cmd === Cmd.Run) this.addGradient(i, h)
        report(loss, rowsOf, h.out, h.T)
      }
      start += rowsOf
    })
    return total
  }

  /**
   * Add helper i's gradient into this thread's: the first helper's is added by the helper itself
   * unless this thread claims the reduction first (the helper has not started it); same call,
   * same bits either way.
   */
  private addGradient(i: number, h: HelperBuffers): void {
    const nw = this.network
    const t = this.attached[i]
    if (i > 0 || this.pool.claimReduction(t)) {
      axpy(nw.grads.length, 1, h.grads, 0, nw.grads, 0)
      return
    }
    this.pool.awaitReduction(t)
    this.helperReductions++
  }

  /**
   * A helper's share computed on this thread, exactly as the helper would: its gradient from
   * zero (the gradient so far held aside), then added to the gradient so far, so the bits do not
   * depend on which thread computed it.
   */
  private shareHere(cmd: number, ds: Dataset, order: ArrayLike<number>, start: number, rows: number, scale: number, report: ShareReport): number {
    const nw = this.network
    const grads = nw.grads as Float32Array
    this.sharesTakenBack++
    datasetReadBatch(ds, order, start, rows, nw.X, nw.T)
    networkForward(nw, 0, rows, null)
    const loss = networkLossAndDelta(nw, 0, rows)
    if (cmd === Cmd.Run) {
      const held = (this.held ??= nw.alloc(grads.length) as Float32Array)
      held.set(grads)
      zeroFloats(grads)
      if (Number.isFinite(loss)) networkBackward(nw, 0, rows, scale)
      axpy(grads.length, 1, grads, 0, held, 0)
      grads.set(held)
    }
    report(loss, rows, networkOutput(nw) as Float32Array, nw.T as Float32Array)
    return loss
  }

  /**
   * Stage the helpers' rows of the chunk most likely next (as many rows from `next`) while they
   * compute this one; a helper's longer share leaves this thread the time.
   */
  private stageNextChunk(ds: Dataset, order: ArrayLike<number>, next: number, rows: number): void {
    const nextRows = Math.min(rows, order.length - next)
    if (nextRows <= 0) return
    const shares = splitRows(nextRows, this.threads)
    let start = next + shares[0]
    for (let i = 0; i < this.helpers.length; i++) {
      this.staging[i].stageAhead(ds, order, start, shares[i + 1])
      start += shares[i + 1]
    }
  }
}
