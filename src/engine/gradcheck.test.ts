/** Finite differences vs backprop for every differentiable activation × loss × bias on/off. */
import { describe, expect, it } from 'vitest'
import type { ActivationId, LossId, ModelSpec } from './spec'
import { gradCheck } from './gradcheck'
import { dense } from './train/builders'
import { createRng } from './rng'
import { activations } from './nn/activations'

/** Every differentiable activation of the registry, as a hidden layer: a new one is checked here by itself. */
const hiddenActivations: ActivationId[] = Object.values(activations).filter((a) => a.differentiable).map((a) => a.id)
/** Output activations that make sense for each loss (bce needs outputs in (0, 1)). */
const outputsFor: Record<LossId, ActivationId[]> = {
  halfSse: ['linear', 'sigmoid', 'tanh', 'softmax', 'leakyRelu', 'softplus'],
  mse: ['linear', 'sigmoid', 'tanh'],
  mae: ['linear', 'sigmoid', 'tanh'],
  bce: ['sigmoid', 'softmax'],
  softmaxCrossEntropy: ['softmax', 'linear', 'tanh'],
  hinge: ['linear', 'tanh'],
}

function dataset(rows: number, nIn: number, nOut: number, loss: LossId) {
  const rng = createRng(7)
  const inputs = Float64Array.from({ length: rows * nIn }, () => rng.range(-1, 1))
  const targets = new Float64Array(rows * nOut)
  for (let r = 0; r < rows; r++) {
    if (loss === 'softmaxCrossEntropy') targets[r * nOut + rng.int(nOut)] = 1
    else if (loss === 'hinge') for (let j = 0; j < nOut; j++) targets[r * nOut + j] = rng.uniform() < 0.5 ? -1 : 1
    else for (let j = 0; j < nOut; j++) targets[r * nOut + j] = rng.uniform()
  }
  return { count: rows, inputSize: nIn, inputs, targetSize: nOut, targets }
}

describe('gradient check (float64, central differences)', () => {
  for (const lossId of Object.keys(outputsFor) as LossId[]) {
    for (const hidden of hiddenActivations) {
      for (const output of outputsFor[lossId]) {
        for (const useBias of [true, false]) {
          for (const reduction of ['mean', 'sum'] as const) {
            it(`${hidden} → ${output} with ${lossId} (${reduction}), bias ${useBias ? 'on' : 'off'}`, () => {
              const model: ModelSpec = {
                inputSize: 3,
                layers: [
                  dense('h', 4, { id: hidden, slope: 0.7, alpha: 0.1 }, { useBias, weightInit: { id: 'normal', std: 0.8 }, biasInit: { id: 'normal', std: 0.3 } }),
                  dense('o', 3, output, { useBias, weightInit: { id: 'normal', std: 0.8 }, biasInit: { id: 'normal', std: 0.3 } }),
                ],
                loss: { id: lossId, reduction },
                precision: 'float64',
              }
              const result = gradCheck(model, dataset(5, 3, 3, lossId), { seed: 3 })
              expect(result.checked).toBe(useBias ? 12 + 4 + 12 + 3 : 24)
              expect(result.maxAbsError).toBeLessThan(1e-7)
            })
          }
        }
      }
    }
  }

  it('a dropout layer is the identity at evaluation, so gradients still check', () => {
    const model: ModelSpec = {
      inputSize: 3,
      layers: [dense('h', 4, 'tanh'), { kind: 'dropout', nodeId: 'd', rate: 0.5 }, dense('o', 2, 'sigmoid')],
      loss: { id: 'bce', reduction: 'mean' },
      precision: 'float64',
    }
    expect(gradCheck(model, dataset(4, 3, 2, 'bce')).maxAbsError).toBeLessThan(1e-7)
  })

  it('frozen weights or biases are not checked (and not trained)', () => {
    const model: ModelSpec = {
      inputSize: 3,
      layers: [dense('h', 4, 'tanh', { trainWeights: false }), dense('o', 2, 'linear', { trainBiases: false })],
      loss: { id: 'halfSse', reduction: 'mean' },
      precision: 'float64',
    }
    const r = gradCheck(model, dataset(4, 3, 2, 'halfSse'))
    expect(r.checked).toBe(4 + 8)
    expect(r.maxAbsError).toBeLessThan(1e-7)
  })
})
