/**
 * Where the app keeps each user's data (autosave, Open Recent, main.log, Chromium's profile):
 * Electron's userData folder, unless the user cannot write there (a school account whose home or
 * roaming profile is read-only, full, or not there yet). Chromium's single-instance lock is a file
 * in that folder: where it cannot be made, `requestSingleInstanceLock()` says another instance
 * holds it and the app ended without a window or a word. Such a user gets a folder of their own
 * for this computer's session instead (lost at restart, which the window says).
 */
import { chmodSync, mkdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface UserDataChoice {
  dir: string
  /** True when `dir` is not the usual folder: the user is told their work is kept only for now. */
  fallback: boolean
  /** False when no folder could be written: the lock cannot be made, and the app says why it cannot start. */
  writable: boolean
}

/** What choosing needs of the file system (main: `isWritableDir`; tests: fakes). */
export interface DirProbe {
  /** True when the folder exists (or could be made) and a file can be written in it, by this user alone if `private`. */
  writable(dir: string, mode: { private: boolean }): boolean
}

/**
 * The folders to fall back on, best first: the user's own runtime folder (Linux: $XDG_RUNTIME_DIR,
 * /run/user/<uid>, private to the user), then one named after the user in the temporary folder
 * (per user on Windows and macOS, shared on Linux: taken only if this user owns it).
 */
export function userDataFallbacks(env: Readonly<Record<string, string | undefined>>, tmp: string, user: string): string[] {
  const name = `axon-studio-${user.replace(/[^A-Za-z0-9._-]/g, '_') || 'user'}`
  return [env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'axon-studio') : null, join(tmp, name)].filter((dir): dir is string => dir !== null)
}

/** The usual folder when it can be written, else the first fallback that can; the usual one, not writable, when none can. */
export function chooseUserDataDir(usual: string, fallbacks: readonly string[], probe: DirProbe): UserDataChoice {
  if (probe.writable(usual, { private: false })) return { dir: usual, fallback: false, writable: true }
  const dir = fallbacks.find((candidate) => probe.writable(candidate, { private: true }))
  return dir ? { dir, fallback: true, writable: true } : { dir: usual, fallback: false, writable: false }
}

/**
 * The real probe: makes the folder (0700), writes and removes a file in it. A
 * private folder must be this user's (POSIX): in a shared /tmp another user may have made it
 * first, to read what is written there; its permissions are narrowed to the user.
 */
export function isWritableDir(dir: string, mode: { private: boolean }): boolean {
  try {
    // 0700, as Chromium makes its user data folder: the autosave is no one else's to read.
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    if (mode.private && process.getuid) {
      if (statSync(dir).uid !== process.getuid()) return false
      chmodSync(dir, 0o700)
    }
    const probe = join(dir, `.axon-write-test-${process.pid}`)
    writeFileSync(probe, '')
    unlinkSync(probe)
    return true
  } catch {
    return false
  }
}

/** What the app says, with no window, when it cannot start: no folder it could write its lock and data to. */
export function noFolderText(usual: string, fallbacks: readonly string[]): { title: string; content: string } {
  return {
    title: 'Axon Studio cannot start',
    content: `It cannot write to your profile folder (${usual}), nor to ${fallbacks.join(' or ')}. Ask your IT staff to make your profile folder writable.`,
  }
}

/** The message the window shows when the user's data went to a fallback folder. */
export function fallbackNotice(usual: string, dir: string): { message: string; detail: string } {
  return {
    message: 'Axon Studio cannot write to your profile folder.',
    detail: `It could not write to ${usual}, so this session keeps your work in ${dir}, which this computer may empty when it restarts or you log off. Save your projects to files (File › Save) to keep them, and ask your IT staff about the profile folder.`,
  }
}
