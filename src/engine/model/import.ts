/**
 * Importing a model file: validation with JSON paths, and a predictor that runs the same
 * forward pass as the training session (so predictions are bit-identical).
 */

import { cutText, describeJsonValue, parseJsonText, quoteUser } from '../data/userText'
import { activations } from '../nn/activations'
import { losses } from '../nn/losses'
import { layerKinds } from '../nn/layers'
import { featuresCheck } from '../nn/features'
import { createNetwork, networkPredict, type Network } from '../nn/network'
import { createRng } from '../rng'
import { NETWORK_INPUT, type Dataset, type LayerSpec } from '../spec'
import { layerSources } from '../nn/topology'
import { datasetReadInput } from '../train/batchRows'
import { MODEL_FORMAT, MODEL_VERSION, modelToSpec, type ModelFile } from './format'
import { checkLossReduction, checkModelTraining } from './trainingCheck'

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

type Json = Record<string, unknown>
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x)
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)
const isNumberArray = (x: unknown, length?: number): x is number[] =>
  Array.isArray(x) && (length === undefined || x.length === length) && x.every(isNumber)
const isCount = (x: unknown): x is number => isNumber(x) && Number.isInteger(x) && x >= 1

type Fail = (path: string, message: string) => void

/** The widths of what a layer reads: its `inputs` (node ids of earlier layers, or "$input"), or the layer before. */
function sourceWidths(layer: Json, i: number, layers: unknown[], inputSize: number, width: Map<string, number>, fail: Fail): number[] {
  const before = layers[i - 1]
  const names: unknown = layer.inputs ?? [i === 0 ? NETWORK_INPUT : isObject(before) ? before.nodeId : undefined]
  if (!(Array.isArray(names) && names.length > 0 && names.every((n) => typeof n === 'string'))) {
    fail(`$.architecture.layers[${i}].inputs`, 'must be a non-empty array of node ids')
    return [NaN]
  }
  return names.map((name: string) => {
    const w = name === NETWORK_INPUT ? inputSize : width.get(name)
    if (w === undefined) fail(`$.architecture.layers[${i}].inputs`, `${quoteUser(name)} is not an earlier layer's nodeId (or "${NETWORK_INPUT}")`)
    return w ?? NaN
  })
}

/** Checks one layer given the width of what it reads; returns its output width. */
function checkLayer(layer: Json, path: string, nIn: number, widths: number[], fail: Fail): number {
  // An unknown width (a bad source or inputSize, reported there) is not compared: it would only say "must be NaN".
  const known = !Number.isNaN(nIn)
  if (layer.kind === 'dropout') {
    if (!(isNumber(layer.rate) && layer.rate >= 0 && layer.rate < 1)) fail(`${path}.rate`, 'must be a number in [0, 1)')
    return nIn
  }
  if (layer.kind === 'batchNorm') {
    if (known && (layer.nIn !== nIn || layer.units !== nIn)) fail(`${path}.nIn`, `nIn and units must be ${nIn} (the width of what it reads)`)
    if (!(isNumber(layer.momentum) && layer.momentum >= 0 && layer.momentum <= 1)) fail(`${path}.momentum`, 'must be a number in [0, 1]')
    if (!(isNumber(layer.epsilon) && layer.epsilon > 0)) fail(`${path}.epsilon`, 'must be a positive number')
    for (const key of ['gamma', 'beta', 'runningMean', 'runningVar']) if (known && !isNumberArray(layer[key], nIn)) fail(`${path}.${key}`, `must be ${nIn} numbers (one per unit)`)
    return nIn
  }
  if (layer.kind === 'features') {
    const features: unknown = layer.features
    const problem = Array.isArray(features) && features.every((f) => typeof f === 'string') ? featuresCheck(features, known ? nIn : 2) : 'must be an array of feature ids'
    if (problem) fail(`${path}.features`, problem)
    const units = Array.isArray(features) ? features.length : NaN
    if (layer.units !== units) fail(`${path}.units`, `must be ${units} (one per feature)`)
    if (known && layer.nIn !== nIn) fail(`${path}.nIn`, `must be ${nIn} (the width of what it reads)`)
    return units
  }
  if (layer.kind === 'add' || layer.kind === 'concat') {
    const units = layer.kind === 'add' ? widths[0] : nIn
    if (!Array.isArray(layer.inputs) || layer.inputs.length < 2) fail(`${path}.inputs`, 'must name two or more sources')
    if (layer.kind === 'add' && !widths.some(Number.isNaN) && widths.some((w) => w !== widths[0])) fail(`${path}.inputs`, `must all have the same width (got ${cutText(widths.join(', '))})`)
    if (layer.units !== units && !Number.isNaN(units)) fail(`${path}.units`, `must be ${units}`)
    if (layer.activation !== undefined) checkActivation(layer.activation, path, fail)
    return units
  }
  if (layer.kind !== 'dense') {
    fail(`${path}.kind`, `must be one of ${Object.keys(layerKinds).map((k) => `"${k}"`).join(', ')}`)
    return NaN
  }
  if (!isCount(layer.units)) {
    fail(`${path}.units`, 'must be a whole number ≥ 1')
    return NaN
  }
  if (known && layer.nIn !== nIn) fail(`${path}.nIn`, `must be ${nIn} (the width of what it reads)`)
  const units = layer.units
  checkActivation(layer.activation, path, fail)
  if (!Array.isArray(layer.weights) || layer.weights.length !== units) fail(`${path}.weights`, `must have ${units} rows (one per unit)`)
  else layer.weights.forEach((row: unknown, j: number) => {
    if (known && !isNumberArray(row, nIn)) fail(`${path}.weights[${j}]`, `must be ${nIn} numbers (one per input)`)
  })
  if (layer.biases !== null && !isNumberArray(layer.biases, units)) fail(`${path}.biases`, `must be ${units} numbers or null`)
  return units
}

