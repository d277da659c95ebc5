/**
 * Files the OS asks us to open: project and data paths on the command line (a double-click or
 * "Open with" on Windows and Linux, or a second launch forwarded by the single-instance lock)
 * and macOS `open-file` events, which can arrive before the window exists. Several files come
 * one by one: macOS sends an `open-file` per file, and Windows Explorer starts the app once per
 * file (each a second launch). They are queued until the page can take them and gathered until
 * none has come for a moment, then handed to the one running window together, as a drop of
 * several files is: the page opens the first project and says what it left
 * (src/renderer/src/files/projectFilesOpened.ts).
 */
import * as nodePath from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDataFileName, isProjectFileName } from '../shared/files'

/**
 * The path a command-line argument names: a path (relative ones against `cwd`), or a `file:`
 * URL, which Linux file managers may give: the installed .desktop entry runs the app with `%U`
 * (electron-builder's default, and what `axon-studio:` share links need), and for `%U` the
 * Desktop Entry Specification lets a launcher pass local files "either as file: URLs or as file
 * path". Null for a `file:` URL of another computer.
 */
function argumentPath(arg: string, cwd: string, path: PathFlavour): string | null {
  if (/^file:/i.test(arg)) {
    try {
      return fileURLToPath(arg)
    } catch {
      return null
    }
  }
  return path.isAbsolute(arg) ? arg : path.resolve(cwd, arg)
}

/** The platform's path functions (node:path in main; `win32` in tests of a Windows command line). */
export type PathFlavour = Pick<typeof nodePath, 'isAbsolute' | 'resolve'>

/**
 * The project (`*.json`) and data (CSV, IDX, .gz) paths in a command line, absolute. Any
 * `.json`, not only `*.axon.json`: Windows offers the app under "Open with" for .json files (it
 * never looks past the last extension: resources/build/installer.nsh), and a project saved as
 * `xor.json` opens as a dropped one does. Switches (Chromium adds some to a second launch's
 * command line, e.g. `--original-process-start-time`) and other arguments are left out.
 */
export function launchPathsFromArgv(argv: readonly string[], cwd: string, path: PathFlavour = nodePath): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-'))
    .map((arg) => argumentPath(arg, cwd, path))
    .filter((path): path is string => path !== null && (isProjectFileName(path) || isDataFileName(path)))
}

/** Runs `flush` a moment later (main: a timer of LAUNCH_GATHER_MS; tests flush by hand). */
export type Defer = (flush: () => void) => void

/** How long main waits for a further file before opening those asked for (Windows' launches, one per file, come within it). */
export const LAUNCH_GATHER_MS = 500

export interface LaunchQueue {
  /** Something the OS asked us to open (now, or once the page is ready). */
  request(item: string): void
  /** The page loaded and listens: hand it what waited, in one batch. */
  pageReady(): void
  /** The page is reloading or gone: hold new requests until it is ready again. */
  pageGone(): void
  /**
   * Hold what is asked for while the window asks whether to close (true), and hand it over once
   * the user kept the window (false): the page must not open another project under a "Save
   * changes?" about the one it has. A window that closes instead leaves it to the next page, or
   * to the relaunch.
   */
  hold(on: boolean): void
  /** What was asked for and has not reached a page (the app quits: see `relaunchArgs`). */
  pending(): string[]
}

/**
 * Gathers requests into batches: those until none has come for a moment (each request defers the
 * flush again), or all that waited for the page. `open` gets each batch in the order asked, without repeats.
 */
export function createLaunchQueue(open: (batch: string[]) => void, focus: () => void, defer: Defer): LaunchQueue {
  let ready = false
  let held = false
  let waiting: string[] = []
  /** The latest request's flush is the one that opens; earlier deferred flushes do nothing. */
  let latest = 0
  const flush = () => {
    if (!ready || held || waiting.length === 0) return
    const batch = waiting
    waiting = []
    open(batch)
  }
  return {
    request(item) {
      focus()
      if (!waiting.includes(item)) waiting.push(item)
      const mine = ++latest
      defer(() => mine === latest && flush())
    },
    pageReady() {
      ready = true
      flush()
    },
    pageGone: () => void (ready = false),
    hold(on) {
      held = on
      flush()
    },
    pending: () => [...waiting],
  }
}

/**
 * The command line of a relaunch (`app.relaunch({ args })`, which starts the app again once this
 * instance has exited) that opens what a quitting app was still asked for: a second launch whose
 * files reached this instance as it quit (no window may be made then: `showWindow`), or a file
 * asked for whose window closed with the quit before its page loaded. Without it the files are
 * lost: the second instance has already exited. Null when nothing is left, or when the OS is
 * ending the session (no app should start then). Given `args` replace the command line, so run
 * from source (`electron .`) Electron needs the app's path first.
 */
export function relaunchArgs(left: readonly string[], at: { sessionEnding: boolean; defaultApp: boolean; appPath: string | undefined }): string[] | null {
  if (left.length === 0 || at.sessionEnding) return null
  return at.defaultApp && at.appPath ? [nodePath.resolve(at.appPath), ...left] : [...left]
}

/**
 * A second launch (`second-instance`: its argv and cwd) hands its files and share links to the
 * running app's queues, which focus the window; a launch with neither (the app started again
 * from its icon, a taskbar's "New window") only brings the window to the front. The single
 * instance is per OS user (the lock is in userData): a Windows portable .exe started again runs
 * from a copy of its own (portable.unpackDirName) and ends here.
 */
export function handSecondLaunch(
  argv: readonly string[],
  cwd: string,
  to: { files: Pick<LaunchQueue, 'request'>; links: Pick<LaunchQueue, 'request'>; linksOf: (argv: readonly string[]) => string[]; focus: () => void },
  path: PathFlavour = nodePath,
): void {
  const paths = launchPathsFromArgv(argv, cwd, path)
  const links = to.linksOf(argv)
  paths.forEach((file) => to.files.request(file))
  links.forEach((text) => to.links.request(text))
  if (paths.length === 0 && links.length === 0) to.focus()
}

/** The window as `showWindow` needs it. */
export interface ShownWindow {
  isMinimized(): boolean
  restore(): void
  focus(): void
}

/**
 * Brings the window to the front for something the OS asked us to open. On macOS the app runs
 * on with no window (its last one closed): a double-clicked project then needs a new window,
 * whose page takes the files once loaded. `mayCreate` is false before the app is ready (the
 * first window is coming) and while it quits.
 */
export function showWindow(win: ShownWindow | null, mayCreate: boolean, createWindow: () => void): void {
  if (!win) {
    if (mayCreate) createWindow()
    return
  }
  if (win.isMinimized()) win.restore()
  win.focus()
}
