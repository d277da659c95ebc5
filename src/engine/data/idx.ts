/**
 * IDX files (the MNIST format): a 4-byte magic `0x00 0x00 type rank`, then `rank` big-endian
 * uint32 sizes, then the elements, big-endian, row-major. `.gz` files are inflated first
 * (detected by their magic, not their name).
 *
 * Ubyte data is returned as a view on the file's bytes, never copied or widened to floats, so
 * 60,000×784 images cost 47 MB.
 */
import { DEFAULT_MAX_BYTES, DataError, checkSize, formatBytes, formatShape } from './errors'
import { gunzip, isGzip, type GunzipFn } from './gzip'

export type IdxTypeId = 'ubyte' | 'byte' | 'short' | 'int' | 'float' | 'double'

export type IdxData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array

interface IdxType {
  code: number
  bytes: number
  /** Allocates the typed array for `n` elements. */
  create: (n: number) => IdxData
  /** Reads one big-endian element at `offset`. */
  read: (view: DataView, offset: number) => number
  /** Writes one big-endian element at `offset`. */
  write: (view: DataView, offset: number, value: number) => void
}

/** The DataView accessors of an element type (`getInt16`/`setInt16` …). */
type ViewType = 'Uint8' | 'Int8' | 'Int16' | 'Int32' | 'Float32' | 'Float64'

/** An element type: its code, its typed array and its big-endian DataView accessors. */
function idxType(code: number, Array: { new (n: number): IdxData; BYTES_PER_ELEMENT: number }, viewType: ViewType): IdxType {
  const get = `get${viewType}` as const
  const set = `set${viewType}` as const
  return {
    code,
    bytes: Array.BYTES_PER_ELEMENT,
    create: (n) => new Array(n),
    read: (v, o) => v[get](o, false),
    write: (v, o, x) => v[set](o, x, false),
  }
}

/** The six IDX element types, keyed by name. */
export const IDX_TYPES = {
  ubyte: idxType(0x08, Uint8Array, 'Uint8'),
  byte: idxType(0x09, Int8Array, 'Int8'),
  short: idxType(0x0b, Int16Array, 'Int16'),
  int: idxType(0x0c, Int32Array, 'Int32'),
  float: idxType(0x0d, Float32Array, 'Float32'),
  double: idxType(0x0e, Float64Array, 'Float64'),
} satisfies Record<IdxTypeId, IdxType>

/** A parsed IDX file: `dims` (e.g. [60000, 28, 28]) and the row-major elements. */
export interface IdxArray {
  type: IdxTypeId
  dims: number[]
  data: IdxData
}

export interface IdxParseOptions {
  /** Refuse to allocate more than this many bytes (default 1 GiB). */
  maxBytes?: number
  /** File name for messages, e.g. "train-images-idx3-ubyte.gz". */
  name?: string
  /** Gzip inflater; default fflate. Hosts may pass a native one (see `GunzipFn`). */
  inflate?: GunzipFn
}

const HEX = (b: number): string => '0x' + b.toString(16).padStart(2, '0')

function idxTypeByCode(code: number): IdxTypeId | undefined {
  for (const id of Object.keys(IDX_TYPES) as IdxTypeId[]) if (IDX_TYPES[id].code === code) return id
  return undefined
}

/**
 * Parses an IDX file (optionally gzipped). Checks the magic, the element type, and that the
 * byte length is exactly header + ∏dims · elementSize.
 * @returns `{type, dims, data}` with `data.length = ∏dims`.
 * @throws DataError `badIdxMagic`, `unknownIdxType`, `truncatedIdx`, `idxTrailingBytes`,
 *   `tooBig`, `corruptGzip`, `emptyFile`.
 */
export function parseIdx(input: Uint8Array, options: IdxParseOptions = {}): IdxArray {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const what = options.name ? `"${options.name}"` : 'the file'
  const name = capital(what)
  if (input.length === 0) {
    throw new DataError('emptyFile', `${name} is empty (0 bytes).`, {
      hint: 'Choose the file again; it may not have been saved or copied completely.',
    })
  }
  const bytes = isGzip(input) ? gunzip(input, maxBytes, what, options.inflate) : input
  const { type, rank, headerBytes } = idxHeader(bytes, name)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const dims: number[] = []
  let count = 1
  for (let d = 0; d < rank; d++) {
    const size = view.getUint32(4 + 4 * d, false)
    dims.push(size)
    count *= size
  }
  const dataBytes = count * IDX_TYPES[type].bytes
  checkSize(dataBytes, maxBytes, `${name} (${formatShape(dims)} ${type})`)
  checkIdxLength(bytes.length, headerBytes + dataBytes, `${formatShape(dims)} ${type}`, name)
  return { type, dims, data: idxElements(bytes, view, type, headerBytes, count) }
}

