/**
 * Loaded data + the user's choices → the parts a run trains, validates and tests on. One
 * pipeline for the data panel (through the engine's data API) and the `axon` CLI, so a CSV
 * reads the same in both: columns → rows (missing values) → limit → split (seeded, optionally
 * stratified) → missing values filled from the training part → normalisation fitted on the
 * training part and applied to every part.
 */
import type { Dataset } from '../spec'
import type { CsvTable } from './csv'
import { MAX_ONE_HOT, csvToDataset, type CsvDatasetReport, type MissingPolicy } from './csvDataset'
import { datasetSubset, datasetWithClasses } from './datasetRows'
import { DataError } from './errors'
import { applyFill, fitFill } from './missing'
import { applyNormalization, fitNormalization, type NormalizationId, type NormalizationParams } from './normalize'
import { splitDataset } from './split'

/** What was read: a CSV table, or datasets already built (IDX pairs, built-ins). */
export type LoadedData = { kind: 'csv'; table: CsvTable } | { kind: 'dataset'; train: Dataset; test: Dataset | null }

/** How to turn loaded data into what a run trains on. Every field is optional. */
export interface PrepareOptions {
  /** CSV: target column names (default: the last column). */
  targets?: string[]
  /** CSV: feature column names (default: every other column, except ID-like text columns). */
  features?: string[]
  /** CSV: numeric columns to treat as categories (e.g. a label column holding 0…9). */
  categorical?: string[]
  /** CSV: names of the classes of a whole-number target (value v → classNames[v]). */
  classNames?: string[]
  /** CSV: what to do with missing values (default `error`). Fills come from the training part. */
  missing?: MissingPolicy
  fillValue?: number
  /** Fitted on the training part only. Default `none`. */
  normalization?: NormalizationId
  /** Fractions held out for validation and test (default 0). */
  validation?: number
  test?: number
  stratify?: boolean
  /** The project seed: the split uses its `split` stream. Default 1. */
  seed?: number
  /** Use only the first `limit` rows (quick experiments). */
  limit?: number
  /** Memory ceiling for the built dataset (default 1 GiB). */
  maxBytes?: number
}

export interface PreparedParts {
  train: Dataset
  validation: Dataset | null
  test: Dataset | null
  /** True when the test part comes from given test files rather than a split. */
  givenTest: boolean
  normalization: NormalizationParams
  /** CSV: rows used, dropped and filled. */
  report: CsvDatasetReport | null
  /** CSV: columns left out of the inputs by default, and why. */
  excluded: { column: string; reason: string }[]
  /** CSV: the fill value of each feature block (fitted on the training part), or null. */
  fills: number[] | null
}

/** Text columns with too many different values to be inputs (IDs, names, free text). */
export function idLikeColumns(table: CsvTable): string[] {
  return table.columns.filter((c) => c.kind === 'categorical' && c.categories.length > MAX_ONE_HOT).map((c) => c.name)
}

const FILLS = new Set<MissingPolicy>(['mean', 'median', 'mode', 'fillMean'])

