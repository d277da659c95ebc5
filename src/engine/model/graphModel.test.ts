/** Model JSON of graphs: a residual, two-branch network round-trips bit for bit; bad links are refused with their path. */
import { describe, expect, it } from 'vitest'
import { NETWORK_INPUT, type EngineSpec } from '../spec'
import { createSession, dense, engineSpec, merge, tableDataset } from '../train'
import { exportModel, serializeModel } from './export'
import { modelToSpec } from './format'
import { createPredictor, parseModel } from './import'
import { modelToProject } from './toProject'
import { compileGraph } from '../project/compile'

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
]
const probe = [0, 0, 0, 1, 1, 0, 1, 1, 0.3, -2.5, 7, 0.123456789]

/** in → h (3, tanh) → f (2) → sum = tanh(in + f); in → side (2, relu); [sum | side] → o (sigmoid). */
function trained(precision: 'float64' | 'float32') {
  const spec: EngineSpec = engineSpec(
    {
      inputSize: 2,
      precision,
      layers: [
        dense('h', 3, 'tanh'),
        dense('f', 2, 'linear'),
        merge('add', 'sum', [NETWORK_INPUT, 'f'], 'tanh'),
        dense('side', 2, 'relu', { inputs: [NETWORK_INPUT] }),
        merge('concat', 'both', ['sum', 'side']),
        dense('o', 1, 'sigmoid'),
      ],
      loss: { id: 'bce', reduction: 'mean' },
    },
    { seed: 7, optimizer: { id: 'adam', learningRate: 0.05 }, training: { batch: { mode: 'full' }, maxEpochs: 30, shuffle: false, validationFraction: 0 } },
  )
  const session = createSession(spec, tableDataset(X, [[0], [1], [1], [0]]))
  session.trainToEnd()
  return session
}

describe('model JSON of a graph', () => {
  it.each(['float64', 'float32'] as const)('round-trips %s predictions bit for bit, with each layer’s inputs', (precision) => {
    const session = trained(precision)
    const model = exportModel(session, { title: 'residual' })
    expect(model.architecture.layers.map((l) => [l.nodeId, l.inputs])).toEqual([
      ['h', undefined],
      ['f', undefined],
      ['sum', ['$input', 'f']],
      ['side', ['$input']],
      ['both', ['sum', 'side']],
      ['o', undefined],
    ])
    expect(model.architecture.layers[2]).toMatchObject({ kind: 'add', units: 2, activation: { id: 'tanh' } })
    expect(model.architecture.layers[4]).toMatchObject({ kind: 'concat', units: 4 })
    const parsed = parseModel(serializeModel(model))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(parsed.model).toEqual(model)
    expect(createPredictor(parsed.model).predict(probe, 6)).toEqual(session.predict(probe, 6))
    expect(modelToSpec(parsed.model).model.layers.map((l) => l.inputs)).toEqual(session.spec.model.layers.map((l) => l.inputs))
  })

  it('reopens as a project that compiles back to the same layers', () => {
    const session = trained('float64')
    const model = exportModel(session, { title: 'residual', data: { kind: 'inline', inputs: X, targets: [[0], [1], [1], [0]] } })
    const { spec, diagnostics } = compileGraph(modelToProject(model))
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(spec!.model.layers.map((l) => [l.kind, l.nodeId, l.inputs])).toEqual(session.spec.model.layers.map((l) => [l.kind, l.nodeId, l.inputs]))
  })

  const broken: [string, (layers: Record<string, unknown>[]) => void, string, RegExp][] = [
    ['an unknown source', (l) => (l[2].inputs = ['$input', 'nope']), '$.architecture.layers[2].inputs', /"nope" is not an earlier layer/],
    ['a later layer as source', (l) => (l[1].inputs = ['o']), '$.architecture.layers[1].inputs', /"o" is not an earlier layer/],
    ['add over unequal widths', (l) => (l[2].inputs = ['h', 'f']), '$.architecture.layers[2].inputs', /same width \(got 3, 2\)/],
    ['a merge of one source', (l) => (l[4].inputs = ['sum']), '$.architecture.layers[4].inputs', /two or more/],
    ['a dead branch', (l) => ((l[4].inputs = ['sum', 'sum']), (l[4].units = 4)), '$.architecture.layers[3]', /feeds no other layer/],
  ]
  it('names an unknown source once, without "must be NaN" echoes on the layers that read it', () => {
    const model = JSON.parse(serializeModel(exportModel(trained('float64'), { title: 'x' })))
    model.architecture.layers[1].inputs = ['nope']
    const parsed = parseModel(JSON.stringify(model))
    expect(parsed.ok ? [] : parsed.errors).toEqual([{ path: '$.architecture.layers[1].inputs', message: '"nope" is not an earlier layer\'s nodeId (or "$input")' }])
  })

  it.each([
    ['a negative count', { count: -5, loss: 1, epoch: 1 }, '$.history.test.count: must be a whole number ≥ 1'],
    ['a fractional epoch', { count: 4, loss: 1, epoch: 1.5 }, '$.history.test.epoch: must be a whole number ≥ 0'],
    ['an accuracy above 1', { count: 4, loss: 1, epoch: 1, accuracy: 7 }, '$.history.test.accuracy: must be a number ≥ 0 and ≤ 1'],
  ])('refuses a test set with %s', (_name, test, problem) => {
    const model = JSON.parse(serializeModel(exportModel(trained('float64'), { title: 'x' })))
    model.history.test = test
    const parsed = parseModel(JSON.stringify(model))
    expect(parsed.ok ? [] : parsed.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([problem])
  })

  it.each(broken)('refuses %s', (_name, breakIt, path, message) => {
    const model = JSON.parse(serializeModel(exportModel(trained('float64'), { title: 'x' })))
    breakIt(model.architecture.layers)
    const parsed = parseModel(JSON.stringify(model))
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors.find((e) => e.path === path && message.test(e.message)), JSON.stringify(parsed.errors)).toBeDefined()
  })
})
