/**
 * The run loop's updates and when each curve point is due: a point every `perPoint` updates,
 * counted on across slices (at full speed a slice holds several points and may end inside one),
 * at every epoch end (a `trainSteps` call never crosses one) and where the session stops.
 */
import type { Session } from '../train'

export class RunAdvance {
  /** Updates since the last curve point. */
  private sincePoint = 0

  constructor(private readonly recordPoint: () => void) {}

  /** Apply up to n updates to `s`, recording the curve's points as they fall due. */
  run(s: Session, n: number, perPoint = n): void {
    let done = 0
    while (done < n && !s.stopped) {
      const before = s.iteration
      const p = s.trainSteps(Math.max(1, Math.min(perPoint - this.sincePoint, n - done)))
      done += s.iteration - before
      this.sincePoint += s.iteration - before
      if (this.sincePoint >= perPoint || p.epochEnded || s.stopped || !p.updated) this.record()
      if (!p.updated && !p.epochEnded) break
    }
  }

  /** Training paused or stopped inside a point's updates: record it, so the curve reaches the last of them. */
  settle(): void {
    if (this.sincePoint > 0) this.record()
  }

  private record(): void {
    this.sincePoint = 0
    this.recordPoint()
  }
}
