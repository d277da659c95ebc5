/**
 * A parsed CSV table + the user's choice of columns → a `Dataset`.
 */
import type { Dataset } from '../spec'
import type { CsvColumn, CsvTable } from './csv'
import { DEFAULT_MAX_BYTES, DataError, checkSize } from './errors'

/** What to do with a row that has a missing value in a chosen column. */
export type MissingPolicy = 'error' | 'drop' | 'fillMean' | 'fillValue'

export interface CsvSelection {
  /** Target column names: one categorical column = classification; numeric = regression. */
  targets: string[]
  /** Feature column names. Default: every column that is not a target. */
  features?: string[]
  /** Numeric columns to treat as categories (e.g. a label column holding 0…9). */
  categorical?: string[]
  /**
   * Missing values: `error` (default) refuses; `drop` removes the row; `fillMean` puts the
   * column mean (categorical: the most frequent category); `fillValue` puts `fillValue`
   * (categorical: the most frequent category). Rows with a missing target are always dropped
   * when filling, never invented.
   */
  missing?: MissingPolicy
  fillValue?: number
  maxBytes?: number
}

export interface CsvDatasetReport {
  /** Rows in the dataset. */
  rowsUsed: number
  /** Rows that had a missing value in a chosen column (before drop/fill). */
  rowsWithMissing: number
  /** File lines of dropped rows. */
  droppedLines: number[]
  /** What was filled in, per column. */
  filled: { column: string; count: number; value: number | string }[]
}

/** One chosen column as it feeds the network: a number, or a one-hot block of its categories. */
interface Encoded {
  name: string
  /** 1 for numbers, the number of categories for one-hot. */
  width: number
  /** Category names (one-hot only). */
  categories?: string[]
  /** Value (numeric) or category code (one-hot) of row r; NaN / −1 = missing. */
  value: (r: number) => number
  missing: (r: number) => boolean
  /** Mean (numeric) or most frequent code (one-hot), for filling. */
  fill: number
  column: CsvColumn
}

/** Index of the largest entry (the first on ties); a loop, as spreading huge arrays overflows the stack. */
function argmax(xs: number[]): number {
  let best = 0
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i
  return best
}

function encodeColumn(column: CsvColumn, asCategories: boolean): Encoded {
  if (column.kind === 'categorical') {
    const mode = argmax(column.stats.categoryCounts)
    return {
      name: column.name,
      width: column.categories.length,
      categories: column.categories,
      value: (r) => column.codes[r],
      missing: (r) => column.codes[r] < 0,
      fill: mode,
      column,
    }
  }
  const v = column.values
  if (!asCategories)
    return {
      name: column.name,
      width: 1,
      value: (r) => v[r],
      missing: (r) => Number.isNaN(v[r]),
      fill: column.stats.mean,
      column,
    }
  const distinct = [...new Set(Array.from(v).filter((x) => !Number.isNaN(x)))].sort((a, b) => a - b)
  const codeOf = new Map(distinct.map((x, i) => [x, i]))
  const counts = new Array<number>(distinct.length).fill(0)
  for (const x of v) if (!Number.isNaN(x)) counts[codeOf.get(x) as number]++
  return {
    name: column.name,
    width: distinct.length,
    categories: distinct.map(String),
    value: (r) => (Number.isNaN(v[r]) ? -1 : (codeOf.get(v[r]) as number)),
    missing: (r) => Number.isNaN(v[r]),
    fill: argmax(counts),
    column,
  }
}

/**
 * Builds a Dataset from chosen columns:
 * - numeric features → one input each; categorical features → one-hot inputs named "col=cat";
 * - one categorical target → `labels` (category codes), `targetSize` = number of categories,
 *   `labelNames` = the categories;
 * - numeric (or several) targets → `targets` `[count][targetSize]`, `targetNames`;
 * - inputs are `Uint8Array` when every feature is a whole number in 0…255 with nothing missing
 *   (e.g. pixel CSVs), else `Float64Array`; `inputScale` 1 (normalise with `fitNormalization`).
 * @throws DataError `unknownColumn`, `noTarget`, `noColumns`, `badOption`, `missingValues`, `tooBig`.
 */
