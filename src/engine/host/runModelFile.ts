/** The model file of a run's network as it is now (what Export model… saves). */
import type { Dataset } from '../spec'
import type { Session } from '../train'
import { exportModel, type ModelFile } from '../model'
import { evaluateTestSet } from './testSet'
import type { ExportModelOptions } from './trainingTypes'

/**
 * The model file of `session` as it is now: weights, biases, preprocessing, settings and
 * history, with the test set (when the run has one) evaluated on these very weights.
 */
export function runModelFile(session: Session, test: Dataset | undefined, options: ExportModelOptions): ModelFile {
  const result = test ? evaluateTestSet(session, test) : null
  return exportModel(session, {
    title: options.title ?? 'Axon Studio model',
    stopReason: session.stopped,
    ...(options.data ? { data: options.data } : {}),
    ...(result ? { test: result } : {}),
  })
}
