/**
 * The data part of `EngineApi`: the user's files are parsed here, in the engine process, and
 * kept under a handle; the UI gets small previews back and never holds the data itself.
 *
 *   const bytes = new Uint8Array(await file.arrayBuffer())
 *   const r = await engine.openCsv('iris.csv', Comlink.transfer(bytes, [bytes.buffer]))
 *   if (!r.ok) show(r.error)                       // DataErrorInfo: message, hint, line, byte offset
 *   const p = await engine.prepareDataset(r.value.handle, { targets: ['species'], normalization: 'zScore' })
 *   await engine.startRun('r1', spec, { kind: 'handle', handle: r.value.handle })
 *
 * Every data problem comes back as `{ ok: false, error: DataErrorInfo }` instead of a thrown
 * error, because Comlink keeps only the name and message of errors, and the panel needs the
 * hint and the line or byte offset too.
 */
import type { Dataset } from '../spec'
import {
  BUILTIN_DATASETS,
  DataError,
  builtinDataset,
  classBalance,
  dataErrorInfo,
  fillValues,
  idxToDataset,
  parseCsv,
  parseIdx,
  prepareData,
  unpackBytes,
  FASHION_MNIST_LABELS,
  type LoadedData,
  type PrepareOptions as DataPrepareOptions,
  type BuiltinDatasetId,
  type BuiltinOptions,
  type CsvDatasetReport,
  type CsvParseOptions,
  type CsvTable,
  type DataErrorInfo,
  type IdxArray,
  type NormalizationParams,
} from '../data'
import {
  builtinPreview,
  csvPreview,
  idxPreview,
  type BuiltinPreview,
  type CsvPreview,
  type DataPreview,
  type IdxPreview,
} from './dataPreview'

export type * from './dataPreview'

/** A data call's answer: the value, or the data problem as plain data. */
export type DataResult<T> = { ok: true; value: T } | { ok: false; error: DataErrorInfo }

/** A file as the UI read it: its name (for messages) and its bytes (transferred, not copied). */
export interface DataFile {
  name: string
  bytes: Uint8Array
}

/** What `open…` returns: the handle of the loaded data and its preview. */
export interface Opened<P extends DataPreview> {
  handle: string
  preview: P
}

/** How to turn loaded data into what a run trains on (see `prepareData`). */
export type PrepareOptions = Omit<DataPrepareOptions, 'maxBytes'>

/** What a prepared dataset looks like (everything the panel and the compiler need). */
export interface PreparedSummary {
  /**
   * The handle to train on: this preparation, kept as it is (`data-3/1`), so a project that
   * still refers to an earlier choice (after undo) trains on that choice.
   */
  handle: string
  inputSize: number
  inputShape: number[]
  targetSize: number
  classification: boolean
  labelNames: string[] | null
  featureNames: string[] | null
  targetNames: string[] | null
  counts: { train: number; validation: number; test: number }
  /** Rows per class in each part (classification only). */
  classBalance: { train: number[]; validation: number[]; test: number[] } | null
  /** The normalisation fitted on the training part (stored with the model). */
  normalization: NormalizationParams
  /** CSV: rows used, dropped and filled. */
  report: CsvDatasetReport | null
  /** True when the test part comes from given test files rather than a split. */
  givenTest: boolean
  /** CSV: columns left out of the inputs by default, and why (ID-like text columns). */
  excluded: { column: string; reason: string }[]
}

export interface DataApi {
  /** Parse a CSV file. The preview has the first rows and every column's statistics. */
  openCsv(
    name: string,
    bytes: Uint8Array,
    options?: Omit<CsvParseOptions, 'name'>,
  ): Promise<DataResult<Opened<CsvPreview>>>
  /**
   * Parse IDX files (`.gz` or not): one images file and optionally its labels file, or two
   * pairs where the names containing `t10k` or `test` are the test set. Which file is which
   * is decided by rank (labels are rank 1), not by the order given.
   */
  openIdx(
    files: DataFile[],
    options?: { labelNames?: string[] },
  ): Promise<DataResult<Opened<IdxPreview>>>
  /** Make a built-in dataset (AND, XOR, circles …) and preview it. */
  openBuiltin(id: string, options?: BuiltinOptions): Promise<DataResult<Opened<BuiltinPreview>>>
  /** Choose targets, features, missing values, normalisation and split; training then uses the result. */
  prepareDataset(handle: string, options?: PrepareOptions): Promise<DataResult<PreparedSummary>>
  /** Forget a source handle (and its preparations) or one prepared handle. Unknown handles are ignored. */
  closeData(handle: string): void
}

/** What the engine keeps per handle. */
type Source =
  | { kind: 'csv'; table: CsvTable }
  | { kind: 'idx'; train: Dataset; test: Dataset | null }
  | { kind: 'builtin'; train: Dataset }