export function csvToDataset(
  table: CsvTable,
  selection: CsvSelection,
): { dataset: Dataset; report: CsvDatasetReport } {
  const byName = new Map(table.columns.map((c) => [c.name, c]))
  const lookup = (name: string): CsvColumn => {
    const c = byName.get(name)
    if (!c) {
      throw new DataError('unknownColumn', `There is no column "${name}".`, {
        column: name,
        hint: `The columns are: ${table.columns.map((x) => `"${x.name}"`).join(', ')}.`,
      })
    }
    return c
  }
  if (selection.targets.length === 0) {
    throw new DataError('noTarget', 'No target column is chosen.', {
      hint: 'Choose the column the network should learn to predict.',
    })
  }
  const targetCols = selection.targets.map(lookup)
  const featureCols = (
    selection.features ??
    table.columns.map((c) => c.name).filter((n) => !selection.targets.includes(n))
  ).map(lookup)
  if (featureCols.length === 0) {
    throw new DataError('noColumns', 'No feature columns are chosen.', {
      hint: 'Choose at least one column as input to the network.',
    })
  }
  const both = featureCols.find((c) => selection.targets.includes(c.name))
  if (both) {
    throw new DataError(
      'badOption',
      `Column "${both.name}" is chosen both as a feature and as a target.`,
      {
        column: both.name,
        hint: 'A column can be an input or the target, not both.',
      },
    )
  }
  const asCat = new Set(selection.categorical ?? [])
  const features = featureCols.map((c) => encodeColumn(c, asCat.has(c.name)))
  const targets = targetCols.map((c) => encodeColumn(c, asCat.has(c.name)))

  // Missing values: which rows, and what to do.
  const policy = selection.missing ?? 'error'
  const keep: number[] = []
  const droppedLines: number[] = []
  let rowsWithMissing = 0
  let firstMissing: { line: number; column: string } | undefined
  const filledCount = new Map<Encoded, number>()
  for (let r = 0; r < table.rowCount; r++) {
    const missingFeature = features.find((f) => f.missing(r))
    const missingTarget = targets.find((t) => t.missing(r))
    if (!missingFeature && !missingTarget) {
      keep.push(r)
      continue
    }
    rowsWithMissing++
    firstMissing ??= { line: table.lines[r], column: (missingFeature ?? missingTarget)!.name }
    if (policy === 'drop' || (policy !== 'error' && missingTarget)) {
      droppedLines.push(table.lines[r])
      continue
    }
    for (const f of features) if (f.missing(r)) filledCount.set(f, (filledCount.get(f) ?? 0) + 1)
    keep.push(r)
  }
  if (policy === 'error' && firstMissing) {
    throw new DataError(
      'missingValues',
      `${rowsWithMissing} ${rowsWithMissing === 1 ? 'row has' : 'rows have'} missing values in the chosen columns (first: line ${firstMissing.line}, column "${firstMissing.column}").`,
      {
        line: firstMissing.line,
        column: firstMissing.column,
        actual: rowsWithMissing,
        hint: 'Choose to drop those rows, or to fill them with the column mean or a value.',
      },
    )
  }
  if (policy === 'fillValue' && !Number.isFinite(selection.fillValue)) {
    throw new DataError('badOption', 'Filling missing values needs a number to fill them with.', {
      hint: 'Enter the fill value, or fill with the column mean.',
    })
  }
  const fillOf = (f: Encoded): number =>
    f.categories || policy !== 'fillValue' ? f.fill : (selection.fillValue as number)

  const count = keep.length
  const inputSize = features.reduce((s, f) => s + f.width, 0)
  const bytesOk = features.every(
    (f) =>
      f.column.kind === 'numeric' &&
      !f.categories &&
      f.column.stats.integer &&
      f.column.stats.min >= 0 &&
      f.column.stats.max <= 255 &&
      f.column.stats.missing === 0,
  )
  checkSize(
    count * inputSize * (bytesOk ? 1 : 8),
    selection.maxBytes ?? DEFAULT_MAX_BYTES,
    `A dataset of ${count} rows × ${inputSize} inputs`,
  )
  const inputs = bytesOk ? new Uint8Array(count * inputSize) : new Float64Array(count * inputSize)
  for (let i = 0; i < count; i++) {
    const r = keep[i]
    let k = i * inputSize
    for (const f of features) {
      const v = f.missing(r) ? fillOf(f) : f.value(r)
      if (f.categories) inputs[k + v] = 1
      else inputs[k] = v
      k += f.width
    }
  }
  const featureNames = features.flatMap((f) =>
    f.categories ? f.categories.map((c) => `${f.name}=${c}`) : [f.name],
  )
  const dataset: Dataset = { count, inputSize, inputs, inputScale: 1, featureNames, targetSize: 0 }

  if (targets.length === 1 && targets[0].categories) {
    const t = targets[0]
    const cats = t.categories as string[]
    const labels = cats.length <= 256 ? new Uint8Array(count) : new Int32Array(count)
    for (let i = 0; i < count; i++) labels[i] = t.value(keep[i])
    dataset.labels = labels
    dataset.targetSize = cats.length
    dataset.labelNames = [...cats]
  } else {
    const targetSize = targets.reduce((s, t) => s + t.width, 0)
    const out = new Float64Array(count * targetSize)
    for (let i = 0; i < count; i++) {
      let j = i * targetSize
      for (const t of targets) {
        const v = t.value(keep[i])
        if (t.categories) out[j + v] = 1
        else out[j] = v
        j += t.width
      }
    }
    dataset.targets = out
    dataset.targetSize = targetSize
    dataset.targetNames = targets.flatMap((t) =>
      t.categories ? t.categories.map((c) => `${t.name}=${c}`) : [t.name],
    )
  }
  const filled = [...filledCount].map(([f, n]) => ({
    column: f.name,
    count: n,
    value: f.categories ? f.categories[fillOf(f)] : fillOf(f),
  }))
  return { dataset, report: { rowsUsed: count, rowsWithMissing, droppedLines, filled } }
}
