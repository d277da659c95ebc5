/**
 * The renderer's only way to the disk: files the user handed over, and nothing else. Main shows
 * the Open and Save dialogs, reads or writes the bytes, and remembers each path the user gave:
 * picked in a dialog, dropped on the window, double-clicked or named on the command line, or in
 * Open Recent. Those are readable. Writable, so Save goes back without a dialog, are only the
 * projects the user opened and the paths chosen in a Save dialog: a data file the user opened
 * is read, never replaced by a page's save. A data file "beside a project" is read only when the
 * project file on disk names it (projectDataFiles.ts). Any other path is refused with a clear
 * error, or (a save) goes through the Save dialog.
 *
 * Why main: a click on a native menu item is not a user gesture, so the renderer's file input
 * and `showSaveFilePicker` may do nothing there. Electron-free: dialog and fs are injected.
 */
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import { readFailureText } from './fileRead'
import { projectDataFiles } from './projectDataFiles'
import { FILE_KINDS, isDataFileName, isProjectFileName, type FileKind, type NamedFile, type PickedFile, type SavedFile } from '../shared/files'

export interface FileDialogs {
  /** Absolute paths chosen, or [] when cancelled. */
  open(options: { title: string; filters: { name: string; extensions: string[] }[]; multiple: boolean }): Promise<string[]>
  /** The path chosen, or null when cancelled. */
  save(options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>
}

export interface FileSystem {
  /** The bytes of a file, refused without reading it when larger than `maxBytes` or a folder (fileRead.ts). */
  read(path: string, maxBytes: number): Promise<Uint8Array>
  /** Its size, refused as `read` refuses, without reading it. */
  size(path: string, maxBytes: number): Promise<number>
  write(path: string, bytes: Uint8Array): Promise<void>
}

/** Largest file the renderer may read or write through the bridge (data files included). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024

export class FileAccessError extends Error {
  override name = 'FileAccessError'
}

export interface FileAccess {
  open(kind: FileKind, multiple: boolean): Promise<PickedFile[] | null>
  save(kind: FileKind, suggestedName: string, bytes: Uint8Array, path: string | null): Promise<SavedFile | null>
  /** Read a path granted earlier (e.g. from Open Recent, a file association or argv). */
  readGranted(path: string): Promise<PickedFile>
  /** A granted path's name and size, checked readable by size (a folder or a file too large is refused), not read. */
  describeGranted(path: string): Promise<NamedFile>
  /**
   * Read a data file the granted project at `projectPath` names (on disk), relative to its
   * folder or absolute; or one granted already (picked with Data… before the project was saved).
   */
  readBeside(projectPath: string, relativePath: string): Promise<PickedFile>
  /** Grant a path the user chose outside our dialogs (argv, Finder, Open Recent): a project also to Save back to. */
  grant(path: string): void
  /**
   * Grant a file the user dropped on the window (a project, which Save then writes back to, or a
   * data file, read only): its absolute path, or null for any other kind of file, which stays refused.
   */
  grantDropped(path: string): string | null
  /** Readable: the user handed it over. */
  isGranted(path: string): boolean
  /** Writable: a project the user opened, or a path chosen in a Save dialog (what Open Recent lists). */
  isWritable(path: string): boolean
}

/**
 * The paths the user handed over: all readable; writable (a page's Save goes there without
 * asking) only projects opened and paths chosen in a Save dialog. A project the user opened is
 * saved back to; any other file opened (data, a model) is only read.
 */
function createGrants() {
  const readable = new Set<string>()
  const writable = new Set<string>()
  const read = (path: string) => void readable.add(resolve(path))
  const write = (path: string) => {
    read(path)
    writable.add(resolve(path))
  }
  return {
    read,
    write,
    opened: (path: string, kind: FileKind | null) => (kind === 'project' || (kind === null && isProjectFileName(path)) ? write(path) : read(path)),
    readable: (path: string) => readable.has(resolve(path)),
    writable: (path: string) => writable.has(resolve(path)),
  }
}

/** A file's bytes as the page gets them; errors in the user's words (the page shows them as they are). */
async function readPicked(fs: FileSystem, path: string): Promise<PickedFile> {
  try {
    return { path, name: basename(path), bytes: await fs.read(path, MAX_FILE_BYTES) }
  } catch (error) {
    throw new FileAccessError(readFailureText(path, error))
  }
}

