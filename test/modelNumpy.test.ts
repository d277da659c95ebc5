/**
 * docs/examples/load_model.py (plain NumPy) gives the engine's predictions for an exported model.
 * Skips, saying why, where Debian's python3-numpy is missing.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INPUT_FEATURES, type InputFeatureId } from '../src/engine/nn/features'
import { createPredictor, exportModel, serializeModel } from '../src/engine/model'
import { NETWORK_INPUT, type Dataset, type LayerSpec } from '../src/engine/spec'
import { createSession, dense, engineSpec, merge, tableDataset } from '../src/engine/train'
import { describeRequiring, PYTHON } from './requires'

/** Every input feature of the registry, so a new one is exported and checked too. */
const ALL_FEATURES = Object.keys(INPUT_FEATURES) as InputFeatureId[]

const python = PYTHON
const script = join(import.meta.dirname, '../docs/examples/load_model.py')

describeRequiring(['numpy'], 'model JSON in NumPy', () => {
  it.each([
    ['tanh → dropout → softmax, shifted and scaled inputs', ['tanh', 'softmax'], 'softmaxCrossEntropy', 3],
    ['leaky ReLU → sigmoid', [{ id: 'leakyRelu', alpha: 0.1 }, 'sigmoid'], 'bce', 1],
    ['softplus → linear (slope 2)', ['softplus', { id: 'linear', slope: 2 }], 'halfSse', 1],
    ['tanh → batch norm → sigmoid', ['tanh', 'sigmoid'], 'bce', 1],
  ] as const)('%s', (name, [hiddenAct, outAct], loss, outputs) => {
    const X = [[0, 0], [0, 1], [1, 0], [1, 1], [2, -1]]
    const targets = X.map((x, i) => (outputs === 1 ? [(x[0] + x[1]) % 2] : [0, 1, 2].map((c) => (c === i % 3 ? 1 : 0))))
    const data: Dataset = { ...tableDataset(X, targets), inputShift: Float64Array.from([0.5, -0.25]), inputScalePerFeature: Float64Array.from([2, 3]), inputScale: 0.5 }
    const spec = engineSpec(
      {
        inputSize: 2,
        layers: [dense('h', 4, hiddenAct), name.includes('batch norm') ? { kind: 'batchNorm', nodeId: 'bn', momentum: 0.3, epsilon: 1e-5 } : { kind: 'dropout', nodeId: 'd', rate: 0.3 }, dense('o', outputs, outAct)],
        loss: { id: loss, reduction: 'mean' },
      },
      { seed: 3, optimizer: { id: 'sgd', learningRate: 0.3 }, training: { batch: { mode: 'full' }, maxEpochs: 5, shuffle: false, validationFraction: 0 } },
    )
    expectNumpyAgrees(createSession(spec, data))
  })

  it('a residual block and two concatenated branches (layers naming their inputs)', () => {
    const X = [[0, 0], [0, 1], [1, 0], [1, 1]]
    const layers = [dense('h', 3, 'tanh'), dense('f', 2, 'linear'), merge('add', 'sum', [NETWORK_INPUT, 'f'], 'relu'), dense('side', 3, 'sigmoid', { inputs: [NETWORK_INPUT] }), merge('concat', 'both', ['side', 'sum']), dense('o', 1, 'sigmoid')]
    const spec = engineSpec({ inputSize: 2, layers, loss: { id: 'bce', reduction: 'mean' } }, { seed: 2, optimizer: { id: 'adam', learningRate: 0.05 }, training: { batch: { mode: 'full' }, maxEpochs: 10, shuffle: false, validationFraction: 0 } })
    expectNumpyAgrees(createSession(spec, tableDataset(X, [[0], [1], [1], [0]])))
  })

  it('input features (every one) before the first layer', () => {
    const X = [[0, 0], [0, 1], [1, 0], [1, 1]]
    const layers: LayerSpec[] = [{ kind: 'features', nodeId: 'feat', features: ALL_FEATURES }, dense('h', 3, 'tanh'), dense('o', 1, 'sigmoid')]
    const spec = engineSpec({ inputSize: 2, layers, loss: { id: 'bce', reduction: 'mean' } }, { seed: 3, optimizer: { id: 'sgd', learningRate: 0.5 }, training: { batch: { mode: 'full' }, maxEpochs: 10, shuffle: false, validationFraction: 0 } })
    expectNumpyAgrees(createSession(spec, tableDataset(X, [[0], [1], [1], [0]])))
  })
})

