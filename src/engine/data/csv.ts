/**
 * CSV → a typed, column-oriented table with statistics (the preview), in two passes over
 * the bytes: the first finds the dialect, the header, the row count and each column's kind;
 * the second stores numbers as Float64Array and categories as integer codes.
 */
import { DEFAULT_MAX_BYTES, DataError, checkSize } from './errors'
import { detectPreamble, type CsvPreamble } from './csvPreamble'
import { scanCsv } from './csvScan'
import { bomLength, checkText, detectEncoding, type TextEncodingId } from './text'
import { quoteUser } from './userText'

export type CsvDelimiter = ',' | ';' | '\t'
export type CsvColumnKind = 'numeric' | 'categorical'

export interface CsvParseOptions {
  /** Default: detected from the first 30 records (tab, then semicolon, then comma). */
  delimiter?: CsvDelimiter
  /** Whether the first record holds column names. Default: detected. */
  header?: boolean
  /** Read "1,5" as 1.5. Default: true with the semicolon delimiter (European exports), else false. */
  decimalComma?: boolean
  /** Cell texts that mean "missing" (compared after trimming). Default `DEFAULT_MISSING`. */
  missing?: readonly string[]
  /** Force a column's kind, by column name (or "column 3" without a header). */
  columnTypes?: Record<string, CsvColumnKind>
  /** Refuse tables that need more memory than this (default 1 GiB). */
  maxBytes?: number
  /**
   * Whether the first line is a preamble (a title, or a row count, feature count and class
   * names) to skip. Default: detected (see `detectPreamble`).
   */
  preamble?: boolean
  /** File name for messages. */
  name?: string
}

/** Cells read as missing unless `missing` says otherwise. */
export const DEFAULT_MISSING: readonly string[] = [
  '',
  'NA',
  'N/A',
  'NaN',
  'nan',
  'null',
  'NULL',
  'None',
  '?',
  '-',
]

export interface CsvNumericStats {
  /** Non-missing values. */
  count: number
  missing: number
  min: number
  max: number
  mean: number
  /** Population standard deviation √(Σ(x−mean)²/count). */
  std: number
  /** Number of different values, counted up to 1,001 (1001 means "more than 1,000"). */
  distinct: number
  /** Every value is a whole number. */
  integer: boolean
}

export interface CsvCategoricalStats {
  count: number
  missing: number
  distinct: number
  /** Rows per category, same order as `categories`. */
  categoryCounts: number[]
}

export interface CsvNumericColumn {
  name: string
  kind: 'numeric'
  /** `[rowCount]`, NaN = missing. */
  values: Float64Array
  stats: CsvNumericStats
}

export interface CsvCategoricalColumn {
  name: string
  kind: 'categorical'
  /** Category names, sorted (numbers by value, text by code points), so codes never depend on row order. */
  categories: string[]
  /** `[rowCount]` index into `categories`, −1 = missing. */
  codes: Int32Array
  stats: CsvCategoricalStats
}

export type CsvColumn = CsvNumericColumn | CsvCategoricalColumn

export interface CsvTable {
  delimiter: CsvDelimiter
  /** The line skipped before the table (a title or a count-and-class-names line), or null. */
  preamble: CsvPreamble | null
  /** What was changed to read the file as it is, in words (e.g. renamed duplicate columns). */
  notes: string[]
  header: boolean
  decimalComma: boolean
  encoding: TextEncodingId
  rowCount: number
  columns: CsvColumn[]
  /** `[rowCount]` physical line (1-based) where each data row starts, for messages. */
  lines: Int32Array
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c])
const DELIMITER_NAMES: Record<CsvDelimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
}
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/
const INFINITY = /^[+-]?(?:inf|infinity)$/i
const DECIMAL_COMMA = /^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$/

/** Parses a cell as a number, or returns NaN. Leading/trailing spaces are ignored. */
export function parseCsvNumber(cell: string, decimalComma: boolean): number {
  // Fast path for plain whole numbers such as pixel values: digits only, < 2⁵³.
  const n = cell.length
  if (n > 0 && n < 16) {
    let v = 0
    let i = 0
    for (; i < n; i++) {
      const d = cell.charCodeAt(i) - 48
      if (d < 0 || d > 9) break
      v = v * 10 + d
    }
    if (i === n) return v
  }
  const s = cell.trim()
  if (NUMBER.test(s)) return Number(s)
  // Spelled-out infinity reads as one, so a numeric column refuses it (see `notFinite`).
  if (INFINITY.test(s)) return s.startsWith('-') ? -Infinity : Infinity
  if (decimalComma && DECIMAL_COMMA.test(s)) return Number(s.replace(',', '.'))
  return NaN
}

