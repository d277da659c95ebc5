/**
 * The desktop app's files, seen from the renderer: native Open/Save dialogs in main, bytes in
 * and out, and the path of the project shown (so Save writes back to it and its data files are
 * found beside it). In the browser build there is no bridge: `desktopFiles()` is undefined and
 * callers keep their file inputs and pickers.
 *
 * For the data store: `pickDataFiles()` gives `File`s whose paths `projectDataPath(file)`
 * turns into what the project stores (relative to the project file), and
 * `readProjectDataFile(path)` reads such a path back when the project is reopened.
 */
import type { DesktopBridge } from '../../../shared/desktopBridge'
import type { FileKind, PickedFile } from '../../../shared/files'
import { folderOf, relativePath } from '../../../shared/paths'

const pickedPaths = new WeakMap<File, string>()
let projectPath: string | null = null

export function desktopBridge(): DesktopBridge | undefined {
  return typeof window === 'undefined' ? undefined : (window as unknown as { axonDesktop?: DesktopBridge }).axonDesktop
}

/** True in the desktop app (files go through main's dialogs). */
export function isDesktopFiles(): boolean {
  return desktopBridge()?.files !== undefined
}

/** A picked file as a DOM `File`, so the browser build's code paths take it unchanged. */
export function toFile(picked: PickedFile): File {
  const file = new File([picked.bytes as Uint8Array<ArrayBuffer>], picked.name)
  pickedPaths.set(file, picked.path)
  return file
}

/** Where a picked file lives on disk (undefined for files from inputs, or drops before `adoptDroppedPaths`, or the web). */
export function pathOfFile(file: File): string | undefined {
  return pickedPaths.get(file)
}

/** The path of the project file shown, or null (new, example, or the browser build). */
export function currentProjectPath(): string | null {
  return projectPath
}

/**
 * Files dropped on the desktop app's window: their paths on disk, asked of main (which grants
 * them), so Save writes back to a dropped project and a project names a dropped data file by its
 * place. Nothing in the browser build, which has no paths.
 */
export async function adoptDroppedPaths(files: readonly File[]): Promise<void> {
  const bridge = desktopBridge()
  if (!bridge) return
  await Promise.all(
    files.map(async (file) => {
      if (pickedPaths.has(file)) return
      // Main unreachable: the file still opens, without its path (Save then asks where).
      const path = await bridge.files.dropped(file).catch(() => null)
      if (path) pickedPaths.set(file, path)
    }),
  )
}

export function setCurrentProjectPath(path: string | null): void {
  projectPath = path
  desktopBridge()?.files.setCurrent(path)
}

async function pick(kind: FileKind, multiple: boolean): Promise<File[] | null> {
  const picked = await desktopBridge()!.files.open(kind, multiple)
  return picked && picked.length > 0 ? picked.map(toFile) : null
}

/** Native Open dialog for a project; null when cancelled. Its path is set once it opened. */
export const pickProjectFile = async () => (await pick('project', false))?.[0] ?? null
export const pickModelFile = async () => (await pick('model', false))?.[0] ?? null
/** Native Import data dialog (several files: an IDX pair, with its test pair). */
export const pickDataFiles = () => pick('data', true)

/**
 * Writes `text` through main: to `path` when given (a file picked before), else to where the
 * user chooses in a Save dialog. Returns the path and name written, or null when cancelled.
 */
export async function saveDesktopText(kind: FileKind, suggestedName: string, text: string, path: string | null) {
  return desktopBridge()!.files.save(kind, suggestedName, new TextEncoder().encode(text), path)
}

/** What a project stores for a data file: its path relative to the project file, else absolute. */
export function projectDataPath(file: File): string {
  const path = pathOfFile(file)
  if (!path) return file.name
  return projectPath ? relativePath(folderOf(projectPath), path) : path.replaceAll('\\', '/')
}

/** Reads a data file the current project names (relative to the project file) from disk. */
export async function readProjectDataFile(path: string): Promise<File> {
  const bridge = desktopBridge()
  if (!bridge) throw new Error(`The data file "${path}" can only be read from disk in the desktop app.`)
  if (!projectPath) throw new Error(`Save or open the project from a file first: "${path}" is found relative to it.`)
  return toFile(await bridge.files.readBeside(projectPath, path))
}