/** Trains the session, exports it, and runs load_model.py on two raw rows: it agrees with the engine to 12 digits. */
function expectNumpyAgrees(session: ReturnType<typeof createSession>): void {
  session.trainToEnd()
  const model = exportModel(session, { title: 't' })
  const path = join(mkdtempSync(join(tmpdir(), 'axon-numpy-')), 'model.json')
  writeFileSync(path, serializeModel(model))
  const raw = [[0.3, -1.2], [4, 5]]
  const r = spawnSync(python, [script, path, ...raw.map((row) => row.join(','))], { encoding: 'utf8' })
  expect(r.stderr).toBe('')
  const numpy = r.stdout.trim().split('\n').map((line) => line.split(' ').map(Number))
  const engine = createPredictor(model).predictRaw(raw.flat(), 2)
  expect(numpy.flat()).toHaveLength(engine.length)
  numpy.flat().forEach((v, i) => expect(v).toBeCloseTo(engine[i], 12))
}

describe('model JSON Schema', () => {
  it('accepts an exported model and rejects a broken one', async () => {
    const { default: Ajv } = await import('ajv')
    const { readFileSync } = await import('node:fs')
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../src/engine/model/model.schema.json'), 'utf8'))
    const validate = new Ajv({ strict: false }).compile(schema)
    const session = createSession(engineSpec({ inputSize: 2, layers: [dense('h', 2, 'sigmoid'), dense('o', 1, 'sigmoid')] }, { training: { batch: { mode: 'online' }, maxEpochs: 2, shuffle: false, validationFraction: 0 } }), tableDataset([[0, 1], [1, 0]], [[1], [0]]))
    session.trainToEnd()
    const model = JSON.parse(serializeModel(exportModel(session, { title: 't' })))
    expect(validate(model), JSON.stringify(validate.errors)).toBe(true)
    model.architecture.layers[0].activation.id = 'gelu'
    expect(validate(model)).toBe(false)
  })

  it('accepts a graph’s merge layers and inputs', async () => {
    const { default: Ajv } = await import('ajv')
    const { readFileSync } = await import('node:fs')
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(join(import.meta.dirname, '../src/engine/model/model.schema.json'), 'utf8')))
    const layers = [dense('h', 2, 'tanh'), merge('add', 'sum', [NETWORK_INPUT, 'h'], 'relu'), merge('concat', 'both', ['sum', NETWORK_INPUT]), dense('o', 1, 'sigmoid')]
    const session = createSession(engineSpec({ inputSize: 2, layers }), tableDataset([[0, 1], [1, 0]], [[1], [0]]))
    const model = JSON.parse(serializeModel(exportModel(session, { title: 't' })))
    expect(validate(model), JSON.stringify(validate.errors)).toBe(true)
    model.architecture.layers[2].inputs = ['sum']
    expect(validate(model)).toBe(false)
  })

  it('accepts an input-features layer and rejects an unknown feature', async () => {
    const { default: Ajv } = await import('ajv')
    const { readFileSync } = await import('node:fs')
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(join(import.meta.dirname, '../src/engine/model/model.schema.json'), 'utf8')))
    const layers: LayerSpec[] = [{ kind: 'features', nodeId: 'feat', features: ['x1x2', 'sinX1'] }, dense('o', 1, 'sigmoid')]
    const model = JSON.parse(serializeModel(exportModel(createSession(engineSpec({ inputSize: 2, layers }), tableDataset([[0, 1], [1, 0]], [[1], [0]])), { title: 't' })))
    expect(validate(model), JSON.stringify(validate.errors)).toBe(true)
    model.architecture.layers[0].features = ['x1x2', 'cosX1']
    expect(validate(model)).toBe(false)
  })
})
