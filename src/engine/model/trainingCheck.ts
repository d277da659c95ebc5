/**
 * The model file's `training` block: the engine spec's seed, optimizer, schedule, regularisation
 * and run settings, checked with their schemas so a damaged file is refused with its JSON path
 * instead of failing deep in the engine (or evaluating to NaN).
 */
import { lossReduction, runSettings } from '../schema/engineSpec'
import { checkWith } from '../schema/issues'

type Fail = (path: string, message: string) => void


/** `architecture.loss`: a known id (checked by the caller) and its reduction. */
export function checkLossReduction(fail: Fail, loss: unknown): void {
  const reduction = typeof loss === 'object' && loss !== null ? (loss as { reduction?: unknown }).reduction : undefined
  const checked = checkWith(lossReduction, reduction, '$.architecture.loss.reduction')
  if (!checked.ok) for (const e of checked.errors) fail(e.path, e.message)
}

/** Checks `training` (seed, optimizer, schedule, regularisation, run settings). */
export function checkModelTraining(fail: Fail, t: unknown): void {
  const checked = checkWith(runSettings, t, '$.training')
  if (!checked.ok) for (const e of checked.errors) fail(e.path, e.message)
}
