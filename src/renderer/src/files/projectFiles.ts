/**
 * Opening and saving `*.axon.json` in the browser build: the File System Access API where the
 * browser has it (save goes back to the same file), a download otherwise; opening through a
 * file input. The desktop menus (shell issue) call the same `openProjectText`/`projectText`.
 */
import { parseProject, serializeProject, type ParseResult, type Project } from '../../../engine/project'

/** Minimal typing of the File System Access API (not in TypeScript's DOM lib). */
interface WritableFileHandle {
  name: string
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>
}
type SavePicker = (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<WritableFileHandle>

let currentHandle: WritableFileHandle | null = null

/** Forget the file handle (after New or Open from an input). */
export function forgetFileHandle(): void {
  currentHandle = null
}

/** A file name for a project: the given one, or its title in kebab case. */
export function suggestedFileName(project: Project, fileName: string | null): string {
  if (fileName) return fileName
  const base = project.meta.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'network'
  return `${base}.axon.json`
}

export function projectText(project: Project): string {
  return serializeProject(project)
}

export function openProjectText(text: string): ParseResult {
  return parseProject(text)
}

/**
 * Saves the project; `saveAs` always asks where. Returns the file name used, or null when the
 * user cancelled the picker.
 */
export async function saveProjectFile(project: Project, fileName: string | null, saveAs: boolean): Promise<string | null> {
  const text = projectText(project)
  const picker = (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker
  if (picker) {
    try {
      if (saveAs || !currentHandle) {
        currentHandle = await picker({
          suggestedName: suggestedFileName(project, fileName),
          types: [{ description: 'Axon Studio project', accept: { 'application/json': ['.json'] } }],
        })
      }
      const writable = await currentHandle.createWritable()
      await writable.write(text)
      await writable.close()
      return currentHandle.name
    } catch (error) {
      if ((error as Error).name === 'AbortError') return null
      throw error
    }
  }
  const name = suggestedFileName(project, fileName)
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return name
}
