/**
 * Projects the OS asks us to open: `*.axon.json` paths on the command line (a double-click on
 * Windows and Linux, or a second launch forwarded by the single-instance lock) and macOS
 * `open-file` events, which can arrive before the window exists. They are queued until the
 * page can take them, then opened in the one running window.
 */
import { isAbsolute, resolve } from 'node:path'

export const PROJECT_SUFFIX = '.axon.json'

/** The project paths in a command line, absolute (relative ones against `cwd`). */
export function projectPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(PROJECT_SUFFIX))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)))
}

export interface LaunchQueue {
  /** A path the OS asked us to open (now, or once the page is ready). */
  request(path: string): void
  /** The page loaded and listens: open what waited (only the last: one document per window). */
  pageReady(): void
  /** The page is reloading or gone: hold new requests until it is ready again. */
  pageGone(): void
}

export function createLaunchQueue(open: (path: string) => void, focus: () => void): LaunchQueue {
  let ready = false
  let waiting: string | null = null
  return {
    request(path) {
      focus()
      if (ready) open(path)
      else waiting = path
    },
    pageReady() {
      ready = true
      if (waiting) open(waiting)
      waiting = null
    },
    pageGone: () => void (ready = false),
  }
}
