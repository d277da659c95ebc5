/** Lecture 000's 8-3-8 encoder: the hidden layer learns a 3-bit code for 8 patterns. */
import { describe, expect, it } from 'vitest'
import { createSession, dense, engineSpec, tableDataset } from './index'

describe('8-3-8 encoder', () => {
  it('learns 8/8 patterns with 8 distinct binarised hidden codes (seeded)', () => {
    const eye = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => (i === j ? 1 : 0)))
    const spec = engineSpec(
      {
        inputSize: 8,
        layers: [dense('hidden', 3, 'sigmoid'), dense('out', 8, 'sigmoid')],
        loss: { id: 'halfSse', reduction: 'mean' },
      },
      {
        seed: 42,
        optimizer: { id: 'momentum', learningRate: 0.5, momentum: 0.9 },
        training: { batch: { mode: 'online' }, maxEpochs: 3000, shuffle: true, validationFraction: 0 },
      },
    )
    const s = createSession(spec, tableDataset(eye, eye))
    s.trainToEnd()
    const last = s.history.at(-1)!
    expect(last.accuracy).toBe(1)
    const ev = s.evaluate(s.train)
    expect(ev.accuracy).toBe(1)
    const [hidden] = s.activations(Float64Array.from(eye.flat()), 8)
    const codes = new Set<string>()
    for (let i = 0; i < 8; i++) codes.add(Array.from(hidden.out.subarray(i * 3, i * 3 + 3), (v) => (v >= 0.5 ? 1 : 0)).join(''))
    expect(codes.size).toBe(8)
  })
})
