/**
 * Bytes → text for CSV: binary detection, encoding (UTF-8, else Latin-1), and field decoding.
 * Only the cells are decoded; delimiters, quotes and newlines are found on the bytes.
 */
import { DataError } from './errors'

export type TextEncodingId = 'utf-8' | 'latin-1'

/** Byte length of a UTF-8 byte-order mark at the start, else 0. */
export function bomLength(bytes: Uint8Array): number {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
}

/**
 * Throws `binaryFile` / `unsupportedEncoding` when the bytes are not a text table, with a hint
 * for the formats people most often pick by mistake (gzip, IDX, zip/xlsx, PDF, UTF-16).
 */
export function checkText(bytes: Uint8Array, name: string): void {
  const b0 = bytes[0]
  const b1 = bytes[1]
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    throw new DataError(
      'unsupportedEncoding',
      `${name} is saved as UTF-16 text, which is not supported.`,
      {
        byteOffset: 0,
        hint: 'Save it again as "CSV UTF-8" (in a spreadsheet: Save As → CSV UTF-8).',
      },
    )
  }
  let hint =
    'Choose a text file with one row per line and values separated by commas, semicolons or tabs.'
  if (b0 === 0x1f && b1 === 0x8b)
    hint =
      'This is a gzip-compressed file. If it is an IDX file (…-ubyte.gz), load it as images; otherwise unpack it first.'
  else if (b0 === 0x00 && b1 === 0x00 && bytes[2] >= 0x08 && bytes[2] <= 0x0e)
    hint = 'This looks like an IDX file (MNIST format); load it as images instead.'
  else if (b0 === 0x50 && b1 === 0x4b)
    hint = 'This is a zip file (an .xlsx spreadsheet is one). Export the sheet as CSV first.'
  else if (b0 === 0x25 && b1 === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)
    hint = 'This is a PDF. Export the table as CSV first.'
  const n = Math.min(bytes.length, 65536)
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]
    if (b === 0) {
      throw new DataError(
        'binaryFile',
        `${name} is not a text file: it contains a zero byte at byte ${i}.`,
        { byteOffset: i, hint },
      )
    }
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++
  }
  if (control > n / 100) {
    throw new DataError(
      'binaryFile',
      `${name} is not a text file: ${control} of its first ${n} bytes are control characters.`,
      { byteOffset: 0, hint },
    )
  }
}

/** 'utf-8' if every multi-byte sequence is valid UTF-8, else 'latin-1' (old spreadsheet exports). */
export function detectEncoding(bytes: Uint8Array): TextEncodingId {
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    // 0xF5…0xFF never start a sequence; 0xF4 only up to U+10FFFF (second byte ≤ 0x8F).
    const extra = b >= 0xf5 ? -1 : b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 ? 1 : -1
    if (extra < 0 || i + extra >= n || (b === 0xf4 && bytes[i + 1] > 0x8f)) return 'latin-1'
    for (let k = 1; k <= extra; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 'latin-1'
    i += extra + 1
  }
  return 'utf-8'
}

/** Decodes bytes[start, end) in `encoding` (UTF-8 already validated by `detectEncoding`). */
export function decodeText(
  bytes: Uint8Array,
  start: number,
  end: number,
  encoding: TextEncodingId,
): string {
  let ascii = true
  for (let i = start; i < end; i++) {
    if (bytes[i] >= 0x80) {
      ascii = false
      break
    }
  }
  if (ascii || encoding === 'latin-1') {
    // Short cells (most numbers): a plain loop beats creating a subarray for `apply`.
    if (end - start <= 16) {
      let short = ''
      for (let i = start; i < end; i++) short += String.fromCharCode(bytes[i])
      return short
    }
    let s = ''
    // Chunks keep fromCharCode's argument list short.
    for (let i = start; i < end; i += 8192) {
      s += String.fromCharCode.apply(
        null,
        bytes.subarray(i, Math.min(end, i + 8192)) as unknown as number[],
      )
    }
    return s
  }
  let s = ''
  let i = start
  while (i < end) {
    const b = bytes[i]
    let cp: number
    if (b < 0x80) {
      cp = b
      i += 1
    } else if (b < 0xe0) {
      cp = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f)
      i += 2
    } else if (b < 0xf0) {
      cp = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f)
      i += 3
    } else {
      cp =
        ((b & 0x07) << 18) |
        ((bytes[i + 1] & 0x3f) << 12) |
        ((bytes[i + 2] & 0x3f) << 6) |
        (bytes[i + 3] & 0x3f)
      i += 4
    }
    s += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd'
  }
  return s
}
