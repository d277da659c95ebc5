/**
 * Staging a helper's rows, and staging them ahead. Image rows (bytes with one scale) reach a
 * helper as bytes in one of its two staging buffers, with their targets beside them; it converts
 * them into its X and copies the targets into its T itself. While the helper computes one job
 * from one buffer, the session thread copies the rows the helper will most likely get next (the
 * next chunk's share) into the other, in the time its shorter share leaves it, so the next job
 * starts without waiting for the copy. A job whose rows were staged ahead is checked row by row
 * against what it needs (another epoch's order, another dataset or a shorter chunk are copied
 * anew), so it always computes exactly the rows it is given.
 */
import type { Dataset } from '../spec'
import { datasetReadTarget, datasetRowsAreScaledBytes } from '../data/datasetRows'
import { datasetReadBatch } from '../train/batchRows'

/** A helper's buffers in the shared memory, as the session thread sees them. */
export interface HelperBuffers {
  X: Float32Array
  T: Float32Array
  out: Float32Array
  grads: Float32Array
  /** Two staging buffers of input bytes [capacity×inputSize] (null: the session reads rows into X). */
  stages: readonly [Uint8Array, Uint8Array] | null
  /** The targets of each staging buffer's rows [capacity×outputSize]. */
  stagedTargets: readonly [Float32Array, Float32Array] | null
}

/** What the buffer staged ahead holds: `rows` rows of `ds` (their indices in `HelperStaging.aheadIds`). */
interface Staged {
  ds: Dataset
  rows: number
}

/** Which staging buffer a job reads (`NOT_STAGED`: its rows are in the helper's X already). */
export const NOT_STAGED = -1

export class HelperStaging {
  /** The buffer of the job posted last. */
  private current = 0
  /** What was staged ahead into the other buffer, if anything. */
  private ahead: Staged | null = null
  private readonly aheadIds: Int32Array

  constructor(
    private readonly h: HelperBuffers,
    capacity: number,
  ) {
    this.aheadIds = new Int32Array(capacity)
  }

  /**
   * Give the helper rows [start, start+rows) of `order` for the job about to be posted: the
   * staging buffer that holds them (staged ahead, or copied now), or `NOT_STAGED` when they are
   * not image bytes and were read into its X here.
   */
  take(ds: Dataset, order: ArrayLike<number>, start: number, rows: number): number {
    if (!this.h.stages || !datasetRowsAreScaledBytes(ds)) {
      datasetReadBatch(ds, order, start, rows, this.h.X, this.h.T)
      return NOT_STAGED
    }
    const other = 1 - this.current
    const ahead = this.ahead
    this.ahead = null
    if (!ahead || !this.holds(ahead, ds, order, start, rows)) this.copy(other, ds, order, start, rows)
    this.current = other
    return other
  }

  /**
   * Copy rows [start, start+rows) of `order` into the buffer the posted job does not read, for
   * the job the helper most likely gets next. Only image bytes are staged ahead.
   */
  stageAhead(ds: Dataset, order: ArrayLike<number>, start: number, rows: number): void {
    if (!this.h.stages || !datasetRowsAreScaledBytes(ds) || rows <= 0 || start + rows > order.length) return
    if (rows > this.aheadIds.length) return
    this.copy(1 - this.current, ds, order, start, rows)
    for (let r = 0; r < rows; r++) this.aheadIds[r] = order[start + r]
    this.ahead = { ds, rows }
  }

  /** Whether `staged` holds exactly rows [start, start+rows) of `order` of `ds`. */
  private holds(staged: Staged, ds: Dataset, order: ArrayLike<number>, start: number, rows: number): boolean {
    if (staged.ds !== ds || staged.rows !== rows) return false
    for (let r = 0; r < rows; r++) if (this.aheadIds[r] !== order[start + r]) return false
    return true
  }

  /** Copy the rows' bytes and targets into staging buffer `b`. */
  private copy(b: number, ds: Dataset, order: ArrayLike<number>, start: number, rows: number): void {
    const stage = this.h.stages![b]
    const targets = this.h.stagedTargets![b]
    const bytes = ds.inputs as Uint8Array
    const n = ds.inputSize
    for (let r = 0; r < rows; r++) {
      const i = order[start + r]
      stage.set(bytes.subarray(i * n, i * n + n), r * n)
      datasetReadTarget(ds, i, targets, r * ds.targetSize)
    }
  }
}
