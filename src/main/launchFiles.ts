/**
 * Files the OS asks us to open: project and data paths on the command line (a double-click or
 * "Open with" on Windows and Linux, or a second launch forwarded by the single-instance lock)
 * and macOS `open-file` events, one per file (several files double-clicked or dragged onto the
 * dock icon come as several events in a row), which can arrive before the window exists. They
 * are queued until the page can take them, then handed to the one running window together, as
 * a drop of several files is: the page opens the first project and says what it left
 * (src/renderer/src/files/projectFilesOpened.ts).
 */
import { isAbsolute, resolve } from 'node:path'
import { isDataFileName } from '../shared/files'

export const PROJECT_SUFFIX = '.axon.json'

/** The project (`*.axon.json`) and data (CSV, IDX, .gz) paths in a command line, absolute (relative ones against `cwd`). */
export function launchPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && (arg.toLowerCase().endsWith(PROJECT_SUFFIX) || isDataFileName(arg)))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)))
}

/** Runs `flush` after the events of this turn (main: setImmediate; tests flush by hand). */
export type Defer = (flush: () => void) => void

export interface LaunchQueue {
  /** Something the OS asked us to open (now, or once the page is ready). */
  request(item: string): void
  /** The page loaded and listens: hand it what waited, in one batch. */
  pageReady(): void
  /** The page is reloading or gone: hold new requests until it is ready again. */
  pageGone(): void
}

/**
 * Gathers requests into batches: those of one turn (macOS sends one `open-file` per file, all in
 * a row), or all that waited for the page. `open` gets each batch in the order asked, without repeats.
 */
export function createLaunchQueue(open: (batch: string[]) => void, focus: () => void, defer: Defer): LaunchQueue {
  let ready = false
  let waiting: string[] = []
  let deferred = false
  const flush = () => {
    deferred = false
    if (!ready || waiting.length === 0) return
    const batch = waiting
    waiting = []
    open(batch)
  }
  return {
    request(item) {
      focus()
      if (!waiting.includes(item)) waiting.push(item)
      if (ready && !deferred) {
        deferred = true
        defer(flush)
      }
    },
    pageReady() {
      ready = true
      flush()
    },
    pageGone: () => void (ready = false),
  }
}
