/**
 * Autosave: the document is written to localStorage a moment after every change, so a crash
 * or a reload never loses what the user drew. Each browser tab writes a slot of its own
 * (`autosaveSlots.ts` says which one and what a new tab recovers), so two tabs never overwrite
 * each other's work.
 */
import { parseProject, type Project } from '../../../engine/project'
import { boundRunHistory, RUN_LIMITS, withoutRunWeights, type RunWeights } from '../../../engine/experiments/runHistory'
import { asideMarker, resolveAsideWeights } from './autosaveWeights'

/** The one slot every tab shared before slots were per tab: still read, as a closed tab's work. */
export const LEGACY_AUTOSAVE_KEY = 'axon:autosave'
/** A tab's slot is this prefix and the tab's id. */
export const AUTOSAVE_SLOT_PREFIX = 'axon:autosave:'

/**
 * Trained values (numbers over all runs) an autosave keeps, newest runs first: about 2 M
 * characters of the ~5 M a browser's storage holds. A project file keeps up to
 * `RUN_LIMITS.modelNumbers` (a few Fashion-MNIST models, ~8 M characters); writing those each
 * time, failing, and writing again without them would cost two serialisations of megabytes.
 */
export const AUTOSAVE_MODEL_NUMBERS = 100_000

export interface AutosaveRecord {
  /** The project as JSON text (compact; a project file's content). */
  text: string
  fileName: string | null
  exampleId: string | null
  /** Whether it had unsaved changes. */
  dirty: boolean
  /** When it was written (ms since 1970); absent in the shared slot of older versions. */
  savedAt?: number
  /** Its tab was closed (or navigated away): no tab writes this slot any more. */
  closed?: boolean
  /** When another tab's "Open" put this work aside to open other work (the order "Open" cycles in). */
  setAsideAt?: number
}

/** What is written beside the project's text. */
export type AutosaveMeta = Omit<AutosaveRecord, 'text'>

/** Minimal storage interface (localStorage in the app, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
  readonly length: number
  key(index: number): string | null
}

/** The project as autosaved: its runs keep trained values only within `AUTOSAVE_MODEL_NUMBERS`. */
export function autosavedProject(project: Project): Project {
  if (!project.runs?.some((r) => r.weights)) return project
  return { ...project, runs: boundRunHistory(project.runs, { ...RUN_LIMITS, modelNumbers: AUTOSAVE_MODEL_NUMBERS, strict: true }) }
}

/**
 * Where each run's trained values are kept beside the slot (`autosaveWeights.ts`): the keys of
 * their parts, or null while they are not written there yet (the slot goes without them meanwhile).
 */
export type AsideKeys = (weights: RunWeights) => string[] | null

/** The runs with their trained values replaced by the markers of where they are kept (or left out until they are). */
function withAsideWeights(project: Project, keysOf: AsideKeys): Project {
  if (!project.runs?.some((r) => r.weights)) return project
  const runs = project.runs.map(({ weights, ...run }) => {
    const keys = weights && keysOf(weights)
    // Last in the run, so the marker is `,"weights":{"$aside":[…]}` in the text.
    return keys ? { ...run, weights: asideMarker(keys) as unknown as RunWeights } : run
  })
  return { ...project, runs }
}

/**
 * Writes the project, its runs' trained values within the autosave's budget: inside the slot,
 * or, given `aside`, beside it (so an edit does not write them again). When it still does not
 * fit (the browser's storage is a few megabytes), it is written without any trained values,
 * which are what makes a project large. Returns the project text written.
 */
export function writeAutosave(storage: KeyValueStorage, key: string, project: Project, meta: AutosaveMeta, aside?: AsideKeys): string {
  // Compact JSON: the saved file's line layout (serializeProject) costs ten times the time on trained values.
  const write = (p: Project) => {
    const text = JSON.stringify(p)
    storage.setItem(key, JSON.stringify({ text, ...meta } satisfies AutosaveRecord))
    return text
  }
  const bounded = autosavedProject(project)
  const kept = aside ? withAsideWeights(bounded, aside) : bounded
  try {
    return write(kept)
  } catch (error) {
    if (!kept.runs?.some((r) => r.weights)) throw error
    return write({ ...kept, runs: withoutRunWeights(kept.runs) })
  }
}

/** The trained values an autosave of `project` keeps (within its budget). */
export function autosavedWeights(project: Project): RunWeights[] {
  return (autosavedProject(project).runs ?? []).flatMap((r) => (r.weights ? [r.weights] : []))
}

/** The record in a slot, unparsed project text and all, or null if there is none or it is not a record. */
export function readAutosaveRecord(storage: KeyValueStorage, key: string): AutosaveRecord | null {
  try {
    const raw = storage.getItem(key)
    if (!raw) return null
    const record = JSON.parse(raw) as AutosaveRecord
    return typeof record === 'object' && record !== null && typeof record.text === 'string' ? record : null
  } catch {
    return null
  }
}

/** The project a record holds, its runs' trained values read back from beside it, or null if it does not parse. */
export function autosavedProjectOf(storage: KeyValueStorage, record: AutosaveRecord): Project | null {
  try {
    const parsed = parseProject(resolveAsideWeights(storage, record.text))
    return parsed.ok ? parsed.project : null
  } catch {
    return null
  }
}

/** The session saved in a slot, or null if there is none or it cannot be read. */
export function readAutosave(storage: KeyValueStorage, key: string): { project: Project; record: AutosaveRecord } | null {
  const record = readAutosaveRecord(storage, key)
  const project = record && autosavedProjectOf(storage, record)
  return record && project ? { project, record } : null
}

/** The keys of every autosave slot in the storage: the tabs' and the older shared one. */
export function autosaveKeys(storage: KeyValueStorage): string[] {
  const keys: string[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (key !== null && (key === LEGACY_AUTOSAVE_KEY || key.startsWith(AUTOSAVE_SLOT_PREFIX))) keys.push(key)
  }
  return keys
}
