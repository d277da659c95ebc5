/**
 * Exporting a trained session as a model file.
 */

import type { DataSource } from '../project/types'
import type { Session } from '../train/session'
import { ENGINE_VERSION } from '../version'
import { MODEL_FORMAT, MODEL_VERSION, type ModelFile, type ModelHistory, type ModelLayer, type ModelTestResult } from './format'

/**
 * The model file of a session's current parameters.
 *
 * Preprocessing comes from the session's training data (`inputScale`, `inputShift`,
 * `inputScalePerFeature`, names); the history from `session.history`. `info.data`, the
 * project's data reference, is recorded when given (so `modelToProject` can reopen it);
 * `info.test`, the held-out test set evaluated with these weights, goes into the history.
 */
export function exportModel(session: Session, info: { title: string; stopReason?: string | null; data?: DataSource; test?: ModelTestResult }): ModelFile {
  const spec = session.spec
  // Each layer writes its own fields (dense: units, nIn, activation, weights, biases).
  // A layer of a graph also names what it reads (`inputs`, as in the spec).
  const layers = session.network.layers.map((l, i) => {
    const inputs = spec.model.layers[i].inputs
    return { kind: l.kind, nodeId: l.nodeId, ...(inputs ? { inputs: [...inputs] } : {}), ...l.exportFields() } as ModelLayer
  })
  const train = session.train
  const h = session.history
  const history: ModelHistory = {
    epochs: session.epoch,
    iterations: session.iteration,
    stopReason: info.stopReason !== undefined ? info.stopReason : session.stopped,
    loss: h.map((m) => m.loss),
  }
  if (session.restoredEpoch !== null) history.restoredEpoch = session.restoredEpoch
  if (h.length > 0 && h.every((m) => m.accuracy !== undefined)) history.accuracy = h.map((m) => m.accuracy!)
  if (h.length > 0 && h.every((m) => m.valLoss !== undefined)) history.valLoss = h.map((m) => m.valLoss!)
  if (h.length > 0 && h.every((m) => m.valAccuracy !== undefined)) history.valAccuracy = h.map((m) => m.valAccuracy!)
  if (info.test) {
    const t = info.test
    history.test = { count: t.count, loss: t.loss, ...(t.accuracy !== undefined ? { accuracy: t.accuracy } : {}), epoch: t.epoch }
  }
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    engineVersion: ENGINE_VERSION,
    title: info.title,
    task: session.classification ? 'classification' : 'regression',
    architecture: {
      inputSize: spec.model.inputSize,
      ...(train.inputShape ? { inputShape: [...train.inputShape] } : {}),
      outputSize: session.network.outputSize,
      precision: spec.model.precision,
      layers,
      loss: { ...spec.model.loss },
    },
    preprocessing: {
      scale: train.inputScale ?? 1,
      ...(train.inputShift ? { shift: Array.from(train.inputShift) } : {}),
      ...(train.inputScalePerFeature ? { scalePerFeature: Array.from(train.inputScalePerFeature) } : {}),
      ...(train.featureNames ? { featureNames: [...train.featureNames] } : {}),
      ...(train.labelNames ? { labelNames: [...train.labelNames] } : {}),
      ...(train.targetNames ? { targetNames: [...train.targetNames] } : {}),
    },
    training: {
      seed: spec.seed,
      optimizer: { ...spec.optimizer },
      schedule: JSON.parse(JSON.stringify(spec.schedule)),
      regularization: { ...spec.regularization },
      training: JSON.parse(JSON.stringify(spec.training)),
    },
    history,
    ...(info.data ? { data: JSON.parse(JSON.stringify(info.data)) as DataSource } : {}),
  }
}

/** The model file as text: 2-space JSON with each weight row on one line. */
export function serializeModel(model: ModelFile): string {
  const text = JSON.stringify(model, null, 2)
  return text.replace(/\[\s+([^[\]{}]*?)\s+\]/g, (_, items: string) => `[${items.split(/,\s+/).join(', ')}]`) + '\n'
}
