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
import { createRendererRecovery, gaveUpText } from './rendererRecovery'

/** Longest main waits for the page to save (it may be showing a Save dialog). */
const SAVE_TIMEOUT_MS = 10 * 60_000
/** A page that has not taken a Save request by then is not answering (as Electron's own 5 s for a close). */
const SAVE_TAKE_MS = 5_000

export interface AppWindow {
  win: BrowserWindow
  guard: UnsavedGuard
  saves: RendererRequests<boolean>
}

export interface AppWindowOptions {
  devTools: boolean
  onClosed: () => void
  onCloseCancelled: () => void
  quitting: () => boolean
  /** The OS is ending the session: closes go without a question. */
  sessionEnding: () => boolean
}

export function createAppWindow(appUrl: string, options: AppWindowOptions): AppWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Axon Studio',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs'), { devTools: options.devTools }),
  })
  const contents = win.webContents
  const saves = createRendererRequests<boolean>((id) => !contents.isDestroyed() && contents.send(IPC.documentSave, id), false, {
    timeoutMs: SAVE_TIMEOUT_MS,
    takeMs: SAVE_TAKE_MS,
    untaken: () => guard.onUnresponsive(),
  })
  const guard = createUnsavedGuard({
    askAsync: async (question, signal) => choiceOf(question, (await dialog.showMessageBox(win, { ...question.options, signal })).response),
    askSync: (question) => choiceOf(question, dialog.showMessageBoxSync(win, question.options)),
    save: () => saves.request(),
    cancelled: options.onCloseCancelled,
    quitting: options.quitting,
    // Without the page: its beforeunload would wait on it for ever (destroy emits 'closed' only).
    forceClose: () => void (win.isDestroyed() || win.destroy()),
    sessionEnding: options.sessionEnding,
  })
  win.on('close', (event) => guard.onClose(event, () => win.close()))
  contents.on('will-prevent-unload', (event) => guard.onWillPreventUnload(event, { reload: () => contents.reload(), close: () => win.close() }))
  // A new page reports its own state; answers the old one owed are void.
  contents.on('did-navigate', () => {
    guard.reset()
    saves.abandon()
  })
  // Electron says so 5 s into a close the page has not let through, and when it stops taking input.
  win.on('unresponsive', () => guard.onUnresponsive())
  win.on('responsive', () => guard.onResponsive())
  // The page died: a close waiting on it ends; otherwise reload it, and its autosave restores the graph.
  const recovery = createRendererRecovery(
    () => contents.reload(),
    () => Date.now(),
    (reason) => {
      const { message, detail } = gaveUpText(reason)
      void dialog.showMessageBox(win, { type: 'error', message, detail, buttons: ['Try Again', 'Close Window'], defaultId: 0, cancelId: 1, noLink: true }).then(({ response }) => {
        if (win.isDestroyed()) return
        if (response === 0) recovery.tryAgain()
        else win.destroy()
      })
    },
  )
  contents.on('render-process-gone', (_event, details) => {
    guard.onPageGone()
    saves.abandon()
    if (!win.isDestroyed()) recovery.onGone(details.reason)
  })
  lockDownNavigation(contents, appUrl)
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    guard.onClosed()
    saves.abandon()
    options.onClosed()
  })
  void win.loadURL(appUrl)
  return { win, guard, saves }
}

