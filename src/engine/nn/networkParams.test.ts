import { describe, expect, it } from 'vitest'
import type { BatchNormLayerSpec, ModelSpec } from '../spec'
import { createRng } from '../rng'
import { dense } from '../train'
import { createNetwork, networkForward, networkOutput, parameterCount } from './network'

const bn: BatchNormLayerSpec = { kind: 'batchNorm', nodeId: 'bn', momentum: 0.1, epsilon: 1e-5, gamma: [2, 3, 4], beta: [1, 1, 1] }
const model: ModelSpec = {
  inputSize: 2,
  layers: [dense('h', 3, 'tanh', { weights: [[1, 2], [3, 4], [5, 6]], biases: [0.5, 0.5, 0.5] }), bn, dense('o', 2, 'sigmoid')],
  loss: { id: 'halfSse', reduction: 'sum' },
  precision: 'float64',
}

describe('a network built over given parameters (a data-parallel replica)', () => {
  it('reads them in place and writes none of them: no initialiser, no hand-set value', () => {
    const owner = createNetwork(model, 4, createRng(1))
    const before = Float64Array.from(owner.params)
    const replica = createNetwork(model, 4, createRng(99), { params: owner.params })
    expect(replica.params).toBe(owner.params)
    expect(Array.from(owner.params)).toEqual(Array.from(before))
    // Both compute the same outputs, and an update to the owner is seen by the replica at once.
    const outputs = () => {
      for (const nw of [owner, replica]) {
        nw.X.set([0.1, -0.2, 0.3, 0.4])
        networkForward(nw, 0, 2, null)
      }
      return [Array.from(networkOutput(owner).subarray(0, 4)), Array.from(networkOutput(replica).subarray(0, 4))]
    }
    const [a, b] = outputs()
    expect(b).toEqual(a)
    owner.params[0] += 1
    const [c, d] = outputs()
    expect(d).toEqual(c)
    expect(c).not.toEqual(a)
  })

  it('says so when the given parameters do not fit the model', () => {
    const wrong = new Float64Array(parameterCount(model) - 1)
    expect(() => createNetwork(model, 4, createRng(1), { params: wrong })).toThrow(/parameters given for a model of/)
  })
})
