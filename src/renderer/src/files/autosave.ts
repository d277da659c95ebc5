/**
 * Autosave: the document is written to localStorage a moment after every change, so a crash
 * or a reload never loses what the user drew. On start the last session is recovered.
 */
import { parseProject, type Project } from '../../../engine/project'
import { boundRunHistory, RUN_LIMITS, withoutRunWeights } from '../../../engine/experiments/runHistory'

export const AUTOSAVE_KEY = 'axon:autosave'

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
}

/** Minimal storage interface (localStorage in the app, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** The project as autosaved: its runs keep trained values only within `AUTOSAVE_MODEL_NUMBERS`. */
export function autosavedProject(project: Project): Project {
  if (!project.runs?.some((r) => r.weights)) return project
  return { ...project, runs: boundRunHistory(project.runs, { ...RUN_LIMITS, modelNumbers: AUTOSAVE_MODEL_NUMBERS, strict: true }) }
}

/**
 * Writes the project, its runs' trained values within the autosave's budget. When it still does
 * not fit (the browser's storage is a few megabytes), it is written without any trained values,
 * which are what makes a project large.
 */
export function writeAutosave(storage: KeyValueStorage, project: Project, meta: Omit<AutosaveRecord, 'text'>): void {
  // Compact JSON: the saved file's line layout (serializeProject) costs ten times the time on trained values.
  const write = (p: Project) => storage.setItem(AUTOSAVE_KEY, JSON.stringify({ text: JSON.stringify(p), ...meta } satisfies AutosaveRecord))
  const kept = autosavedProject(project)
  try {
    write(kept)
  } catch (error) {
    if (!kept.runs?.some((r) => r.weights)) throw error
    write({ ...kept, runs: withoutRunWeights(kept.runs) })
  }
}

/** The recovered session, or null if there is none or it cannot be read. */
export function readAutosave(storage: KeyValueStorage): { project: Project; record: AutosaveRecord } | null {
  try {
    const raw = storage.getItem(AUTOSAVE_KEY)
    if (!raw) return null
    const record = JSON.parse(raw) as AutosaveRecord
    const parsed = parseProject(record.text)
    return parsed.ok ? { project: parsed.project, record } : null
  } catch {
    return null
  }
}