/**
 * The magic's element type and rank, and the header's length.
 * @throws DataError `badIdxMagic`, `unknownIdxType`, `truncatedIdx`.
 */
function idxHeader(bytes: Uint8Array, name: string): { type: IdxTypeId; rank: number; headerBytes: number } {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    const got = Array.from(bytes.subarray(0, 4), HEX).join(' ')
    throw new DataError('badIdxMagic', `${name} is not an IDX file: it starts with ${got}, but IDX files start with 0x00 0x00.`, {
      byteOffset: 0,
      hint: looksLikeText(bytes) ? 'This looks like a text file; load it as CSV instead.' : 'Choose an IDX file such as train-images-idx3-ubyte(.gz).',
    })
  }
  const type = idxTypeByCode(bytes[2])
  if (type === undefined) {
    throw new DataError('unknownIdxType', `${name} has an unknown IDX element type ${HEX(bytes[2])} at byte 2.`, {
      byteOffset: 2,
      hint: 'IDX element types are 0x08 (ubyte), 0x09 (byte), 0x0B (short), 0x0C (int), 0x0D (float) and 0x0E (double).',
    })
  }
  const rank = bytes[3]
  const headerBytes = 4 + 4 * rank
  if (bytes.length < headerBytes) {
    throw new DataError('truncatedIdx', `${name} is cut short: its header needs ${headerBytes} bytes but the file has ${bytes.length}.`, {
      byteOffset: bytes.length,
      expected: headerBytes,
      actual: bytes.length,
      hint: 'The download or copy was probably interrupted; get the file again.',
    })
  }
  return { type, rank, headerBytes }
}

/**
 * The file is exactly as long as its header says (`shape` names what it holds, e.g. "60000×28×28 ubyte").
 * @throws DataError `truncatedIdx`, `idxTrailingBytes`.
 */
function checkIdxLength(actual: number, expected: number, shape: string, name: string): void {
  if (actual < expected) {
    throw new DataError(
      'truncatedIdx',
      `${name} is cut short: ${shape} values need ${expected} bytes but the file has ${actual} (${formatBytes(expected - actual)} missing).`,
      { byteOffset: actual, expected, actual, hint: 'The download or copy was probably interrupted; get the file again.' },
    )
  }
  if (actual > expected) {
    throw new DataError(
      'idxTrailingBytes',
      `${name} has ${actual - expected} bytes more than its header announces (${shape} = ${expected} bytes); the extra data starts at byte ${expected}.`,
      { byteOffset: expected, expected, actual, hint: 'The header does not match the data; the file may be damaged or not an IDX file.' },
    )
  }
}

/** The elements after the header: ubyte as a view on the bytes, other types decoded into their typed array. */
function idxElements(bytes: Uint8Array, view: DataView, type: IdxTypeId, headerBytes: number, count: number): IdxData {
  if (type === 'ubyte') return bytes.subarray(headerBytes, headerBytes + count)
  if (type === 'byte') return new Int8Array(bytes.buffer, bytes.byteOffset + headerBytes, count).slice()
  const t = IDX_TYPES[type]
  const data = t.create(count)
  for (let i = 0, o = headerBytes; i < count; i++, o += t.bytes) data[i] = t.read(view, o)
  return data
}

/**
 * Writes an IDX file (uncompressed): the inverse of `parseIdx`. Values are stored in the
 * array's declared `type`, big-endian.
 */
export function encodeIdx(array: IdxArray): Uint8Array {
  const t = IDX_TYPES[array.type]
  const count = array.dims.reduce((a, b) => a * b, 1)
  if (count !== array.data.length) {
    throw new DataError(
      'idxShape',
      `IDX dims ${formatShape(array.dims)} hold ${count} values but the data has ${array.data.length}.`,
      {
        expected: count,
        actual: array.data.length,
        hint: 'Pass dims whose product is the data length.',
      },
    )
  }
  const headerBytes = 4 + 4 * array.dims.length
  const out = new Uint8Array(headerBytes + count * t.bytes)
  const view = new DataView(out.buffer)
  out[2] = t.code
  out[3] = array.dims.length
  array.dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false))
  for (let i = 0, o = headerBytes; i < count; i++, o += t.bytes) t.write(view, o, array.data[i])
  return out
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** Printable ASCII / UTF-8 text in the first bytes (for the "load it as CSV" hint). */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512)
  for (let i = 0; i < n; i++) {
    const b = bytes[i]
    if (b < 0x09 || (b > 0x0d && b < 0x20)) return false
  }
  return n > 0
}
