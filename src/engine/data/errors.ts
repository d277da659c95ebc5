/**
 * Typed errors for everything that reads user data.
 *
 * Bad input never escapes as a raw exception: each failure is a `DataError` with a stable
 * `name` (it survives Comlink, which keeps only name, message and stack), a `code` the UI can
 * switch on, a plain-language `message` that says where (line, column, byte offset), and a
 * `hint` that says what to do about it.
 */

export type DataErrorCode =
  | 'emptyFile'
  | 'binaryFile'
  | 'unsupportedEncoding'
  | 'raggedRow'
  | 'unclosedQuote'
  | 'notANumber'
  | 'notFinite'
  | 'tooManyCategories'
  | 'noColumns'
  | 'unknownColumn'
  | 'noTarget'
  | 'missingValues'
  | 'badIdxMagic'
  | 'unknownIdxType'
  | 'truncatedIdx'
  | 'idxTrailingBytes'
  | 'idxShape'
  | 'countMismatch'
  | 'badLabel'
  | 'tooBig'
  | 'corruptGzip'
  | 'badOption'

/** Where in the input the problem is; all optional, 1-based lines and columns. */
export interface DataErrorWhere {
  line?: number
  column?: string
  byteOffset?: number
}

export interface DataErrorInit extends DataErrorWhere {
  hint: string
  /** Expected vs actual numbers (bytes, counts) for the messages that compare two sizes. */
  expected?: number
  actual?: number
}

/** The one error type of the data layer. `name` is always `'DataError'`. */
export class DataError extends Error {
  override readonly name = 'DataError' as const
  readonly code: DataErrorCode
  readonly hint: string
  readonly line?: number
  readonly column?: string
  readonly byteOffset?: number
  readonly expected?: number
  readonly actual?: number

  constructor(code: DataErrorCode, message: string, init: DataErrorInit) {
    super(message)
    this.code = code
    this.hint = init.hint
    this.line = init.line
    this.column = init.column
    this.byteOffset = init.byteOffset
    this.expected = init.expected
    this.actual = init.actual
  }
}

/** True for a `DataError`, also one that crossed Comlink (then only `name` survives). */
export function isDataError(e: unknown): e is DataError {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'DataError'
}

/**
 * A DataError as plain data. Comlink's error transfer keeps only name, message and stack, so
 * an engine API that wants the UI to show `hint` and point at `line` returns this (or
 * registers a transfer handler built on it).
 */
export interface DataErrorInfo extends DataErrorWhere {
  name: 'DataError'
  code: DataErrorCode
  message: string
  hint: string
  expected?: number
  actual?: number
}

/** The plain-data form of a DataError; undefined for anything else. */
export function dataErrorInfo(e: unknown): DataErrorInfo | undefined {
  if (!(e instanceof DataError)) return undefined
  const info: DataErrorInfo = { name: 'DataError', code: e.code, message: e.message, hint: e.hint }
  for (const key of ['line', 'column', 'byteOffset', 'expected', 'actual'] as const) {
    if (e[key] !== undefined) Object.assign(info, { [key]: e[key] })
  }
  return info
}

/** Rebuilds a DataError from its plain-data form (the other side of `dataErrorInfo`). */
export function dataErrorFromInfo(info: DataErrorInfo): DataError {
  return new DataError(info.code, info.message, info)
}

/** Default ceiling on bytes the data layer allocates for one file: 1 GiB. */
export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024

/** Throws `tooBig` before allocating `bytesNeeded` if it is over `maxBytes`. */
export function checkSize(bytesNeeded: number, maxBytes: number, what: string): void {
  if (bytesNeeded > maxBytes) {
    throw new DataError(
      'tooBig',
      `${what} needs ${formatBytes(bytesNeeded)} of memory, more than the limit of ${formatBytes(maxBytes)}.`,
      {
        hint: 'Use a smaller file (fewer rows or a sample), or raise the memory limit in the settings.',
        expected: maxBytes,
        actual: bytesNeeded,
      },
    )
  }
}

/** "47.0 MB"-style size for messages. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`
}

/**
 * An array shape for a message: "60000×28×28". A damaged IDX header can announce up to 255
 * dimensions, so a long shape is cut to its ends and its rank, keeping the message readable.
 */
export function formatShape(dims: readonly number[]): string {
  if (dims.length <= 6) return dims.join('×')
  return `${dims.slice(0, 3).join('×')}×…×${dims.slice(-2).join('×')} (${dims.length} dimensions)`
}
