/**
 * The engine's own check of a spec against its data. `compileGraph` gives friendlier
 * diagnostics first; this is the authority and throws a `SpecError` naming the node.
 */
import type { Dataset, EngineSpec } from '../spec'
import { activations } from '../nn/activations'
import { specError } from './errors'

/** Throw a SpecError if `spec` cannot train on `ds` (ds optional: model checks only). */
export function validateSpec(spec: EngineSpec, ds?: Dataset): void {
  const { model } = spec
  if (!(model.inputSize > 0)) throw specError(`The input size must be positive (got ${model.inputSize}).`)
  if (model.layers.length === 0) throw specError('The network has no layers.')
  const last = model.layers[model.layers.length - 1]
  if (last.kind !== 'dense') throw specError('The last layer must be a dense layer, not dropout.', last.nodeId)
  let nIn = model.inputSize
  let denseCount = 0
  for (const layer of model.layers) {
    if (layer.kind === 'dropout') {
      if (!(layer.rate >= 0 && layer.rate < 1)) {
        throw specError(`Dropout rate must be in [0, 1) (got ${layer.rate}).`, layer.nodeId)
      }
      continue
    }
    denseCount++
    if (!Number.isInteger(layer.units) || layer.units < 1) {
      throw specError(`A dense layer needs at least one unit (got ${layer.units}).`, layer.nodeId)
    }
    if (!(layer.activation.id in activations)) {
      throw specError(`Unknown activation "${layer.activation.id}".`, layer.nodeId)
    }
    if (layer.activation.id === 'softmax' && layer.units < 2) {
      throw specError('Softmax over one unit always outputs 1: use sigmoid, or give it 2 or more units.', layer.nodeId)
    }
    if (layer.weights) {
      const ok = layer.weights.length === layer.units && layer.weights.every((row) => row.length === nIn)
      if (!ok) throw specError(`Hand-set weights must be ${layer.units}×${nIn} ([units][inputs]).`, layer.nodeId)
    }
    if (layer.biases && layer.biases.length !== layer.units) {
      throw specError(`Hand-set biases must have ${layer.units} entries.`, layer.nodeId)
    }
    nIn = layer.units
  }
  if (spec.optimizer.id === 'perceptron') {
    const only = model.layers[0]
    if (denseCount !== 1 || model.layers.length !== 1 || only.kind !== 'dense') {
      throw specError('The perceptron rule trains a single layer of step or sign units only.', last.nodeId)
    }
    if (only.activation.id !== 'step' && only.activation.id !== 'sign') {
      throw specError('The perceptron rule needs a step or sign activation.', only.nodeId)
    }
  } else if (last.kind === 'dense') {
    for (const layer of model.layers) {
      if (layer.kind === 'dense' && !activations[layer.activation.id].differentiable && layer.trainWeights) {
        throw specError(
          `The ${layer.activation.id} activation has zero gradient, so gradient descent cannot train it: ` +
            'use the perceptron rule (single layer) or a smooth activation such as sigmoid.',
          layer.nodeId,
        )
      }
    }
  }
  const b = spec.training.batch
  if (b.mode === 'mini' && !(Number.isInteger(b.size) && b.size >= 1)) {
    throw specError(`The mini-batch size must be a whole number ≥ 1 (got ${b.size}).`)
  }
  if (!(spec.optimizer.learningRate >= 0)) throw specError('The learning rate must be ≥ 0.')
  const vf = spec.training.validationFraction
  if (!(vf >= 0 && vf < 1)) throw specError(`The validation fraction must be in [0, 1) (got ${vf}).`)
  if (!ds) return
  if (ds.inputSize !== model.inputSize) {
    throw specError(`The data has ${ds.inputSize} input features but the network expects ${model.inputSize}.`)
  }
  if (ds.targetSize !== nIn) {
    throw specError(`The data has ${ds.targetSize} targets per row but the output layer has ${nIn} units.`, last.nodeId)
  }
  if (ds.count < 1) throw specError('The dataset is empty.')
  if (ds.inputs.length < ds.count * ds.inputSize) throw specError('The dataset has fewer input values than count × inputSize.')
  if (!ds.targets && !ds.labels) throw specError('The dataset has neither targets nor labels.')
}
