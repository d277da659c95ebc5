/**
 * The document's side of the desktop app's file handling: tells main whether a close or
 * reload should ask "Save changes?", saves when main's dialog says Save, and opens projects
 * that main hands over (Open Recent, a double-clicked `.axon.json`, a second launch).
 */
import * as cmd from '../commands'
import { openModelFile } from '../panels/modelImport'
import { openShareText } from '../share/shareLinks'
import { selectDirty, useDocument, type DocumentState as DocState } from '../store/documentStore'
import { desktopBridge, pathOfFile, pickModelFile, pickProjectFile, setCurrentProjectPath, toFile } from './desktopFiles'

/** A saved file with edits not in it: closing or reloading asks first (autosave keeps the rest). */
export function needsSavePrompt(s: DocState): boolean {
  return selectDirty(s) && s.fileName !== null
}

/** Opens a project file read from disk; on success Save writes back to its path. */
export async function openProjectFromDisk(file: File): Promise<boolean> {
  const opened = await cmd.openFile(file)
  if (opened) setCurrentProjectPath(pathOfFile(file) ?? null)
  return opened
}

/** File › Open: main's dialog on desktop, else `fallback` (the page's file input). */
export async function openProjectDialog(fallback: () => void): Promise<void> {
  if (!desktopBridge()) return fallback()
  const file = await pickProjectFile()
  if (file) await openProjectFromDisk(file)
}

export async function openModelDialog(fallback: () => void): Promise<void> {
  if (!desktopBridge()) return fallback()
  const file = await pickModelFile()
  if (file) await openModelFile(file)
}

export function connectDesktopDocument(): void {
  const bridge = desktopBridge()
  if (!bridge) return
  let last = ''
  const report = (s: DocState) => {
    const state = { dirty: needsSavePrompt(s), name: s.fileName ?? s.project.meta.title }
    const key = JSON.stringify(state)
    if (key === last) return
    last = key
    bridge.reportDocumentState(state)
  }
  report(useDocument.getState())
  useDocument.subscribe(report)
  bridge.onSaveRequest(async () => {
    await cmd.save(false)
    return !selectDirty(useDocument.getState())
  })
  bridge.files.onOpened((picked) => void openProjectFromDisk(toFile(picked)))
  bridge.onShareLink((text) => void openShareText(text))
}
