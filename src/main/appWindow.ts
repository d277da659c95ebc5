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
import { createWindowReveal } from './windowReveal'
import { SESSION_END_GRACE_MS } from './sessionEnd'

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
  /** main.log (mainLog.ts). */
  log: (line: string) => void
  /** While a close question is open, what the OS or the menu asks the page to open waits (unsavedChanges.ts). */
  holdPage: (on: boolean) => void
}

/**
 * Shows the window at its page's first paint, or without it when the page fails to load, dies
 * or hangs first (windowReveal.ts); loads the page.
 */
function revealWhenReady(win: BrowserWindow, appUrl: string, log: (line: string) => void) {
  const contents = win.webContents
  // A failed load rejects too: did-fail-load has said so.
  const load = () => void win.loadURL(appUrl).catch(() => {})
  const reveal = createWindowReveal({
    show: () => void (win.isDestroyed() || win.show()),
    reload: () => void (win.isDestroyed() || load()),
    close: () => void (win.isDestroyed() || win.destroy()),
    log,
    ask: async (problem, signal) => {
      const { message, detail, buttons, cancelId } = problem
      const { response } = await dialog.showMessageBox(win, { type: 'error', title: 'Axon Studio', message, detail, buttons, defaultId: 0, cancelId, noLink: true, signal })
      return problem.choices[response] ?? problem.choices[cancelId]
    },
    after: (ms, f) => {
      const timer = setTimeout(f, ms)
      return () => clearTimeout(timer)
    },
  })
  win.once('ready-to-show', () => reveal.readyToShow())
  contents.on('did-finish-load', () => reveal.pageLoaded())
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => reveal.loadFailed(code, description, url, isMainFrame))
  contents.on('did-navigate', (_event, url, code, text) => reveal.navigated(url, code, text))
  contents.on('render-process-gone', (_event, details) => reveal.pageGone(details.reason))
  win.on('closed', () => reveal.closed())
  return { load }
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
    holdPage: options.holdPage,
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
  // The page died: a close waiting on it ends; otherwise reload it a moment later, and its autosave restores the graph.
  const reveal = revealWhenReady(win, appUrl, options.log)
  const recovery = createRendererRecovery(
    () => void (win.isDestroyed() || contents.reload()),
    () => Date.now(),
    (reason) => {
      const { message, detail } = gaveUpText(reason)
      void dialog.showMessageBox(win, { type: 'error', message, detail, buttons: ['Try Again', 'Close Window'], defaultId: 0, cancelId: 1, noLink: true }).then(({ response }) => {
        if (win.isDestroyed()) return
        if (response === 0) recovery.tryAgain()
        else win.destroy()
      })
    },
    // A page killed by a log-off is not reloaded: the window closes with the session (rendererRecovery.ts). Nor one whose window closed meanwhile.
    { mayReload: () => !options.sessionEnding() && !win.isDestroyed(), afterGone: (decide) => void setTimeout(decide, SESSION_END_GRACE_MS) },
  )
  contents.on('render-process-gone', (_event, details) => {
    guard.onPageGone()
    saves.abandon()
    if (!win.isDestroyed()) recovery.onGone(details.reason)
  })
  lockDownNavigation(contents, appUrl)
  win.on('closed', () => {
    guard.onClosed()
    saves.abandon()
    options.onClosed()
  })
  reveal.load()
  return { win, guard, saves }
}

