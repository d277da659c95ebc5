/**
 * The question before a window closes, the app quits or the page reloads, driven from main:
 * unsaved edits to a file ("Save changes?") and a training run or sweep under way ("Stop
 * training?"), in one dialog (`closeQuestion.ts` words it).
 *
 * Why main: a renderer's `beforeunload` that calls `preventDefault()` makes Electron cancel the
 * close silently (no dialog, unlike a browser). So the renderer only reports what it would lose
 * (`document:state`), and main asks with a native dialog:
 * - `close` (window close and quit): an async dialog; Save asks the renderer to save and closes
 *   only when that worked; the close is then approved, so the page's own `beforeunload` (which
 *   still fires) is let through. Cancel keeps the window, and the run in it, going.
 * - `will-prevent-unload` (Reload, or a close main let through before the page's latest report
 *   arrived): Electron needs the answer synchronously, so a sync dialog; Save cancels this
 *   unload, saves, and closes or reloads once saved.
 * Every close must end, whatever the page does:
 * - a page that does not answer (`unresponsive`: Electron says so 5 s into a close waiting on
 *   the page, or the page did not take a Save) cannot save or run its `beforeunload`: main asks
 *   "not responding: Close Anyway / Wait" and ends the window without it;
 * - a page that died while a close waited on it is closed without it (the autosave has its work);
 * - the OS ending the session (shutdown, log-off: SIGTERM on Linux and macOS, `session-end` on
 *   Windows) is not asked about: no one may be there to answer, and a dialog only holds the
 *   shutdown up until the OS kills the app. The page goes as usual and autosaves as it goes. A
 *   question already open then is closed (its `signal` aborts: Electron's message box goes as
 *   if cancelled), as it is when the window closes, and whatever it answers is void: no Save
 *   into a page that has gone, no close of a window that has, no Quit called off.
 * Electron-free: main passes in the dialog and the renderer calls; tests pass fakes.
 */
import type { DocumentState } from '../shared/ipc'
import { closeLoses, closeQuestion, unresponsiveQuestion, type CloseQuestion, type Leaving, type SaveChoice } from './closeQuestion'

export type { SaveChoice } from './closeQuestion'

export interface UnsavedGuardDeps {
  /** Shows the question; `signal` aborts once its answer is void (the window went): the dialog should close. */
  askAsync(question: CloseQuestion, signal: AbortSignal): Promise<SaveChoice>
  askSync(question: CloseQuestion): SaveChoice
  /** Ask the renderer to save; true once the file is written (false if cancelled or failed). */
  save(): Promise<boolean>
  /** The user kept the window open (Cancel, or a Save that did not happen): a Quit under way is off. */
  cancelled?(): void
  /** Whether a close under way is the app quitting (the dialog then says Quit); a close if absent. */
  quitting?(): boolean
  /** Ends the window without its page (which does not answer, or died): `win.destroy()`. */
  forceClose(): void
  /** The OS is ending the session (shutdown, log-off): closes go without a question. */
  sessionEnding?(): boolean
  /**
   * True while a close question is open: what the OS or the menu asks the page to open waits
   * (launchFiles.ts `hold`); false once the user kept the window. Not released when it closes.
   */
  holdPage?(on: boolean): void
}

export interface CancellableEvent {
  preventDefault(): void
}

export interface UnsavedGuard {
  /** The renderer's latest report (`document:state`). */
  setState(state: DocumentState): void
  /** Window `close`: cancels it while it asks; calls `close` again once the user agreed. */
  onClose(event: CancellableEvent, close: () => void): void
  /**
   * `will-prevent-unload` (the page's `beforeunload` objected): preventDefault = let the page
   * unload. It comes for a reload, or for a close main let through before the page's latest
   * state arrived; Save then saves and closes (`close`) or reloads (`reload`), as was asked.
   */
  onWillPreventUnload(event: CancellableEvent, then: { reload: () => void; close: () => void }): void
  /** The page reloaded or was replaced: it will report its state again. */
  reset(): void
  /** The page stopped answering (`unresponsive`, or a Save it did not take). */
  onUnresponsive(): void
  /** It answers again. */
  onResponsive(): void
  /** Its process died (`render-process-gone`): a close waiting on it ends now; else as `reset`. */
  onPageGone(): void
  /** The window closed (`closed`): open questions close, and their answers are void. */
  onClosed(): void
}

const NOTHING_REPORTED: DocumentState = { dirty: false, name: '', run: null, sweep: null }

/** What the guard knows of the page and of a close under way. */
interface GuardState {
  page: DocumentState
  approved: boolean
  asking: boolean
  /** A close main let through (nothing unsaved as far as it knew) is under way. */
  closing: boolean
  saving: boolean
  unresponsive: boolean
  askingUnresponsive: boolean
  /** The window was ended without its page: nothing more to decide. */
  forced: boolean
  /** The window goes whatever is answered (closed, or closing as the session ends): answers still due are void. */
  gone: boolean
  /** Aborted when the window goes: closes the questions still open. */
  questions: AbortController
}