function checkActivation(activation: unknown, path: string, fail: Fail): void {
  if (!isObject(activation) || typeof activation.id !== 'string' || !Object.hasOwn(activations, activation.id)) {
    fail(`${path}.activation.id`, `must be one of ${Object.keys(activations).join(', ')}`)
    return
  }
  for (const key of ['slope', 'alpha', 'noiseStd']) {
    const v = activation[key]
    if (v !== undefined && !(isNumber(v) && (key !== 'noiseStd' || v >= 0))) fail(`${path}.activation.${key}`, key === 'noiseStd' ? 'must be a number ≥ 0' : 'must be a number')
  }
}

function checkHistory(h: unknown, fail: Fail): void {
  if (!isObject(h)) return fail('$.history', 'must be an object')
  if (!(isNumber(h.epochs) && isNumber(h.iterations))) fail('$.history', 'needs epochs and iterations')
  if (!isNumberArray(h.loss)) fail('$.history.loss', 'must be an array of numbers')
  const t = h.test
  const isShare = (x: unknown) => isNumber(x) && x >= 0 && x <= 1
  if (t !== undefined && !(isObject(t) && isCount(t.count) && isNumber(t.loss) && isNumber(t.epoch) && Number.isInteger(t.epoch) && t.epoch >= 0 && (t.accuracy === undefined || isShare(t.accuracy)))) {
    fail('$.history.test', 'must be an object with the test set\'s count (a whole number ≥ 1), loss, epoch (a whole number ≥ 0) and accuracy (0 to 1, if any)')
  }
}

function checkDataReference(d: unknown, fail: Fail): void {
  if (d === undefined) return
  if (!isObject(d) || (d.kind !== 'inline' && d.kind !== 'builtin' && d.kind !== 'file')) fail('$.data', 'must be a data reference of kind "inline", "builtin" or "file"')
  else if (d.kind === 'inline' && !(Array.isArray(d.inputs) && Array.isArray(d.targets) && d.inputs.length > 0 && d.inputs.length === d.targets.length)) fail('$.data', 'inline data needs as many input rows as target rows (at least one)')
}

