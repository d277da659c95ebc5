/**
 * Opening and saving `*.axon.json`. In the browser build: the File System Access API where the
 * browser has it (save goes back to the same file), a download otherwise; opening through a
 * file input. In the desktop app: main's native dialogs, and Save writes back to the path the
 * project was opened from or last saved to (desktopFiles.ts).
 */
import { parseProject, serializeProject, type ParseResult, type Project } from '../../../engine/project'
import { kebabName, saveJsonText, type WritableFileHandle } from './saveText'
import { currentProjectPath, isDesktopFiles, saveDesktopText, setCurrentProjectPath } from './desktopFiles'

let currentHandle: WritableFileHandle | null = null

/** Forget the file handle and path (after New, or before another project opens). */
export function forgetFileHandle(): void {
  currentHandle = null
  if (currentProjectPath() !== null) setCurrentProjectPath(null)
}

/** The file the project was opened from or saved to (browser build), to put back with it (`restoreFileHandle`). */
export function currentFileHandle(): WritableFileHandle | null {
  return currentHandle
}

/** Save goes to `handle` again: the project it belongs to is back on the canvas. */
export function restoreFileHandle(handle: WritableFileHandle | null): void {
  currentHandle = handle
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
  if (isDesktopFiles()) {
    const saved = await saveDesktopText('project', suggestedFileName(project, fileName), projectText(project), saveAs ? null : currentProjectPath())
    if (saved) setCurrentProjectPath(saved.path)
    return saved?.name ?? null
  }
  const result = await saveJsonText(projectText(project), suggestedFileName(project, fileName), 'Axon Studio project', saveAs ? null : currentHandle)
  if (result === 'cancelled') return null
  if (result.handle) currentHandle = result.handle
  return result.name
}
