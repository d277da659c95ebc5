/**
 * Graphs of layers: finite differences vs backprop for residual blocks, two branches, fan-out,
 * and merges with activations; a forward value worked by hand; determinism and the engine's
 * refusals of malformed graphs.
 */
import { describe, expect, it } from 'vitest'
import { NETWORK_INPUT, type ActivationId, type LayerSpec, type LossId, type ModelSpec } from './spec'
import { gradCheck } from './gradcheck'
import { dense, engineSpec, merge, tableDataset } from './train/builders'
import { createSession } from './train/session'
import { validateSpec } from './train/validate'
import { createRng } from './rng'
import { createNetwork, networkPredict } from './nn/network'

const X = NETWORK_INPUT
const init = { weightInit: { id: 'normal', std: 0.8 }, biasInit: { id: 'normal', std: 0.3 } } as const

function dataset(rows: number, nIn: number, nOut: number, loss: LossId) {
  const rng = createRng(7)
  const inputs = Array.from({ length: rows }, () => Array.from({ length: nIn }, () => rng.range(-1, 1)))
  const targets = inputs.map(() => {
    const t = Array.from({ length: nOut }, () => (loss === 'softmaxCrossEntropy' ? 0 : rng.uniform()))
    if (loss === 'softmaxCrossEntropy') t[rng.int(nOut)] = 1
    return t
  })
  return tableDataset(inputs, targets)
}

const model = (layers: LayerSpec[], loss: LossId = 'halfSse'): ModelSpec => ({ inputSize: 3, layers, loss: { id: loss, reduction: 'mean' }, precision: 'float64' })

/** Graphs a teacher draws, each ending in an output layer `o` of 2 units. */
const graphs: Record<string, (hidden: ActivationId, output: ActivationId) => LayerSpec[]> = {
  'residual block x + F(x), ReLU-free merge': (h, o) => [dense('f1', 4, h, init), dense('f2', 3, 'linear', init), merge('add', 'sum', [X, 'f2']), dense('o', 2, o, init)],
  'residual block with an activation on the sum': (h, o) => [dense('stem', 3, h, init), dense('f1', 3, h, init), dense('f2', 3, 'linear', init), merge('add', 'sum', ['stem', 'f2'], 'tanh'), dense('o', 2, o, init)],
  'two branches concatenated': (h, o) => [dense('a', 4, h, init), dense('b', 2, 'sigmoid', { ...init, inputs: [X] }), merge('concat', 'both', ['a', 'b']), dense('o', 2, o, init)],
  'one layer read by three (fan-out), added twice over': (h, o) => [dense('h', 3, h, init), dense('a', 3, 'tanh', init), dense('b', 3, 'linear', { ...init, inputs: ['h'] }), merge('add', 'sum', ['a', 'b', 'h']), dense('o', 2, o, { ...init, inputs: ['sum'] })],
  'the same source twice and a concat feeding an add': (h, o) => [dense('h', 2, h, init), merge('concat', 'hh', ['h', 'h']), dense('w', 4, h, { ...init, inputs: [X] }), merge('add', 'sum', ['hh', 'w'], 'softplus'), dense('o', 2, o, init)],
}

describe('gradient check of graphs (float64, central differences)', () => {
  for (const [name, layers] of Object.entries(graphs)) {
    for (const [hidden, output, loss] of [
      ['tanh', 'linear', 'halfSse'],
      ['sigmoid', 'softmax', 'softmaxCrossEntropy'],
      ['leakyRelu', 'sigmoid', 'bce'],
    ] as [ActivationId, ActivationId, LossId][]) {
      it(`${name}: ${hidden} → ${output} with ${loss}`, () => {
        const result = gradCheck(model(layers(hidden, output), loss), dataset(5, 3, 2, loss), { seed: 3 })
        expect(result.checked).toBeGreaterThan(10)
        expect(result.maxAbsError).toBeLessThan(1e-7)
      })
    }
  }

  it('branches through dropout and batch norm, in training mode (masks and batch statistics)', () => {
    const layers: LayerSpec[] = [
      dense('h', 4, 'tanh', init),
      { kind: 'dropout', nodeId: 'drop', rate: 0.3 },
      { kind: 'batchNorm', nodeId: 'bn', momentum: 0.1, epsilon: 1e-5, inputs: ['h'] },
      merge('concat', 'both', ['drop', 'bn']),
      dense('o', 2, 'linear', init),
    ]
    for (const mode of ['training', 'evaluation'] as const) {
      expect(gradCheck(model(layers), dataset(6, 3, 2, 'halfSse'), { seed: 5, mode }).maxAbsError).toBeLessThan(1e-7)
    }
  })
})

