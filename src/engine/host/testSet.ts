/**
 * The held-out test set of a run: never trained on, never used for early stopping, evaluated
 * when the run ends and whenever the user asks. Its result travels in snapshots, the run
 * record and the model file, apart from validation.
 */
import type { Dataset } from '../spec'
import type { Session } from '../train'

/** One evaluation of the test set, with the point of training it was taken at. */
export interface TestResult {
  /** Examples in the test set. */
  count: number
  /** Mean per-example loss (sum reduction: the total), in evaluation mode (no dropout or noise). */
  loss: number
  /** Share of test examples classified right (classification only). */
  accuracy?: number
  /** Epochs and updates done when it was taken. */
  epoch: number
  iteration: number
  /** The epoch whose weights were restored (early stopping with restore-best), else null. */
  restoredEpoch: number | null
}

/** Evaluates `test` with the session's current parameters (evaluation mode). */
export function evaluateTestSet(session: Session, test: Dataset): TestResult {
  const e = session.evaluate(test)
  return {
    count: e.count,
    loss: e.loss,
    ...(e.accuracy !== undefined ? { accuracy: e.accuracy } : {}),
    epoch: session.epoch,
    iteration: session.iteration,
    restoredEpoch: session.restoredEpoch,
  }
}
