/**
 * Reading a project's data (or data given on the command line) from files into `Dataset`s,
 * through the engine's data pipeline (`prepareData`), the same one the data panel uses.
 * Files are recognised by content: gzip is unpacked, IDX by its magic, anything else is CSV.
 */

import { basename, dirname, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import {
  DataError,
  fillValues,
  cutText,
  holdOutTest,
  checkText,
  idxToDataset,
  isGzip,
  looksLikeIdx,
  prepareData,
  prepareWith,
  quoteUser,
  readDataBytes,
  type CsvTable,
  type GunzipFn,
  type IdxArray,
  type LoadedData,
  type PrepareOptions,
  type PreparedParts,
} from '../engine/data'
import { projectDataset } from '../engine/project'
import type { FileData, Project } from '../engine/project'
import type { Dataset } from '../engine/spec'
import { CliError } from './args'
import { readBytes } from './files'

/** Node's native inflater (about 3× fflate's), stopped at the budget like the engine's. */
const inflate: GunzipFn = (gz, maxBytes) => {
  try {
    const out = gunzipSync(gz, { maxOutputLength: maxBytes })
    // A plain Uint8Array view, not a Buffer: the engine copies arrays by their constructor, and
    // `new Buffer(n)` is deprecated (Node printed a DEP0005 warning on every gzipped IDX file).
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new DataError('tooBig', 'Unpacking gives too much data.', { hint: '', expected: maxBytes })
    }
    throw e
  }
}

/** Choices about the data from the command line; each replaces the project's. */
export interface DataOverrides {
  data?: string
  labels?: string
  test?: string
  testLabels?: string
  /** CSV target column: a name or a 0-based index. */
  target?: string
  /** Read the whole-number target column as classes. */
  classes?: boolean
  classNames?: string[]
  categorical?: string[]
  missing?: NonNullable<FileData['missing']>
  testFraction?: number
  validationFraction?: number
  stratify?: boolean
}

export interface ProjectData {
  train: Dataset
  validation?: Dataset
  test?: Dataset
  /** CSV: each chosen column's fill value, gaps or not (for `axon export`). */
  fills?: { column: string; value: number | string }[]
  /** What was detected or changed while reading, in words (preamble, renamed columns, fills …). */
  notes: string[]
}

/** A file's content: a CSV table or an IDX array. */
function readFile(path: string): ReturnType<typeof readDataBytes> {
  const name = basename(path)
  return readDataBytes(readBytes(path, undefined, (head) => checkDataHead(head, name)), { name, inflate })
}

/** Refuses, from its first bytes, a file that is neither gzip, IDX nor text. */
function checkDataHead(head: Uint8Array, name: string): void {
  if (isGzip(head) || looksLikeIdx(head)) return
  checkText(head, `"${name}"`)
}

function labelNamesOf(source: Pick<FileData, 'labelNames' | 'classes'>): string[] | undefined {
  if (source.labelNames) return source.labelNames
  if (source.classes) return Array.from({ length: source.classes }, (_, i) => String(i))
  return undefined
}

/** The settings of a file data source with the command line's overrides on top. */
function settingsOf(source: FileData | undefined, o: DataOverrides): FileData {
  const base: FileData = source ?? { kind: 'file', format: 'csv', path: '', scaling: 'none' }
  return {
    ...base,
    ...(o.target !== undefined ? { targetColumns: [/^\d+$/.test(o.target) ? Number(o.target) : o.target] } : {}),
    ...(o.classNames ? { labelNames: o.classNames } : {}),
    ...(o.classes && !o.classNames ? { classes: base.classes ?? 0 } : {}),
    ...(o.categorical ? { categorical: o.categorical } : {}),
    ...(o.missing ? { missing: o.missing } : {}),
    ...(o.testFraction !== undefined ? { testFraction: o.testFraction } : {}),
    ...(o.validationFraction !== undefined ? { validationFraction: o.validationFraction } : {}),
    ...(o.stratify !== undefined ? { stratify: o.stratify } : {}),
  }
}

