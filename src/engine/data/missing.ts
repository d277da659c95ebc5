/**
 * Filling in missing values. The fill values are computed on the training part only and then
 * applied to every part, so nothing about the validation or test rows leaks into training.
 * Missing cells arrive as NaN in a Float64Array of inputs (a one-hot block: NaN in every slot).
 */
import type { Dataset } from '../spec'
import { DataError } from './errors'
import { quoteUser } from './userText'

/** How to fill a missing value: mean, median or most frequent value of the column's training rows. */
export type FillPolicy = 'mean' | 'median' | 'mode'

/** One chosen column's inputs: `width` consecutive inputs from `start`; `categories` for one-hot. */
export interface FeatureBlock {
  name: string
  start: number
  width: number
  categories?: string[]
}

/** What was filled in one column. */
export interface FillReport {
  column: string
  count: number
  value: number | string
}

/** The most frequent of `values` (the smallest on ties). */
function modeOf(values: number[]): number {
  const counts = new Map<number, number>()
  let best = NaN
  let bestCount = 0
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1
    counts.set(v, n)
    if (n > bestCount || (n === bestCount && v < best)) {
      best = v
      bestCount = n
    }
  }
  return best
}

function medianOf(values: number[]): number {
  const sorted = Float64Array.from(values).sort()
  const m = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2
}

/**
 * The fill value of each block from `train`: a number for a numeric column (`policy`), the
 * index of the most frequent category for a one-hot block (whatever the policy).
 * @throws DataError `missingValues` when a column has no value at all in the training rows.
 */
export function fitFill(train: Dataset, blocks: FeatureBlock[], policy: FillPolicy): number[] {
  const x = train.inputs
  const n = train.inputSize
  return blocks.map((b) => {
    const seen: number[] = []
    for (let i = 0; i < train.count; i++) {
      const base = i * n + b.start
      if (Number.isNaN(x[base])) continue
      if (!b.categories) seen.push(x[base])
      else for (let k = 0; k < b.width; k++) if (x[base + k] === 1) seen.push(k)
    }
    if (seen.length === 0) {
      throw new DataError('missingValues', `Column ${quoteUser(b.name)} has no values in the training rows to fill the missing ones from.`, {
        column: b.name,
        hint: 'Leave the column out, or drop the rows with missing values.',
      })
    }
    if (b.categories || policy === 'mode') return modeOf(seen)
    if (policy === 'median') return medianOf(seen)
    let sum = 0
    for (const v of seen) sum += v
    return sum / seen.length
  })
}

/** Puts `fills` into the missing cells of `ds` in place (its inputs must be a Float64Array). */
export function applyFill(ds: Dataset, blocks: FeatureBlock[], fills: number[]): FillReport[] {
  const x = ds.inputs
  const n = ds.inputSize
  const counts = blocks.map(() => 0)
  for (let i = 0; i < ds.count; i++) {
    blocks.forEach((b, j) => {
      const base = i * n + b.start
      if (!Number.isNaN(x[base])) return
      counts[j]++
      if (!b.categories) x[base] = fills[j]
      else for (let k = 0; k < b.width; k++) x[base + k] = k === fills[j] ? 1 : 0
    })
  }
  return fillValues(blocks, fills)
    .map((f, j) => ({ ...f, count: counts[j] }))
    .filter((r) => r.count > 0)
}

/** Each block's fill as a column's value: the number, or the category's name (what an export writes). */
export function fillValues(blocks: FeatureBlock[], fills: number[]): { column: string; value: number | string }[] {
  return blocks.map((b, j) => ({ column: b.name, value: b.categories ? b.categories[fills[j]] : fills[j] }))
}

