/**
 * Several files given at once where one project opens (dropped on the window, picked together):
 * the first project opens (after the usual "discard changes?" question) and the notice under the
 * canvas says that only one project opens at a time, which one it was, and what was left.
 */
import { useUi } from '../store/uiStore'
import { openProjectFromDisk } from './desktopDocument'
import { oneProjectText } from './severalFiles'

/**
 * Opens the first of `projects`; `others` are further files of the same drop (data files) that
 * were not opened either. True when a project opened.
 */
export async function openProjectFiles(projects: readonly File[], others: readonly File[] = []): Promise<boolean> {
  const [first, ...rest] = projects
  if (!first) return false
  if (!(await openProjectFromDisk(first))) return false
  const left = [...rest, ...others].map((f) => f.name)
  if (left.length > 0) useUi.getState().notify({ kind: 'info', text: oneProjectText(first.name, left) })
  return true
}
