/**
 * The model file's schema: its layers are the layer-kind registry's, and each problem comes back
 * with its JSON path and what the value must be, including those spanning fields (widths through
 * the graph, lengths of per-unit lists, the preprocessing), even beside type errors elsewhere.
 */
import { describe, expect, it } from 'vitest'
import { layerKinds } from '../nn/layers'
import { createSession, dense, engineSpec, tableDataset } from '../train'
import { exportModel } from './export'
import { validateModel } from './import'
import { modelLayer } from './schema'

/** in(2) → h (3, tanh) → bn (batch norm) → o (1, sigmoid), trained a few epochs. */
function model(): Record<string, any> {
  const spec = engineSpec(
    {
      inputSize: 2,
      precision: 'float64',
      layers: [dense('h', 3, 'tanh'), { kind: 'batchNorm', nodeId: 'bn', momentum: 0.1, epsilon: 1e-5 }, dense('o', 1, 'sigmoid')],
      loss: { id: 'bce', reduction: 'mean' },
    },
    { seed: 3, optimizer: { id: 'sgd', learningRate: 0.1 }, training: { batch: { mode: 'full' }, maxEpochs: 3, shuffle: false, validationFraction: 0 } },
  )
  const session = createSession(spec, tableDataset([[0, 0], [0, 1], [1, 0], [1, 1]], [[0], [1], [1], [0]]))
  session.trainToEnd()
  const data = { kind: 'inline', inputs: [[0, 0], [1, 1]], targets: [[0], [0]] }
  return JSON.parse(JSON.stringify(exportModel(session, { title: 't', data: data as never })))
}

const problems = (json: unknown): string[] => {
  const r = validateModel(json)
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`)
}

describe('model file schema', () => {
  it('has one layer form per kind of the layer registry', () => {
    expect(modelLayer.options.map((o) => o.shape.kind.value)).toEqual(Object.keys(layerKinds))
  })

  it('accepts what the engine exports', () => {
    expect(problems(model())).toEqual([])
  })

  it('says which file it is first, alone', () => {
    expect(problems([1])).toEqual(['$: must be a JSON object'])
    const project = { ...model(), format: 'axon-studio/project', title: 7 }
    expect(problems(project)).toEqual(['$.format: must be "axon-studio/model", found "axon-studio/project" (this is a project file: train it first, e.g. “axon train … --out model.json”)'])
    expect(problems({ ...model(), version: 3 })).toEqual(['$.version: model version 3 is newer than this Axon Studio reads (1); update Axon Studio'])
    expect(problems({ ...model(), version: '1' })).toEqual(['$.version: must be 1'])
  })

  it('checks the per-unit lists and widths a kind declares', () => {
    const m = model()
    const bn = m.architecture.layers[1]
    bn.gamma.pop()
    bn.nIn = 5
    m.architecture.layers[2].weights[0].push(0)
    expect(problems(m)).toEqual([
      '$.architecture.layers[1].nIn: must be 3 (the width of what it reads)',
      '$.architecture.layers[1].gamma: must be 3 numbers (one per unit)',
      '$.architecture.layers[2].weights[0]: must be 3 numbers (one per input)',
    ])
  })

  it('checks what each layer reads and the output', () => {
    const m = model()
    m.architecture.layers[1].inputs = ['h', 'h']
    m.architecture.outputSize = 2
    expect(problems(m)).toEqual([
      '$.architecture.layers[1].inputs: must name one source (only add and concat join several)',
      '$.architecture.outputSize: must be 1 (the last layer\'s units)',
    ])
  })

  it('an empty layer list is its one problem (the output check found no last layer and threw; fuzz seed 701485462)', () => {
    const m = model()
    m.architecture.layers = []
    expect(problems(m)).toEqual(['$.architecture.layers: must be a non-empty array'])
  })

  it('reports shape problems beside type errors elsewhere in the file', () => {
    const m = model()
    m.history.loss = ['low']
    m.training.optimizer.learningRate = -1
    m.preprocessing.shift = [1, 2, 3]
    m.preprocessing.labelNames = ['a', 'b', 'c']
    m.data.targets.pop()
    expect(problems(m)).toEqual([
      '$.training.optimizer.learningRate: must be a number ≥ 0',
      '$.history.loss: must be an array of numbers',
      '$.data.targets: must have as many rows as inputs (one target row per input row)',
      '$.preprocessing.shift: must be 2 numbers (one per input feature)',
      '$.preprocessing.labelNames: must have at most 2 names for one output',
    ])
  })

  it('reports a weight row that is no array of numbers once, without the shape checks tripping on it', () => {
    const m = model()
    m.architecture.layers[0].weights[1] = null
    m.architecture.layers[2].weights[0] = ['x', 1, 2]
    expect(problems(m)).toEqual([
      '$.architecture.layers[0].weights[1]: must be an array of numbers',
      '$.architecture.layers[2].weights[0]: must be an array of numbers',
    ])
  })

  it('leaves the shape checks out while the architecture itself has the wrong types', () => {
    const m = model()
    m.architecture.layers[0].units = 'three'
    m.architecture.outputSize = 9
    expect(problems(m)).toEqual(['$.architecture.layers[0].units: must be a whole number ≥ 1'])
  })
})
