/**
 * The model file (model JSON): a trained network that other programs can load.
 *
 * Architecture, weights `[out][in]` (`weights[j][k]` is w_jk, "from input k into unit j") and
 * biases, the preprocessing the inputs need, the training settings and a history summary.
 * Numbers are written as JSON numbers: a float64 survives the round trip exactly, and so does a
 * float32 weight (written as its float64 value). Described in `docs/model-format.md`; JSON Schema
 * in `model.schema.json` beside this file.
 */

import { layerKinds } from '../nn/layers'
import type { z } from '../schema/z'
import type { EngineSpec } from '../spec'
import type {
  modelArchitecture,
  modelFile,
  modelHistory,
  modelLayer,
  modelPreprocessing,
  modelTestResult,
} from './schema'

export { MODEL_FORMAT, MODEL_VERSION } from './schema'

/*
 * The types are inferred from the model file's schema (`schema.ts`), which each layer kind's
 * `modelFields` (`nn/`) extend.
 */
export type ModelFile = z.output<typeof modelFile>
export type ModelLayer = z.output<typeof modelLayer>
/** The model-file layer of one kind (`ModelLayerOf<'dense'>`: units, nIn, activation, weights, biases). */
export type ModelLayerOf<K extends ModelLayer['kind']> = Extract<ModelLayer, { kind: K }>
export type ModelArchitecture = z.output<typeof modelArchitecture>
export type ModelPreprocessing = z.output<typeof modelPreprocessing>
export type ModelTraining = ModelFile['training']
export type ModelHistory = z.output<typeof modelHistory>
export type ModelTestResult = z.output<typeof modelTestResult>

/** The `EngineSpec` a model file describes, with its weights hand-set (for `createSession`). */
export function modelToSpec(model: ModelFile): EngineSpec {
  const a = model.architecture
  return {
    version: 1,
    seed: model.training.seed,
    model: {
      inputSize: a.inputSize,
      precision: a.precision,
      loss: { ...a.loss },
      layers: a.layers.map((l) => ({
        ...layerKinds[l.kind].fromExport(l as never),
        ...(l.inputs ? { inputs: [...l.inputs] } : {}),
      })),
    },
    optimizer: { ...model.training.optimizer },
    schedule: JSON.parse(JSON.stringify(model.training.schedule)),
    regularization: { ...model.training.regularization },
    training: JSON.parse(JSON.stringify(model.training.training)),
  }
}