/** A target given as a name or 0-based index → its column name. */
function targetName(table: CsvTable, t: string | number): string {
  if (typeof t === 'string') return t
  const column = table.columns[t]
  if (!column) throw new CliError(`There is no column ${t} (0-based): the file has ${table.columns.length} columns.`, 2)
  return column.name
}

/** Whole numbers 0 … n−1 in a numeric column (so n class names fit it). */
function fitsNames(table: CsvTable, name: string, n: number): boolean {
  const c = table.columns.find((x) => x.name === name)
  return c?.kind === 'numeric' && c.stats.integer && c.stats.min >= 0 && c.stats.max < n
}

/** The pipeline's options for a CSV table, and notes on what was decided. */
function csvOptions(table: CsvTable, s: FileData, seed: number, notes: string[]): PrepareOptions {
  const targets = (s.targetColumns ?? [table.columns.length - 1]).map((t) => targetName(table, t))
  const categorical = [...(s.categorical ?? [])]
  let classNames = s.labelNames
  const asClasses = s.classes !== undefined || classNames !== undefined
  const preambleNames = table.preamble?.classNames
  if (!classNames && preambleNames && targets.length === 1 && fitsNames(table, targets[0], preambleNames.length)) {
    classNames = preambleNames
    notes.push(`Column ${quoteUser(targets[0])} holds the classes ${preambleNames.map((n) => quoteUser(n, 20)).join(', ')} named on line ${table.preamble!.line}.`)
  }
  if (asClasses && !classNames) categorical.push(...targets)
  const excluded = s.excluded ?? []
  const features = excluded.length > 0 ? table.columns.map((c) => c.name).filter((n) => !targets.includes(n) && !excluded.includes(n)) : undefined
  return {
    targets,
    ...(features ? { features } : {}),
    ...(categorical.length > 0 ? { categorical } : {}),
    ...(classNames ? { classNames } : {}),
    missing: s.missing ?? 'error',
    ...datasetOptions(s, seed),
  }
}

/** Reads images (+ labels) or a CSV file as loaded data. */
function loadFiles(path: string, labelsPath: string | undefined, s: FileData, notes: string[]): LoadedData {
  const main = readFile(path)
  if (main.kind === 'csv') {
    if (labelsPath) throw new CliError('--labels goes with IDX images; a CSV file carries its targets in a column.', 2)
    const t = main.table
    if (t.preamble) notes.push(`Skipped line ${t.preamble.line} of ${basename(path)}: ${t.preamble.reason}.`)
    notes.push(...t.notes)
    return { kind: 'csv', table: t }
  }
  const labels: IdxArray | undefined = labelsPath ? idxOf(labelsPath) : undefined
  const names = labelNamesOf(s)
  return { kind: 'dataset', train: idxToDataset(main.array, labels, names ? { labelNames: names } : {}), test: null }
}

function idxOf(path: string): IdxArray {
  const read = readFile(path)
  if (read.kind !== 'idx') throw new CliError(`${path} is not an IDX file; a labels file is IDX (…-labels-idx1-ubyte.gz).`)
  return read.array
}

/** Notes on what preparing did (columns left out, rows dropped or filled). */
function preparedNotes(p: PreparedParts, notes: string[]): void {
  for (const x of p.excluded) notes.push(`Left column ${quoteUser(x.column)} out of the inputs: ${x.reason}.`)
  const r = p.report
  if (r && r.droppedLines.length > 0) notes.push(`Dropped ${r.droppedLines.length} rows with missing values (first: line ${r.droppedLines[0]}).`)
  if (r) for (const f of r.filled) notes.push(`Filled ${f.count} missing values in ${quoteUser(f.column)} with ${typeof f.value === 'number' ? Number(f.value.toPrecision(6)) : quoteUser(f.value)}.`)
}

