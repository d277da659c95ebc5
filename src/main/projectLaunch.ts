/**
 * Opening a project the OS named (a double-clicked `.axon.json`, a second launch, Open Recent):
 * main reads it and hands it to the page. A file that cannot be read is said in a dialog, in the
 * user's words, and leaves Open Recent; nothing reaches the page then.
 */
import { basename } from 'node:path'
import type { PickedFile } from '../shared/files'
import type { FileAccess } from './fileAccess'

export interface ProjectOpenerDeps {
  files: Pick<FileAccess, 'grant' | 'readGranted'>
  /** Hands the file to the page (the window's page is loaded: see launchFiles.ts). */
  send(file: PickedFile): void
  /** Drops the path from Open Recent (and rebuilds the menu). */
  forget(path: string): void
  showError(message: string, detail: string): void
}

/** Why a file the OS named could not be read. */
export function readFailureText(path: string, error: unknown): string {
  const name = basename(path)
  switch ((error as { code?: unknown } | null)?.code) {
    case 'ENOENT':
      return `“${name}” is not there any more: it was moved, renamed or deleted.`
    case 'EACCES':
    case 'EPERM':
      return `You may not read “${name}”.`
    case 'EISDIR':
      return `“${name}” is a folder, not a project file.`
    default:
      return (error as Error | null)?.message ?? String(error)
  }
}

export function createProjectOpener(deps: ProjectOpenerDeps): (path: string) => Promise<void> {
  return async (path) => {
    deps.files.grant(path)
    let file: PickedFile
    try {
      file = await deps.files.readGranted(path)
    } catch (error) {
      deps.forget(path)
      return deps.showError(`Could not open ${path}`, readFailureText(path, error))
    }
    deps.send(file)
  }
}
