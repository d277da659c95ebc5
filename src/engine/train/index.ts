/**
 * The training module: sessions, their reports, the spec check, dataset reading and builders.
 * (The engine's whole public API, with traces, gradient checks and registries, is `src/engine`.)
 *
 *   const session = createSession(spec, trainData, { validation })   // validates, initialises
 *   session.step('example' | 'batch' | 'epoch')   // → StepProgress
 *   session.trainSteps(maxIterations)              // a slice of updates; ends at an epoch boundary
 *   session.runEpoch()                             // → EpochMetrics | null
 *   session.trainToEnd()                           // → StopReason (throws DivergenceError)
 *   session.stopped / session.error / session.history / session.epoch / session.iteration
 *   session.evaluate(ds) · session.predict(inputs, count) · session.activations(inputs, count)
 *   session.runningTotals · session.lastUpdateLoss · session.setOptimizerSettings({ learningRate, momentum, … })
 *   sessionSetEpochLimit(session, maxEpochs)       // "ten more epochs": → 'same' | 'end' | 'goOn' | 'refused'
 *   session.getParams() / setParams(layers) · getFlatParams() / setFlatParams(values)
 *   session.gradientNorms()
 */
export { createSession, Session } from './session'
export { sessionSetEpochLimit, type EpochLimitChange } from './epochLimit'
export { classOf } from './metrics'
export type { StepUnit, RunningTotals } from './sessionTypes'
export { EngineError } from './errors'
export { datasetInputRow } from './batchRows'
export { dense, merge, engineSpec, tableDataset } from './builders'