/** Tab, then semicolon, then comma: the first that splits the sample into equal records of ≥ 2 fields. */
function detectDelimiter(bytes: Uint8Array, start: number, encoding: TextEncodingId): CsvDelimiter {
  const counts: Partial<Record<CsvDelimiter, number>> = {}
  for (const d of ['\t', ';', ','] as const) {
    const widths: number[] = []
    try {
      scanCsv(bytes, start, d.charCodeAt(0), encoding, (fields) => {
        widths.push(fields.length)
        return widths.length < 30
      })
    } catch {
      // An unclosed quote: judge on the records before it; the real parse reports it.
    }
    if (widths.length > 0 && widths[0] >= 2 && widths.every((w) => w === widths[0])) return d
    // A preamble line of another width above consistent rows.
    const rest = widths.slice(1)
    if (rest.length >= 2 && rest[0] >= 2 && rest.every((w) => w === rest[0])) return d
    counts[d] = widths[0] ?? 1
  }
  // No consistent split: the delimiter that gives the first record the most fields.
  let best: CsvDelimiter = ','
  for (const d of ['\t', ';'] as const) if ((counts[d] ?? 1) > (counts[best] ?? 1)) best = d
  return best
}

interface ColumnScan {
  numbers: number
  nonNumbers: number
  missing: number
  firstBad?: { line: number; text: string }
  /** Row-1 text appears again further down (evidence against a header). */
  firstRowRepeats: boolean
}

