/**
 * The app's window: secure preferences, navigation locked, and the guard that asks before a
 * close, Quit or reload loses unsaved edits or a run under way (see unsavedChanges.ts). Returns what main's IPC handlers need to reach it.
 */
import { BrowserWindow, dialog } from 'electron'
import { join } from 'node:path'
import { IPC } from '../shared/ipc'
import { lockDownNavigation, secureWebPreferences } from './security'
import { createUnsavedGuard, type UnsavedGuard } from './unsavedChanges'
import { choiceOf } from './closeQuestion'
import { createRendererRequests, type RendererRequests } from './rendererRequests'
import { createRendererRecovery } from './rendererRecovery'

/** Longest main waits for the page to save (it may be showing a Save dialog). */
const SAVE_TIMEOUT_MS = 10 * 60_000

export interface AppWindow {
  win: BrowserWindow
  guard: UnsavedGuard
  saves: RendererRequests<boolean>
}

export function createAppWindow(appUrl: string, options: { devTools: boolean; onClosed: () => void; onCloseCancelled: () => void; quitting: () => boolean }): AppWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Axon Studio',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs'), { devTools: options.devTools }),
  })
  const contents = win.webContents
  const saves = createRendererRequests<boolean>((id) => !contents.isDestroyed() && contents.send(IPC.documentSave, id), false, SAVE_TIMEOUT_MS)
  const guard = createUnsavedGuard({
    askAsync: async (question) => choiceOf(question, (await dialog.showMessageBox(win, question.options)).response),
    askSync: (question) => choiceOf(question, dialog.showMessageBoxSync(win, question.options)),
    save: () => saves.request(),
    cancelled: options.onCloseCancelled,
    quitting: options.quitting,
  })
  win.on('close', (event) => guard.onClose(event, () => win.close()))
  contents.on('will-prevent-unload', (event) => guard.onWillPreventUnload(event, { reload: () => contents.reload(), close: () => win.close() }))
  // A new page reports its own state; answers the old one owed are void.
  contents.on('did-navigate', () => {
    guard.reset()
    saves.abandon()
  })
  // The page died: reload it; its autosave restores the graph.
  const recovery = createRendererRecovery(() => contents.reload(), () => Date.now())
  contents.on('render-process-gone', (_event, details) => {
    guard.reset()
    saves.abandon()
    recovery.onGone(details.reason)
  })
  lockDownNavigation(contents, appUrl)
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    saves.abandon()
    options.onClosed()
  })
  void win.loadURL(appUrl)
  return { win, guard, saves }
}

