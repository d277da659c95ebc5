/**
 * Importing a model file: validation with JSON paths (the model file's schema), and a predictor that runs the same
 * forward pass as the training session (so predictions are bit-identical).
 */

import { parseJsonText } from '../data/userText'
import { createNetwork, networkPredict, type Network } from '../nn/network'
import { createRng } from '../rng'
import { checkWith } from '../schema/issues'
import type { Dataset } from '../spec'
import { datasetReadInput } from '../train/batchRows'
import { modelToSpec, type ModelFile } from './format'
import { modelFile, modelHeader } from './schema'

export interface ModelError {
  /** JSON path of the offending value, e.g. `$.architecture.layers[1].weights[0]`. */
  path: string
  message: string
}

export type ModelParseResult = { ok: true; model: ModelFile } | { ok: false; errors: ModelError[] }

/** A stable error name (survives Comlink). */
export class ModelFormatError extends Error {
  override name = 'ModelFormatError'
}

/** The problems as the user sees them: path and message. */
const shown = (errors: readonly ModelError[]): ModelError[] => errors.map(({ path, message }) => ({ path, message }))

/**
 * Checks a parsed model file against its schema (`schema.ts`); every problem with its JSON path.
 * Which file it is (format, version) is checked first, alone.
 */
export function validateModel(json: unknown): ModelParseResult {
  const header = checkWith(modelHeader, json)
  if (!header.ok) return { ok: false, errors: shown(header.errors.slice(0, 1)) }
  const checked = checkWith(modelFile, json)
  return checked.ok ? { ok: true, model: checked.value } : { ok: false, errors: shown(checked.errors) }
}

/** Parses model-file text; never throws. */
export function parseModel(text: string): ModelParseResult {
  const parsed = parseJsonText(text)
  if (!parsed.ok) return { ok: false, errors: [{ path: '$', message: parsed.message }] }
  return validateModel(parsed.value)
}

/** `parseModel`, throwing a `ModelFormatError` listing every problem. */
export function parseModelOrThrow(text: string): ModelFile {
  const result = parseModel(text)
  if (!result.ok) throw new ModelFormatError(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'))
  return result.model
}

/** Runs an imported model. */
export interface Predictor {
  readonly model: ModelFile
  readonly inputSize: number
  readonly outputSize: number
  /**
   * Outputs for `count` rows already preprocessed (`inputs` row-major [count×inputSize]),
   * exactly as `Session.predict` computes them: `[count×outputSize]`.
   */
  predict(inputs: ArrayLike<number>, count: number): Float64Array
  /** Outputs for raw rows: applies the model's preprocessing first, as training read its data. */
  predictRaw(raw: ArrayLike<number>, count: number): Float64Array
}

/** A predictor for a model file (the network is built once; 64 rows at a time). */
export function createPredictor(model: ModelFile, capacity = 64): Predictor {
  const spec = modelToSpec(model)
  // Every weight and bias is hand-set, so the init stream is never drawn for values that matter.
  const nw: Network = createNetwork(spec.model, capacity, createRng(0))
  const nIn = nw.inputSize
  const nOut = nw.outputSize
  const predict = (inputs: ArrayLike<number>, count: number): Float64Array => {
    if (inputs.length < count * nIn) throw new ModelFormatError(`Expected ${count * nIn} input values (${count} rows of ${nIn}), got ${inputs.length}.`)
    return networkPredict(nw, inputs, count)
  }
  const pre = model.preprocessing
  const predictRaw = (raw: ArrayLike<number>, count: number): Float64Array => {
    const ds: Dataset = {
      count,
      inputSize: nIn,
      inputs: Float64Array.from(raw),
      inputScale: pre.scale,
      ...(pre.shift ? { inputShift: Float64Array.from(pre.shift) } : {}),
      ...(pre.scalePerFeature ? { inputScalePerFeature: Float64Array.from(pre.scalePerFeature) } : {}),
      targetSize: nOut,
    }
    const x = new Float64Array(count * nIn)
    for (let i = 0; i < count; i++) datasetReadInput(ds, i, x, i)
    return predict(x, count)
  }
  return { model, inputSize: nIn, outputSize: nOut, predict, predictRaw }
}