/** Checks a parsed model file; every problem with its JSON path. */
export function validateModel(json: unknown): ModelParseResult {
  const errors: ModelError[] = []
  const fail = (path: string, message: string): void => void errors.push({ path, message })
  if (!isObject(json)) return { ok: false, errors: [{ path: '$', message: 'must be a JSON object' }] }
  if (json.format !== MODEL_FORMAT) {
    const hint = json.format === 'axon-studio/project' ? ' (this is a project file: train it first, e.g. “axon train … --out model.json”)' : ''
    return { ok: false, errors: [{ path: '$.format', message: `must be "${MODEL_FORMAT}", found ${describeJsonValue(json.format)}${hint}` }] }
  }
  if (json.version !== MODEL_VERSION) {
    const newer = isNumber(json.version) && json.version > MODEL_VERSION
    return { ok: false, errors: [{ path: '$.version', message: newer ? `model version ${json.version} is newer than this Axon Studio reads (${MODEL_VERSION}); update Axon Studio` : `must be ${MODEL_VERSION}` }] }
  }
  if (typeof json.engineVersion !== 'string') fail('$.engineVersion', 'must be a string')
  if (typeof json.title !== 'string') fail('$.title', 'must be a string')
  if (json.task !== 'classification' && json.task !== 'regression') fail('$.task', 'must be "classification" or "regression"')

  const a = json.architecture
  let outputSize = 0
  if (!isObject(a)) fail('$.architecture', 'must be an object')
  else {
    if (!isCount(a.inputSize)) fail('$.architecture.inputSize', 'must be a whole number ≥ 1')
    if (a.precision !== 'float64' && a.precision !== 'float32') fail('$.architecture.precision', 'must be "float64" or "float32"')
    if (!isObject(a.loss) || typeof a.loss.id !== 'string' || !Object.hasOwn(losses, a.loss.id)) fail('$.architecture.loss.id', `must be one of ${Object.keys(losses).join(', ')}`)
    if (!Array.isArray(a.layers) || a.layers.length === 0) fail('$.architecture.layers', 'must be a non-empty array')
    else {
      const width = new Map<string, number>()
      const inputSize = isCount(a.inputSize) ? a.inputSize : NaN
      let last = NaN
      a.layers.forEach((layer: unknown, i: number) => {
        const path = `$.architecture.layers[${i}]`
        if (!isObject(layer)) return fail(path, 'must be an object')
        if (typeof layer.nodeId !== 'string') fail(`${path}.nodeId`, 'must be a string')
        const widths = sourceWidths(layer, i, a.layers as unknown[], inputSize, width, fail)
        last = checkLayer(layer, path, widths.reduce((x, y) => x + y, 0), widths, fail)
        if (typeof layer.nodeId === 'string') width.set(layer.nodeId, last)
      })
      const shape = errors.length === 0 ? layerSources(a.layers as LayerSpec[]).problem : null
      if (shape) fail(`$.architecture.layers[${(a.layers as { nodeId: string }[]).findIndex((l) => l.nodeId === shape.nodeId)}]`, shape.message)
      outputSize = last
      const output: unknown = a.layers.at(-1)
      if (isObject(output) && output.kind !== 'dense' && Object.hasOwn(layerKinds, output.kind as string)) fail(`$.architecture.layers[${a.layers.length - 1}]`, `must be a dense layer (the output), not ${output.kind as string}`)
      if (a.outputSize !== outputSize) fail('$.architecture.outputSize', `must be ${outputSize} (the last layer's units)`)
    }
  }

  const p = json.preprocessing
  if (!isObject(p)) fail('$.preprocessing', 'must be an object')
  else {
    const n = isObject(a) && isCount(a.inputSize) ? a.inputSize : undefined
    if (!isNumber(p.scale)) fail('$.preprocessing.scale', 'must be a number')
    if (p.shift !== undefined && !isNumberArray(p.shift, n)) fail('$.preprocessing.shift', `must be ${n} numbers (one per input feature)`)
    if (p.scalePerFeature !== undefined && !isNumberArray(p.scalePerFeature, n)) fail('$.preprocessing.scalePerFeature', `must be ${n} numbers (one per input feature)`)
    for (const key of ['featureNames', 'labelNames', 'targetNames']) {
      if (p[key] !== undefined && !(Array.isArray(p[key]) && (p[key] as unknown[]).every((s) => typeof s === 'string'))) fail(`$.preprocessing.${key}`, 'must be an array of strings')
    }
    // One name per output unit (a single output is a yes/no class: at most two names).
    const names = p.labelNames
    if (Array.isArray(names) && outputSize > 0 && (outputSize === 1 ? names.length > 2 : names.length !== outputSize)) {
      fail('$.preprocessing.labelNames', outputSize === 1 ? 'must have at most 2 names for one output' : `must have ${outputSize} names (one per output unit)`)
    }
  }
  checkModelTraining(fail, json.training)
  if (isObject(a)) checkLossReduction(fail, a.loss)
  checkHistory(json.history, fail)
  checkDataReference(json.data, fail)
  return errors.length > 0 ? { ok: false, errors } : { ok: true, model: json as unknown as ModelFile }
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