/**
 * The training (and validation and test) data of a project: inline, built in, or files (paths
 * relative to the project file). `--data`/`--labels` (relative to the working directory)
 * replace the project's training files; `--test`/`--test-labels` its test files.
 */
export function loadProjectData(project: Project, projectPath: string, o: DataOverrides = {}): ProjectData {
  const source = project.data
  if (o.labels && !o.data) throw new CliError('--labels needs --data (the images file it labels).', 2)
  if (o.testLabels && !o.test) throw new CliError('--test-labels needs --test (the images file it labels).', 2)
  const notes: string[] = []
  const file = source.kind === 'file' ? source : undefined
  if (!o.data) {
    const builtIn = projectDataset(project)
    if (builtIn) {
      if (o.test) throw new CliError('--test goes with data files (--data, or a project whose data are files).', 2)
      const fraction = o.testFraction ?? (source.kind === 'builtin' ? source.testFraction : undefined)
      return { ...holdOutTest(builtIn, fraction, project.seed), notes }
    }
  }
  const base = dirname(resolve(projectPath))
  const fromProject = (p: string | undefined): string | undefined => (p === undefined ? undefined : resolve(base, p))
  const s = settingsOf(file, o)
  const trainPath = o.data ? resolve(o.data) : fromProject(file!.path)!
  const labelsPath = o.data ? o.labels && resolve(o.labels) : fromProject(file!.labelsPath)
  // The project's test files belong to its own data; with --data they are not used unless given again.
  const testPath = o.test ? resolve(o.test) : o.data ? undefined : fromProject(file!.testPath)
  const testLabelsPath = o.test ? o.testLabels && resolve(o.testLabels) : o.data ? undefined : fromProject(file!.testLabelsPath)
  if (o.data && file?.testPath && !o.test) notes.push(`The project's test file ${quoteUser(basename(file.testPath))} is not used with --data; give --test FILE (or --test-fraction) for a test set.`)
  const loaded = loadFiles(trainPath, labelsPath, s, notes)
  const options = loaded.kind === 'csv' ? csvOptions(loaded.table, s, project.seed, notes) : datasetOptions(s, project.seed)
  if (testPath) options.test = 0
  const parts = prepareData(loaded, options)
  preparedNotes(parts, notes)
  let test = parts.test ?? undefined
  if (testPath) test = prepareWith(loadFiles(testPath, testLabelsPath, s, []), options, parts)
  return { train: parts.train, ...(parts.validation ? { validation: parts.validation } : {}), ...(test ? { test } : {}), fills: parts.report && parts.fills ? fillValues(parts.report.blocks, parts.fills) : [], notes }
}

function datasetOptions(s: FileData, seed: number): PrepareOptions {
  return {
    normalization: s.scaling,
    validation: s.validationFraction ?? 0,
    test: s.testFraction ?? 0,
    stratify: s.stratify ?? false,
    seed,
    ...(s.limit !== undefined ? { limit: s.limit } : {}),
  }
}

/**
 * A data file read for a trained model (`axon eval`): raw values, classes numbered by the
 * model's class names. A CSV's last column is the target.
 */
export function readDataFile(path: string, labelsPath?: string, labelNames?: string[]): Dataset {
  const notes: string[] = []
  const s: FileData = { kind: 'file', format: 'csv', path, scaling: 'none', ...(labelNames ? { labelNames } : {}) }
  const loaded = loadFiles(path, labelsPath, s, notes)
  if (loaded.kind !== 'csv') return loaded.train
  const options = csvOptions(loaded.table, { ...s, labelNames: undefined }, 1, notes)
  // A whole-number class column is read with the model's class names (value v → name v).
  if (labelNames && options.targets?.length === 1 && fitsNames(loaded.table, options.targets[0], labelNames.length)) options.classNames = labelNames
  return prepareData(loaded, options).train
}

/** One line per note, for the terminal. */
export function noteLines(notes: string[]): string[] {
  return notes.map((n) => `Note: ${cutText(n, 200)}`)
}
