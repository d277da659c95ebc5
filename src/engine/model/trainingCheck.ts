/**
 * The model file's `training` block: the engine spec's seed, optimizer, schedule, regularisation
 * and run settings, checked with their schemas so a damaged file is refused with its JSON path
 * instead of failing deep in the engine (or evaluating to NaN).
 */
import { lossReduction, optimizerSpec, regularizationSpec, scheduleSpec, trainingSpec } from '../schema/engineSpec'
import { seed } from '../schema/fields'
import { checkWith } from '../schema/issues'
import { z } from '../schema/z'

type Fail = (path: string, message: string) => void

export const modelTraining = z.object({
  seed,
  optimizer: optimizerSpec,
  schedule: scheduleSpec,
  regularization: regularizationSpec,
  training: trainingSpec,
})

/** `architecture.loss`: a known id (checked by the caller) and its reduction. */
export function checkLossReduction(fail: Fail, loss: unknown): void {
  const reduction = typeof loss === 'object' && loss !== null ? (loss as { reduction?: unknown }).reduction : undefined
  const checked = checkWith(lossReduction, reduction, '$.architecture.loss.reduction')
  if (!checked.ok) for (const e of checked.errors) fail(e.path, e.message)
}

/** Checks `training` (seed, optimizer, schedule, regularisation, run settings). */
export function checkModelTraining(fail: Fail, t: unknown): void {
  const checked = checkWith(modelTraining, t, '$.training')
  if (!checked.ok) for (const e of checked.errors) fail(e.path, e.message)
}