/** One preparation of a source: the parts a run trains and validates on. */
interface Prepared {
  train: Dataset
  validation: Dataset | null
  test: Dataset | null
  /** Given test files (IDX) rather than a split-off part. */
  givenTest: boolean
  /** CSV: each chosen column's fill value, gaps or not (a given test file may have them where training had none). */
  fills: { column: string; value: number | string }[]
}

interface Entry {
  source: Source
  /** Preparations by handle (`<source>/<n>`), oldest first; at most KEEP_PREPARED. */
  prepared: Map<string, Prepared>
  nextPrepared: number
}

/** Preparations kept per source (earlier ones serve undo; big data makes each one costly). */
export const KEEP_PREPARED = 4

/** Loaded data by handle, for the whole engine process (the training part reads it). */
const entries = new Map<string, Entry>()
let nextHandle = 1

function register(source: Source): string {
  const handle = `data-${nextHandle++}`
  entries.set(handle, { source, prepared: new Map(), nextPrepared: 1 })
  return handle
}

/** The source handle of a handle (`data-3/2` → `data-3`). */
const sourceHandle = (handle: string): string => handle.split('/')[0]

function entryOf(handle: string): Entry {
  const entry = entries.get(sourceHandle(handle))
  if (!entry) {
    throw new DataError('badOption', `The data "${handle}" is no longer loaded.`, {
      hint: 'Open the data file again (the engine was restarted or the data was closed).',
    })
  }
  return entry
}

/** Runs `make`; a DataError becomes `{ ok: false, error }`, anything else is thrown. */
function attempt<T>(make: () => T): DataResult<T> {
  try {
    return { ok: true, value: make() }
  } catch (e) {
    const error = dataErrorInfo(e)
    if (error) return { ok: false, error }
    throw e
  }
}

const isTestName = (name: string): boolean => /t10k|test/i.test(name)

/** Sorts parsed IDX files into training and test images and labels (labels have rank 1). */
function pairIdx(parsed: { name: string; array: IdxArray }[]) {
  const images = parsed.filter((p) => p.array.dims.length > 1)
  const labels = parsed.filter((p) => p.array.dims.length === 1)
  const hint =
    'Choose one images file (e.g. train-images-idx3-ubyte.gz) and, for classification, its labels file (train-labels-idx1-ubyte.gz).'
  if (images.length === 0) {
    // A lone rank-1 file is a labels file chosen without its images.
    throw new DataError(
      'idxShape',
      `${parsed.map((p) => `"${p.name}"`).join(' and ')} ${parsed.length === 1 ? 'holds' : 'hold'} one number per item: labels, not images.`,
      { hint },
    )
  }
  if (images.length > 2 || labels.length > 2 || parsed.length > 4) {
    throw new DataError(
      'badOption',
      `${parsed.length} IDX files were given; at most two pairs (training and test) can be used.`,
      { hint },
    )
  }
  const pick = <T extends { name: string }>(list: T[], test: boolean): T | undefined =>
    list.length === 1 ? (test ? undefined : list[0]) : list.find((p) => isTestName(p.name) === test)
  const trainImages = pick(images, false) ?? images[0]
  const testImages = images.length === 2 ? images.find((p) => p !== trainImages) : undefined
  const trainLabels = labels.length === 2 ? (pick(labels, false) ?? labels[0]) : labels[0]
  const testLabels = labels.length === 2 ? labels.find((p) => p !== trainLabels) : undefined
  return { trainImages, trainLabels, testImages, testLabels }
}

function prepare(entry: Entry, handle: string, options: PrepareOptions): PreparedSummary {
  const source = entry.source
  const loaded: LoadedData =
    source.kind === 'csv'
      ? { kind: 'csv', table: source.table }
      : { kind: 'dataset', train: source.train, test: source.kind === 'idx' ? source.test : null }
  const { train, validation, test, givenTest, normalization, report, excluded, fills } = prepareData(loaded, options)
  const preparedHandle = `${handle}/${entry.nextPrepared++}`
  entry.prepared.set(preparedHandle, { train, validation, test, givenTest, fills: report && fills ? fillValues(report.blocks, fills) : [] })
  for (const old of entry.prepared.keys()) {
    if (entry.prepared.size <= KEEP_PREPARED) break
    entry.prepared.delete(old)
  }
  const classification = Boolean(train.labels) || (train.targetSize >= 2 && !train.targetNames)
  const balance = (ds: Dataset | null): number[] => (ds ? classBalance(ds) : [])
  return {
    handle: preparedHandle,
    inputSize: train.inputSize,
    inputShape: train.inputShape ?? [train.inputSize],
    targetSize: train.targetSize,
    classification,
    labelNames: train.labelNames ?? null,
    featureNames: train.featureNames ?? null,
    targetNames: train.targetNames ?? null,
    counts: { train: train.count, validation: validation?.count ?? 0, test: test?.count ?? 0 },
    classBalance: classification
      ? { train: balance(train), validation: balance(validation), test: balance(test) }
      : null,
    normalization,
    report,
    givenTest,
    excluded,
  }
}

