/**
 * Reading rows of a `Dataset` into a network's batch buffers, without ever expanding the whole
 * dataset into floats (bytes stay bytes until a batch is copied in).
 *
 * Input feature k of row i:  x' = (x − inputShift[k]) · inputScalePerFeature[k] · inputScale
 * (each factor optional). Targets: `targets` rows, or one-hot of `labels` (size targetSize;
 * with targetSize 1 the label itself is the target).
 */
import type { Dataset } from '../spec'
import type { FloatArray } from '../kernels/gemm'

/** Copy input row `i` of `ds` into `X` at row `r` (row length ds.inputSize). */
export function datasetReadInput(ds: Dataset, i: number, X: FloatArray, r: number): void {
  const n = ds.inputSize
  const src = ds.inputs
  const s = i * n
  const d = r * n
  const scale = ds.inputScale ?? 1
  const shift = ds.inputShift
  const perFeature = ds.inputScalePerFeature
  if (!shift && !perFeature) {
    if (scale === 1) for (let k = 0; k < n; k++) X[d + k] = src[s + k]
    else for (let k = 0; k < n; k++) X[d + k] = src[s + k] * scale
    return
  }
  for (let k = 0; k < n; k++) {
    X[d + k] = (src[s + k] - (shift ? shift[k] : 0)) * (perFeature ? perFeature[k] : 1) * scale
  }
}

/** Copy target row `i` of `ds` into `T` at row `r` (row length ds.targetSize). */
export function datasetReadTarget(ds: Dataset, i: number, T: FloatArray, r: number): void {
  const n = ds.targetSize
  const d = r * n
  if (ds.targets) {
    const s = i * n
    for (let j = 0; j < n; j++) T[d + j] = ds.targets[s + j]
    return
  }
  if (!ds.labels) throw new Error('The dataset has neither targets nor labels')
  if (n === 1) {
    T[d] = ds.labels[i]
    return
  }
  T.fill(0, d, d + n)
  T[d + ds.labels[i]] = 1
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
  for (let r = 0; r < count; r++) {
    const i = indices[start + r]
    datasetReadInput(ds, i, X, r0 + r)
    datasetReadTarget(ds, i, T, r0 + r)
  }
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

/** A slice of a dataset by row indices (for validation splits) without copying the data. */
export interface DatasetView {
  ds: Dataset
  indices: Int32Array
}

/** Rows 0..count−1 of a dataset. */
export function datasetAll(ds: Dataset): DatasetView {
  const indices = new Int32Array(ds.count)
  for (let i = 0; i < ds.count; i++) indices[i] = i
  return { ds, indices }
}
