/**
 * A sweep's lanes: as many points train at once as it has lanes, each lane taking the next point
 * when its run ends. A lane that fails stops the whole sweep (its other runs are cancelled), and
 * the sweep ends only when every lane has: nothing of it is still training once it has ended.
 */

/** What the lanes drive: one sweep's points, its own stop. */
export interface LaneWork<P> {
  /** Trains one point and keeps its result; rejects when the point could not be trained at all. */
  run(point: P): Promise<void>
  /** Whether this sweep was asked to stop: no lane starts another point. */
  stopped(): boolean
  /** Stops this sweep: its runs under way are cancelled. */
  stop(): void
}

/**
 * Runs `points` in `lanes` lanes. Resolves once every lane has ended; rejects with the first
 * failure, also only once every lane has ended (the failure stops the others first).
 */
export async function runLanes<P>(points: Iterable<P>, lanes: number, work: LaneWork<P>): Promise<void> {
  const queue = points[Symbol.iterator]()
  const lane = async (): Promise<void> => {
    for (let next = queue.next(); !next.done && !work.stopped(); next = queue.next()) {
      try {
        await work.run(next.value)
      } catch (error) {
        work.stop()
        throw error
      }
    }
  }
  const ended = await Promise.allSettled(Array.from({ length: Math.max(1, lanes) }, lane))
  const failed = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected')
  if (failed) throw failed.reason
}
