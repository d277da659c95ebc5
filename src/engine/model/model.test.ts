import { describe, expect, it } from 'vitest'
import type { Dataset, EngineSpec } from '../spec'
import { createSession, dense, engineSpec, tableDataset } from '../train'
import { exportModel, serializeModel } from './export'
import { MODEL_FORMAT, type ModelFile } from './format'
import { createPredictor, parseModel } from './import'

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
]
const probe = [0, 0, 0, 1, 1, 0, 1, 1, 0.3, -2.5, 7, 0.123456789]

function trained(precision: 'float64' | 'float32', data: Dataset = tableDataset(X, [[0], [1], [1], [0]])) {
  const spec: EngineSpec = engineSpec(
    {
      inputSize: 2,
      precision,
      layers: [dense('h', 3, 'tanh', { weightInit: { id: 'glorotUniform' } }), { kind: 'dropout', nodeId: 'd', rate: 0.2 }, dense('o', 1, 'sigmoid')],
      loss: { id: 'bce', reduction: 'mean' },
    },
    { seed: 7, optimizer: { id: 'adam', learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }, training: { batch: { mode: 'full' }, maxEpochs: 20, shuffle: false, validationFraction: 0 } },
  )
  const session = createSession(spec, data)
  session.trainToEnd()
  return session
}

describe('model JSON', () => {
  it.each(['float64', 'float32'] as const)('round-trips %s predictions bit for bit through JSON text', (precision) => {
    const session = trained(precision)
    const model = exportModel(session, { title: 'xor' })
    const text = serializeModel(model)
    const parsed = parseModel(text)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(parsed.model).toEqual(model)
    const predictor = createPredictor(parsed.model)
    expect(predictor.predict(probe, 6)).toEqual(session.predict(probe, 6))
    // The weights survive exactly.
    const weights = session.getParams()[0].weights
    const h = parsed.model.architecture.layers[0]
    expect(h.kind === 'dense' && Float64Array.from(h.weights.flat())).toEqual(weights)
  })

  it('records architecture, preprocessing, training settings and history', () => {
    const data: Dataset = { ...tableDataset(X, [[0], [1], [1], [0]]), inputScale: 0.5, inputShift: Float64Array.from([1, 2]), featureNames: ['a', 'b'] }
    const session = trained('float64', data)
    const model = exportModel(session, { title: 'xor' })
    expect(model.format).toBe(MODEL_FORMAT)
    expect(model.architecture.layers.map((l) => (l.kind === 'dense' ? `${l.nodeId} ${l.nIn}→${l.units} ${l.activation.id}` : `${l.nodeId} dropout`))).toEqual(['h 2→3 tanh', 'd dropout', 'o 3→1 sigmoid'])
    expect(model.preprocessing).toEqual({ scale: 0.5, shift: [1, 2], featureNames: ['a', 'b'] })
    expect(model.training.optimizer.id).toBe('adam')
    expect(model.history.epochs).toBe(20)
    expect(model.history.loss).toHaveLength(20)
    expect(model.history.stopReason).toBe('maxEpochs')
    // Raw rows are preprocessed exactly as training read them.
    const raw = [3, 4, -1, 0]
    const read = raw.map((x, i) => (x - [1, 2][i % 2]) * 0.5)
    expect(createPredictor(model).predictRaw(raw, 2)).toEqual(session.predict(read, 2))
  })

  const valid = (): ModelFile => exportModel(trained('float64'), { title: 't' })
  const broken: [string, (m: any) => void, string, RegExp][] = [
    ['a project file', (m) => (m.format = 'axon-studio/project'), '$.format', /project file/],
    ['a newer version', (m) => (m.version = 2), '$.version', /newer/],
    ['a short weight row', (m) => m.architecture.layers[0].weights[1].pop(), '$.architecture.layers[0].weights[1]', /2 numbers/],
    ['a missing row', (m) => m.architecture.layers[2].weights.pop(), '$.architecture.layers[2].weights', /1 rows/],
    ['wrong nIn', (m) => (m.architecture.layers[2].nIn = 4), '$.architecture.layers[2].nIn', /must be 3/],
    ['unknown activation', (m) => (m.architecture.layers[0].activation.id = 'gelu'), '$.architecture.layers[0].activation.id', /sigmoid/],
    ['biases of the wrong length', (m) => m.architecture.layers[0].biases.push(1), '$.architecture.layers[0].biases', /3 numbers/],
    ['shift of the wrong length', (m) => (m.preprocessing.shift = [1]), '$.preprocessing.shift', /2 numbers/],
    ['a string weight', (m) => (m.architecture.layers[0].weights[0][0] = '0.5'), '$.architecture.layers[0].weights[0]', /numbers/],
    ['a dropout output layer', (m) => m.architecture.layers.push({ kind: 'dropout', nodeId: 'x', rate: 0.5 }), '$.architecture.layers[3]', /dense layer \(the output\), not dropout/],
    ['three class names for one output', (m) => (m.preprocessing.labelNames = ['a', 'b', 'c']), '$.preprocessing.labelNames', /at most 2 names/],
  ]
  it.each(broken)('rejects %s with its path', (_, breakIt, path, message) => {
    const json = JSON.parse(JSON.stringify(valid()))
    breakIt(json)
    const result = parseModel(JSON.stringify(json))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors[0].path).toBe(path)
    expect(result.errors[0].message).toMatch(message)
  })
})