export interface FileAccessOptions {
  /** The folder a save that failed in place is offered in (main: the user's Documents); default the file's own. */
  elsewhere?(): string
}

export function createFileAccess(dialogs: FileDialogs, fs: FileSystem, options: FileAccessOptions = {}): FileAccess {
  const grants = createGrants()

  const readFile = (path: string) => readPicked(fs, path)

  function grantedPath(path: unknown): string {
    if (typeof path !== 'string' || !grants.readable(path)) throw new FileAccessError('That file was not opened from this window.')
    return resolve(path)
  }

  return {
    async open(kind, multiple) {
      const spec = FILE_KINDS[kind]
      const paths = await dialogs.open({ title: spec.openTitle, filters: [{ name: spec.label, extensions: [...spec.extensions] }], multiple })
      if (paths.length === 0) return null
      paths.forEach((p) => grants.opened(p, kind))
      return Promise.all(paths.map((p) => readFile(resolve(p))))
    },
    async save(kind, suggestedName, bytes, path) {
      if (!(bytes instanceof Uint8Array)) throw new FileAccessError('Nothing to save: the file content was not bytes.')
      if (bytes.byteLength > MAX_FILE_BYTES) throw new FileAccessError('The file is too large to save.')
      const spec = FILE_KINDS[kind]
      const ask = async (title: string, defaultPath: string) => {
        const chosen = await dialogs.save({ title, defaultPath, filters: [{ name: spec.label, extensions: [...spec.extensions] }] })
        return chosen ? resolve(chosen) : null
      }
      const opened = path !== null && grants.writable(path) ? resolve(path) : null
      let target = opened ?? (await ask(spec.saveTitle, basename(suggestedName || `untitled.${spec.extensions[0]}`)))
      if (!target) return null
      try {
        await fs.write(target, bytes)
      } catch (error) {
        // The file opened cannot be written (a read-only USB stick, a full disk, a stick taken out):
        // the Save dialog at once, in the user's folder, rather than only why not. Cancelled, the why.
        if (target !== opened) throw error
        target = await ask(`“${basename(opened)}” could not be saved there: choose another place`, join(options.elsewhere?.() ?? dirname(opened), basename(opened)))
        if (!target) throw error
        await fs.write(target, bytes)
      }
      grants.write(target)
      return { path: target, name: basename(target) }
    },
    readGranted: async (path) => readFile(grantedPath(path)),
    async describeGranted(path) {
      const target = grantedPath(path)
      try {
        return { path: target, name: basename(target), size: await fs.size(target, MAX_FILE_BYTES) }
      } catch (error) {
        throw new FileAccessError(readFailureText(target, error))
      }
    },
    async readBeside(projectPath, relativePath) {
      if (typeof projectPath !== 'string' || !isProjectFileName(projectPath) || !grants.readable(projectPath)) throw new FileAccessError('Open the project from a file first: its data files are found beside it.')
      if (typeof relativePath !== 'string' || relativePath.length === 0 || relativePath.length > 1000) throw new FileAccessError('The data file path is empty or too long.')
      if (!isDataFileName(relativePath)) throw new FileAccessError(`“${relativePath}” is not a data file (CSV, IDX or .gz).`)
      const project = resolve(projectPath)
      const target = isAbsolute(relativePath) ? resolve(relativePath) : resolve(dirname(project), relativePath)
      if (!grants.readable(target)) {
        const named = projectDataFiles(project, new TextDecoder().decode((await readFile(project)).bytes))
        if (!named.has(target)) throw new FileAccessError(`“${basename(target)}” is not one of the data files “${basename(project)}” names: choose it with Data… to open it.`)
        grants.read(target)
      }
      return readFile(target)
    },
    grant: (path) => grants.opened(path, null),
    grantDropped(path) {
      const name = basename(path).toLowerCase()
      if (!isAbsolute(path) || !(isProjectFileName(name) || isDataFileName(name))) return null
      grants.opened(path, null)
      return resolve(path)
    },
    isGranted: grants.readable,
    isWritable: grants.writable,
  }
}
