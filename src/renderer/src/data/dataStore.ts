/**
 * The data panel's state (never saved) and its actions: open files or a built-in dataset in
 * the engine, choose how to prepare it, and apply it to the project. Applying is the only
 * step that touches the project (one undoable edit of `data`); a failed open or prepare
 * leaves the project exactly as it was and shows the error in the panel.
 *
 *   await openDataFiles([file])            // CSV, or IDX images (+ labels, + test pair)
 *   setChoice({ targets: ['species'] })
 *   await applyData()                      // prepare in the engine, then project.data + shape
 */
import * as Comlink from 'comlink'
import { create } from 'zustand'
import {
  DEFAULT_MAX_BYTES,
  builtinDataset,
  formatBytes,
  type BuiltinOptions,
  type DataErrorInfo,
  type NormalizationId,
  type MissingPolicy,
} from '../../../engine/data'
import {
  isBuiltinDatasetId,
  type DataSource,
  type FileData,
  type Project,
} from '../../../engine/project'
import type { DataPreview, PreparedSummary } from '../../../engine/host/dataFiles'
import { getEngineConnection, onEngineConnection } from '../engineClient'
import { useDocument } from '../store/documentStore'
import { forgetPrepared, preparedFor, rememberPrepared } from './preparedData'
import { BUILTIN_CHOICES, fashionSampleFiles, type BuiltinChoiceId } from './builtins'
import { csvDataSource, csvPrepareOptions, initialCsvChoice, splitFields } from './csvChoice'
import { keepDataFiles, storedPathOf } from './dataFileStore'
import { reopenProjectData } from './reopenData'

/** How the loaded data becomes training data (the panel's controls). */
export interface DataChoice {
  /** CSV: target columns. */
  targets: string[]
  /** CSV: columns left out of the inputs. */
  excluded: string[]
  missing: MissingPolicy
  normalization: NormalizationId
  /** Fractions held out (0 validation = the optimizer's validation fraction applies). */
  validation: number
  test: number
  stratify: boolean
  /** Built-in 2-D sets. */
  noise: number
  count: number
  classes: number
  /** CSV: header row as detected (`undefined`) or forced. */
  header: boolean | undefined
  /** CSV: first line skipped as a preamble: detected (`undefined`) or forced. */
  preamble: boolean | undefined
  /** CSV: numeric columns read as categories (the target: as classes). */
  categorical: string[]
  /** CSV: names of the classes 0, 1, 2 … of a whole-number target read as classes. */
  classNames: string[] | null
  /** CSV: column kinds forced when the file is read (a text column read as numbers …). */
  columnTypes: Record<string, 'numeric' | 'categorical'>
}

/** Where the data came from, enough to re-read it with other options. */
export type DataOrigin =
  | { kind: 'csv'; file: File }
  | { kind: 'idx'; files: File[] }
  | { kind: 'builtin'; id: BuiltinChoiceId }

/** A problem to show: an engine DataError (with its hint and position), and which file. */
export interface DataProblem {
  info: DataErrorInfo
  file: string | null
  stage: 'open' | 'prepare'
}

export interface DataState {
  dialogOpen: boolean
  tab: 'files' | 'builtin'
  busy: string | null
  problem: DataProblem | null
  origin: DataOrigin | null
  handle: string | null
  preview: DataPreview | null
  choice: DataChoice
  prepared: PreparedSummary | null
  /** The project data section that was applied last (for the summary line). */
  applied: DataSource | null
  /** Why the project's data file could not be reopened (shown beside the Data… button). */
  notReopened: string | null
  /** Why the applied file is not kept for the next visit (browser build), or null. */
  notKept: string | null
}

export const DEFAULT_CHOICE: DataChoice = {
  targets: [],
  excluded: [],
  missing: 'error',
  normalization: 'none',
  validation: 0,
  test: 0,
  stratify: false,
  noise: 0.1,
  count: 200,
  classes: 3,
  header: undefined,
  preamble: undefined,
  categorical: [],
  classNames: null,
  columnTypes: {},
}

export const useData = create<DataState>()(() => ({
  dialogOpen: false,
  tab: 'files',
  busy: null,
  problem: null,
  origin: null,
  handle: null,
  preview: null,
  choice: DEFAULT_CHOICE,
  prepared: null,
  applied: null,
  notReopened: null,
  notKept: null,
}))

export const set = useData.setState
export const get = useData.getState

