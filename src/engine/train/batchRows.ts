/**
 * Reading rows of a `Dataset` into a network's batch buffers, without ever expanding the whole
 * dataset into floats (bytes stay bytes until a batch is copied in).
 *
 * The scaling rule lives in one place, `datasetReadRow` in the data layer; these wrappers
 * address rows of a batch buffer.
 */
import type { Dataset } from '../spec'
import type { FloatArray } from '../kernels/gemm'
import { datasetReadRow, datasetReadRows, datasetReadTarget as readTargetRow } from '../data/datasetRows'

/** Copy input row `i` of `ds` into `X` at row `r` (row length ds.inputSize). */
export function datasetReadInput(ds: Dataset, i: number, X: FloatArray, r: number): void {
  datasetReadRow(ds, i, X, r * ds.inputSize)
}

/** Copy target row `i` of `ds` into `T` at row `r` (row length ds.targetSize). */
export function datasetReadTarget(ds: Dataset, i: number, T: FloatArray, r: number): void {
  readTargetRow(ds, i, T, r * ds.targetSize)
}

/** Copy rows `indices[start..start+count)` of `ds` into rows [r0, r0+count) of X and T. */
export function datasetReadBatch(
  ds: Dataset,
  indices: ArrayLike<number>,
  start: number,
  count: number,
  X: FloatArray,
  T: FloatArray,
  r0 = 0,
): void {
  datasetReadRows(ds, indices, start, count, X, r0 * ds.inputSize)
  for (let r = 0; r < count; r++) datasetReadTarget(ds, indices[start + r], T, r0 + r)
}

/**
 * Is this a classification dataset? True with `labels`, with one-hot target rows, or with a
 * single binary target ({0,1} or {−1,1}).
 */
export function datasetIsClassification(ds: Dataset): boolean {
  if (ds.labels) return true
  const t = ds.targets
  if (!t) return false
  const n = ds.targetSize
  if (n === 1) {
    const seen = new Set<number>()
    for (let i = 0; i < ds.count; i++) {
      seen.add(t[i])
      if (seen.size > 2) return false
    }
    for (const v of seen) if (v !== 0 && v !== 1 && v !== -1) return false
    return true
  }
  for (let i = 0; i < ds.count; i++) {
    let ones = 0
    for (let j = 0; j < n; j++) {
      const v = t[i * n + j]
      if (v === 1) ones++
      else if (v !== 0) return false
    }
    if (ones !== 1) return false
  }
  return true
}

/** Read one input row of a dataset as float64 (for traces and probes). */
export function datasetInputRow(ds: Dataset, i: number): Float64Array {
  const row = new Float64Array(ds.inputSize)
  datasetReadInput(ds, i, row, 0)
  return row
}
