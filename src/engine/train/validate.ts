/**
 * The engine's own check of a spec against its data. `compileGraph` gives friendlier
 * diagnostics first; this is the authority and throws a `SpecError` naming the node.
 */
import type { Dataset, EngineSpec } from '../spec'
import type { OptimizerSettings } from './sessionTypes'
import { layerKindOf } from '../nn/layers'
import { INPUT_SOURCE, layerSources, sum } from '../nn/topology'
import { PERCEPTRON, perceptronCheck } from '../nn/perceptron'
import { specError } from './errors'
import { plural } from '../plural'
import { optimizerSettings, runSettings } from '../schema/engineSpec'
import { checkWith } from '../schema/issues'
import { datasetIsClassification } from './batchRows'
import { MAX_LAYER_WIDTH, MAX_PARAMETERS } from '../nn/sizeLimits'


/** Throw a SpecError if `spec` cannot train on `ds` (ds optional: model checks only). */
export function validateSpec(spec: EngineSpec, ds?: Dataset): void {
  const { model } = spec
  if (!(model.inputSize > 0)) throw specError(`The input size must be positive (got ${model.inputSize}).`)
  if (model.layers.length === 0) throw specError('The network has no layers.')
  const last = model.layers[model.layers.length - 1]
  if (!layerKindOf(last).output) throw specError(`The last layer must be a dense layer, not ${last.kind}.`, last.nodeId)
  const perceptron = spec.optimizer.id === PERCEPTRON
  const { sources, problem: shape } = layerSources(model.layers)
  if (shape) throw specError(shape.message, shape.nodeId)
  const units: number[] = []
  let weights = 0
  model.layers.forEach((layer, i) => {
    const kind = layerKindOf(layer)
    const widths = sources[i].map((j) => (j === INPUT_SOURCE ? model.inputSize : units[j]))
    const nIn = sum(widths)
    const fields = kind.fields ? checkWith(kind.fields, layer, layer.kind) : null
    if (fields && !fields.ok) throw specError(`${fields.errors[0].path} ${fields.errors[0].message}.`, layer.nodeId)
    const problem = kind.check(layer, nIn, { perceptron, batch: spec.training.batch }, widths)
    if (problem) throw specError(problem, layer.nodeId)
    const out = kind.units(layer, nIn, widths)
    // Refused before any buffer is made: a damaged file must not ask for gigabytes.
    weights += kind.paramCount(layer, nIn)
    if (out > MAX_LAYER_WIDTH || weights > MAX_PARAMETERS) {
      throw specError(`The network is too large: at most ${MAX_LAYER_WIDTH.toLocaleString('en-US')} units per layer and ${MAX_PARAMETERS.toLocaleString('en-US')} weights in all.`, layer.nodeId)
    }
    units.push(out)
  })
  const nIn = units[units.length - 1]
  const rule = perceptron ? perceptronCheck(model) : null
  if (rule) throw specError(rule.message, rule.nodeId)
  const settings = checkWith(runSettings, spec, 'spec')
  if (!settings.ok) throw specError(`The training settings are not valid: ${settings.errors[0].path} ${settings.errors[0].message}.`)
  checkUntil(spec, ds)
  if (!ds) return
  if (ds.inputSize !== model.inputSize) {
    throw specError(`The data has ${ds.inputSize} input features but the network expects ${model.inputSize}.`)
  }
  if (ds.targetSize !== nIn) {
    throw specError(`The data has ${plural(ds.targetSize, 'target')} per row but the output layer has ${plural(nIn, 'unit')}.`, last.nodeId)
  }
  if (ds.count < 1) throw specError('The dataset is empty.')
  if (ds.inputs.length < ds.count * ds.inputSize) throw specError('The dataset has fewer input values than count × inputSize.')
  if (!ds.targets && !ds.labels) throw specError('The dataset has neither targets nor labels.')
}

/** "Until solved" needs something to reach: an accuracy (classes) or a target loss. */
function checkUntil(spec: EngineSpec, ds: Dataset | undefined): void {
  const { until, targetLoss } = spec.training
  if (until === 'solved' && ds && targetLoss === undefined && !datasetIsClassification(ds)) {
    throw specError('“Until solved” needs a goal, and this data has no classes to be right about (its targets are numbers): set a target loss on the optimizer, or train for a number of epochs or until stopped.')
  }
}

/** The settings given (absent keys left out), or a SpecError naming the first bad one. */
export function checkOptimizerSettings(settings: OptimizerSettings): OptimizerSettings {
  const checked = checkWith(optimizerSettings, settings, '')
  if (!checked.ok) throw specError(`${checked.errors[0].path.slice(1)} ${checked.errors[0].message}.`)
  return checked.value
}
