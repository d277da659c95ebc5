/**
 * A sweep's lanes: as many points train at once as it has lanes, each lane taking the next point
 * when its run ends, and more lanes can be opened mid-sweep (the threads setting raised). A lane
 * that fails stops the whole sweep (its other runs are cancelled), and the sweep ends only when
 * every lane has: nothing of it is still training once it has ended.
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

export interface Lanes {
  /** Resolves once every lane has ended; rejects with the first failure, also only once every lane has ended. */
  done: Promise<void>
  /** Opens lanes up to `lanes` in all (never closes one); a lane opened after the last point has nothing to do. */
  widen(lanes: number): void
}

/** Runs `points` in `lanes` lanes (see `Lanes`). */
export function startLanes<P>(points: Iterable<P>, lanes: number, work: LaneWork<P>): Lanes {
  const queue = points[Symbol.iterator]()
  const running: Promise<void>[] = []
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
  const widen = (count: number): void => {
    while (running.length < count) running.push(lane())
  }
  widen(Math.max(1, lanes))
  const done = (async () => {
    // Lanes opened while waiting are waited for too.
    let ended: PromiseSettledResult<void>[] = []
    while (ended.length < running.length) ended = await Promise.allSettled(running.slice())
    const failed = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected')
    if (failed) throw failed.reason
  })()
  return { done, widen }
}
