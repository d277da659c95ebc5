/**
 * Reading the user's files from disk under a byte budget: the file is read in slices and
 * refused as soon as it passes the limit, so `/dev/zero`, a FIFO or a huge file never fills
 * memory. Node-only (the engine gets bytes, never paths).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { DEFAULT_MAX_BYTES, DataError, concatBytes, formatBytes } from '../engine/data'
import { CliError } from './args'

/** Project and model files are JSON text; no real one comes near this. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024

const SLICE = 1 << 20

/**
 * The bytes of `path`, at most `maxBytes` of them.
 * @throws CliError when the file cannot be opened; DataError `tooBig` past the budget.
 */
export function readBytes(path: string, maxBytes = DEFAULT_MAX_BYTES, checkHead?: (head: Uint8Array) => void): Uint8Array {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new CliError(code === 'ENOENT' ? `File not found: ${path}` : `Cannot read ${path} (${code ?? 'unknown error'}).`)
  }
  try {
    const stat = fstatSync(fd)
    if (stat.isDirectory()) throw new CliError(`${path} is a folder, not a file.`)
    if (stat.isFile() && stat.size > maxBytes) throw tooBig(path, maxBytes)
    const chunks: Uint8Array[] = []
    let total = 0
    for (;;) {
      const chunk = new Uint8Array(Math.min(SLICE, maxBytes + 1 - total))
      let n: number
      try {
        n = readSync(fd, chunk, 0, chunk.length, null)
      } catch (e) {
        throw new CliError(`Cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'read error'}).`)
      }
      if (n === 0) break
      total += n
      if (total > maxBytes) throw tooBig(path, maxBytes)
      // The first slice says whether the rest is worth reading (a device of zeros is not).
      if (chunks.length === 0 && checkHead) checkHead(chunk.subarray(0, n))
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n))
    }
    return concatBytes(chunks, total)
  } finally {
    closeSync(fd)
  }
}

function tooBig(path: string, maxBytes: number): DataError {
  return new DataError('tooBig', `${path} is bigger than the limit of ${formatBytes(maxBytes)}.`, {
    hint: 'Use a smaller file (fewer rows or a sample).',
    expected: maxBytes,
  })
}

/** A JSON file's text (project or model), under `MAX_JSON_BYTES`. */
export function readJsonText(path: string): string {
  return new TextDecoder().decode(readBytes(path, MAX_JSON_BYTES))
}
