/**
 * How often the page takes a training snapshot at full speed: the drawing budget. A fast run
 * could fill every displayed frame with a snapshot, and on a 2-core machine drawing each one
 * (React, style, layout, paint, raster, the paint worker's heatmaps) took as many cores as the
 * training itself (a trace: ~29 s of drawing for a 10 s run). So the page spends a bounded share
 * of the machine on drawing and lets the engine have the rest:
 *
 * - Each rendered snapshot's cost is measured on the page's main thread (from taking it to just
 *   after the frame that shows it was painted) and scaled by `wholeCostPerMainMs` for the work
 *   off the main thread (raster, compositor, paint worker), which the page cannot time itself.
 * - That cost is a debt, paid back at `share` of wall time: the next snapshot is asked for once
 *   the debt is paid, but never later than `snapshotFloorMs` after the last (status, counters
 *   and curves stay live however costly a snapshot is).
 * - The live views' payloads (weights, receptive fields, boundary, hidden codes: the costly
 *   pictures, computed by the engine) are asked for only when the debt is paid, else at least
 *   every `viewsFloorMs`; the snapshots between carry the run's state and curves alone.
 *
 * Time is whatever clock the caller passes (ms), so the policy is unit-tested with a fake one.
 */

export interface DrawingBudgetOptions {
  /** The share of wall time drawing may take (0.1 = 10 %). */
  share: number
  /**
   * The whole cost of drawing per ms of it on the page's main thread. From a trace of a fast
   * Fashion-MNIST run (bench/README.md): main 11.6 s, raster 10.5 s, paint worker 5.7 s,
   * compositor 1.6 s, so 29.4 / 11.6 ≈ 2.5.
   */
  wholeCostPerMainMs: number
  /** The longest wait between two snapshots, whatever their cost (4 a second). */
  snapshotFloorMs: number
  /** The longest wait between two snapshots with the views' payloads. */
  viewsFloorMs: number
}

export const DRAWING_BUDGET: DrawingBudgetOptions = { share: 0.1, wholeCostPerMainMs: 2.5, snapshotFloorMs: 250, viewsFloorMs: 1000 }

export class DrawingBudget {
  /** Drawing time (ms, whole cost) not yet paid back, as of `paidAt`. */
  private debt = 0
  private paidAt = -Infinity
  private lastTakenAt = -Infinity
  private viewsAskedAt = -Infinity

  constructor(private readonly options: DrawingBudgetOptions = DRAWING_BUDGET) {}

  /** A snapshot taken at `takenAt` (with the views' payloads when `withViews`) took `mainMs` of the main thread to show. */
  rendered(takenAt: number, mainMs: number, withViews: boolean): void {
    this.payBack(takenAt)
    this.debt += Math.max(0, mainMs) * this.options.wholeCostPerMainMs
    this.lastTakenAt = Math.max(this.lastTakenAt, takenAt)
    if (withViews) this.viewsAsked(takenAt)
  }

  /** When the next snapshot may be asked for: once the debt is paid, at most `snapshotFloorMs` after the last one. */
  nextAt(): number {
    const paid = this.paidAt + this.debt / this.options.share
    return Math.min(this.debt > 0 ? paid : this.paidAt, this.lastTakenAt + this.options.snapshotFloorMs)
  }

  /** Whether the snapshot asked for at `now` should carry the live views (noted as asked when it should). */
  viewsDue(now: number): boolean {
    this.payBack(now)
    const due = this.debt <= 1e-9 || now - this.viewsAskedAt >= this.options.viewsFloorMs
    if (due) this.viewsAskedAt = now
    return due
  }

  /** The views were asked for (or came) at `now`, whatever the budget said. */
  viewsAsked(now: number): void {
    this.viewsAskedAt = Math.max(this.viewsAskedAt, now)
  }

  private payBack(now: number): void {
    if (now <= this.paidAt) return
    if (Number.isFinite(this.paidAt)) this.debt = Math.max(0, this.debt - (now - this.paidAt) * this.options.share)
    this.paidAt = now
  }
}