export async function engine() {
  return (await getEngineConnection()).engine
}

export function openDataDialog(tab?: DataState['tab']): void {
  set(tab ? { dialogOpen: true, tab } : { dialogOpen: true })
}

export function closeDataDialog(): void {
  set({ dialogOpen: false })
}

export function setDataTab(tab: DataState['tab']): void {
  set({ tab })
}

export function setChoice(patch: Partial<DataChoice>): void {
  set({ choice: { ...get().choice, ...patch }, prepared: null })
}

/** A problem that is not the engine's (e.g. an unreadable file) in the same shape. */
function problemOf(
  message: string,
  hint: string,
  file: string | null,
  stage: DataProblem['stage'] = 'open',
): DataProblem {
  return { info: { name: 'DataError', code: 'badOption', message, hint }, file, stage }
}

async function bytesOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer())
}

const isCsvName = (name: string): boolean => /\.(csv|tsv|txt)(\.gz)?$/i.test(name)

/** IDX by name (…-idx3-ubyte, .idx, .gz) — CSV otherwise; the engine checks the bytes. */
function isIdxName(name: string): boolean {
  return !isCsvName(name) && /ubyte|\.idx\d?|\.gz$/i.test(name)
}

/** Replace what is loaded (closing the old handle in the engine). */
export async function replaceLoaded(
  next: Pick<DataState, 'origin' | 'handle' | 'preview'>,
): Promise<void> {
  const old = get().handle
  // Keep handles the project still uses (its training data).
  const inUse = preparedFor(useDocument.getState().project.data)?.handle.split('/')[0]
  if (old && old !== next.handle && old !== inUse) void (await engine()).closeData(old)
  set({ ...next, prepared: null, problem: null })
}

/**
 * Open files the user chose or dropped: one CSV, or IDX files (images, labels, optionally a
 * test pair). Errors go to the panel (which opens); the project is not touched.
 */
export async function openDataFiles(files: File[]): Promise<void> {
  set({ dialogOpen: true, tab: 'files' })
  if (files.length === 0) return
  const csv = files.filter((f) => !isIdxName(f.name))
  if (csv.length > 0 && (csv.length > 1 || files.length > 1)) {
    set({
      problem: problemOf(
        `${files.length} files were chosen, including ${csv.map((f) => `"${f.name}"`).join(', ')}.`,
        'Choose one CSV file, or IDX files (an images file and its labels file).',
        null,
      ),
    })
    return
  }
  // Refuse before reading: a file bigger than the engine's memory limit would only fail later.
  const total = files.reduce((n, f) => n + f.size, 0)
  if (total > DEFAULT_MAX_BYTES) {
    set({
      problem: {
        info: {
          name: 'DataError',
          code: 'tooBig',
          message: `${files.map((f) => `"${f.name}"`).join(' and ')} ${files.length === 1 ? 'is' : 'are'} ${formatBytes(total)}, more than the limit of ${formatBytes(DEFAULT_MAX_BYTES)}.`,
          hint: 'Use a smaller file (fewer rows or a sample).',
          expected: DEFAULT_MAX_BYTES,
          actual: total,
        },
        file: files.map((f) => f.name).join(', '),
        stage: 'open',
      },
    })
    return
  }
  if (csv.length === 1) await openCsvFile(csv[0], { header: undefined, preamble: undefined, columnTypes: {} })
  else await openIdxFiles(files)
}

/** How a CSV is read: the header, preamble and column kinds forced, or detected. */
type CsvReadOptions = Pick<DataChoice, 'header' | 'preamble' | 'columnTypes'>

const readOptionsOf = (o: CsvReadOptions) => ({
  ...(o.header !== undefined ? { header: o.header } : {}),
  ...(o.preamble !== undefined ? { preamble: o.preamble } : {}),
  ...(Object.keys(o.columnTypes).length > 0 ? { columnTypes: o.columnTypes } : {}),
})

/** The project's CSV data section when it names this file (so its choices come back). */
function projectCsvFor(file: File): FileData | null {
  const data = useDocument.getState().project.data
  return data.kind === 'file' && data.format === 'csv' && data.path === storedPathOf(file) ? data : null
}

/**
 * Open a CSV. A fresh pick takes the project's choices when the project uses this file, else
 * the defaults; re-reading with other read options (`reread`) keeps the panel's choices.
 */
