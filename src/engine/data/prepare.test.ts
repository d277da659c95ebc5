import { describe, expect, it } from 'vitest'
import type { Dataset } from '../spec'
import { builtinDataset } from './builtin'
import {
  classBalance,
  datasetInputs,
  datasetReadRow,
  datasetReadTarget,
  datasetSubset,
} from './datasetRows'
import { applyNormalization, fitNormalization, normalizeRow } from './normalize'
import { splitDataset } from './split'

const bytes: Dataset = {
  count: 4,
  inputSize: 2,
  inputs: Uint8Array.from([0, 10, 255, 20, 51, 30, 102, 40]),
  inputScale: 1 / 255,
  targetSize: 2,
  labels: Uint8Array.from([0, 1, 1, 1]),
}

describe('normalisation', () => {
  it('none keeps the dataset scale; divide255 is x/255', () => {
    const none = fitNormalization(bytes, 'none')
    expect(none).toEqual({ id: 'none', shift: [0, 0], scale: [1 / 255, 1 / 255] })
    expect(datasetInputs(applyNormalization(bytes, none))).toEqual(datasetInputs(bytes))
    expect(fitNormalization(bytes, 'divide255').scale).toEqual([1 / 255, 1 / 255])
  })

  it('minMax maps the training range to [0, 1]', () => {
    const p = fitNormalization(bytes, 'minMax')
    expect(p).toEqual({ id: 'minMax', shift: [0, 10], scale: [1 / 255, 1 / 30] })
    const x = datasetInputs(applyNormalization(bytes, p))
    expect(Array.from(x)).toEqual([0, 0, 1, 1 / 3, 0.2, 2 / 3, 0.4, 1])
  })

  it('zScore gives mean 0 and std 1 on the training data; constants get scale 1', () => {
    const ds: Dataset = {
      count: 4,
      inputSize: 2,
      inputs: Float64Array.from([1, 5, 2, 5, 3, 5, 6, 5]),
      targetSize: 0,
    }
    const p = fitNormalization(ds, 'zScore')
    expect(p.shift).toEqual([3, 5])
    expect(p.scale[1]).toBe(1)
    const x = datasetInputs(applyNormalization(ds, p))
    const col = [x[0], x[2], x[4], x[6]]
    const mean = col.reduce((a, b) => a + b) / 4
    expect(mean).toBeCloseTo(0, 15)
    expect(Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / 4)).toBeCloseTo(1, 15)
  })

  it('is fitted on train only and re-applied unchanged (JSON round trip) to other data', () => {
    const split = splitDataset(bytes, { validation: 0, test: 0.5, seed: 3 })
    const p = JSON.parse(JSON.stringify(fitNormalization(split.train, 'zScore')))
    const test = applyNormalization(split.test, p)
    const row = new Float64Array(2)
    datasetReadRow(test, 0, row)
    const raw = [split.test.inputs[0], split.test.inputs[1]]
    normalizeRow(p, raw)
    expect(Array.from(row)).toEqual(raw)
    expect(test.inputs).toBe(split.test.inputs) // no copy: images stay bytes
  })
})

describe('split', () => {
  const ds = builtinDataset('clusters', { count: 1000, classes: 4, seed: 5 })

  it('partitions every row exactly once, in the asked proportions', () => {
    const s = splitDataset(ds, { validation: 0.2, test: 0.1, seed: 1 })
    expect([s.train.count, s.validation.count, s.test.count]).toEqual([700, 200, 100])
    const all = [...s.indices.train, ...s.indices.validation, ...s.indices.test].sort(
      (a, b) => a - b,
    )
    expect(all).toEqual(Array.from({ length: 1000 }, (_, i) => i))
    const row = new Float64Array(2)
    datasetReadRow(s.test, 3, row)
    expect(Array.from(row)).toEqual(
      Array.from(ds.inputs.subarray(s.indices.test[3] * 2, s.indices.test[3] * 2 + 2)),
    )
    expect(s.test.labels![3]).toBe(ds.labels![s.indices.test[3]])
  })

  it('is deterministic under the seed and changes with it', () => {
    const a = splitDataset(ds, { validation: 0.2, test: 0.1, seed: 1 })
    const b = splitDataset(ds, { validation: 0.2, test: 0.1, seed: 1 })
    const c = splitDataset(ds, { validation: 0.2, test: 0.1, seed: 2 })
    expect(a.indices).toEqual(b.indices)
    expect(a.indices.test).not.toEqual(c.indices.test)
  })

  it('stratified keeps each class share', () => {
    const s = splitDataset(ds, { validation: 0.2, test: 0.1, seed: 9, stratify: true })
    expect(classBalance(ds)).toEqual([250, 250, 250, 250])
    expect(classBalance(s.test)).toEqual([25, 25, 25, 25])
    expect(classBalance(s.validation)).toEqual([50, 50, 50, 50])
  })

  it('refuses fractions that leave no training data', () => {
    expect(() => splitDataset(ds, { validation: 0.5, test: 0.5, seed: 1 })).toThrow(
      /leaves no training data/,
    )
  })
})

describe('dataset helpers', () => {
  it('targets read as one-hot of labels; subsets keep storage types', () => {
    const t = new Float64Array(2)
    datasetReadTarget(bytes, 1, t)
    expect(Array.from(t)).toEqual([0, 1])
    const sub = datasetSubset(bytes, [3, 0])
    expect(sub.inputs).toBeInstanceOf(Uint8Array)
    expect(Array.from(sub.inputs)).toEqual([102, 40, 0, 10])
    expect(Array.from(sub.labels!)).toEqual([1, 0])
    expect(classBalance(bytes)).toEqual([1, 3])
  })
})
