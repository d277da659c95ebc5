import { describe, expect, it } from 'vitest'
import { BUILTIN_DATASETS, builtinDataset, type BuiltinDatasetId } from './builtin'
import { classBalance } from './datasetRows'

describe('truth tables (lecture order 00, 01, 10, 11)', () => {
  it.each([
    ['and', [0, 0, 0, 1]],
    ['or', [0, 1, 1, 1]],
    ['xor', [0, 1, 1, 0]],
  ] as const)('%s', (id, outputs) => {
    const ds = builtinDataset(id)
    expect(Array.from(ds.inputs)).toEqual([0, 0, 0, 1, 1, 0, 1, 1])
    expect([ds.count, ds.inputSize, ds.targetSize]).toEqual([4, 2, 1])
    expect(Array.from(ds.targets!)).toEqual(outputs)
    expect(Array.from(builtinDataset(id, { targetEncoding: 'signed' }).targets!)).toEqual(
      outputs.map((y) => 2 * y - 1),
    )
    const oneHot = builtinDataset(id, { targetEncoding: 'oneHot' })
    expect([oneHot.targetSize, Array.from(oneHot.labels!)]).toEqual([2, outputs])
  })

  it('8-3-8: eight one-hot patterns mapped to themselves', () => {
    const ds = builtinDataset('identity838')
    expect([ds.count, ds.inputSize, ds.targetSize]).toEqual([8, 8, 8])
    expect(ds.targets).toEqual(ds.inputs)
    expect(Array.from(ds.inputs.subarray(16, 24))).toEqual([0, 0, 1, 0, 0, 0, 0, 0])
    expect(ds.labelNames?.[2]).toBe('00100000')
  })
})

describe('2-D point sets', () => {
  const ids: BuiltinDatasetId[] = ['circles', 'spirals', 'clusters', 'xorClouds']

  it.each(ids)('%s: count, balance, determinism under the seed', (id) => {
    const a = builtinDataset(id, { count: 300, seed: 4 })
    expect([a.count, a.inputSize, a.targetSize]).toEqual([300, 2, 2])
    expect(classBalance(a)).toEqual([150, 150])
    expect(builtinDataset(id, { count: 300, seed: 4 })).toEqual(a)
    expect(builtinDataset(id, { count: 300, seed: 5 }).inputs).not.toEqual(a.inputs)
    expect(BUILTIN_DATASETS[id].kind).toBe('points2d')
  })

  it('noise 0 gives the exact shapes', () => {
    const c = builtinDataset('circles', { count: 200, noise: 0 })
    for (let i = 0; i < c.count; i++) {
      const r = Math.hypot(c.inputs[2 * i], c.inputs[2 * i + 1])
      if (c.labels![i] === 1) expect(r).toBeLessThan(0.5)
      else expect(r >= 0.7 && r < 1).toBe(true)
    }
    const x = builtinDataset('xorClouds', { count: 8, noise: 0 })
    expect(Array.from(x.inputs)).toEqual([
      -0.5, -0.5, 0.5, -0.5, -0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.5, -0.5, -0.5, 0.5, 0.5, 0.5,
    ])
    expect(Array.from(x.labels!)).toEqual([0, 1, 1, 0, 0, 1, 1, 0])
    const s = builtinDataset('spirals', { count: 4, noise: 0 })
    expect(Math.hypot(s.inputs[0], s.inputs[1])).toBe(0)
  })

  it('more noise spreads the points further from the noiseless ones', () => {
    const base = builtinDataset('clusters', { count: 400, noise: 0 })
    const spread = (noise: number): number => {
      const ds = builtinDataset('clusters', { count: 400, noise })
      let d = 0
      for (let i = 0; i < 800; i++) d += (ds.inputs[i] - base.inputs[i]) ** 2
      return Math.sqrt(d / 800)
    }
    expect(spread(0.1)).toBeCloseTo(0.1, 1)
    expect(spread(0.4)).toBeCloseTo(0.4, 1)
  })

  it('clusters with more classes and one-hot labels', () => {
    const ds = builtinDataset('clusters', { count: 90, classes: 3 })
    expect([ds.targetSize, ds.labelNames, classBalance(ds)]).toEqual([
      3,
      ['cluster 1', 'cluster 2', 'cluster 3'],
      [30, 30, 30],
    ])
    expect(() => builtinDataset('clusters', { classes: 9 })).toThrow(/Cannot make 9 clusters/)
  })
})
