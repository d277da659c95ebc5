/**
 * The engine's public API for code that runs it in-process (the CLI, tools, tests): training
 * sessions, traces, gradient checks, the registries, random streams and spec builders. The UI
 * reaches the engine through `host/api.ts` (EngineApi over Comlink) instead.
 *
 *   const session = createSession(spec, trainData, { validation })   // validates, initialises
 *   session.step('example' | 'batch' | 'epoch')   // → StepProgress
 *   session.trainSteps(maxIterations)              // a slice of updates; ends at an epoch boundary
 *   session.runEpoch()                             // → EpochMetrics | null
 *   session.trainToEnd()                           // → StopReason (throws DivergenceError)
 *   session.stopped / session.error / session.history / session.epoch / session.iteration
 *   session.evaluate(ds) · session.predict(inputs, count) · session.activations(inputs, count)
 *   session.runningTotals · session.lastUpdateLoss · session.setOptimizerSettings({ learningRate, momentum, … })
 *   session.getParams() / setParams(layers) · getFlatParams() / setFlatParams(values)
 *   traceExample(session, input, target, { apply }) · traceSample(session, i, { apply })
 *   session.gradientNorms() · gradCheck(model, ds)
 */
export { createSession, Session } from './train/session'
export { classOf } from './train/metrics'
export type { StepUnit, StopReason, EpochMetrics, StepProgress, Evaluation, SessionOptions, LayerParams, RunningTotals, OptimizerSettings } from './train/sessionTypes'
export { EngineError, specError } from './train/errors'
export type { EngineErrorName } from './train/errors'
export { validateSpec } from './train/validate'
export { datasetReadInput, datasetReadTarget, datasetReadBatch, datasetIsClassification, datasetInputRow } from './train/batchRows'
export { traceExample, traceSample } from './trace/trace'
export type { Trace, TraceLayer } from './trace/trace'
export { gradCheck } from './gradcheck'
export type { GradCheckResult, GradCheckEntry } from './gradcheck'
export { createStreams, createRng } from './rng'
export type { Rng, Streams, StreamName } from './rng'
export { activations } from './nn/activations'
export { losses } from './nn/losses'
export { initializers } from './nn/init'
export { optimizerRules, createOptimizer } from './nn/optimizers'
export { scheduleRate } from './nn/schedules'
export { parameterCount } from './nn/network'
export { layerKinds } from './nn/layers'
export { dense, merge, engineSpec, tableDataset } from './train/builders'
