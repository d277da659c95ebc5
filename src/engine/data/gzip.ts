/**
 * Gzip detection and inflation with a memory check before anything is allocated.
 */
import { gunzipSync } from 'fflate'
import { DataError, checkSize } from './errors'

/**
 * A gzip inflater. The default is fflate's (pure JS); a host may pass a native one (Node's
 * `zlib.gunzipSync` is about 3× faster on 26 MB of images) — same bytes out either way.
 */
export type GunzipFn = (gz: Uint8Array) => Uint8Array

/** True if `bytes` starts with the gzip magic 0x1f 0x8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
}

/**
 * Inflates a gzip file. The trailer's ISIZE (uncompressed size mod 2³²) is checked against
 * `maxBytes` first, so a huge file is refused before fflate allocates its output.
 * `inflate` defaults to fflate's `gunzipSync`. Any inflate failure becomes a `corruptGzip` DataError.
 */
export function gunzip(
  bytes: Uint8Array,
  maxBytes: number,
  what: string,
  inflate: GunzipFn = gunzipSync,
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
  const n = bytes.length
  const isize =
    (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0
  // Deflate expands at most ~1032×; a bigger ISIZE is a damaged or cut-short trailer, and
  // must not reach fflate, which allocates its output from it.
  if (isize > n * 1032 + 1024) {
    throw new DataError(
      'corruptGzip',
      `The gzip file ${what} is cut short or damaged: its last bytes do not hold a valid size.`,
      {
        byteOffset: n - 4,
        hint: 'The download or copy was probably interrupted; get the file again.',
      },
    )
  }
  checkSize(isize, maxBytes, `Unpacking ${what}`)
  try {
    return inflate(bytes)
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    throw new DataError(
      'corruptGzip',
      `The gzip file ${what} is damaged and cannot be unpacked (${reason}).`,
      {
        hint: 'The download or copy was probably interrupted; get the file again.',
      },
    )
  }
}
