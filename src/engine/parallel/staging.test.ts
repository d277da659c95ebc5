import { describe, expect, it } from 'vitest'
import type { Dataset } from '../spec'
import { HelperStaging, NOT_STAGED, type HelperBuffers } from './staging'

/** 20 rows of 4 bytes (row i holds i, i+1, i+2, i+3), 3 classes. */
function bytesDataset(): Dataset {
  const inputs = Uint8Array.from({ length: 80 }, (_, p) => Math.floor(p / 4) + (p % 4))
  const labels = Uint8Array.from({ length: 20 }, (_, i) => i % 3)
  return { count: 20, inputSize: 4, inputs, inputScale: 1 / 255, targetSize: 3, labels }
}

function helperBuffers(capacity = 8): HelperBuffers {
  const f32 = (n: number) => new Float32Array(n)
  return {
    X: f32(capacity * 4),
    T: f32(capacity * 3),
    out: f32(capacity * 3),
    grads: f32(10),
    stages: [new Uint8Array(capacity * 4), new Uint8Array(capacity * 4)],
    stagedTargets: [f32(capacity * 3), f32(capacity * 3)],
  }
}

/** Row ids held by staging buffer b (the first byte of each row is its id) and their classes. */
function staged(h: HelperBuffers, b: number, rows: number) {
  const ids = Array.from({ length: rows }, (_, r) => h.stages![b][r * 4])
  const classes = Array.from({ length: rows }, (_, r) => Array.from(h.stagedTargets![b].subarray(r * 3, r * 3 + 3)).indexOf(1))
  return { ids, classes }
}

describe('staging a helper’s rows, and staging the next ones ahead', () => {
  it('copies a job’s rows and targets into a buffer, and the next job’s into the other', () => {
    const ds = bytesDataset()
    const h = helperBuffers()
    const staging = new HelperStaging(h, 8)
    const order = [7, 3, 12, 0, 5, 9, 1, 2]
    const b = staging.take(ds, order, 1, 3)
    expect(staged(h, b, 3)).toEqual({ ids: [3, 12, 0], classes: [0, 0, 0] })
    const next = staging.take(ds, order, 4, 2)
    expect(next).toBe(1 - b)
    expect(staged(h, next, 2)).toEqual({ ids: [5, 9], classes: [2, 0] })
  })

  it('uses the rows staged ahead when they are the ones the job needs, without copying them again', () => {
    const ds = bytesDataset()
    const h = helperBuffers()
    const staging = new HelperStaging(h, 8)
    const order = [4, 8, 15, 16, 2, 11]
    const first = staging.take(ds, order, 0, 3)
    staging.stageAhead(ds, order, 3, 3)
    // A copy made now would see the changed bytes: the job must get the ones staged ahead.
    ;(ds.inputs as Uint8Array).fill(99)
    const second = staging.take(ds, order, 3, 3)
    expect(second).toBe(1 - first)
    expect(staged(h, second, 3).ids).toEqual([16, 2, 11])
  })

  it('copies anew when the rows staged ahead are not the job’s: reshuffled, another dataset, another length', () => {
    const ds = bytesDataset()
    const h = helperBuffers()
    const staging = new HelperStaging(h, 8)
    const order = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7])
    staging.take(ds, order, 0, 2)
    staging.stageAhead(ds, order, 2, 3)
    order.set([9, 8, 7, 6, 5, 4, 3, 2]) // a new epoch's order, in place
    expect(staged(h, staging.take(ds, order, 2, 3), 3).ids).toEqual([7, 6, 5])
    staging.stageAhead(ds, order, 5, 3)
    const other = { ...bytesDataset(), inputs: Uint8Array.from({ length: 80 }, (_, p) => 19 - Math.floor(p / 4)) }
    expect(staged(h, staging.take(other, order, 5, 3), 3).ids).toEqual([15, 16, 17])
    staging.stageAhead(ds, order, 5, 3)
    expect(staged(h, staging.take(ds, order, 5, 2), 2).ids).toEqual([4, 3])
  })

  it('reads rows that are not image bytes straight into the helper’s X, and stages nothing ahead for them', () => {
    const ds = bytesDataset()
    const floats: Dataset = { ...ds, inputs: Float32Array.from(ds.inputs as Uint8Array, (v) => v / 10), inputScale: 1 }
    const h = helperBuffers()
    const staging = new HelperStaging(h, 8)
    staging.stageAhead(floats, [3, 4], 0, 2)
    expect(h.stages![1].every((v) => v === 0)).toBe(true)
    expect(staging.take(floats, [3, 4], 0, 2)).toBe(NOT_STAGED)
    expect(Array.from(h.X.subarray(0, 8))).toEqual(Array.from(Float32Array.from([3, 4, 5, 6, 4, 5, 6, 7], (v) => v / 10)))
    expect(Array.from(h.T.subarray(0, 6))).toEqual([1, 0, 0, 0, 1, 0])
  })
})
