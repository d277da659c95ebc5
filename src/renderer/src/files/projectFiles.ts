/**
 * Opening and saving `*.axon.json` in the browser build: the File System Access API where the
 * browser has it (save goes back to the same file), a download otherwise; opening through a
 * file input. The desktop menus (shell issue) call the same `openProjectText`/`projectText`.
 */
import { parseProject, serializeProject, type ParseResult, type Project } from '../../../engine/project'
import { kebabName, saveJsonText, type WritableFileHandle } from './saveText'

let currentHandle: WritableFileHandle | null = null

/** Forget the file handle (after New or Open from an input). */
export function forgetFileHandle(): void {
  currentHandle = null
}

/** A file name for a project: the given one, or its title in kebab case. */
export function suggestedFileName(project: Project, fileName: string | null): string {
  if (fileName) return fileName
  return `${kebabName(project.meta.title, 'network')}.axon.json`
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
  const result = await saveJsonText(projectText(project), suggestedFileName(project, fileName), 'Axon Studio project', saveAs ? null : currentHandle)
  if (result === 'cancelled') return null
  if (result.handle) currentHandle = result.handle
  return result.name
}