async function openCsvFile(file: File, read: CsvReadOptions, reread = false): Promise<void> {
  set({ busy: `Reading ${file.name}…`, problem: null })
  try {
    const bytes = await bytesOf(file)
    const r = await (await engine()).openCsv(file.name, Comlink.transfer(bytes, [bytes.buffer]), readOptionsOf(read))
    if (!r.ok) {
      set({ problem: { info: r.error, file: file.name, stage: 'open' } })
      failedCsv = { file, read }
      return
    }
    const preview = r.value.preview
    await replaceLoaded({ origin: { kind: 'csv', file }, handle: r.value.handle, preview })
    const keep = { ...get().choice, ...read }
    set({ choice: initialCsvChoice(preview, keep, reread ? null : projectCsvFor(file)) })
  } catch (e) {
    set({
      problem: problemOf(
        `Could not read "${file.name}": ${(e as Error).message}`,
        'Try opening the file again.',
        file.name,
      ),
    })
  } finally {
    set({ busy: null })
  }
}

async function openIdxFiles(files: File[], labelNames?: string[]): Promise<void> {
  const names = files.map((f) => f.name).join(', ')
  set({ busy: `Reading ${names}…`, problem: null })
  try {
    const list = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: await bytesOf(f) })),
    )
    const r = await (
      await engine()
    ).openIdx(
      Comlink.transfer(
        list,
        list.map((f) => f.bytes.buffer as ArrayBuffer),
      ),
      labelNames ? { labelNames } : {},
    )
    if (!r.ok) {
      set({ problem: { info: r.error, file: names, stage: 'open' } })
      return
    }
    await replaceLoaded({
      origin: { kind: 'idx', files },
      handle: r.value.handle,
      preview: r.value.preview,
    })
  } catch (e) {
    set({
      problem: problemOf(
        `Could not read ${names}: ${(e as Error).message}`,
        'Try opening the files again.',
        names,
      ),
    })
  } finally {
    set({ busy: null })
  }
}

/** Re-read the CSV with the header row, the preamble or a column's kind forced (or detected). */
export async function rereadCsv(patch: Partial<CsvReadOptions>): Promise<void> {
  const origin = get().origin
  const c = get().choice
  if (origin?.kind === 'csv') await openCsvFile(origin.file, { header: c.header, preamble: c.preamble, columnTypes: c.columnTypes, ...patch }, true)
}

/** The CSV that failed to open last, to read it again with a column's kind forced. */
let failedCsv: { file: File; read: CsvReadOptions } | null = null

/** Read the CSV that just failed with `column` as categorical (the notANumber error's way out). */
export async function readFailedCsvAsCategorical(column: string): Promise<void> {
  if (!failedCsv) return
  const { file, read } = failedCsv
  failedCsv = null
  await openCsvFile(file, { ...read, columnTypes: { ...read.columnTypes, [column]: 'categorical' } })
}

/** Re-read the CSV with the header row forced on or off (or detected). */
export async function setCsvHeader(header: boolean | undefined): Promise<void> {
  await rereadCsv({ header })
}

/** Preview a built-in dataset (with the current noise and count). */
export async function openBuiltinData(id: BuiltinChoiceId): Promise<void> {
  const info = BUILTIN_CHOICES[id]
  set({ busy: `Making ${info.title}…`, problem: null })
  try {
    if (id === 'fashionSample') {
      const files = await fashionSampleFiles()
      await openIdxFiles(files, [...info.labelNames!])
      if (get().origin?.kind === 'idx') set({ origin: { kind: 'builtin', id } })
      return
    }
    const r = await (await engine()).openBuiltin(id, builtinOptions(id))
    if (!r.ok) {
      set({ problem: { info: r.error, file: null, stage: 'open' } })
      return
    }
    await replaceLoaded({
      origin: { kind: 'builtin', id },
      handle: r.value.handle,
      preview: r.value.preview,
    })
  } catch (e) {
    set({
      problem: problemOf(`Could not make the dataset: ${(e as Error).message}`, 'Try again.', null),
    })
  } finally {
    set({ busy: null })
  }
}

function builtinOptions(id: BuiltinChoiceId): Record<string, number> {
  const c = get().choice
  if (BUILTIN_CHOICES[id].kind !== 'points2d') return {}
  return id === 'clusters'
    ? { noise: c.noise, count: c.count, classes: c.classes }
    : { noise: c.noise, count: c.count }
}