/** Builds the full dataset of a CSV with the choices; fill policies keep NaN for later. */
function csvFull(table: CsvTable, options: PrepareOptions) {
  const targets = options.targets ?? [table.columns.at(-1)!.name]
  const idLike = options.features ? [] : idLikeColumns(table).filter((c) => !targets.includes(c))
  const features = options.features ?? table.columns.map((c) => c.name).filter((n) => !targets.includes(n) && !idLike.includes(n))
  const policy = options.missing ?? 'error'
  const built = csvToDataset(table, {
    targets,
    features,
    ...(options.categorical ? { categorical: options.categorical } : {}),
    ...(options.classNames ? { classNames: options.classNames } : {}),
    missing: FILLS.has(policy) ? 'keep' : policy,
    ...(options.fillValue !== undefined ? { fillValue: options.fillValue } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  })
  const excluded = idLike.map((column) => ({ column, reason: `more than ${MAX_ONE_HOT} different texts (an ID or free text?)` }))
  return { ...built, excluded }
}

/**
 * Images opened without their labels file have no targets: a network fitted to them would get
 * an output layer of 0 units and could not train. @throws DataError `noTarget`.
 */
function checkTargets(train: Dataset): void {
  if (train.targetSize > 0) return
  throw new DataError('noTarget', 'The images have no labels: there is nothing for the network to predict.', {
    hint: 'Open the images file together with its labels file (e.g. train-images-idx3-ubyte.gz with train-labels-idx1-ubyte.gz): choose or drop both at once.',
  })
}

/**
 * Prepares loaded data with `options` (see the module comment for the order of the steps).
 * @throws DataError for choices that do not fit the data (unknown columns, missing values with
 *   the `error` policy, a split that leaves no training rows, …).
 */
export function prepareData(loaded: LoadedData, options: PrepareOptions = {}): PreparedParts {
  let full: Dataset
  let report: CsvDatasetReport | null = null
  let excluded: PreparedParts['excluded'] = []
  if (loaded.kind === 'csv') {
    const built = csvFull(loaded.table, options)
    full = built.dataset
    report = built.report
    excluded = built.excluded
  } else {
    full = loaded.train
    checkTargets(full)
  }
  if (options.limit !== undefined && options.limit > 0 && options.limit < full.count) {
    full = datasetSubset(full, Int32Array.from({ length: options.limit }, (_, i) => i))
  }
  const givenTest = loaded.kind === 'dataset' ? loaded.test : null
  const split = splitDataset(full, {
    validation: options.validation ?? 0,
    test: givenTest ? 0 : (options.test ?? 0),
    seed: options.seed ?? 1,
    stratify: options.stratify ?? false,
  })
  if (split.train.count === 0) {
    throw new DataError('badOption', `The split leaves no rows for training (the data has ${full.count}).`, {
      hint: 'Lower the validation and test fractions, or use more data.',
    })
  }
  const policy = options.missing ?? 'error'
  let fills: number[] | null = null
  if (report && FILLS.has(policy)) {
    const blocks = report.blocks
    fills = fitFill(split.train, blocks, policy === 'fillMean' ? 'mean' : (policy as 'mean' | 'median' | 'mode'))
    report.filled = applyFill(split.train, blocks, fills)
    for (const part of [split.validation, split.test]) {
      for (const f of applyFill(part, blocks, fills)) {
        const same = report.filled.find((x) => x.column === f.column)
        if (same) same.count += f.count
        else report.filled.push(f)
      }
    }
  }
  const normalization = fitNormalization(split.train, options.normalization ?? 'none')
  const train = applyNormalization(split.train, normalization)
  const validation = split.validation.count > 0 ? applyNormalization(split.validation, normalization) : null
  const testPart = givenTest ?? (split.test.count > 0 ? split.test : null)
  const test = testPart ? applyNormalization(testPart, normalization) : null
  return { train, validation, test, givenTest: givenTest !== null, normalization, report, excluded, fills }
}

/**
 * Another file (a separate test set) read with the choices and the fitted parts of `fitted`:
 * the same columns, the training part's fill values and normalisation, and its class names
 * numbered as the training data numbers them.
 */
export function prepareWith(loaded: LoadedData, options: PrepareOptions, fitted: PreparedParts): Dataset {
  let ds: Dataset
  if (loaded.kind === 'csv') {
    const targets = options.targets ?? [loaded.table.columns.at(-1)!.name]
    const features = fitted.report?.blocks.map((b) => b.name)
    const policy = options.missing ?? 'error'
    const built = csvToDataset(loaded.table, {
      targets,
      ...(features ? { features } : {}),
      ...(options.categorical ? { categorical: options.categorical } : {}),
      ...(options.classNames ? { classNames: options.classNames } : {}),
      missing: FILLS.has(policy) ? 'keep' : policy,
      ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    })
    ds = built.dataset
    if (fitted.fills && fitted.report) applyFill(ds, fitted.report.blocks, fitted.fills)
  } else {
    ds = loaded.train
  }
  if (ds.inputSize !== fitted.train.inputSize) {
    throw new DataError('badOption', `The test data has ${ds.inputSize} inputs per row but the training data has ${fitted.train.inputSize}.`, {
      expected: fitted.train.inputSize,
      actual: ds.inputSize,
      hint: 'Use a test file with the same columns (or image size) as the training file.',
    })
  }
  if (fitted.train.labelNames) ds = datasetWithClasses(ds, fitted.train.labelNames)
  return applyNormalization(ds, fitted.normalization)
}
