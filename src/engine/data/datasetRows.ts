/**
 * Reading and slicing a `Dataset` without widening its storage.
 */
import type { Dataset } from '../spec'
import { affineBytesRowsToF32, bytesRowsToFloat, bytesToFloat } from '../kernels/gemm'
import { DataError } from './errors'

/**
 * Reads row `i` into `out[offset … offset+inputSize)` as the model sees it:
 * out[k] = (x[i·inputSize + k] − inputShift[k]) · inputScalePerFeature[k] · inputScale.
 * This is the one definition of the lazy scaling fields of `Dataset`; training batches,
 * traces, previews and exported models all read through it, so they agree to the last bit.
 */
export function datasetReadRow(ds: Dataset, i: number, out: Float64Array | Float32Array, offset = 0): void {
  const n = ds.inputSize
  const base = i * n
  const scale = ds.inputScale ?? 1
  const shift = ds.inputShift
  const perFeature = ds.inputScalePerFeature
  const x = ds.inputs
  if (!shift && !perFeature) {
    // Bytes (images): the SIMD conversion when installed, the same bits as the loops below.
    if (x instanceof Uint8Array) bytesToFloat(n, scale, x, base, out, offset)
    else if (scale === 1) for (let k = 0; k < n; k++) out[offset + k] = x[base + k]
    else for (let k = 0; k < n; k++) out[offset + k] = x[base + k] * scale
    return
  }
  for (let k = 0; k < n; k++) {
    out[offset + k] = (x[base + k] - (shift ? shift[k] : 0)) * (perFeature ? perFeature[k] : 1) * scale
  }
}

/**
 * The one scale s with which every input reads as stored byte · s (same bits as `datasetReadRow`),
 * or null. Bytes without shift or per-feature scale (images) read so, and so do bytes whose
 * normalisation is trivial: shift 0 everywhere and one per-feature scale c (the `none` and
 * `divide255` normalisations), since (x − 0)·c·1 = x·c exactly; with both c and `inputScale`
 * ≠ 1 the two roundings of (x·c)·s would differ from x·(c·s), so that case is not one scale.
 */
export function datasetByteScale(ds: Dataset): number | null {
  if (!(ds.inputs instanceof Uint8Array)) return null
  const scale = ds.inputScale ?? 1
  if (ds.inputShift && uniformValue(ds.inputShift) !== 0) return null
  if (!ds.inputScalePerFeature) return scale
  const c = uniformValue(ds.inputScalePerFeature)
  if (c === null) return null
  return c === 1 ? scale : scale === 1 ? c : null
}

/** Whether every input reads as stored byte · one scale (`datasetByteScale`), e.g. images. */
export function datasetRowsAreScaledBytes(ds: Dataset): boolean {
  return datasetByteScale(ds) !== null
}

/** The value every element of `values` holds (null if they differ), remembered per array: datasets never change their scaling arrays. */
function uniformValue(values: Float64Array): number | null {
  if (uniformValues.has(values)) return uniformValues.get(values)!
  let value: number | null = values.length > 0 ? values[0] : null
  for (let k = 1; k < values.length && value !== null; k++) if (!Object.is(values[k], value)) value = null
  uniformValues.set(values, value)
  return value
}
const uniformValues = new WeakMap<Float64Array, number | null>()

/**
 * Rows `indices[start … start+count)` into consecutive rows of `out` from `offset`, as
 * `datasetReadRow` reads each (same bits); a batch of bytes (images) in one conversion.
 */
export function datasetReadRows(
  ds: Dataset,
  indices: ArrayLike<number>,
  start: number,
  count: number,
  out: Float64Array | Float32Array,
  offset = 0,
): void {
  const byteScale = datasetByteScale(ds)
  if (byteScale !== null) {
    bytesRowsToFloat(ds.inputSize, byteScale, ds.inputs as Uint8Array, indices, start, count, out, offset)
    return
  }
  // Normalised bytes (e.g. z-scored images) in one kernel call where one is installed.
  if (ds.inputs instanceof Uint8Array && out instanceof Float32Array) {
    const n = ds.inputSize
    const shift = ds.inputShift ?? constantVector(n, 0)
    const perFeature = ds.inputScalePerFeature ?? constantVector(n, 1)
    if (affineBytesRowsToF32(n, ds.inputScale ?? 1, ds.inputs, indices, start, count, shift, perFeature, out, offset)) return
  }
  for (let r = 0; r < count; r++) datasetReadRow(ds, indices[start + r], out, offset + r * ds.inputSize)
}

/** n copies of `value` (0: no shift, 1: no per-feature scale), made once per size. */
function constantVector(n: number, value: 0 | 1): Float64Array {
  const key = `${value}:${n}`
  let v = constantVectors.get(key)
  if (!v) constantVectors.set(key, (v = new Float64Array(n).fill(value)))
  return v
}
const constantVectors = new Map<string, Float64Array>()