/** Sort: numbers by value, then text by code points. Deterministic in every locale. */
function compareCategories(a: string, b: string): number {
  const x = Number(a)
  const y = Number(b)
  const xn = a.trim() !== '' && !Number.isNaN(x)
  const yn = b.trim() !== '' && !Number.isNaN(y)
  if (xn && yn) return x - y
  if (xn !== yn) return xn ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Parses CSV bytes (UTF-8, or Latin-1 if not valid UTF-8; a BOM is skipped) into a table.
 * A column is numeric when every non-missing cell is a number; categorical when most cells
 * are text. A column of mostly numbers with a few texts is an error that names the cell
 * (unless `columnTypes` makes it categorical).
 * @throws DataError `emptyFile`, `binaryFile`, `unsupportedEncoding`, `unclosedQuote`,
 *   `raggedRow`, `notANumber`, `tooBig`.
 */
export function parseCsv(bytes: Uint8Array, options: CsvParseOptions = {}): CsvTable {
  const name = options.name ? `"${options.name}"` : 'The file'
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  let start = bomLength(bytes)
  let nonBlank = false
  for (let i = start; i < bytes.length && !nonBlank; i++) nonBlank = !WHITESPACE.has(bytes[i])
  if (!nonBlank) {
    throw new DataError('emptyFile', `${name} is empty.`, {
      hint: 'Choose a CSV file with a header line and at least one row of data.',
    })
  }
  checkText(bytes, name)
  const encoding = detectEncoding(bytes)
  const delimiter = options.delimiter ?? detectDelimiter(bytes, bomLength(bytes), encoding)
  const delimiterByte = delimiter.charCodeAt(0)
  const decimalComma = options.decimalComma ?? delimiter === ';'
  const isNumberCell = (cell: string): boolean => Number.isFinite(parseCsvNumber(cell, decimalComma))
  const found =
    options.preamble === false
      ? null
      : detectPreamble(bytes, start, delimiterByte, encoding, isNumberCell, options.preamble === true)
  if (found) start = found.start
  const startLine = found?.line ?? 1
  const missing = new Set((options.missing ?? DEFAULT_MISSING).map((s) => s.trim()))
  // Trim only cells with spaces at their ends: most cells have none, and trim() allocates.
  const isMissing = (cell: string): boolean =>
    missing.has(cell) ||
    (cell.length > 0 &&
      (cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32) &&
      missing.has(cell.trim()))

  // Pass 1: record widths, per-column counts of numbers / texts / missing (rows 2…n).
  let first: string[] = []
  let firstLine = 1
  let records = 0
  let scans: ColumnScan[] = []
  scanCsv(
    bytes,
    start,
    delimiterByte,
    encoding,
    (fields, line) => {
    records++
    if (records === 1) {
      first = fields
      firstLine = line
      scans = fields.map(() => ({ numbers: 0, nonNumbers: 0, missing: 0, firstRowRepeats: false }))
      return
    }
    if (fields.length !== first.length) {
      throw new DataError(
        'raggedRow',
        `Line ${line} has ${fields.length} ${fields.length === 1 ? 'value' : 'values'} but line ${firstLine} has ${first.length} (separated by ${DELIMITER_NAMES[delimiter]}s).`,
        {
          line,
          expected: first.length,
          actual: fields.length,
          hint: `Every row needs the same number of values. Look for a missing or extra ${DELIMITER_NAMES[delimiter]} on line ${line}, or a value containing a ${DELIMITER_NAMES[delimiter]} that should be in quotes.`,
        },
      )
    }
    for (let c = 0; c < fields.length; c++) {
      const cell = fields[c]
      const s = scans[c]
      if (cell === first[c]) s.firstRowRepeats = true
      if (isMissing(cell)) s.missing++
      else if (!Number.isNaN(parseCsvNumber(cell, decimalComma))) s.numbers++
      else {
        s.nonNumbers++
        s.firstBad ??= { line, text: cell }
      }
    }
  },
    startLine,
  )

  // Header: a text above a numeric column, or (all-text tables) distinct names never repeated below.
  const firstIsNumber = first.map(
    (cell) => !isMissing(cell) && !Number.isNaN(parseCsvNumber(cell, decimalComma)),
  )
  const anyNumericBelow = scans.some((s) => s.numbers > 0 && s.nonNumbers === 0)
  const header =
    options.header ??
    (anyNumericBelow
      ? scans.some(
          (s, c) =>
            s.numbers > 0 && s.nonNumbers === 0 && !firstIsNumber[c] && !isMissing(first[c]),
        )
      : first.every(
          (cell, c) => !isMissing(cell) && !firstIsNumber[c] && !scans[c].firstRowRepeats,
        ) && new Set(first.map((s) => s.trim())).size === first.length)
  const notes: string[] = []
  const names = uniqueNames(
    header ? first.map((s, c) => s.trim() || `column ${c + 1}`) : first.map((_, c) => `column ${c + 1}`),
    notes,
  )
  if (!header) {
    // Row 1 is data: count it too.
    first.forEach((cell, c) => {
      const s = scans[c]
      if (isMissing(cell)) s.missing++
      else if (firstIsNumber[c]) s.numbers++
      else {
        s.nonNumbers++
        if (!s.firstBad || s.firstBad.line > firstLine) s.firstBad = { line: firstLine, text: cell }
      }
    })
  }
  const rowCount = header ? records - 1 : records
  if (rowCount === 0) {
    throw new DataError('emptyFile', `${name} has a header line but no rows of data.`, {
      line: firstLine,
      hint: 'Add rows of data below the header, or choose "no header" if the first line is data.',
    })
  }

  // Each column's kind.
  const kinds: CsvColumnKind[] = scans.map((s, c) => {
    const forced = options.columnTypes?.[names[c]]
    const numericLooking = s.nonNumbers === 0 || s.numbers >= 9 * s.nonNumbers
    const kind = forced ?? (numericLooking ? 'numeric' : 'categorical')
    if (kind === 'numeric' && s.nonNumbers > 0 && s.firstBad) {
      throw new DataError(
        'notANumber',
        `Line ${s.firstBad.line}, column ${quoteUser(names[c])}: ${quoteUser(s.firstBad.text)} is not a number, but ${forced ? 'this column is set to numeric' : 'the other values in this column are numbers'}.`,
        {
          line: s.firstBad.line,
          column: names[c],
          hint: `Correct the value, leave the cell empty to mark it missing, or switch ${quoteUser(names[c])} to categorical (the column's kind in the data panel, or --categorical on the command line).`,
        },
      )
    }
    return kind
  })

  checkSize(
    rowCount * (names.length * 8 + 4),
    maxBytes,
    `A table of ${rowCount} rows × ${names.length} columns`,
  )

  // Pass 2: store.
  const lines = new Int32Array(rowCount)
  const values = kinds.map((k) => (k === 'numeric' ? new Float64Array(rowCount) : null))
  const texts = kinds.map((k) => (k === 'categorical' ? new Map<string, number>() : null))
  const rawCodes = kinds.map((k) => (k === 'categorical' ? new Int32Array(rowCount) : null))
  let row = header ? -1 : 0
  scanCsv(
    bytes,
    start,
    delimiterByte,
    encoding,
    (fields, line) => {
    if (row < 0) {
      row = 0
      return
    }
    lines[row] = line
    for (let c = 0; c < fields.length; c++) {
      const cell = fields[c]
      const v = values[c]
      if (v) {
        const x = isMissing(cell) ? NaN : parseCsvNumber(cell, decimalComma)
        if (x === Infinity || x === -Infinity) throw notFinite(line, names[c], cell)
        v[row] = x
      } else {
        const map = texts[c] as Map<string, number>
        const codes = rawCodes[c] as Int32Array
        if (isMissing(cell)) codes[row] = -1
        else {
          const key = cell.trim()
          let code = map.get(key)
          if (code === undefined) map.set(key, (code = map.size))
          codes[row] = code
        }
      }
    }
    row++
  },
    startLine,
  )

  const columns: CsvColumn[] = names.map((colName, c) => {
    const v = values[c]
    if (v) return { name: colName, kind: 'numeric', values: v, stats: numericStats(v) }
    return categoricalColumn(colName, texts[c] as Map<string, number>, rawCodes[c] as Int32Array)
  })
  if (found?.preamble.rows != null && found.preamble.rows !== rowCount) {
    notes.push(`The first line announces ${found.preamble.rows} rows; the file has ${rowCount}.`)
  }
  return {
    delimiter,
    preamble: found?.preamble ?? null,
    notes,
    header,
    decimalComma,
    encoding,
    rowCount,
    columns,
    lines,
  }
}

/** A value beyond ±1.8e308 (or written as infinity) in a numeric column. */
function notFinite(line: number, column: string, cell: string): DataError {
  return new DataError(
    'notFinite',
    `Line ${line}, column ${quoteUser(column)}: ${quoteUser(cell.trim())} is too large to be a number (the largest is about 1.8e308).`,
    {
      line,
      column,
      hint: 'Correct the value, or leave the cell empty to mark it missing. Networks cannot compute with infinity.',
    },
  )
}

/** Column names made unique: a repeated name gets " (2)", " (3)" …, and a note says so. */
function uniqueNames(names: string[], notes: string[]): string[] {
  const seen = new Map<string, number>()
  const taken = new Set(names)
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1
    seen.set(name, n)
    if (n === 1) return name
    let k = n
    while (taken.has(`${name} (${k})`)) k++
    const unique = `${name} (${k})`
    taken.add(unique)
    notes.push(`Two columns are named ${quoteUser(name)}; the later one is called ${quoteUser(unique)}.`)
    return unique
  })
}

