/**
 * Writing a file the user saves, so that a failed save never costs the file already there:
 * the bytes go to a temporary file beside it, which then replaces it in one rename. A full disk
 * or a folder the user may not write to fails before the old file is touched, and the error says
 * which, in the user's words (the page shows it as "Could not save: …"). The file stays what it
 * was: a link to it stays a link (the file it names is replaced), and its permissions stay.
 */
import { constants } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** The few file-system calls a save needs (node:fs/promises in main, fakes in tests). */
export interface WriteFs {
  /** With `flush`, the bytes are on the disk (fsync) before the promise resolves. */
  writeFile(path: string, bytes: Uint8Array, options: { flush: boolean }): Promise<void>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  /** The file `path` names through symbolic links (rejects for a file not there yet). */
  realpath(path: string): Promise<string>
  stat(path: string): Promise<{ mode: number }>
  /** Rejects (EACCES, EPERM) when the current user may not write the file (`mode`: fs.constants.W_OK). */
  access(path: string, mode: number): Promise<void>
  /** Sets permission bits: POSIX only (main passes none on Windows, where a file's ACL comes from its folder). */
  chmod?(path: string, mode: number): Promise<void>
  /** Resolves after `ms` (main: a timer), between tries of a rename another program held up. */
  pause(ms: number): Promise<void>
}

export class FileWriteError extends Error {
  override name = 'FileWriteError'
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message)
  }
}

/**
 * Why a write failed, said for the file the user named. `step` is where: writing the temporary
 * copy (the folder, the disk) or putting it in the file's place (the file itself: read-only, or
 * held open by another program, as Windows refuses to replace it then).
 */
export function writeFailureText(path: string, error: unknown, step: 'write' | 'replace' = 'write'): string {
  const code = (error as { code?: unknown } | null)?.code
  const name = basename(path)
  const folder = dirname(path)
  if (step === 'replace' && (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY')) {
    return `“${name}” could not be replaced: it is read-only, or open in another program. It was not saved: close it there, or save under another name with Save As.`
  }
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk is full: “${name}” was not saved. Free some space, or save to another drive with Save As.`
    case 'EACCES':
    case 'EPERM':
      return `You may not write to ${folder}: “${name}” was not saved. Choose another folder with Save As.`
    case 'EROFS':
      return `${folder} is read-only: “${name}” was not saved. Choose another folder with Save As.`
    case 'ENOENT':
      return `The folder ${folder} no longer exists: “${name}” was not saved. Choose another folder with Save As.`
    case 'EISDIR':
      return `“${name}” is a folder: choose a file name with Save As.`
    case 'EBUSY':
      return `“${name}” is in use by another program: it was not saved. Close it there, or save under another name.`
    default:
      return `“${name}” was not saved: ${(error as Error | null)?.message ?? String(error)}`
  }
}

/**
 * Pauses between tries of the rename. Windows refuses to rename over a file, or to move one, that
 * another program has open, even for a moment: an antivirus scanning the copy just written (a
 * school's Defender does, on every new file), a search indexer, a sync client. The save then
 * failed now and then with "could not be replaced: it is read-only, or open in another program"
 * though neither was so. A file that stays held fails after these (about 1.5 s), as before.
 * (graceful-fs retries its renames on Windows for the same reason.)
 */
export const RENAME_RETRY_PAUSES_MS = [50, 100, 200, 400, 800]
const HELD = new Set(['EPERM', 'EACCES', 'EBUSY'])

async function renameRetrying(fs: WriteFs, from: string, to: string): Promise<void> {
  for (const ms of RENAME_RETRY_PAUSES_MS) {
    try {
      return await fs.rename(from, to)
    } catch (error) {
      if (!HELD.has((error as { code?: string } | null)?.code ?? '')) throw error
      await fs.pause(ms)
    }
  }
  await fs.rename(from, to)
}

/**
 * Writes `bytes` to `path` through a temporary file beside it (same folder, so the rename stays
 * on one disk and replaces the old file at once). On failure the temporary file is removed and
 * a `FileWriteError` says why; the file at `path` is as it was.
 *
 * The copy is flushed to the disk before the rename: a file system may put the rename
 * (journalled metadata) on the disk before the copy's data (NTFS, XFS), and a power cut or a
 * hard reset in between left the project empty or full of zeros, the new and the old both gone.
 */
export async function writeFileSafely(fs: WriteFs, path: string, bytes: Uint8Array, suffix: string): Promise<void> {
  // Through a link (a project on the desktop linked to the class's shared folder), the rename
  // replaced the link with a file of its own: the shared file never changed.
  const target = await fs.realpath(path).catch(() => path)
  // The copy is made with the default permissions: a private (0600) or group-writable project
  // came out readable by all, or no longer writable by the colleagues who shared it.
  const mode = await fs.stat(target).then(
    (info) => info.mode & 0o7777,
    () => null,
  )
  // The rename needs only the folder's permission: on Linux and macOS a read-only file (a
  // teacher's exemplar, chmod 444, or a share the student may read but not write) was replaced
  // without a word. Windows refuses; it is refused here alike, so the user saves with Save As.
  await fs.access(target, constants.W_OK).catch((error: unknown) => {
    const code = (error as { code?: string } | null)?.code
    if (code === 'EACCES' || code === 'EPERM') throw new FileWriteError(writeFailureText(path, error, 'replace'), code)
  })
  const temporary = join(dirname(target), `.${basename(target)}.${suffix}.tmp`)
  let step: 'write' | 'replace' = 'write'
  try {
    await fs.writeFile(temporary, bytes, { flush: true })
    if (mode !== null) await fs.chmod?.(temporary, mode)
    step = 'replace'
    await renameRetrying(fs, temporary, target)
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined)
    throw new FileWriteError(writeFailureText(path, error, step), (error as { code?: string }).code)
  }
}
