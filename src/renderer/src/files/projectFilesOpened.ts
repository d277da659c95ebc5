/**
 * Several files given at once where one project opens (dropped on the window, picked together,
 * or opened by the OS in the desktop app: several double-clicked, a second launch): the first
 * project opens (after the usual "discard changes?" question) and the notice under the canvas
 * says that only one project opens at a time, which one it was, and what was left. Without a
 * project, the files are data and open in the data panel.
 */
import * as cmd from '../commands'
import { openDataFiles } from '../data/dataStore'
import { isModelText, openModelText } from '../panels/modelImport'
import { useUi } from '../store/uiStore'
import { adoptDroppedPaths, pathOfFile, setCurrentProjectPath } from './desktopFiles'
import { isProjectFile, oneProjectText } from './severalFiles'

/**
 * Opens a project file read from disk (Open…, a drop, or the desktop app's files from the OS);
 * on success Save writes back to its path (desktop app). A trained model file given here (an
 * exported `.model.json` opened with Open… or double-clicked) opens as Open model… opens it: the
 * network with its trained weights hand-set, not yet saved as a project, so Save asks where
 * instead of writing a project over the model file.
 */
export async function openProjectFromDisk(file: File): Promise<boolean> {
  const text = await file.text()
  if (isModelText(text)) return openModelText(text, file.name)
  if (!cmd.confirmLeave()) return false
  const opened = cmd.openText(text, file.name)
  if (opened) setCurrentProjectPath(pathOfFile(file) ?? null)
  return opened
}

/**
 * Opens the first of `projects`; `others` are further files of the same drop (data files) that
 * were not opened either. True when a project opened.
 */
export async function openProjectFiles(projects: readonly File[], others: ReadonlyArray<{ name: string }> = []): Promise<boolean> {
  const [first, ...rest] = projects
  if (!first) return false
  if (!(await openProjectFromDisk(first))) return false
  const left = [...rest, ...others].map((f) => f.name)
  if (left.length > 0) useUi.getState().notify({ kind: 'info', text: oneProjectText(first.name, left) })
  return true
}

/** Files given together (a drop, or the desktop app's files from the OS): the first project opens, else the data files. */
export async function openGivenFiles(files: readonly File[]): Promise<void> {
  await adoptDroppedPaths(files)
  const projects = files.filter(isProjectFile)
  const data = files.filter((f) => !isProjectFile(f))
  if (projects.length > 0) await openProjectFiles(projects, data)
  else if (data.length > 0) await openDataFiles(data)
}
