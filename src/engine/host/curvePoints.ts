/** The loss (and accuracy) curve: one point per `trainSteps` call, collected between snapshots. */
import type { RunningTotals, Session } from '../train'
import type { CurvePoint } from './trainingTypes'

/** The session's running epoch totals (a new object each epoch). */
type Running = Readonly<RunningTotals>

export class CurvePoints {
  private points: CurvePoint[] = []
  private last: { ref: Running | null; lossSum: number; count: number; correct: number } = { ref: null, lossSum: 0, count: 0, correct: 0 }

  /** Add a point: mean loss and accuracy over the examples since the previous point. */
  record(s: Session, examples: number): void {
    const r = s.runningTotals
    const last = this.last
    const same = last.ref === r
    const count = r.count - (same ? last.count : 0)
    const lossSum = r.lossSum - (same ? last.lossSum : 0)
    const correct = r.correct - (same ? last.correct : 0)
    this.last = { ref: r, lossSum: r.lossSum, count: r.count, correct: r.correct }
    if (count <= 0) return
    const mean = s.spec.model.loss.reduction === 'mean'
    const point: CurvePoint = { iteration: s.iteration, examples, epoch: s.epoch, loss: mean ? lossSum / count : lossSum }
    if (s.classification) point.accuracy = correct / count
    this.points.push(point)
  }

  /** The points recorded since the last call. */
  take(): CurvePoint[] {
    const points = this.points
    this.points = []
    return points
  }
}
