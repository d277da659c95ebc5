/**
 * Main's log: one line per event that whoever looks after the machines may need to see (a
 * window that would not load or show, a page or engine process that died), in `main.log` in
 * Electron's logs folder (Windows `%APPDATA%\Axon Studio\logs`, macOS `~/Library/Logs/Axon
 * Studio`, Linux `~/.config/Axon Studio/logs`). Kept small: past `LOG_MAX_BYTES` the file moves
 * to `main.old.log` (replacing the one before) and a new one starts. A log that cannot be
 * written never stops the app. Electron-free: main passes in the file calls, tests pass fakes.
 */

export const LOG_MAX_BYTES = 1_000_000

export interface LogFiles {
  /** The file's size in bytes, or null when it does not exist. */
  size(path: string): number | null
  /** Appends `text`, making the folder if need be. */
  append(path: string, text: string): void
  rename(from: string, to: string): void
}

/** The rotated file beside `path`: `main.log` → `main.old.log`. */
export function oldLogPath(path: string): string {
  return path.replace(/(\.log)?$/, '.old.log')
}

/**
 * A `log(line)` that writes `<ISO time> <line>` to the file `logPath()` names (asked at the first
 * line: Electron's logs folder is known once the app has started), and echoes it (main's stderr).
 */
export function createMainLog(logPath: () => string, files: LogFiles, now: () => Date, echo: (text: string) => void = () => {}): (line: string) => void {
  return (line) => {
    const text = `${now().toISOString()} ${line.replace(/\s*\n\s*/g, ' ')}\n`
    try {
      echo(text)
    } catch {
      // A packaged Windows app has no console: its stderr may refuse the write; the file still gets it.
    }
    try {
      const path = logPath()
      if ((files.size(path) ?? 0) + text.length > LOG_MAX_BYTES) files.rename(path, oldLogPath(path))
      files.append(path, text)
    } catch {
      // A full disk or a read-only profile: the app goes on.
    }
  }
}