/** The project's `data` section for what is loaded and chosen. */
function dataSourceOf(origin: DataOrigin, preview: DataPreview, choice: DataChoice): DataSource {
  if (origin.kind === 'builtin' && origin.id !== 'fashionSample')
    return { kind: 'builtin', id: origin.id, options: builtinOptions(origin.id) }
  const scaling = choice.normalization
  if (preview.kind === 'csv') {
    return csvDataSource(preview, choice, origin.kind === 'csv' ? storedPathOf(origin.file) : preview.name)
  }
  if (preview.kind !== 'idx') throw new Error('unexpected preview')
  const files =
    origin.kind === 'builtin'
      ? FASHION_PATHS
      : idxPaths(origin.kind === 'idx' ? origin.files : [], preview)
  return {
    kind: 'file',
    format: 'idx',
    ...files,
    ...(preview.labelNames
      ? { labelNames: preview.labelNames, classes: preview.labelNames.length }
      : {}),
    scaling,
    ...splitFields(choice),
  }
}

/** The shipped sample, with paths as the lecture examples write them (relative to resources/examples). */
const FASHION_PATHS = {
  path: '../data/fashion-sample/train-images-idx3-ubyte.gz',
  labelsPath: '../data/fashion-sample/train-labels-idx1-ubyte.gz',
  testPath: '../data/fashion-sample/t10k-images-idx3-ubyte.gz',
  testLabelsPath: '../data/fashion-sample/t10k-labels-idx1-ubyte.gz',
}

function idxPaths(
  files: File[],
  preview: Extract<DataPreview, { kind: 'idx' }>,
): Pick<FileData, 'path' | 'labelsPath' | 'testPath' | 'testLabelsPath'> {
  const others = files
    .map((f) => f.name)
    .filter((n) => n !== preview.name && n !== preview.labelsName)
  const testImages = others.find((n) => /image/i.test(n)) ?? others[0]
  const testLabels = others.find((n) => n !== testImages)
  return {
    path: preview.name,
    ...(preview.labelsName ? { labelsPath: preview.labelsName } : {}),
    ...(testImages ? { testPath: testImages } : {}),
    ...(testLabels ? { testLabelsPath: testLabels } : {}),
  }
}

/**
 * Prepare the loaded data in the engine with the current choice; on success make it the
 * project's data (one undoable edit) and tell the compiler its shape. On failure the project
 * is unchanged and the problem shows in the panel.
 */
export async function applyData(): Promise<boolean> {
  const { handle, preview, origin, choice } = get()
  if (!handle || !preview || !origin) return false
  const project: Project = useDocument.getState().project
  set({ busy: 'Preparing the data…', problem: null })
  try {
    let shape: { inputSize: number; targetSize: number }
    let prepared: PreparedSummary | null = null
    if (preview.kind === 'builtin') {
      shape = { inputSize: preview.inputSize, targetSize: preview.targetSize }
    } else {
      const r = await prepareInEngine(handle, preview, choice, project.seed)
      if (!r.ok) {
        set({ problem: { info: r.error, file: preview.name, stage: 'prepare' } })
        return false
      }
      prepared = r.value
      shape = { inputSize: prepared.inputSize, targetSize: prepared.targetSize }
    }
    const data = dataSourceOf(origin, preview, choice)
    if (data.kind === 'file') rememberPrepared(data, prepared?.handle ?? handle, shape)
    set({ prepared, applied: data, notReopened: null })
    if (origin.kind !== 'builtin') void keepDataFiles(origin.kind === 'csv' ? [origin.file] : origin.files).then((notKept) => set({ notKept }))
    const doc = useDocument.getState()
    doc.setData(data)
    doc.setDataShape(shape)
    return true
  } catch (e) {
    set({
      problem: problemOf(
        `The data could not be prepared: ${(e as Error).message}`,
        'Check the choices above and try again.',
        preview.name,
        'prepare',
      ),
    })
    return false
  } finally {
    set({ busy: null })
  }
}

/** Prepare loaded data (a file's handle) in the engine with the panel's choices. */
export async function prepareInEngine(handle: string, preview: DataPreview, choice: DataChoice, seed: number) {
  return (await engine()).prepareDataset(handle, {
    ...(preview.kind === 'csv' ? csvPrepareOptions(preview, choice) : {}),
    normalization: choice.normalization,
    validation: choice.validation,
    test: choice.test,
    stratify: choice.stratify,
    seed,
  })
}

