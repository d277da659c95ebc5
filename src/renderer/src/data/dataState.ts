/**
 * The data panel's state (never saved): the dialog, what is loaded, how it is to be prepared
 * and what was applied; the setters the panel's controls call.
 */
import { create } from 'zustand'
import type { DataErrorInfo, NormalizationId, MissingPolicy } from '../../../engine/data'
import type { DataSource } from '../../../engine/project'
import type { DataPreview, PreparedSummary } from '../../../engine/host/dataFiles'
import { getEngineConnection } from '../engineClient'
import { useDocument } from '../store/documentStore'
import type { BuiltinChoiceId } from './builtins'

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
  /** Built-in 2-D sets: the generator's seed (1 unless regenerated; saved in the project's options). */
  dataSeed: number
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
  /** Shown over the data in use, after the dialog was closed and opened again: a refusal of that other file. */
  notUsed?: boolean
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
  dataSeed: 1,
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

/** What the panel held when its data was applied last, with that project data section. */
type InUse = Pick<DataState, 'origin' | 'handle' | 'preview' | 'choice' | 'prepared'> & { data: DataSource }
let inUse: InUse | null = null

/** Remember `held` (what the panel holds now, unless given) as the data in use: `data`, just applied or reopened. */
export function keepInUse(data: DataSource, held: Omit<InUse, 'data'> = get()): void {
  const { origin, handle, preview, choice, prepared } = held
  inUse = { origin, handle, preview, choice, prepared, data }
}

/** What the panel held when the project's current data was applied or reopened; null when the panel never held it (an example's data). */
export function dataInUse(): Omit<InUse, 'data'> | null {
  return inUse && inUse.data === useDocument.getState().project.data ? inUse : null
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
export function problemOf(
  message: string,
  hint: string,
  file: string | null,
  stage: DataProblem['stage'] = 'open',
): DataProblem {
  return { info: { name: 'DataError', code: 'badOption', message, hint }, file, stage }
}

/** A file's bytes. */
export async function bytesOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer())
}
