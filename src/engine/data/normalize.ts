/**
 * Input normalisation, fitted on the training split only and stored with the model as plain
 * numbers, so exactly the same transform is re-applied to validation, test and new data.
 */
import type { Dataset } from '../spec'
import { DataError } from './errors'

export type NormalizationId = 'none' | 'minMax' | 'zScore' | 'divide255'

/**
 * A fitted normalisation in the units of the stored values x (bytes for images, numbers for CSV):
 * x'_k = (x_k − shift[k]) · scale[k]. Plain arrays of length inputSize, JSON-able.
 */
export interface NormalizationParams {
  id: NormalizationId
  shift: number[]
  scale: number[]
}

/**
 * Fits a normalisation on `train` (the training split only), from its stored values x:
 * - `none`: shift 0, scale = the dataset's own `inputScale` (IDX pixels keep reading as x/255);
 * - `minMax`: shift = min_k, scale = 1/(max_k − min_k) → x' ∈ [0, 1];
 * - `zScore`: shift = mean_k, scale = 1/std_k (population std) → mean 0, std 1 on `train`;
 * - `divide255`: shift 0, scale 1/255 (pixel values 0…255 → 0…1).
 * A constant feature (max = min, std = 0) gets scale 1 so it never divides by zero.
 */
export function fitNormalization(train: Dataset, id: NormalizationId): NormalizationParams {
  const n = train.inputSize
  const shift = new Array<number>(n).fill(0)
  const scale = new Array<number>(n).fill(1)
  if (id === 'none') return { id, shift, scale: scale.fill(train.inputScale ?? 1) }
  if (id === 'divide255') return { id, shift, scale: scale.fill(1 / 255) }
  const x = train.inputs
  const count = train.count
  if (id === 'minMax') {
    const min = new Float64Array(n).fill(Infinity)
    const max = new Float64Array(n).fill(-Infinity)
    for (let i = 0; i < count; i++) {
      const base = i * n
      for (let k = 0; k < n; k++) {
        const v = x[base + k]
        if (v < min[k]) min[k] = v
        if (v > max[k]) max[k] = v
      }
    }
    for (let k = 0; k < n; k++) {
      if (count === 0) continue
      shift[k] = min[k]
      scale[k] = max[k] > min[k] ? 1 / (max[k] - min[k]) : 1
    }
    return { id, shift, scale }
  }
  // zScore: two passes (mean, then squared deviations) for accuracy.
  const mean = new Float64Array(n)
  for (let i = 0; i < count; i++) for (let k = 0; k < n; k++) mean[k] += x[i * n + k]
  for (let k = 0; k < n; k++) mean[k] = count > 0 ? mean[k] / count : 0
  const sq = new Float64Array(n)
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < n; k++) {
      const d = x[i * n + k] - mean[k]
      sq[k] += d * d
    }
  }
  for (let k = 0; k < n; k++) {
    const std = count > 0 ? Math.sqrt(sq[k] / count) : 0
    shift[k] = mean[k]
    scale[k] = std > 0 ? 1 / std : 1
  }
  return { id, shift, scale }
}

/**
 * The dataset with `params` applied lazily: same `inputs` buffer (images stay bytes),
 * `inputShift = shift`, `inputScalePerFeature = scale`, `inputScale = 1`; any earlier
 * normalisation is replaced, not stacked.
 */
export function applyNormalization(ds: Dataset, params: NormalizationParams): Dataset {
  if (params.shift.length !== ds.inputSize || params.scale.length !== ds.inputSize) {
    throw new DataError(
      'badOption',
      `The stored normalisation is for ${params.shift.length} features, but the data has ${ds.inputSize}.`,
      {
        expected: ds.inputSize,
        actual: params.shift.length,
        hint: 'Use data with the same columns (or image size) as the data the model was trained on.',
      },
    )
  }
  return {
    ...ds,
    inputScale: 1,
    inputShift: Float64Array.from(params.shift),
    inputScalePerFeature: Float64Array.from(params.scale),
  }
}

/** Normalises one raw row in place: x_k ← (x_k − shift[k])·scale[k] (for model export / inference). */
export function normalizeRow(
  params: NormalizationParams,
  x: Float64Array | Float32Array | number[],
): void {
  for (let k = 0; k < params.shift.length; k++) x[k] = (x[k] - params.shift[k]) * params.scale[k]
}
