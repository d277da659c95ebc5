import { describe, expect, it } from 'vitest'
import type { FeaturesLayerSpec, ModelSpec } from '../spec'
import { gradCheck } from '../gradcheck'
import { createRng } from '../rng'
import { createSession, dense, engineSpec, tableDataset } from '../train'
import { createPredictor, exportModel, modelToSpec, parseModel, serializeModel } from '../model'
import { INPUT_FEATURES, featuresCheck, type InputFeatureId } from './features'
import { traceSample } from '../trace/trace'

const ALL = Object.keys(INPUT_FEATURES) as InputFeatureId[]
const features = (nodeId: string, list: InputFeatureId[]): FeaturesLayerSpec => ({ kind: 'features', nodeId, features: list })

describe('input features', () => {
  it('compute x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂ in float64, in the order listed', () => {
    // A features layer alone before a linear identity-sized dense layer with W = I shows its output.
    const list: InputFeatureId[] = ['sinX2', 'x1x2', 'x1', 'x2Squared', 'x1Squared', 'sinX1', 'x2']
    const identity = Array.from({ length: 7 }, (_, j) => Array.from({ length: 7 }, (_, k) => (j === k ? 1 : 0)))
    const spec = engineSpec({ inputSize: 2, layers: [features('f', list), dense('o', 7, 'linear', { weights: identity, biases: new Array(7).fill(0) })], loss: { id: 'halfSse', reduction: 'sum' } })
    const session = createSession(spec, tableDataset([[0.3, -1.7]], [new Array(7).fill(0)]))
    const out = session.predict([0.3, -1.7, 2, 0.5], 2)
    const expected = (a: number, b: number) => [Math.sin(b), a * b, a, b * b, a * a, Math.sin(a), b]
    expect(Array.from(out)).toEqual([...expected(0.3, -1.7), ...expected(2, 0.5)])
  })

  it('give the next layer one input per feature (its weights are units × features)', () => {
    const spec = engineSpec({ inputSize: 2, layers: [features('f', ['x1', 'x1x2', 'sinX2']), dense('o', 1, 'sigmoid')], loss: { id: 'bce', reduction: 'mean' } })
    const session = createSession(spec, tableDataset([[0, 1]], [[1]]))
    expect(session.getFlatParams().length).toBe(3 + 1)
  })

  it('pass a gradient check, also where they read a hidden layer (their backward pass)', () => {
    const rng = createRng(4)
    const inputs = Array.from({ length: 6 }, () => [rng.range(-2, 2), rng.range(-2, 2)])
    const data = tableDataset(inputs, inputs.map(([a, b]) => [a * b > 0 ? 1 : 0]))
    const init = { weightInit: { id: 'normal' as const, std: 0.8 }, biasInit: { id: 'normal' as const, std: 0.3 } }
    const model: ModelSpec = { inputSize: 2, layers: [dense('h', 2, 'tanh', init), features('f', ALL), dense('o', 1, 'sigmoid', init)], loss: { id: 'bce', reduction: 'mean' }, precision: 'float64' }
    const r = gradCheck(model, data, { seed: 2 })
    expect(r.checked).toBe(6 + 8)
    expect(r.maxAbsError).toBeLessThan(1e-7)
  })

  it('let a 1-unit network solve XOR clouds with x₁x₂ (a linear model of the inputs cannot)', () => {
    const rng = createRng(7)
    const inputs = Array.from({ length: 80 }, (_, i) => [(i % 2 ? 0.5 : -0.5) + rng.normal(0, 0.15), ((i >> 1) % 2 ? 0.5 : -0.5) + rng.normal(0, 0.15)])
    const data = tableDataset(inputs, inputs.map(([a, b]) => [a * b < 0 ? 1 : 0]))
    const accuracy = (list: InputFeatureId[]) => {
      const spec = engineSpec({ inputSize: 2, layers: [features('f', list), dense('o', 1, 'sigmoid')], loss: { id: 'bce', reduction: 'mean' } }, { optimizer: { id: 'sgd', learningRate: 1 }, training: { batch: { mode: 'full' }, maxEpochs: 300, shuffle: false, validationFraction: 0 } })
      const session = createSession(spec, data)
      session.trainToEnd()
      return session.evaluate(data).accuracy!
    }
    expect(accuracy(['x1', 'x2', 'x1x2'])).toBeGreaterThanOrEqual(0.95)
    expect(accuracy(['x1', 'x2'])).toBeLessThan(0.8)
  })

  it('survive the model file: exported, parsed and predicting bit for bit', () => {
    const spec = engineSpec({ inputSize: 2, layers: [features('f', ['x1Squared', 'x2Squared']), dense('o', 1, 'sigmoid')], loss: { id: 'bce', reduction: 'mean' } }, { training: { batch: { mode: 'full' }, maxEpochs: 20, shuffle: false, validationFraction: 0 } })
    const data = tableDataset([[0, 0], [0.9, 0.1], [-0.2, 0.8], [0.1, -0.1]], [[1], [0], [0], [1]])
    const session = createSession(spec, data)
    session.trainToEnd()
    const model = exportModel(session, { title: 'circle' })
    expect(model.architecture.layers[0]).toEqual({ kind: 'features', nodeId: 'f', features: ['x1Squared', 'x2Squared'], units: 2, nIn: 2 })
    const parsed = parseModel(serializeModel(model))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(modelToSpec(parsed.model).model.layers[0]).toEqual(features('f', ['x1Squared', 'x2Squared']))
    const probe = [0.5, -0.5, 0.05, 0.02]
    expect(createPredictor(parsed.model).predict(probe, 2)).toEqual(session.predict(probe, 2))
  })

  it('in a model file: a wrong feature list or width is refused with its path', () => {
    const spec = engineSpec({ inputSize: 2, layers: [features('f', ['x1', 'x2']), dense('o', 1, 'sigmoid')], loss: { id: 'bce', reduction: 'mean' } })
    const model = exportModel(createSession(spec, tableDataset([[0, 1]], [[1]])), { title: 't' })
    const problems = (breakIt: (json: any) => void): string[] => {
      const broken = JSON.parse(serializeModel(model))
      breakIt(broken)
      const parsed = parseModel(JSON.stringify(broken))
      return parsed.ok ? [] : parsed.errors.map((e) => `${e.path}: ${e.message}`)
    }
    expect(problems((m) => (m.architecture.layers[0].features = ['x1', 'cosX1']))).toEqual(['$.architecture.layers[0].features[1]: must be one of x1, x2, x1Squared, x2Squared, x1x2, sinX1, sinX2'])
    expect(problems((m) => (m.architecture.layers[0].features = ['x1', 'x1']))).toEqual(['$.architecture.layers[0].features: must not pick one twice'])
    expect(problems((m) => (m.architecture.layers[0].units = 3))).toEqual(['$.architecture.layers[0].units: must be 2'])
    expect(problems((m) => ((m.architecture.inputSize = 3), (m.architecture.layers[0].nIn = 3)))).toEqual([
      '$.architecture.layers[0].inputs: Input features are computed from two inputs x₁ and x₂, but this layer reads 3.',
    ])
  })

  it('show in a step-through trace: the features as the layer output, the next layer reading them', () => {
    const spec = engineSpec({ inputSize: 2, layers: [features('f', ['x1', 'x1x2']), dense('o', 1, 'sigmoid')], loss: { id: 'bce', reduction: 'mean' } })
    const t = traceSample(createSession(spec, tableDataset([[0.5, -2]], [[1]])), 0)
    expect(t.layers.map((l) => l.kind)).toEqual(['features', 'dense'])
    expect(t.layers[0].out).toEqual([0.5, -1])
    expect(t.layers[1].weights![0]).toHaveLength(2)
  })

  it('are checked: two inputs, at least one feature, each once', () => {
    expect(featuresCheck(['x1'], 2)).toBeNull()
    expect(featuresCheck(['x1'], 3)).toMatch(/two inputs x₁ and x₂, but this layer reads 3/)
    expect(featuresCheck([], 2)).toMatch(/at least one/)
    expect(featuresCheck(['x1', 'x1'], 2)).toMatch(/once/)
  })
})
