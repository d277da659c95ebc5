/**
 * Opening data in the engine: the user's files (one CSV, or IDX images with labels and an
 * optional test pair) or a built-in dataset. Errors go to the panel; the project is not touched.
 */
import * as Comlink from 'comlink'
import { BUILTIN_DATASETS, DEFAULT_MAX_BYTES, formatBytes, type DataErrorInfo } from '../../../engine/data'
import { isBuiltinDatasetId, type BuiltinData, type FileData } from '../../../engine/project'
import type { DataPreview } from '../../../engine/host/dataFiles'
import { useDocument } from '../store/documentStore'
import { preparedFor } from './preparedData'
import { BUILTIN_CHOICES, fashionSampleFiles, type BuiltinChoiceId } from './builtins'
import { initialCsvChoice } from './csvChoice'
import { storedPathOf } from './dataFileStore'
import { failedBecause } from '../sentence'
import {
  DEFAULT_CHOICE,
  bytesOf,
  dataInUse,
  engine,
  get,
  problemOf,
  set,
  type DataChoice,
  type DataOrigin,
  type DataProblem,
  type DataState,
} from './dataState'

const isCsvName = (name: string): boolean => /\.(csv|tsv|txt)(\.gz)?$/i.test(name)

/** IDX by name (…-idx3-ubyte, .idx, .gz) — CSV otherwise; the engine checks the bytes. */
function isIdxName(name: string): boolean {
  return !isCsvName(name) && /ubyte|\.idx\d?|\.gz$/i.test(name)
}

/** Close the handle the panel holds in the engine, unless it stays (`next`) or the project trains on it. */
function releaseHeld(next: string | null): void {
  const old = get().handle
  const inUse = preparedFor(useDocument.getState().project.data)?.handle.split('/')[0]
  if (old && old !== next && old !== inUse) void engine().then((e) => e.closeData(old))
}

/** Replace what is loaded (closing the old handle in the engine). */
export async function replaceLoaded(
  next: Pick<DataState, 'origin' | 'handle' | 'preview'>,
): Promise<void> {
  releaseHeld(next.handle)
  set({ ...next, prepared: null, problem: null })
}

/**
 * Open the dialog. After a refusal, what the panel held (the refused file with its choices, or
 * nothing) gives way to the data in use, as the dialog showed it before; the refusal stays,
 * named as one of that other file. A file looked at and not refused stays, to be used or not.
 */
export function openDataDialog(tab?: DataState['tab']): void {
  set(tab ? { dialogOpen: true, tab } : { dialogOpen: true })
  const { problem, preview } = get()
  const known = dataInUse()
  if (problem ? problem.notUsed && preview === (known?.preview ?? null) : preview || !known) return
  const { origin = null, handle = null, preview: inUsePreview = null, choice = get().choice, prepared = null } = known ?? {}
  releaseHeld(handle)
  set({ origin, handle, preview: inUsePreview, choice, prepared, problem: problem && { ...problem, notUsed: true } })
}

/**
 * Show why a choice of data could not be opened. What was loaded before goes too (its preview
 * and "Use this data"), so the panel cannot apply data the user did not choose; the project
 * keeps its data (the dialog shows it again when next opened). A re-read of the same file with
 * other read options (`keepLoaded`) keeps the file as it was read last, with its choices.
 */
export async function failOpen(problem: DataProblem, keepLoaded = false): Promise<void> {
  if (!keepLoaded) await replaceLoaded({ origin: null, handle: null, preview: null })
  set({ problem })
}

/** Show `work`'s progress as `busy`; an exception becomes the panel's problem (`failure`). */
async function whileBusy(
  busy: string,
  failure: (e: Error) => DataProblem,
  work: () => Promise<void>,
  keepLoaded = false,
): Promise<void> {
  set({ busy, problem: null })
  try {
    await work()
  } catch (e) {
    await failOpen(failure(e as Error), keepLoaded)
  } finally {
    set({ busy: null })
  }
}

/** What an open call of the engine answers. */
type OpenResult<P> =
  { ok: true; value: { handle: string; preview: P } } | { ok: false; error: DataErrorInfo }

/** Load what the engine opened and return its preview, or show why it could not be opened. */
async function loadOpened<P extends DataPreview>(
  r: OpenResult<P>,
  origin: DataOrigin,
  file: string | null,
  keepLoaded = false,
): Promise<P | null> {
  if (!r.ok) {
    await failOpen({ info: r.error, file, stage: 'open' }, keepLoaded)
    return null
  }
  await replaceLoaded({ origin, handle: r.value.handle, preview: r.value.preview })
  return r.value.preview
}

/**
 * Open files the user chose or dropped: one CSV, or IDX files (images, labels, optionally a
 * test pair). Errors go to the panel (which opens); the project is not touched.
 */
export async function openDataFiles(files: File[]): Promise<void> {
  set({ dialogOpen: true, tab: 'files' })
  if (files.length === 0) return
  const problem = filesProblem(files)
  if (problem) await failOpen(problem)
  else if (!isIdxName(files[0].name))
    await openCsvFile(files[0], { header: undefined, preamble: undefined, columnTypes: {} })
  else await openIdxFiles(files)
}