/** All inputs as the model sees them, `[count][inputSize]` float64 (for small datasets, tests and previews). */
export function datasetInputs(ds: Dataset): Float64Array {
  const out = new Float64Array(ds.count * ds.inputSize)
  for (let i = 0; i < ds.count; i++)
    datasetReadRow(ds, i, out.subarray(i * ds.inputSize, (i + 1) * ds.inputSize))
  return out
}

/**
 * Target row `i` into `out[offset … offset+targetSize)`: the `targets` row if present, else the
 * one-hot of `labels` (with targetSize 1, the label itself, for a single binary output).
 */
export function datasetReadTarget(ds: Dataset, i: number, out: Float64Array | Float32Array, offset = 0): void {
  const m = ds.targetSize
  if (ds.targets) {
    for (let j = 0; j < m; j++) out[offset + j] = ds.targets[i * m + j]
    return
  }
  if (!ds.labels) throw new Error('The dataset has neither targets nor labels')
  if (m === 1) {
    out[offset] = ds.labels[i]
    return
  }
  out.fill(0, offset, offset + m)
  out[offset + ds.labels[i]] = 1
}

/** Class index of row `i`: its label, or the argmax of its one-hot target; −1 for regression. */
export function datasetClassOf(ds: Dataset, i: number): number {
  if (ds.labels) return ds.labels[i]
  if (!ds.targets || ds.targetSize < 2) return -1
  const m = ds.targetSize
  let best = 0
  for (let j = 1; j < m; j++) if (ds.targets[i * m + j] > ds.targets[i * m + best]) best = j
  return best
}

/**
 * Number of rows per class, `[targetSize]` (e.g. 6000 each for Fashion-MNIST's training set).
 * Empty for regression targets.
 */
export function classBalance(ds: Dataset): number[] {
  if (!ds.labels && (!ds.targets || ds.targetSize < 2)) return []
  const counts = new Array<number>(ds.targetSize).fill(0)
  for (let i = 0; i < ds.count; i++) counts[datasetClassOf(ds, i)]++
  return counts
}

/** The rows `indices` (in that order) as a new Dataset of the same storage types. */
export function datasetSubset(ds: Dataset, indices: ArrayLike<number>): Dataset {
  const m = indices.length
  const n = ds.inputSize
  const t = ds.targetSize
  const inputs = new (ds.inputs.constructor as new (len: number) => Dataset['inputs'])(m * n)
  const targets = ds.targets
    ? new (ds.targets.constructor as new (len: number) => Float64Array | Float32Array)(m * t)
    : undefined
  const labels = ds.labels
    ? new (ds.labels.constructor as new (len: number) => Uint8Array | Int32Array)(m)
    : undefined
  for (let r = 0; r < m; r++) {
    const i = indices[r]
    inputs.set(ds.inputs.subarray(i * n, (i + 1) * n), r * n)
    if (targets && ds.targets) targets.set(ds.targets.subarray(i * t, (i + 1) * t), r * t)
    if (labels && ds.labels) labels[r] = ds.labels[i]
  }
  const out: Dataset = { ...ds, count: m, inputs }
  if (targets) out.targets = targets
  if (labels) out.labels = labels
  return out
}

/**
 * The same rows with their class labels renumbered to `labelNames` (a trained model's classes, or
 * a training set's): a CSV's categories are numbered in sorted order of the values it holds, so a
 * test or evaluation file that lacks a class, or lists them differently, would otherwise number
 * them differently. Datasets without `labels` and `labelNames` are returned as they are.
 * Result: `labels[i]` indexes `labelNames`; `targetSize` = `labelNames.length` (one-hot), or 1
 * for a single binary output.
 * @throws DataError `badLabel` for a class that is not in `labelNames`.
 */
export function datasetWithClasses(ds: Dataset, labelNames: readonly string[]): Dataset {
  const own = ds.labelNames
  if (!ds.labels || !own) return ds
  if (own.length === labelNames.length && own.every((name, i) => name === labelNames[i])) return ds
  const index = new Map(labelNames.map((name, i) => [name, i]))
  const code = own.map((name) => {
    const i = index.get(name)
    if (i === undefined) {
      throw new DataError('badLabel', `The class "${name}" is not one of the ${labelNames.length} classes the network was trained on.`, {
        hint: `The known classes are: ${labelNames.map((n) => `"${n}"`).join(', ')}. Remove those rows or use data with the same classes.`,
      })
    }
    return i
  })
  // One output holding the label itself (0/1), as opposed to one category one-hot in one column.
  const binary = ds.targetSize === 1 && own.length === 2 && labelNames.length === 2
  const labels = labelNames.length > 256 ? new Int32Array(ds.count) : new Uint8Array(ds.count)
  for (let r = 0; r < ds.count; r++) labels[r] = code[ds.labels[r]]
  return { ...ds, labels, labelNames: [...labelNames], targetSize: binary ? 1 : labelNames.length }
}
