/**
 * The OS ending the session (shutdown, restart, log-off, a classroom tool's `kill`): quit
 * without asking, since no one may be there to answer and a dialog only holds the shutdown up
 * until the OS kills the app. Closes then go without a question (unsavedChanges.ts), the page
 * autosaves as it unloads, and each window's engine process is ended as the window closes.
 * Linux and macOS send SIGTERM; Windows tells the window (`session-end`).
 *
 * When to listen: Electron quits on SIGTERM, SIGINT and SIGHUP through Chromium's own handlers
 * (`InstallShutdownSignalHandlers`, a `sigaction` made in `PostCreateMainMessageLoop`, which
 * calls `Browser::Quit`, i.e. `app.quit()`: the close then asks). The main script runs before
 * that (`PostEarlyInitialization`), so a `process.on('SIGTERM')` made as it loads installs
 * libuv's handler first, Chromium's replaces it, and the listener never runs. Made once the app
 * is ready, libuv's handler replaces Chromium's for SIGTERM only (SIGINT and SIGHUP keep
 * Electron's quit, which asks). Chromium's handler lets a second signal kill the process ("one
 * shot at graceful shutdown"); ours does the same: a second SIGTERM exits at once.
 * (electron/electron shell/browser/electron_browser_main_parts{,_posix}.cc.)
 */

export interface SessionEnd {
  /** True once the OS is ending the session: closes go without a question. */
  ending(): boolean
  /** The OS ends the session (Windows' `session-end`, or a first SIGTERM): quit without asking. */
  end(): void
  /** A SIGTERM: the first ends the session; another, while that quit is under way, exits now. */
  onSigterm(): void
}

/**
 * How long main waits, after a process of its own (the engine, a window's page) ended
 * unexpectedly, before it starts it again: a log-off SIGTERMs every process of the session in no
 * set order, and main may hear its own a moment after the others went. Far longer than that
 * moment, short beside a restart's own time.
 */
export const SESSION_END_GRACE_MS = 1000

/** Exit status of a process ended by SIGTERM (128 + 15), as Chromium's ungraceful path uses. */
export const SIGTERM_EXIT_CODE = 143

export function createSessionEnd(app: { quit(): void; exit(code: number): void }): SessionEnd {
  let ending = false
  let sigterms = 0
  const end = () => {
    ending = true
    app.quit()
  }
  return {
    ending: () => ending,
    end,
    onSigterm() {
      sigterms += 1
      if (sigterms === 1) end()
      else app.exit(SIGTERM_EXIT_CODE)
    },
  }
}

/** Listens for SIGTERM once the app is ready, after Chromium has installed its handler (see above). */
export async function listenForSigterm(whenReady: () => Promise<unknown>, on: (signal: 'SIGTERM', listener: () => void) => unknown, listener: () => void): Promise<void> {
  await whenReady()
  on('SIGTERM', listener)
}