describe('graph forward pass and training', () => {
  // x = [1, 2]; h = relu(W·x + b) with W = [[0.5, −1], [1, 1]], b = [0, −1]: net = [−1.5, 2], h = [0, 2].
  const h = dense('h', 2, 'relu', { weights: [[0.5, -1], [1, 1]], biases: [0, -1] })
  const predict = (layers: LayerSpec[]): number[] => {
    const nw = createNetwork({ inputSize: 2, layers, loss: { id: 'halfSse', reduction: 'mean' }, precision: 'float64' }, 1, createRng(1))
    return Array.from(networkPredict(nw, [1, 2], 1))
  }

  it('a residual sum x + h by hand: [1, 4] → 0.25·1 + 0.5·4 + 0.1 = 2.35', () => {
    expect(predict([h, merge('add', 'sum', [X, 'h']), dense('o', 1, 'linear', { weights: [[0.25, 0.5]], biases: [0.1] })])).toEqual([2.35])
  })

  it('two branches side by side [h | x] = [0, 2, 1, 2] → 1·0 + 2·2 + 3·1 + 4·2 = 15', () => {
    expect(predict([h, merge('concat', 'both', ['h', X]), dense('o', 1, 'linear', { weights: [[1, 2, 3, 4]], biases: [0] })])).toEqual([15])
  })

  it('an activation on the sum: relu([1, 4] − 2) = [0, 2] → 0.5·2 = 1', () => {
    const shift = dense('shift', 2, 'linear', { inputs: [X], weights: [[0, 0], [0, 0]], biases: [-2, -2] })
    expect(predict([h, shift, merge('add', 'sum', [X, 'h', 'shift'], 'relu'), dense('o', 1, 'linear', { weights: [[1, 0.5]], biases: [0] })])).toEqual([1])
  })

  it('a chain spelled out with explicit inputs trains to the same bits as the plain chain', () => {
    const data = dataset(8, 3, 2, 'halfSse')
    const run = (layers: LayerSpec[]) => {
      const s = createSession(engineSpec({ inputSize: 3, layers }, { optimizer: { id: 'adam', learningRate: 0.05 }, training: { batch: { mode: 'mini', size: 4 }, maxEpochs: 5, shuffle: true, validationFraction: 0 } }), data)
      s.trainToEnd()
      return Array.from(s.getFlatParams())
    }
    const plain = run([dense('h', 4, 'tanh'), dense('o', 2, 'linear')])
    expect(run([dense('h', 4, 'tanh', { inputs: [X] }), dense('o', 2, 'linear', { inputs: ['h'] })])).toEqual(plain)
  })

  it('a residual network learns a 2-D task, bit-identically on every run', () => {
    const rng = createRng(9)
    const inputs = Array.from({ length: 40 }, () => [rng.range(-1, 1), rng.range(-1, 1)])
    const targets = inputs.map(([a, b]) => [a * b > 0 ? 1 : 0])
    const spec = engineSpec(
      { inputSize: 2, layers: [dense('stem', 6, 'tanh'), dense('f', 6, 'tanh'), merge('add', 'sum', ['stem', 'f']), dense('o', 1, 'sigmoid')], loss: { id: 'bce', reduction: 'mean' } },
      { seed: 4, optimizer: { id: 'adam', learningRate: 0.05 }, training: { batch: { mode: 'full' }, maxEpochs: 300, shuffle: false, validationFraction: 0 } },
    )
    const train = () => {
      const s = createSession(spec, tableDataset(inputs, targets))
      s.trainToEnd()
      return s
    }
    const a = train()
    expect(a.history.at(-1)!.loss).toBeLessThan(0.5 * a.history[0].loss)
    expect(Array.from(train().getFlatParams())).toEqual(Array.from(a.getFlatParams()))
  })
})

describe('the engine refuses malformed graphs, naming the layer', () => {
  const refuse = (layers: LayerSpec[]) => {
    try {
      validateSpec(engineSpec({ inputSize: 3, layers }))
    } catch (e) {
      return { message: (e as Error).message, nodeId: (e as { nodeId?: string }).nodeId }
    }
    return null
  }
  const o = dense('o', 2, 'linear')

  it.each([
    ['a source that is not an earlier layer (a loop)', [dense('h', 3, 'tanh', { inputs: ['o'] }), o], 'h', /not an earlier layer/],
    ['an unknown source', [dense('h', 3, 'tanh', { inputs: ['nope'] }), o], 'h', /reads “nope”/],
    ['a dead branch', [dense('h', 3, 'tanh'), dense('dead', 3, 'tanh', { inputs: [X] }), dense('o', 2, 'linear', { inputs: ['h'] })], 'dead', /feeds no other layer/],
    ['add over unequal widths', [dense('h', 4, 'tanh'), merge('add', 'sum', [X, 'h']), o], 'sum', /same width \(got 3, 4\)/],
    ['a merge of one input', [dense('h', 3, 'tanh'), merge('concat', 'c', ['h']), o], 'c', /two or more inputs/],
    ['a dense layer with two inputs', [dense('h', 3, 'tanh'), dense('o', 2, 'linear', { inputs: ['h', X] })], 'o', /reads one input, not 2/],
    ['two layers with one id', [dense('h', 3, 'tanh'), dense('h', 2, 'linear')], 'h', /Two layers have the id/],
    ['a merge as the output', [dense('h', 3, 'tanh'), merge('add', 'sum', [X, 'h'])], 'sum', /last layer must be a dense layer/],
  ] as [string, LayerSpec[], string, RegExp][])('%s', (_name, layers, nodeId, message) => {
    const r = refuse(layers)
    expect(r?.nodeId).toBe(nodeId)
    expect(r?.message).toMatch(message)
  })
})