/** min, max, mean, population std, missing and distinct count of a numeric column (NaN = missing). */
export function numericStats(values: Float64Array): CsvNumericStats {
  let count = 0
  let sum = 0
  let min = Infinity
  let max = -Infinity
  let integer = true
  const seen = new Set<number>()
  for (const x of values) {
    if (Number.isNaN(x)) continue
    count++
    sum += x
    if (x < min) min = x
    if (x > max) max = x
    if (integer && !Number.isInteger(x)) integer = false
    // Counting stops at 1,001: enough to tell "a few codes" from "a measurement".
    if (seen.size <= 1000) seen.add(x)
  }
  const mean = count > 0 ? sum / count : NaN
  let sq = 0
  for (const x of values) if (!Number.isNaN(x)) sq += (x - mean) * (x - mean)
  return {
    count,
    missing: values.length - count,
    min: count > 0 ? min : NaN,
    max: count > 0 ? max : NaN,
    mean,
    std: count > 0 ? Math.sqrt(sq / count) : NaN,
    distinct: seen.size,
    integer: count > 0 && integer,
  }
}

/** Re-codes first-seen codes into sorted category order and counts them. */
function categoricalColumn(
  name: string,
  map: Map<string, number>,
  rawCodes: Int32Array,
): CsvCategoricalColumn {
  const categories = [...map.keys()].sort(compareCategories)
  const remap = new Int32Array(map.size)
  categories.forEach((cat, sorted) => (remap[map.get(cat) as number] = sorted))
  const codes = new Int32Array(rawCodes.length)
  const categoryCounts = new Array<number>(categories.length).fill(0)
  let missing = 0
  for (let r = 0; r < rawCodes.length; r++) {
    const raw = rawCodes[r]
    if (raw < 0) {
      codes[r] = -1
      missing++
    } else {
      codes[r] = remap[raw]
      categoryCounts[remap[raw]]++
    }
  }
  return {
    name,
    kind: 'categorical',
    categories,
    codes,
    stats: {
      count: rawCodes.length - missing,
      missing,
      distinct: categories.length,
      categoryCounts,
    },
  }
}
