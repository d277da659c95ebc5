/**
 * Opening files the OS named (double-clicked `.axon.json` or data files, a second launch, Open
 * Recent), reading only what opens: one project opens at a time, so main reads the first project
 * that can be read and only looks at the others' sizes (the page's notice names them). Without
 * a project the files are data, which the page reads when its Data dialog opens them: a large
 * CSV or `.gz` named beside a project is never read, and one over the limit is never read at all.
 * A file that is gone, a folder, unreadable or too large is named in a dialog, in the user's
 * words, and leaves Open Recent; the others still reach the page.
 */
import { isProjectFileName, type NamedFile, type OpenedFiles, type PickedFile } from '../shared/files'
import type { FileAccess } from './fileAccess'
import { readFailureText } from './fileRead'

export interface ProjectOpenerDeps {
  files: Pick<FileAccess, 'grant' | 'readGranted' | 'describeGranted'>
  /** Hands the files to the page (the window's page is loaded: see launchFiles.ts). */
  send(files: OpenedFiles): void
  /** Drops the path from Open Recent (and rebuilds the menu). */
  forget(path: string): void
  showError(message: string, detail: string): void
}

/** What the dialog says when files could not be read: one with its reason, several one a line. */
export function readFailuresText(failures: ReadonlyArray<{ path: string; error: unknown }>): { message: string; detail: string } {
  if (failures.length === 1) return { message: `Could not open ${failures[0].path}`, detail: readFailureText(failures[0].path, failures[0].error) }
  return { message: `Could not open ${failures.length} files`, detail: failures.map((f) => readFailureText(f.path, f.error)).join('\n') }
}

export function createProjectOpener(deps: ProjectOpenerDeps): (paths: readonly string[]) => Promise<void> {
  return async (paths) => {
    const failures: Array<{ path: string; error: unknown }> = []
    const failed = (path: string, error: unknown) => {
      deps.forget(path)
      failures.push({ path, error })
    }
    paths.forEach((path) => deps.files.grant(path))
    let project: PickedFile | null = null
    const others: NamedFile[] = []
    for (const path of paths) {
      try {
        // The first project that can be read opens; every other file is only named (its size says it is there).
        if (!project && isProjectFileName(path)) project = await deps.files.readGranted(path)
        else others.push(await deps.files.describeGranted(path))
      } catch (error) {
        failed(path, error)
      }
    }
    if (failures.length > 0) {
      const { message, detail } = readFailuresText(failures)
      deps.showError(message, detail)
    }
    if (project || others.length > 0) deps.send({ project, others })
  }
}
