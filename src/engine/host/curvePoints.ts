/** The loss (and accuracy) curve: a point every few updates (when `RunAdvance` says one is due) and per step-through update, collected between snapshots. */
import { classOf, type RunningTotals, type Session } from '../train'
import type { Trace } from '../trace/trace'
import type { CurvePoint } from './trainingTypes'

/** The session's running epoch totals (a new object each epoch). */
type Running = Readonly<RunningTotals>

export class CurvePoints {
  /** Examples trained on by step-through updates (one each, outside the epochs). */
  stepExamples = 0
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

  /**
   * Count a step-through's update (one example, outside the epoch; `examples` were counted
   * before it) and add its point: the example's loss and whether it was classified right,
   * before the update, as an epoch's points count them.
   */
  recordStep(s: Session, examples: number, trace: Pick<Trace, 'loss' | 'output' | 'target'>): void {
    this.stepExamples++
    const point: CurvePoint = { iteration: s.iteration, examples: examples + 1, epoch: s.epoch, loss: trace.loss }
    if (s.classification) {
      const [out, target, n] = [Float64Array.from(trace.output), Float64Array.from(trace.target), trace.output.length]
      point.accuracy = classOf(out, 0, n, s.binaryThreshold) === classOf(target, 0, n, s.binaryThreshold) ? 1 : 0
    }
    this.points.push(point)
  }

  /** The points recorded since the last call. */
  take(): CurvePoint[] {
    const points = this.points
    this.points = []
    return points
  }
}
