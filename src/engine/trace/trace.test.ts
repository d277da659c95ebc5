import { describe, expect, it } from 'vitest'
import type { Dataset } from '../spec'
import { createSession, dense, engineSpec, tableDataset } from '../train'
import { traceExample, traceSample } from './trace'

describe('trace and snapshots', () => {
  const spec = engineSpec(
    { inputSize: 2, layers: [dense('h', 3, 'tanh'), dense('o', 1, 'sigmoid')], loss: { id: 'bce', reduction: 'mean' } },
    { optimizer: { id: 'momentum', learningRate: 0.5, momentum: 0.9 } },
  )
  const data = tableDataset([[0, 0], [0, 1], [1, 0], [1, 1]], [[0], [1], [1], [0]])

  it('is plain JSON; a preview does not change the session, an applied trace does', () => {
    const s = createSession(spec, data)
    const before = s.getFlatParams()
    const t = traceSample(s, 1)
    expect(JSON.parse(JSON.stringify(t))).toEqual(t)
    expect(s.getFlatParams()).toEqual(before)
    expect(s.iteration).toBe(0)
    // the update is −η·∂E/∂w for the first momentum step
    t.layers[1].updateWeights![0].forEach((u, k) => expect(u).toBeCloseTo(-0.5 * t.layers[1].gradWeights![0][k], 15))
    const applied = traceExample(s, [0, 1], [1], { apply: true })
    expect(applied.applied).toBe(true)
    expect(s.iteration).toBe(1)
    const after = s.getFlatParams()
    const [h] = s.getParams()
    expect(h.weights[0]).toBeCloseTo(before[0] + t.layers[0].updateWeights![0][0], 15)
    expect(after).not.toEqual(before)
    const norms = s.gradientNorms()
    expect(norms.map((l) => l.nodeId)).toEqual(['h', 'o'])
    expect(norms[0].norm).toBeGreaterThan(0)
  })

  it('byte inputs with inputScale and class labels train without expanding the dataset', () => {
    const inputs = Uint8Array.from([0, 0, 0, 255, 255, 0, 255, 255])
    const ds: Dataset = { count: 4, inputSize: 2, inputs, inputScale: 1 / 255, targetSize: 2, labels: Uint8Array.from([0, 1, 1, 0]) }
    const s = createSession(
      engineSpec(
        { inputSize: 2, layers: [dense('h', 8, 'relu', { weightInit: { id: 'heNormal' } }), dense('o', 2, 'softmax')], loss: { id: 'softmaxCrossEntropy', reduction: 'mean' } },
        { seed: 3, optimizer: { id: 'adam', learningRate: 0.05 }, training: { batch: { mode: 'full' }, maxEpochs: 300, shuffle: false, validationFraction: 0 } },
      ),
      ds,
    )
    s.trainToEnd()
    const last = s.history.at(-1)!
    expect(last.accuracy).toBe(1)
    expect(last.confusion).toEqual([[2, 0], [0, 2]])
    const t = traceSample(s, 3)
    expect(t.input).toEqual([1, 1])
    expect(t.target).toEqual([1, 0])
  })
})
