/**
 * A parsed CSV table + the user's choice of columns → a `Dataset`.
 */
import type { Dataset } from '../spec'
import type { CsvColumn, CsvTable } from './csv'
import { DEFAULT_MAX_BYTES, DataError, checkSize } from './errors'
import { applyFill, fitFill, type FeatureBlock, type FillPolicy, type FillReport } from './missing'
import { quoteUser } from './userText'

/**
 * What to do with a row that has a missing value in a chosen column: refuse (`error`), `drop`
 * the row, fill in the column's `mean`, `median` or `mode` (most frequent value; categorical
 * columns always take their most frequent category), or a given `fillValue`. `keep` leaves NaN
 * in the inputs for a later fill from the training part only (see `prepareData`).
 * `fillMean` is the older name of `mean`.
 */
export type MissingPolicy = 'error' | 'drop' | 'keep' | FillPolicy | 'fillMean' | 'fillValue'

/** Most one-hot inputs one categorical feature may become (more looks like an ID or free text). */
export const MAX_ONE_HOT = 100
/** Most classes a target column may have. */
export const MAX_TARGET_CLASSES = 1000

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
  /**
   * Names of the classes of a whole-number target column, index = value (e.g. the class names
   * of a count-and-names first line: 0 → "setosa"). The column becomes the class target.
   */
  classNames?: string[]
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
  filled: FillReport[]
  /** Where each chosen feature column sits in the inputs (for filling later). */
  blocks: FeatureBlock[]
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
  column: CsvColumn
}

/** Refuses a column that would become more one-hot inputs (or classes) than `max`. */
function checkCategories(column: CsvColumn, count: number, max: number, role: 'feature' | 'target'): void {
  if (count <= max) return
  const what = role === 'feature' ? `${count.toLocaleString('en-US')} inputs (one per value)` : `${count.toLocaleString('en-US')} classes`
  throw new DataError(
    'tooManyCategories',
    `Column ${quoteUser(column.name)} has ${count.toLocaleString('en-US')} different values; as ${role === 'feature' ? 'an input' : 'the target'} it would become ${what}.`,
    {
      column: column.name,
      actual: count,
      expected: max,
      hint:
        role === 'feature'
          ? 'It looks like an ID or free text: leave it out of the inputs (or treat it as a number if it is one).'
          : `Choose a target with at most ${max} classes, or treat the column as a number (regression).`,
    },
  )
}

