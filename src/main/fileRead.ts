/**
 * Reading a file the user named, no more of it than main may take: its size is looked at
 * first (through the open handle, so the file measured is the file read), and a folder or a
 * file over the limit is refused without reading a byte of it. A huge `.gz` double-clicked by
 * mistake costs a stat, not its gigabytes in main's memory.
 */
import { open, stat } from 'node:fs/promises'
import { basename } from 'node:path'

/** Refused before reading: too large, or a folder. `code` is what `readFailureText` words. */
export class FileReadError extends Error {
  override name = 'FileReadError'
  constructor(
    message: string,
    readonly code: 'EFBIG' | 'EISDIR',
  ) {
    super(message)
  }
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MB`

/** “big.csv” is 600 MB, more than the 512 MB Axon Studio opens. */
export function tooLargeText(path: string, size: number, maxBytes: number): string {
  return `“${basename(path)}” is ${megabytes(size)}, more than the ${megabytes(maxBytes)} Axon Studio opens.`
}

function check(path: string, info: { size: number; isDirectory(): boolean }, maxBytes: number): number {
  if (info.isDirectory()) throw new FileReadError(`“${basename(path)}” is a folder, not a file.`, 'EISDIR')
  if (info.size > maxBytes) throw new FileReadError(tooLargeText(path, info.size, maxBytes), 'EFBIG')
  return info.size
}

/** The size of a file that could be read (fs errors as fs gives them: ENOENT, EACCES …). */
export async function fileSizeAtMost(path: string, maxBytes: number): Promise<number> {
  return check(path, await stat(path), maxBytes)
}

/** The bytes of `path`, refused before reading when it is larger than `maxBytes` or a folder. */
export async function readFileAtMost(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    check(path, await handle.stat(), maxBytes)
    return new Uint8Array(await handle.readFile())
  } finally {
    await handle.close()
  }
}

/** Why a file could not be read, in the user's words (the dialogs and the page show it). */
export function readFailureText(path: string, error: unknown): string {
  const name = basename(path)
  switch ((error as { code?: unknown } | null)?.code) {
    case 'ENOENT':
      return `“${name}” is not there any more: it was moved, renamed or deleted.`
    case 'EACCES':
    case 'EPERM':
      return `You may not read “${name}”.`
    case 'EISDIR':
      return `“${name}” is a folder, not a file.`
    default:
      return (error as Error | null)?.message ?? String(error)
  }
}
