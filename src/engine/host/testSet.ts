/**
 * The held-out test set of a run: never trained on, never used for early stopping, evaluated
 * when the run ends and whenever the user asks. Its result travels in snapshots, the run
 * record and the model file, apart from validation.
 */
import type { Dataset } from '../spec'
import type { Session } from '../train'
import type { ModelTestResult } from '../model/format'

/**
 * One evaluation of the test set, with the point of training it was taken at: what the model
 * file records (count, loss in evaluation mode, accuracy for classification, epoch), and more.
 */
export interface TestResult extends ModelTestResult {
  /** Updates done when it was taken. */
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
