/**
 * The program the OS must start to run Axon Studio again: for a relaunch (`app.relaunch`,
 * launchFiles.ts) and for `axon-studio:` share links (`app.setAsDefaultProtocolClient`,
 * shareLinks.ts). Usually the running executable, but not for the two builds that run from a
 * copy which goes when the app exits:
 * - the Windows portable build unpacks the app into %TEMP% on each start, runs it, and deletes
 *   it once it exits (electron-builder's portable.nsi); it names the `.exe` the user started in
 *   `PORTABLE_EXECUTABLE_FILE`. A link registered to the unpacked copy would start nothing
 *   after the first exit, and a relaunch would race the deletion.
 * - an AppImage runs from a mount (`APPDIR`) that is taken down with it; `APPIMAGE` names the file.
 * Each is believed only when the running executable is the copy it describes: both variables
 * pass on to programs started from such an app (a terminal, say), which must not take them.
 */
import { isAbsolute, relative, win32 } from 'node:path'

type Env = Readonly<Record<string, string | undefined>>

/** Whether `path` lies inside `dir` (Windows paths on Windows, POSIX elsewhere). */
function isInside(path: string, dir: string, windows: boolean): boolean {
  const rel = windows ? win32.relative(dir, path) : relative(dir, path)
  return rel !== '' && !rel.startsWith('..') && !(windows ? win32.isAbsolute(rel) : isAbsolute(rel))
}

/** The file to start to run this app again (`execPath` unless it is a portable or AppImage copy). */
export function appLauncherPath(env: Env, execPath: string, platform: string): string {
  const portable = env.PORTABLE_EXECUTABLE_FILE
  // The portable build's copy is in the user's temporary folder (NSIS's $TEMP: %TMP%, else %TEMP%), never beside the .exe the user started.
  const temps = [env.TMP, env.TEMP].filter((dir): dir is string => !!dir)
  if (platform === 'win32' && portable && temps.some((dir) => isInside(execPath, dir, true))) return portable
  const appImage = env.APPIMAGE
  if (platform === 'linux' && appImage && env.APPDIR && isInside(execPath, env.APPDIR, false)) return appImage
  return execPath
}