/** Why these files cannot be opened together: more than one CSV, or more bytes than the engine takes. */
function filesProblem(files: File[]): DataProblem | null {
  const csv = files.filter((f) => !isIdxName(f.name))
  if (csv.length > 0 && (csv.length > 1 || files.length > 1)) {
    return problemOf(
      `${files.length} files were chosen, including ${csv.map((f) => `"${f.name}"`).join(', ')}.`,
      'Choose one CSV file, or IDX files (an images file and its labels file).',
      null,
    )
  }
  // Refuse before reading: a file bigger than the engine's memory limit would only fail later.
  const total = files.reduce((n, f) => n + f.size, 0)
  if (total <= DEFAULT_MAX_BYTES) return null
  return {
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
  }
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
  return data.kind === 'file' && data.format === 'csv' && data.path === storedPathOf(file)
    ? data
    : null
}

/**
 * Open a CSV. A fresh pick takes the project's choices when the project uses this file, else
 * the defaults; re-reading with other read options (`reread`) keeps the panel's choices.
 */
export async function openCsvFile(file: File, read: CsvReadOptions, reread = false): Promise<void> {
  const failure = (e: Error) =>
    problemOf(
      failedBecause(`Could not read "${file.name}"`, e.message),
      'Try opening the file again.',
      file.name,
    )
  await whileBusy(`Reading ${file.name}…`, failure, async () => {
    const bytes = await bytesOf(file)
    const r = await (
      await engine()
    ).openCsv(file.name, Comlink.transfer(bytes, [bytes.buffer]), readOptionsOf(read))
    const preview = await loadOpened(r, { kind: 'csv', file }, file.name, reread)
    if (!preview) {
      failedCsv = { file, read }
      return
    }
    const keep = { ...get().choice, ...read }
    set({ choice: initialCsvChoice(preview, keep, reread ? null : projectCsvFor(file)) })
  }, reread)
}

/** Open IDX files: images, their labels, and optionally a test pair. */
export async function openIdxFiles(files: File[], labelNames?: string[]): Promise<void> {
  const names = files.map((f) => f.name).join(', ')
  const failure = (e: Error) =>
    problemOf(failedBecause(`Could not read ${names}`, e.message), 'Try opening the files again.', names)
  await whileBusy(`Reading ${names}…`, failure, async () => {
    const list = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: await bytesOf(f) })),
    )
    const transfer = Comlink.transfer(
      list,
      list.map((f) => f.bytes.buffer as ArrayBuffer),
    )
    const r = await (await engine()).openIdx(transfer, labelNames ? { labelNames } : {})
    await loadOpened(r, { kind: 'idx', files }, names)
  })
}

/** Re-read the CSV with the header row, the preamble or a column's kind forced (or detected). */
export async function rereadCsv(patch: Partial<CsvReadOptions>): Promise<void> {
  const origin = get().origin
  const c = get().choice
  if (origin?.kind === 'csv')
    await openCsvFile(
      origin.file,
      { header: c.header, preamble: c.preamble, columnTypes: c.columnTypes, ...patch },
      true,
    )
}

/** The CSV that failed to open last, to read it again with a column's kind forced. */
let failedCsv: { file: File; read: CsvReadOptions } | null = null

/** Read the CSV that just failed with `column` as categorical (the notANumber error's way out). */
export async function readFailedCsvAsCategorical(column: string): Promise<void> {
  if (!failedCsv) return
  const { file, read } = failedCsv
  failedCsv = null
  await openCsvFile(file, {
    ...read,
    columnTypes: { ...read.columnTypes, [column]: 'categorical' },
  })
}

/** Re-read the CSV with the header row forced on or off (or detected). */
export async function setCsvHeader(header: boolean | undefined): Promise<void> {
  await rereadCsv({ header })
}
/** Preview a built-in dataset (with the current noise and count). */
export async function openBuiltinData(id: BuiltinChoiceId): Promise<void> {
  const info = BUILTIN_CHOICES[id]
  const failure = (e: Error) =>
    problemOf(failedBecause('Could not make the dataset', e.message), 'Try again.', null)
  await whileBusy(`Making ${info.title}…`, failure, async () => {
    if (id === 'fashionSample') {
      const files = await fashionSampleFiles()
      await openIdxFiles(files, [...info.labelNames!])
      if (get().origin?.kind === 'idx') set({ origin: { kind: 'builtin', id } })
      return
    }
    await loadOpened(
      await (await engine()).openBuiltin(id, builtinOptions(id)),
      { kind: 'builtin', id },
      null,
    )
  })
}

/**
 * The options of a built-in dataset from the panel's choice. The seed is written once it is not
 * the generator's default (1), so projects made before Regenerate existed stay as they were.
 */
export function builtinOptions(id: BuiltinChoiceId): Record<string, number> {
  const c = get().choice
  if (BUILTIN_CHOICES[id].kind !== 'points2d') return {}
  const options: Record<string, number> = id === 'clusters' ? { noise: c.noise, count: c.count, classes: c.classes } : { noise: c.noise, count: c.count }
  if (c.dataSeed !== 1) options.seed = c.dataSeed
  return options
}

/** The panel's choice for a project's built-in 2-D data: its noise, count, classes, seed and test share (the generator's defaults where absent). */
export function choiceOfBuiltin(data: BuiltinData): Partial<DataChoice> {
  const options = data.options ?? {}
  const number = (key: string, fallback: number) => (typeof options[key] === 'number' ? (options[key] as number) : fallback)
  const noise = isBuiltinDatasetId(data.id) ? BUILTIN_DATASETS[data.id].defaultNoise : DEFAULT_CHOICE.noise
  return { noise: number('noise', noise), count: number('count', 200), classes: number('classes', 2), dataSeed: number('seed', 1), test: data.testFraction ?? 0 }
}