function initialState(): GuardState {
  return {
    page: NOTHING_REPORTED,
    approved: false,
    asking: false,
    closing: false,
    saving: false,
    unresponsive: false,
    askingUnresponsive: false,
    forced: false,
    gone: false,
    questions: new AbortController(),
  }
}

/** The steps of a close: the questions, the save, and ending the window without its page. */
function closeSteps(deps: UnsavedGuardDeps, g: GuardState) {
  const closeKind = (): Leaving => (deps.quitting?.() ? 'quit' : 'close')

  function forceClose(): void {
    g.forced = g.approved = true
    deps.forceClose()
  }

  /** "Not responding: Close Anyway / Wait": true once the window was ended. */
  async function askUnresponsive(): Promise<boolean> {
    if (g.askingUnresponsive || g.forced) return g.forced
    g.askingUnresponsive = true
    deps.holdPage?.(true)
    // A dialog that cannot be shown must not leave a dead window open: close it.
    const choice = await deps.askAsync(unresponsiveQuestion(g.page, closeKind()), g.questions.signal).catch((): SaveChoice => 'discard')
    g.askingUnresponsive = false
    if (choice === 'discard' && !g.forced && !g.gone) forceClose()
    return g.forced
  }

  async function save(): Promise<boolean> {
    g.saving = true
    try {
      return await deps.save()
    } catch {
      return false
    } finally {
      g.saving = false
    }
  }

  /** "Save changes?" for a close: true when the window may close. */
  async function decide(): Promise<boolean> {
    const choice = await deps.askAsync(closeQuestion(g.page, closeKind()), g.questions.signal)
    if (g.gone || choice === 'cancel') return false
    if (choice === 'discard') return true
    // Save, from a page that does not answer: close without it, or wait for it to save.
    if (g.unresponsive && (await askUnresponsive())) return true
    return save()
  }

  /** The user kept the window: a Quit under way is off (not when the window goes anyway: the session's end quits). */
  const keptOpen = () => {
    g.closing = false
    if (g.gone) return
    deps.holdPage?.(false)
    deps.cancelled?.()
  }

  /** The window goes without waiting on the questions: close them, and void what they answer. */
  function gone(): void {
    g.gone = true
    g.questions.abort()
  }

  return { closeKind, forceClose, askUnresponsive, save, decide, keptOpen, gone }
}

export function createUnsavedGuard(deps: UnsavedGuardDeps): UnsavedGuard {
  const g = initialState()
  const { closeKind, forceClose, askUnresponsive, save, decide, keptOpen, gone } = closeSteps(deps, g)

  return {
    setState: (next) => void (g.page = next),
    onClose(event, close) {
      if (g.forced) return
      // The session ends: the window goes now, and a question still open (asked before) is closed unanswered.
      if (deps.sessionEnding?.()) gone()
      if (g.approved || g.gone || (!closeLoses(g.page) && !g.unresponsive)) return void (g.closing = true)
      event.preventDefault()
      if (g.asking || g.askingUnresponsive) return
      if (g.unresponsive) {
        // Its beforeunload would never run: nothing to lose ends the window now, else ask.
        if (!closeLoses(g.page)) return forceClose()
        void askUnresponsive().then((closed) => closed || g.gone || keptOpen())
        return
      }
      g.asking = true
      deps.holdPage?.(true)
      void decide()
        // A dialog that cannot be shown must not keep the window open without a word: the autosave keeps the work.
        .catch(() => true)
        .then((ok) => {
          g.asking = false
          if (g.forced || g.gone) return
          if (!ok) return keptOpen()
          g.approved = true
          close()
        })
    },
    onWillPreventUnload(event, then) {
      if (g.approved || deps.sessionEnding?.()) return event.preventDefault()
      const choice = deps.askSync(closeQuestion(g.page, g.closing ? closeKind() : 'reload'))
      if (choice === 'discard') return event.preventDefault()
      const after = g.closing ? then.close : then.reload
      if (choice === 'cancel') return keptOpen()
      // Save: this unload is off; the close or reload is done again once the file is written.
      void save().then((ok) => {
        if (g.forced || g.gone) return
        if (!ok) return keptOpen()
        g.approved = true
        after()
      })
    },
    reset() {
      // A new page: nothing of the old one's question holds what it is asked to open.
      deps.holdPage?.(false)
      g.page = NOTHING_REPORTED
      g.approved = false
      g.closing = false
      g.unresponsive = false
    },
    onUnresponsive() {
      g.unresponsive = true
      // A close or Save waits on the page: it may never answer. At the session's end no one may be there to ask.
      if (g.closing && deps.sessionEnding?.()) forceClose()
      else if (g.closing || g.saving) void askUnresponsive()
    },
    onResponsive: () => void (g.unresponsive = false),
    onPageGone() {
      g.unresponsive = false
      if (g.closing) return forceClose()
      g.page = NOTHING_REPORTED
      g.approved = false
    },
    onClosed: gone,
  }
}
