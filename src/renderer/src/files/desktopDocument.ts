/**
 * The document's side of the desktop app's file handling: tells main what a close, Quit or
 * reload would lose (unsaved edits, a run or sweep under way: main asks about them), saves
 * when main's dialog says Save, and opens files that main hands over (Open Recent, double-clicked
 * `.axon.json` or data files, a second launch) as a drop of them opens.
 */
import * as cmd from '../commands'
import { openModelFile } from '../panels/modelImport'
import { openShareText } from '../share/shareLinks'
import { selectDirty, useDocument, type DocumentState as DocState } from '../store/documentStore'
import { useTraining } from '../training/trainingStore'
import { runProgressAtRisk } from '../experiments/runRecorder'
import { sweepProgressText, useSweepProgress } from '../experiments/sweepRunner'
import type { DocumentState } from '../../../shared/ipc'
import type { OpenedFiles } from '../../../shared/files'
import { failOpen, openDataDialog, openDataFiles, problemOf, set } from '../data/dataStore'
import { createStateReporter } from './stateReporter'
import { desktopBridge, pickModelFile, pickProjectFile, toFile } from './desktopFiles'
import { openProjectFiles, openProjectFromDisk } from './projectFilesOpened'

/** A saved file with edits not in it: closing or reloading asks first (autosave keeps the rest). */
export function needsSavePrompt(s: DocState): boolean {
  return selectDirty(s) && s.fileName !== null
}

/** What the page going (close, Quit, reload) would lose: what main's question and the browser's beforeunload are about. */
export function leavingState(): DocumentState {
  const s = useDocument.getState()
  return { dirty: needsSavePrompt(s), name: s.fileName ?? s.project.meta.title, run: runProgressAtRisk(), sweep: sweepProgressText() }
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

/**
 * Files the OS asked us to open together, as a drop of them opens: the project main read opens
 * and the notice names the rest; without one the others are data, read from disk now that the
 * Data dialog opens them (main named them without reading).
 */
export async function openFilesFromOs(opened: OpenedFiles): Promise<void> {
  if (opened.project) {
    await openProjectFiles([toFile(opened.project)], opened.others)
    return
  }
  const names = opened.others.map((f) => `“${f.name}”`).join(', ')
  openDataDialog('files')
  set({ busy: `Reading ${names}…`, problem: null })
  try {
    const read = await Promise.all(opened.others.map((file) => desktopBridge()!.files.readGranted(file.path)))
    set({ busy: null })
    await openDataFiles(read.map(toFile))
  } catch (error) {
    // Gone or changed since main looked; main's words name the file and say why.
    set({ busy: null })
    await failOpen(problemOf((error as Error).message, 'Try opening the files again.', null))
  }
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
  bridge.files.onOpened((opened) => void openFilesFromOs(opened))
  bridge.onShareLink((text) => void openShareText(text))
}