/**
 * The preparation `handle` names: a prepared handle (`data-3/2`) as it was made; a source
 * handle (`data-3`) its latest preparation, or the defaults when it has none yet.
 * @throws DataError when the handle is no longer loaded or the defaults do not fit the data.
 */
function preparedOf(handle: string): Prepared {
  const entry = entryOf(handle)
  const source = sourceHandle(handle)
  if (handle !== source) {
    const prepared = entry.prepared.get(handle)
    if (!prepared) {
      throw new DataError('badOption', `The prepared data "${handle}" is no longer kept.`, {
        hint: 'Choose “Use this data” in the data panel again.',
      })
    }
    return prepared
  }
  if (entry.prepared.size === 0) prepare(entry, source, {})
  return [...entry.prepared.values()].at(-1)!
}

/**
 * The datasets a run uses for `handle`: the prepared training part; the prepared validation
 * part (else none, and the optimizer's validation fraction applies); the test part (split off
 * or given files), held out and evaluated apart.
 */
export function handleTrainingData(handle: string): { train: Dataset; validation?: Dataset; test?: Dataset } {
  const { train, validation, test } = preparedOf(handle)
  return { train, ...(validation ? { validation } : {}), ...(test ? { test } : {}) }
}

/** The value the preparation `handle` fills each column's missing cells with (none for other data or policies). */
export function handleFills(handle: string): { column: string; value: number | string }[] {
  return preparedOf(handle).fills
}

/** The parsed CSV behind a data handle (its dialect and columns, for exports), or null for other data. */
export function handleCsvTable(handle: string): CsvTable | null {
  const source = entryOf(handle).source
  return source.kind === 'csv' ? source.table : null
}

export function createDataApi(): DataApi {
  return {
    async openCsv(name, bytes, options = {}) {
      return attempt(() => {
        // Sniffed by content: a gzipped CSV (.csv.gz) is unpacked first.
        const table = parseCsv(unpackBytes(bytes, name, options.maxBytes), { ...options, name })
        return { handle: register({ kind: 'csv', table }), preview: csvPreview(name, table) }
      })
    },
    async openIdx(files, options = {}) {
      return attempt(() => {
        if (files.length === 0)
          throw new DataError('emptyFile', 'No file was chosen.', {
            hint: 'Choose an IDX images file and its labels file.',
          })
        const parsed = files.map((f) => ({
          name: f.name,
          array: parseIdx(f.bytes, { name: f.name }),
        }))
        const { trainImages, trainLabels, testImages, testLabels } = pairIdx(parsed)
        // Ten classes of 28×28 images: Fashion-MNIST's names unless the caller gives others.
        const names =
          options.labelNames ??
          (/fashion/i.test(trainImages.name) ? [...FASHION_MNIST_LABELS] : undefined)
        const dsOptions = names ? { labelNames: names } : {}
        const train = idxToDataset(trainImages.array, trainLabels?.array, dsOptions)
        const test = testImages
          ? idxToDataset(testImages.array, testLabels?.array, dsOptions)
          : null
        if (test && test.inputSize !== train.inputSize) {
          throw new DataError(
            'idxShape',
            `The test images are ${test.inputShape?.join('×')} but the training images are ${train.inputShape?.join('×')}.`,
            {
              expected: train.inputSize,
              actual: test.inputSize,
              hint: 'Pair test files from the same dataset as the training files.',
            },
          )
        }
        const handle = register({ kind: 'idx', train, test })
        return {
          handle,
          preview: idxPreview(
            { images: trainImages.name, labels: trainLabels?.name ?? null },
            trainImages.array,
            train,
            test?.count ?? 0,
          ),
        }
      })
    },
    async openBuiltin(id, options = {}) {
      return attempt(() => {
        const train = builtinDataset(id as BuiltinDatasetId, options)
        const title = BUILTIN_DATASETS[id as BuiltinDatasetId].title
        return {
          handle: register({ kind: 'builtin', train }),
          preview: builtinPreview(id, title, train),
        }
      })
    },
    async prepareDataset(handle, options = {}) {
      return attempt(() => prepare(entryOf(handle), handle, options))
    },
    closeData(handle) {
      if (handle === sourceHandle(handle)) entries.delete(handle)
      else entries.get(sourceHandle(handle))?.prepared.delete(handle)
    },
  }
}