/**
 * Make the network fit the data: the input takes its size from the data (`auto`) and the
 * output layer gets one unit per target. One undo step.
 */
export function fitNetworkToData(): void {
  const doc = useDocument.getState()
  const shape = doc.dataShape
  if (!shape) return
  for (const d of doc.compiled.diagnostics) {
    if (d.code === 'input-size-mismatch' && d.nodeId)
      doc.updateParams(d.nodeId, { size: 'auto' }, 'fit-to-data')
    if (d.code === 'output-size-mismatch' && d.nodeId)
      useDocument.getState().updateParams(d.nodeId, { units: shape.targetSize }, 'fit-to-data')
  }
}

/** Keep the compiler's data shape in step with the project's data (undo, open, examples). */
function syncShape(data: DataSource): void {
  const doc = useDocument.getState()
  const prepared = preparedFor(data)
  let shape = prepared?.shape
  if (!shape && data.kind === 'builtin' && isBuiltinDatasetId(data.id)) {
    // Built-ins are small and generated in no time: measure them here.
    try {
      const ds = builtinDataset(data.id, (data.options ?? {}) as BuiltinOptions)
      shape = { inputSize: ds.inputSize, targetSize: ds.targetSize }
    } catch {
      shape = undefined // bad options: the compiler and the panel say so
    }
  }
  if (
    shape?.inputSize !== doc.dataShape?.inputSize ||
    shape?.targetSize !== doc.dataShape?.targetSize
  )
    doc.setDataShape(shape)
  if (!shape && data.kind === 'file') void loadBundledSample(data).then((loaded) => (loaded ? undefined : reopenProjectData(data)))
}

const SAMPLE_NAMES = new Set(Object.values(FASHION_PATHS).map((p) => p.split('/').pop()))

/**
 * A project whose files are the shipped Fashion-MNIST sample (the lecture examples) is loaded
 * into the engine in the background, so its shape reaches the compiler and training reuses it.
 */
async function loadBundledSample(data: FileData): Promise<boolean> {
  const paths = [data.path, data.labelsPath, data.testPath, data.testLabelsPath].filter(
    (p) => p !== undefined,
  )
  if (data.format !== 'idx' || !paths.every((p) => SAMPLE_NAMES.has(p.split('/').pop()))) return false
  try {
    const files = (await fashionSampleFiles()).filter((f) => paths.some((p) => p.endsWith(f.name)))
    const list = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: await bytesOf(f) })),
    )
    const e = await engine()
    const opened = await e.openIdx(list, data.labelNames ? { labelNames: data.labelNames } : {})
    if (!opened.ok) return true
    const r = await e.prepareDataset(opened.value.handle, {
      normalization: data.scaling,
      ...(data.limit ? { limit: data.limit } : {}),
    })
    if (!r.ok) return true
    const shape = { inputSize: r.value.inputSize, targetSize: r.value.targetSize }
    rememberPrepared(data, r.value.handle, shape)
    if (useDocument.getState().project.data === data) useDocument.getState().setDataShape(shape)
    return true
  } catch {
    // Not loaded: training reads the files itself, and the panel can open them.
    return true
  }
}

useDocument.subscribe((s, prev) => {
  if (s.project.data !== prev.project.data) syncShape(s.project.data)
})

/**
 * A restarted engine has none of the old handles: open what was loaded again in the new engine
 * and prepare the project's data again, so training goes on without the user re-opening files.
 */
async function resendAfterRestart(): Promise<void> {
  forgetPrepared()
  const { origin, applied, choice } = get()
  set({ handle: null, preview: null, prepared: null })
  if (origin?.kind === 'csv') await openCsvFile(origin.file, choice, true)
  else if (origin?.kind === 'idx') await openIdxFiles(origin.files)
  else if (origin?.kind === 'builtin') await openBuiltinData(origin.id)
  const data = useDocument.getState().project.data
  const { handle, preview } = get()
  if (data === applied && data.kind === 'file' && handle && preview && preview.kind !== 'builtin') {
    const r = await prepareInEngine(handle, preview, choice, useDocument.getState().project.seed)
    if (r.ok) {
      rememberPrepared(data, r.value.handle, { inputSize: r.value.inputSize, targetSize: r.value.targetSize })
      set({ prepared: r.value })
      return
    }
  }
  syncShape(data)
}

onEngineConnection((connection) => {
  if (connection.restarted) void resendAfterRestart()
})
