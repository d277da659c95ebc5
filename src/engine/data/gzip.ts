/**
 * Gzip detection and inflation under a running byte budget.
 *
 * The trailer's stored size cannot be trusted (it is the size of the last member only, mod 2³²),
 * so the output is counted while it is produced and inflation stops as soon as it passes the
 * budget: a small file that would inflate to gigabytes (a "gzip bomb", or many members) is
 * refused after at most `maxBytes` of output, never allocated in full.
 */
import { Gunzip } from 'fflate'
import { DataError, checkSize, formatBytes, isDataError } from './errors'

/**
 * A gzip inflater that must stop once its output passes `maxBytes` (throwing a `tooBig`
 * DataError or any error). The default is fflate's streaming inflater (pure JS); a host may
 * pass a native one (Node's `zlib.gunzipSync` with `maxOutputLength`) — same bytes out either way.
 * Every member of a multi-member file is inflated and concatenated, as `gunzip(1)` does.
 */
export type GunzipFn = (gz: Uint8Array, maxBytes: number) => Uint8Array

/** True if `bytes` starts with the gzip magic 0x1f 0x8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
}

/** Input is fed to the inflater in slices this big, so the budget is checked often. */
const FEED = 1 << 16

/** fflate's streaming inflater, stopping at `maxBytes` of output. */
export function gunzipBounded(gz: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = []
  let total = 0
  const stream = new Gunzip((chunk) => {
    total += chunk.length
    checkSize(total, maxBytes, 'Unpacking the file')
    chunks.push(chunk)
  })
  for (let i = 0; i < gz.length; i += FEED) {
    stream.push(gz.subarray(i, Math.min(gz.length, i + FEED)), i + FEED >= gz.length)
  }
  return concatBytes(chunks, total)
}

/** The chunks joined into one array of `total` bytes (the only chunk itself when there is one). */
export function concatBytes(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/**
 * Inflates a gzip file, refusing (`tooBig`) once the output passes `maxBytes`.
 * Any other inflate failure becomes a `corruptGzip` DataError.
 */
export function gunzip(
  bytes: Uint8Array,
  maxBytes: number,
  what: string,
  inflate: GunzipFn = gunzipBounded,
): Uint8Array {
  // 10-byte header + 8-byte trailer (CRC32, ISIZE) is the smallest possible member.
  if (bytes.length < 18) {
    throw new DataError(
      'corruptGzip',
      `The gzip file ${what} is cut short: only ${bytes.length} bytes.`,
      {
        hint: 'The download or copy was probably interrupted; get the file again.',
        byteOffset: bytes.length,
        expected: 18,
        actual: bytes.length,
      },
    )
  }
  // The last member's stored size: never trusted for allocation, but deflate expands at most
  // ~1032×, so a bigger one means a damaged or cut-short trailer.
  const n = bytes.length
  const isize = (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0
  if (isize > n * 1032 + 1024) {
    throw new DataError(
      'corruptGzip',
      `The gzip file ${what} is cut short or damaged: its last bytes do not hold a valid size.`,
      { byteOffset: n - 4, hint: 'The download or copy was probably interrupted; get the file again.' },
    )
  }
  try {
    return inflate(bytes, maxBytes)
  } catch (e) {
    if (isDataError(e)) {
      if (e.code !== 'tooBig') throw e
      throw new DataError(
        'tooBig',
        `Unpacking ${what} gives more than the limit of ${formatBytes(maxBytes)}.`,
        {
          hint: 'Use a smaller file (fewer rows or a sample); a small .gz that unpacks to this much is damaged or made to overflow memory.',
          expected: maxBytes,
        },
      )
    }
    throw new DataError('corruptGzip', `The gzip file ${what} is damaged and cannot be unpacked.`, {
      hint: 'The download or copy was probably interrupted; get the file again.',
    })
  }
}
