/**
 * When the window is shown. It is made hidden and shown at `ready-to-show` (its page's first
 * paint), so it never flashes white; but a page that never paints (its load failed: a damaged
 * or quarantined install; its process crashed or hung while loading) would leave it hidden for
 * ever, and to the teacher the app would seem not to start. So the window is shown anyway:
 * - at once when the page's load fails, with a dialog that says so (Try Again / Close Window):
 *   a network error (`did-fail-load`), or an error status (app:// answers 404 for a file
 *   missing from a damaged install, which Chromium shows as a page of its own, "Not found");
 * - at once when its process dies before it painted (rendererRecovery.ts reloads it);
 * - after `REVEAL_WAIT_MS` without a paint, with a dialog (Wait / Reload / Close Window) that
 *   closes by itself if the page paints meanwhile.
 * Each is logged (mainLog.ts) for whoever looks after the machines.
 * Electron-free: appWindow.ts passes in the window's calls, tests pass fakes.
 */

/** Longest wait for the page's first paint before the window is shown without it. A slow lab PC's first start (cold disk, a virus scan of the app) takes a few seconds. */
export const REVEAL_WAIT_MS = 20_000

/** Chromium's ERR_ABORTED: a load replaced by another (a reload), not a failure. */
const ERR_ABORTED = -3

export type StartChoice = 'wait' | 'reload' | 'close'

export interface StartProblem {
  message: string
  detail: string
  /** What each button does, in the dialog's order; the first is the default. */
  choices: StartChoice[]
  buttons: string[]
  /** The button Escape (or closing the dialog) means. */
  cancelId: number
}

export interface RevealDeps {
  show(): void
  reload(): void
  /** Ends the window (its page never loaded: nothing to save). */
  close(): void
  log(line: string): void
  /** Shows the problem; `signal` aborts once it no longer holds (the page painted, the window closed). */
  ask(problem: StartProblem, signal: AbortSignal): Promise<StartChoice>
  /** Runs `f` after `ms`; returns what cancels it. */
  after(ms: number, f: () => void): () => void
}

export interface WindowReveal {
  /** `ready-to-show`. */
  readyToShow(): void
  /** `did-finish-load`: a question about a slow start no longer holds (the window may be showing already). */
  pageLoaded(): void
  /** `did-fail-load`. */
  loadFailed(errorCode: number, errorDescription: string, url: string, isMainFrame: boolean): void
  /** `did-navigate` (the main frame's): an error status is a failed load. */
  navigated(url: string, httpResponseCode: number, httpStatusText: string): void
  /** `render-process-gone`. */
  pageGone(reason: string): void
  /** `closed`. */
  closed(): void
}

/** The dialog for a page that could not load. */
export function loadFailedProblem(errorDescription: string, errorCode: number): StartProblem {
  return {
    message: 'Axon Studio could not load its window.',
    detail: `Loading it failed (${errorDescription || 'unknown error'}, code ${errorCode}). Try Again loads it again; if it fails again, reinstall Axon Studio or ask whoever looks after this computer (the error is in Axon Studio’s log).`,
    choices: ['reload', 'close'],
    buttons: ['Try Again', 'Close Window'],
    cancelId: 1,
  }
}

/** The dialog for a page that has not painted after `waitMs`. */
export function slowStartProblem(waitMs: number): StartProblem {
  return {
    message: 'Axon Studio’s window is taking long to start.',
    detail: `It has not appeared after ${Math.round(waitMs / 1000)} s. Wait gives it more time (this message closes by itself once it appears); Reload starts the window again.`,
    choices: ['wait', 'reload', 'close'],
    buttons: ['Wait', 'Reload', 'Close Window'],
    // Escape waits: a slow page is no reason to close the window.
    cancelId: 0,
  }
}

export function createWindowReveal(deps: RevealDeps, waitMs = REVEAL_WAIT_MS): WindowReveal {
  let shown = false
  /** The question on screen, and whether it is the slow start's (which the page appearing answers). */
  let question: { abort: AbortController; slow: boolean } | null = null
  let cancelWait: (() => void) | null = null

  function show(): void {
    cancelWait?.()
    cancelWait = null
    if (shown) return
    shown = true
    deps.show()
  }

  /** Asks about `problem`, closing the question before it (one at a time). */
  function ask(problem: StartProblem, slow: boolean): void {
    question?.abort.abort()
    const mine = { abort: new AbortController(), slow }
    question = mine
    void deps
      .ask(problem, mine.abort.signal)
      .catch((): StartChoice => 'wait')
      .then((choice) => {
        if (mine.abort.signal.aborted) return
        question = null
        if (choice === 'reload') deps.reload()
        else if (choice === 'close') deps.close()
      })
  }

  /** The page appeared: a question about its slow start is moot. */
  function dismissSlow(): void {
    if (!question?.slow) return
    question.abort.abort()
    question = null
  }

  function loadFailed(errorCode: number, errorDescription: string, url: string, isMainFrame: boolean): void {
    if (!isMainFrame || errorCode === ERR_ABORTED) return
    deps.log(`window: loading ${url} failed: ${errorDescription} (${errorCode})`)
    show()
    ask(loadFailedProblem(errorDescription, errorCode), false)
  }

  cancelWait = deps.after(waitMs, () => {
    cancelWait = null
    if (shown) return
    deps.log(`window: no first paint after ${waitMs} ms; shown without it`)
    show()
    ask(slowStartProblem(waitMs), true)
  })

  return {
    readyToShow() {
      show()
      dismissSlow()
    },
    pageLoaded: dismissSlow,
    loadFailed,
    navigated(url, httpResponseCode, httpStatusText) {
      if (httpResponseCode >= 400) loadFailed(httpResponseCode, httpStatusText || 'HTTP error', url, true)
    },
    pageGone(reason) {
      if (reason === 'clean-exit') return
      deps.log(`window: its page's process went (${reason})${shown ? '' : ' before it painted; shown'}`)
      show()
    },
    closed() {
      cancelWait?.()
      cancelWait = null
      question?.abort.abort()
      question = null
    },
  }
}
