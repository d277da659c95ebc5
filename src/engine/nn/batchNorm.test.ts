import { describe, expect, it } from 'vitest'
import type { BatchNormLayerSpec, EngineSpec, LossId, ModelSpec } from '../spec'
import { gradCheck } from '../gradcheck'
import { createRng, createStreams } from '../rng'
import { createSession, dense, engineSpec, tableDataset } from '../train'
import { createPredictor, exportModel, modelToSpec, parseModel, serializeModel } from '../model'
import { createNetwork, networkForward } from './network'
import type { BatchNormLayer } from './batchNorm'

const bn = (nodeId: string, extra: Partial<BatchNormLayerSpec> = {}): BatchNormLayerSpec => ({ kind: 'batchNorm', nodeId, momentum: 0.1, epsilon: 1e-5, ...extra })

function data(rows: number, nIn: number, nOut: number, seed: number) {
  const rng = createRng(seed)
  const inputs = Array.from({ length: rows }, () => Array.from({ length: nIn }, () => rng.range(-2, 3)))
  const targets = Array.from({ length: rows }, () => Array.from({ length: nOut }, () => rng.uniform()))
  return tableDataset(inputs, targets)
}

describe('batch normalisation: gradient check', () => {
  const init = { weightInit: { id: 'normal' as const, std: 0.8 }, biasInit: { id: 'normal' as const, std: 0.3 } }
  for (const mode of ['training', 'evaluation'] as const) {
    for (const [loss, out] of [['halfSse', 'sigmoid'], ['bce', 'sigmoid'], ['softmaxCrossEntropy', 'softmax']] as [LossId, 'sigmoid' | 'softmax'][]) {
      it(`dense → batchNorm → tanh dense → ${out} with ${loss}, ${mode} mode`, () => {
        const model: ModelSpec = {
          inputSize: 3,
          layers: [dense('h', 4, 'linear', init), bn('bn', { gamma: [1.5, 0.5, -1, 2], beta: [0.1, -0.2, 0.3, 0], runningMean: [0.2, -0.1, 0, 0.5], runningVar: [2, 0.5, 1, 3] }), dense('h2', 3, 'tanh', init), dense('o', 2, out, init)],
          loss: { id: loss, reduction: 'mean' },
          precision: 'float64',
        }
        const r = gradCheck(model, data(6, 3, 2, 5), { seed: 3, mode })
        expect(r.checked).toBe(16 + 8 + 15 + 8)
        expect(r.maxAbsError).toBeLessThan(1e-7)
      })
    }
  }

  it('checks the input gradient too: batch norm straight after the input, training mode', () => {
    const model: ModelSpec = { inputSize: 3, layers: [bn('bn'), dense('o', 2, 'sigmoid')], loss: { id: 'halfSse', reduction: 'sum' }, precision: 'float64' }
    expect(gradCheck(model, data(5, 3, 2, 9), { mode: 'training' }).maxAbsError).toBeLessThan(1e-7)
  })
})

describe('batch normalisation: forward and running statistics', () => {
  const model: ModelSpec = { inputSize: 2, layers: [bn('bn', { gamma: [2, 1], beta: [0.5, -1], momentum: 0.25 }), dense('o', 1, 'linear')], loss: { id: 'halfSse', reduction: 'mean' }, precision: 'float64' }
  const X = [1, 10, 3, 20, 8, 60]

  it('normalises each feature over the batch while training and updates the running statistics as PyTorch does', () => {
    const nw = createNetwork(model, 3, createRng(1))
    nw.X.set(X)
    const s = createStreams(1)
    networkForward(nw, 0, 3, { dropout: s.dropout, noise: s.noise })
    const layer = nw.layers[0] as BatchNormLayer
    const col = (j: number) => [0, 1, 2].map((r) => layer.out[r * 2 + j])
    for (const [j, gamma, beta] of [[0, 2, 0.5], [1, 1, -1]]) {
      const v = col(j)
      const mean = v.reduce((a, b) => a + b) / 3
      const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / 3)
      expect(mean).toBeCloseTo(beta, 12)
      expect(std).toBeCloseTo(gamma * Math.sqrt(1 / (1 + 1e-5 / [26 / 3, 1400 / 3][j])), 9)
    }
    // Feature 0: mean 4, biased var 26/3, unbiased 13. running = 0.75·(0, 1) + 0.25·(4, 13).
    expect(layer.runningMean[0]).toBeCloseTo(1, 14)
    expect(layer.runningVar[0]).toBeCloseTo(0.75 + 0.25 * 13, 14)
    // Evaluation uses the running statistics and leaves them alone.
    nw.X.set([4, 30])
    networkForward(nw, 0, 1, null)
    expect(layer.out[0]).toBeCloseTo(2 * (4 - 1) / Math.sqrt(4 + 1e-5) + 0.5, 12)
    expect(layer.runningMean[0]).toBeCloseTo(1, 14)
  })
})

describe('batch normalisation in a session', () => {
  const ds = data(24, 3, 1, 11)
  const spec = (extra: Partial<EngineSpec['training']>): EngineSpec =>
    engineSpec(
      { inputSize: 3, layers: [dense('h', 5, 'linear'), bn('bn'), dense('h2', 4, 'relu', { weightInit: { id: 'heNormal' } }), dense('o', 1, 'sigmoid')], loss: { id: 'bce', reduction: 'mean' } },
      { seed: 4, optimizer: { id: 'adam', learningRate: 0.3 }, training: { batch: { mode: 'mini', size: 8 }, maxEpochs: 40, shuffle: true, validationFraction: 0.25, ...extra } },
    )

  it('restore-best brings back the running statistics of the best epoch with its weights', () => {
    const stopped = createSession(spec({ earlyStopping: { patience: 3, minDelta: 0, restoreBest: true } }), ds)
    stopped.trainToEnd()
    expect(stopped.restoredEpoch).not.toBeNull()
    const best = createSession(spec({ maxEpochs: stopped.restoredEpoch! }), ds)
    best.trainToEnd()
    expect(stopped.network.state).toEqual(best.network.state)
    expect(stopped.getFlatParams()).toEqual(best.getFlatParams())
    expect(Array.from(stopped.network.state.subarray(0, 5)).some((v) => v !== 0)).toBe(true)
  })

  it('exports γ, β and the running statistics; the imported model predicts bit for bit', () => {
    const session = createSession(spec({ maxEpochs: 5 }), ds)
    session.trainToEnd()
    const model = exportModel(session, { title: 'bn' })
    expect(Object.keys(model.architecture.layers[1])).toEqual(['kind', 'nodeId', 'units', 'nIn', 'momentum', 'epsilon', 'gamma', 'beta', 'runningMean', 'runningVar'])
    const parsed = parseModel(serializeModel(model))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const probe = [0.1, 2, -1, 3, 3, 3]
    expect(createPredictor(parsed.model).predict(probe, 2)).toEqual(session.predict(probe, 2))
    expect(createSession(modelToSpec(parsed.model), ds).network.state).toEqual(session.network.state)
  })

  it('needs batches of two or more, and whole batches: no online mode, no stepping by example', () => {
    expect(() => createSession(spec({ batch: { mode: 'online' } }), ds)).toThrow(/Batch normalisation needs batches of 2 or more/)
    const session = createSession(spec({ batch: { mode: 'mini', size: 8 } }), ds, { maxChunk: 3 })
    expect(() => session.step('example')).toThrow(/step by batch or by epoch/)
    expect(session.step('batch').iteration).toBe(1)
  })
})