function encodeColumn(column: CsvColumn, asCategories: boolean, role: 'feature' | 'target'): Encoded {
  const max = role === 'feature' ? MAX_ONE_HOT : MAX_TARGET_CLASSES
  if (column.kind === 'categorical') {
    checkCategories(column, column.categories.length, max, role)
    return {
      name: column.name,
      width: column.categories.length,
      categories: column.categories,
      value: (r) => column.codes[r],
      missing: (r) => column.codes[r] < 0,
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
      column,
    }
  const distinctSet = new Set<number>()
  for (const x of v) if (!Number.isNaN(x) && distinctSet.size <= MAX_TARGET_CLASSES) distinctSet.add(x)
  checkCategories(column, distinctSet.size, max, role)
  const distinct = [...distinctSet].sort((a, b) => a - b)
  const codeOf = new Map(distinct.map((x, i) => [x, i]))
  return {
    name: column.name,
    width: distinct.length,
    categories: distinct.map(String),
    value: (r) => (Number.isNaN(v[r]) ? -1 : (codeOf.get(v[r]) as number)),
    missing: (r) => Number.isNaN(v[r]),
    column,
  }
}

/**
 * Builds a Dataset from chosen columns:
 * - numeric features → one input each; categorical features → one-hot inputs named "col=cat";
 * - one categorical target → `labels` (category codes), `targetSize` = number of categories,
 *   `labelNames` = the categories (or `classNames`, for a whole-number column 0…k−1);
 * - numeric (or several) targets → `targets` `[count][targetSize]`, `targetNames`;
 * - inputs are `Uint8Array` when every feature is a whole number in 0…255 with nothing missing
 *   (e.g. pixel CSVs), else `Float64Array`; `inputScale` 1 (normalise with `fitNormalization`).
 * @throws DataError `unknownColumn`, `noTarget`, `noColumns`, `badOption`, `missingValues`,
 *   `tooManyCategories`, `tooBig`.
 */
export function csvToDataset(
  table: CsvTable,
  selection: CsvSelection,
): { dataset: Dataset; report: CsvDatasetReport } {
  const { featureCols, targetCols } = chooseColumns(table, selection)
  const asCat = new Set(selection.categorical ?? [])
  if (selection.classNames) for (const t of targetCols) asCat.add(t.name)
  const features = featureCols.map((c) => encodeColumn(c, asCat.has(c.name), 'feature'))
  const targets = targetCols.map((c) => encodeColumn(c, asCat.has(c.name), 'target'))
  const policy = selection.missing === 'fillMean' ? 'mean' : (selection.missing ?? 'error')
  const rows = keepRows(table, features, targets, policy)
  if (policy === 'fillValue' && !Number.isFinite(selection.fillValue)) {
    throw new DataError('badOption', 'Filling missing values needs a number to fill them with.', {
      hint: 'Enter the fill value, or fill with the column mean.',
    })
  }
  const { dataset, blocks } = buildInputs(rows.keep, features, selection.maxBytes ?? DEFAULT_MAX_BYTES)
  setTargets(dataset, rows.keep, targets, selection.classNames)
  let filled: FillReport[] = []
  if (policy === 'mean' || policy === 'median' || policy === 'mode') {
    filled = applyFill(dataset, blocks, fitFill(dataset, blocks, policy))
  } else if (policy === 'fillValue') {
    // The given number for numeric columns; categorical ones take their most frequent category.
    const categorical = blocks.filter((b) => b.categories)
    const modes = fitFill(dataset, categorical, 'mode')
    const fills = blocks.map((b) => (b.categories ? modes[categorical.indexOf(b)] : (selection.fillValue as number)))
    filled = applyFill(dataset, blocks, fills)
  }
  const report: CsvDatasetReport = {
    rowsUsed: dataset.count,
    rowsWithMissing: rows.rowsWithMissing,
    droppedLines: rows.droppedLines,
    filled,
    blocks,
  }
  return { dataset, report }
}

/** The chosen columns, checked: they exist, a target is chosen, no column is both. */
function chooseColumns(table: CsvTable, selection: CsvSelection): { featureCols: CsvColumn[]; targetCols: CsvColumn[] } {
  const byName = new Map(table.columns.map((c) => [c.name, c]))
  const lookup = (name: string): CsvColumn => {
    const c = byName.get(name)
    if (!c) {
      const list = table.columns.slice(0, 12).map((x) => quoteUser(x.name, 24))
      throw new DataError('unknownColumn', `There is no column ${quoteUser(name)}.`, {
        column: name,
        hint: `The columns are: ${list.join(', ')}${table.columns.length > 12 ? ` and ${table.columns.length - 12} more` : ''}.`,
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
    selection.features ?? table.columns.map((c) => c.name).filter((n) => !selection.targets.includes(n))
  ).map(lookup)
  if (featureCols.length === 0) {
    throw new DataError('noColumns', 'No feature columns are chosen.', {
      hint: 'Choose at least one column as input to the network.',
    })
  }
  const both = featureCols.find((c) => selection.targets.includes(c.name))
  if (both) {
    throw new DataError('badOption', `Column ${quoteUser(both.name)} is chosen both as a feature and as a target.`, {
      column: both.name,
      hint: 'A column can be an input or the target, not both.',
    })
  }
  return { featureCols, targetCols }
}

/** Which rows to keep under the missing-value policy (a row missing its target is never filled). */
function keepRows(table: CsvTable, features: Encoded[], targets: Encoded[], policy: MissingPolicy) {
  const keep: number[] = []
  const droppedLines: number[] = []
  let rowsWithMissing = 0
  let firstMissing: { line: number; column: string } | undefined
  for (let r = 0; r < table.rowCount; r++) {
    const missingFeature = features.find((f) => f.missing(r))
    const missingTarget = targets.find((t) => t.missing(r))
    if (!missingFeature && !missingTarget) {
      keep.push(r)
      continue
    }
    rowsWithMissing++
    firstMissing ??= { line: table.lines[r], column: (missingFeature ?? missingTarget)!.name }
    if (policy === 'drop' || (policy !== 'error' && missingTarget)) droppedLines.push(table.lines[r])
    else keep.push(r)
  }
  if (policy === 'error' && firstMissing) {
    throw new DataError(
      'missingValues',
      `${rowsWithMissing} ${rowsWithMissing === 1 ? 'row has' : 'rows have'} missing values in the chosen columns (first: line ${firstMissing.line}, column ${quoteUser(firstMissing.column)}).`,
      {
        line: firstMissing.line,
        column: firstMissing.column,
        actual: rowsWithMissing,
        hint: 'Drop those rows, or fill them with the mean, median or most frequent value of the training rows (Missing values in the data panel, or --missing drop|mean|median|mode on the command line).',
      },
    )
  }
  return { keep, droppedLines, rowsWithMissing }
}

/** The inputs of the kept rows; a missing value is NaN (a one-hot block: NaN throughout). */
function buildInputs(keep: number[], features: Encoded[], maxBytes: number): { dataset: Dataset; blocks: FeatureBlock[] } {
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
  checkSize(count * inputSize * (bytesOk ? 1 : 8), maxBytes, `A dataset of ${count} rows × ${inputSize} inputs`)
  const inputs = bytesOk ? new Uint8Array(count * inputSize) : new Float64Array(count * inputSize)
  const blocks: FeatureBlock[] = []
  let start = 0
  for (const f of features) {
    blocks.push({ name: f.name, start, width: f.width, ...(f.categories ? { categories: f.categories } : {}) })
    start += f.width
  }
  for (let i = 0; i < count; i++) {
    const r = keep[i]
    features.forEach((f, j) => {
      const k = i * inputSize + blocks[j].start
      if (f.missing(r)) inputs.fill(NaN, k, k + f.width)
      else if (f.categories) inputs[k + f.value(r)] = 1
      else inputs[k] = f.value(r)
    })
  }
  const featureNames = features.flatMap((f) => (f.categories ? f.categories.map((c) => `${f.name}=${c}`) : [f.name]))
  return { dataset: { count, inputSize, inputs, inputScale: 1, featureNames, targetSize: 0 }, blocks }
}

/**
 * Class names for a whole-number target: value v → `names[v]`. Null when the values are not
 * whole numbers 0 … names.length − 1.
 */
function namedCodes(t: Encoded, names: string[]): number[] | null {
  const values = (t.categories ?? []).map(Number)
  return values.every((v) => Number.isInteger(v) && v >= 0 && v < names.length) ? values : null
}

/** Labels (one class target) or a targets matrix (numbers, several targets) for the kept rows. */
function setTargets(dataset: Dataset, keep: number[], targets: Encoded[], classNames?: string[]): void {
  const count = keep.length
  if (targets.length === 1 && targets[0].categories) {
    const t = targets[0]
    const named = classNames ? namedCodes(t, classNames) : null
    if (classNames && !named) {
      throw new DataError('badOption', `The ${classNames.length} class names do not fit column ${quoteUser(t.name)}: it must hold whole numbers 0 … ${classNames.length - 1}.`, {
        column: t.name,
        hint: 'Give one name per class value, in the order of the values, or leave the names out.',
      })
    }
    const names = named ? classNames! : (t.categories as string[])
    const labels = names.length <= 256 ? new Uint8Array(count) : new Int32Array(count)
    for (let i = 0; i < count; i++) labels[i] = named ? named[t.value(keep[i])] : t.value(keep[i])
    dataset.labels = labels
    // A column holding only some of the named classes still gets one output per name.
    dataset.targetSize = names.length
    dataset.labelNames = [...names]
    return
  }
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
  dataset.targetNames = targets.flatMap((t) => (t.categories ? t.categories.map((c) => `${t.name}=${c}`) : [t.name]))
}
