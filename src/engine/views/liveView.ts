/**
 * A live view: something the training panel, presentation mode or the canvas draws from a run
 * while it trains (`registry.ts` lists them). The engine part is its id (its registry key),
 * label, description and, for a view that shows the network as it is now, how its payload is
 * computed from the session. A snapshot carries the payloads of the views the UI says are on
 * screen (`TrainingApi.showViews`), each computed at most once per snapshot sent, never for a
 * hidden view.
 *
 * Views drawn from what every snapshot carries anyway (curve points, finished epochs, gradient
 * norms: histories the UI accumulates, cheap to send) have no `computeFor`.
 */
import type { Session } from '../train'
import type { RunInfo } from '../host/trainingTypes'

/** Computes a view's payload from the session now: fresh arrays (they are transferred to the UI). */
export type ViewCompute<P> = (session: Session) => P

export interface LiveView<P = unknown> {
  /** Its name in the panel and the presentation picker. */
  readonly label: string
  /** One line: what it shows and what it needs from the run. */
  readonly description: string
  /**
   * Its compute for one run (inputs it needs prepared once from the run's info, e.g. the
   * decision boundary's grid), or null when such a run has nothing to show in it (the
   * boundary needs 2-D inputs). Absent for views drawn from every snapshot's histories.
   */
  readonly computeFor?: (info: RunInfo) => ViewCompute<P> | null
}

/**
 * The `computeFor` of a view that needs one part of the run's info (`part`: null or absent when
 * the run has none, e.g. no 2-D plane or no probe set): `prepare` makes its inputs once per run
 * (fresh arrays the compute reuses), `compute` makes a payload from the session now.
 */
export function computeFromInfo<T, Prepared, P>(
  part: (info: RunInfo) => T | null | undefined,
  prepare: (part: T) => Prepared,
  compute: (session: Session, prepared: Prepared, part: T) => P,
): (info: RunInfo) => ViewCompute<P> | null {
  return (info) => {
    const found = part(info)
    if (found === null || found === undefined) return null
    const prepared = prepare(found)
    return (session) => compute(session, prepared, found)
  }
}
