/**
 * Opening files the OS named (double-clicked `.axon.json` or data files, a second launch, Open
 * Recent): main reads them and hands them to the page together, which treats them as a drop of
 * the same files. A file that cannot be read is said in a dialog, in the user's words, and
 * leaves Open Recent; the others still reach the page.
 */
import { basename } from 'node:path'
import type { PickedFile } from '../shared/files'
import type { FileAccess } from './fileAccess'

export interface ProjectOpenerDeps {
  files: Pick<FileAccess, 'grant' | 'readGranted'>
  /** Hands the files to the page (the window's page is loaded: see launchFiles.ts). */
  send(files: PickedFile[]): void
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

/** What the dialog says when files could not be read: one with its reason, several one a line. */
export function readFailuresText(failures: ReadonlyArray<{ path: string; error: unknown }>): { message: string; detail: string } {
  if (failures.length === 1) return { message: `Could not open ${failures[0].path}`, detail: readFailureText(failures[0].path, failures[0].error) }
  return { message: `Could not open ${failures.length} files`, detail: failures.map((f) => readFailureText(f.path, f.error)).join('\n') }
}

export function createProjectOpener(deps: ProjectOpenerDeps): (paths: readonly string[]) => Promise<void> {
  return async (paths) => {
    const read: PickedFile[] = []
    const failures: Array<{ path: string; error: unknown }> = []
    for (const path of paths) {
      deps.files.grant(path)
      try {
        read.push(await deps.files.readGranted(path))
      } catch (error) {
        deps.forget(path)
        failures.push({ path, error })
      }
    }
    if (failures.length > 0) {
      const { message, detail } = readFailuresText(failures)
      deps.showError(message, detail)
    }
    if (read.length > 0) deps.send(read)
  }
}
