/**
 * A new epoch limit for a session under way: "give it ten more epochs". The session takes the
 * limit only when it is then, number for number, the session that had that limit from the
 * start (same seed, same data): its shuffles, updates and curve go on as that one's would.
 * Otherwise the session is a run of another limit, and the caller starts a new run.
 */
import type { Session } from './session'

/** What a new limit does to a session: nothing, end it here, let it go on past its end, or nothing it can take. */
export type EpochLimitChange = 'same' | 'end' | 'goOn' | 'refused'

/**
 * How a session with `epoch` epochs done and stop `stopped` takes the limit `maxEpochs`:
 * - trained with `until` (solved, stopped): the limit is no limit, nothing changes;
 * - not ended: a limit above the epochs done changes nothing yet; one equal to them ends the run
 *   here when it stands at an epoch's end (its other criteria were checked there and held not),
 *   unless restore-best would have brought back an earlier epoch at that end;
 * - ended at its limit: a higher one lets it go on, unless restore-best brought back an earlier
 *   epoch there (a run of the higher limit would not have);
 * - ended by another criterion (target loss, solved, early stopping, convergence): it ends there
 *   under any limit it did not pass; a diverged run broke in the epoch after its `epoch`.
 * A limit below the epochs done is refused.
 */
export function epochLimitChange(s: Pick<Session, 'spec' | 'epoch' | 'stopped' | 'restoredEpoch' | 'position' | 'epochSize'>, maxEpochs: number): EpochLimitChange {
  const t = s.spec.training
  if (t.until !== undefined) return 'same'
  switch (s.stopped) {
    case null:
      if (maxEpochs > s.epoch) return 'same'
      return maxEpochs === s.epoch && s.position >= s.epochSize && !t.earlyStopping?.restoreBest ? 'end' : 'refused'
    case 'maxEpochs':
      if (maxEpochs === s.epoch) return 'same'
      return maxEpochs > s.epoch && s.restoredEpoch === null ? 'goOn' : 'refused'
    case 'diverged':
      return maxEpochs > s.epoch ? 'same' : 'refused'
    default:
      return maxEpochs >= s.epoch ? 'same' : 'refused'
  }
}

/**
 * Give session `s` the epoch limit `maxEpochs` (a whole number ≥ 1) when it can take it
 * (`epochLimitChange`); returns what the limit did, and changes nothing when refused.
 */
export function sessionSetEpochLimit(s: Session, maxEpochs: number): EpochLimitChange {
  if (!Number.isSafeInteger(maxEpochs) || maxEpochs < 1) throw new RangeError(`the epoch limit must be a whole number ≥ 1, got ${maxEpochs}`)
  const change = epochLimitChange(s, maxEpochs)
  if (change === 'refused') return change
  s.spec.training.maxEpochs = maxEpochs
  if (change === 'goOn') s.stopped = null
  if (change === 'end') s.stopped = 'maxEpochs'
  return change
}
