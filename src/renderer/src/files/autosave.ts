/**
 * Autosave: the document is written to localStorage a moment after every change, so a crash
 * or a reload never loses what the user drew. On start the last session is recovered.
 */
import { parseProject, serializeProject, type Project } from '../../../engine/project'
import { withoutRunWeights } from '../../../engine/experiments/runHistory'

export const AUTOSAVE_KEY = 'axon:autosave'

export interface AutosaveRecord {
  /** The project text, as it would be saved. */
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

/**
 * Writes the project. When it does not fit (the browser's storage is a few megabytes), it is
 * written without the trained values of its past runs, which are what makes a project large.
 */
export function writeAutosave(storage: KeyValueStorage, project: Project, meta: Omit<AutosaveRecord, 'text'>): void {
  const write = (p: Project) => storage.setItem(AUTOSAVE_KEY, JSON.stringify({ text: serializeProject(p), ...meta } satisfies AutosaveRecord))
  try {
    write(project)
  } catch (error) {
    if (!project.runs?.some((r) => r.weights)) throw error
    write({ ...project, runs: withoutRunWeights(project.runs) })
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
