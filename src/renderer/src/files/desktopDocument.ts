/**
 * The document's side of the desktop app's file handling: tells main what a close, Quit or
 * reload would lose (unsaved edits, a run or sweep under way: main asks about them), saves
 * when main's dialog says Save, and opens projects that main hands over (Open Recent, a
 * double-clicked `.axon.json`, a second launch).
 */
import * as cmd from '../commands'
import { openModelFile } from '../panels/modelImport'
import { openShareText } from '../share/shareLinks'
import { selectDirty, useDocument, type DocumentState as DocState } from '../store/documentStore'
import { runProgressText, useTraining } from '../training/trainingStore'
import { sweepProgressText, useSweepProgress } from '../experiments/sweepRunner'
import type { DocumentState } from '../../../shared/ipc'
import { createStateReporter } from './stateReporter'
import { desktopBridge, pathOfFile, pickModelFile, pickProjectFile, setCurrentProjectPath, toFile } from './desktopFiles'

/** A saved file with edits not in it: closing or reloading asks first (autosave keeps the rest). */
export function needsSavePrompt(s: DocState): boolean {
  return selectDirty(s) && s.fileName !== null
}

/** What the page going (close, Quit, reload) would lose: what main's question and the browser's beforeunload are about. */
export function leavingState(): DocumentState {
  const s = useDocument.getState()
  return { dirty: needsSavePrompt(s), name: s.fileName ?? s.project.meta.title, run: runProgressText(), sweep: sweepProgressText() }
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
  const reportState = createStateReporter((state) => bridge.reportDocumentState(state))
  const report = () => reportState(leavingState())
  report()
  useDocument.subscribe(report)
  useTraining.subscribe(report)
  useSweepProgress.subscribe(report)
  bridge.onSaveRequest(async () => {
    await cmd.save(false)
    return !selectDirty(useDocument.getState())
  })
  bridge.files.onOpened((picked) => void openProjectFromDisk(toFile(picked)))
  bridge.onShareLink((text) => void openShareText(text))
}
