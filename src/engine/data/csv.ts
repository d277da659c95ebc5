/**
 * CSV → a typed, column-oriented table with statistics (the preview), in two passes over
 * the bytes: the first (`surveyColumns`) finds the row count, the header and each column's
 * kind; the second (`storeColumns`) stores numbers as Float64Array and categories as integer
 * codes. Both walk the records the same way (`eachRecord`).
 */
import { DEFAULT_MAX_BYTES, DataError, checkSize } from './errors'
import { detectPreamble } from './csvPreamble'
import { scanCsv } from './csvScan'
import { bomLength, checkText, detectEncoding, type TextEncodingId } from './text'
import { quoteUser } from './userText'
import { createCellReader, parseCsvNumber, type CellReader } from './csvCells'
import { DELIMITER_NAMES, detectDelimiter } from './csvDialect'
import { categoricalColumn, notFinite, numericStats, uniqueNames } from './csvColumns'
import type { CsvColumn, CsvColumnKind, CsvDelimiter, CsvParseOptions, CsvTable } from './csvTypes'

export type * from './csvTypes'

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c])

/** Where the table's records are: the bytes after any BOM and preamble, and how they split. */
interface CsvSource {
  bytes: Uint8Array
  start: number
  /** Line number of the byte at `start`. */
  startLine: number
  delimiter: CsvDelimiter
  encoding: TextEncodingId
}

/** Calls `visit(fields, line)` for every record of the table, in order. */
function eachRecord(source: CsvSource, visit: (fields: string[], line: number) => void): void {
  const { bytes, start, delimiter, encoding, startLine } = source
  scanCsv(bytes, start, delimiter.charCodeAt(0), encoding, (fields, line) => void visit(fields, line), startLine)
}

/** What pass 1 counts in one column (rows 2…n, and row 1 too once it is known to be data). */
interface ColumnScan {
  numbers: number
  nonNumbers: number
  missing: number
  firstBad?: { line: number; text: string }
  /** Row-1 text appears again further down (evidence against a header). */
  firstRowRepeats: boolean
}

/** Pass 1's findings. */
interface Survey {
  first: string[]
  firstLine: number
  records: number
  scans: ColumnScan[]
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
  const start = bomLength(bytes)
  checkNotBlank(bytes, start, name)
  checkText(bytes, name)
  const encoding = detectEncoding(bytes)
  const delimiter = options.delimiter ?? detectDelimiter(bytes, start, encoding)
  const decimalComma = options.decimalComma ?? delimiter === ';'
  const isFiniteCell = (cell: string): boolean => Number.isFinite(parseCsvNumber(cell, decimalComma))
  const found =
    options.preamble === false
      ? null
      : detectPreamble(bytes, start, delimiter.charCodeAt(0), encoding, isFiniteCell, options.preamble === true)
  const source: CsvSource = { bytes, start: found?.start ?? start, startLine: found?.line ?? 1, delimiter, encoding }
  const cells = createCellReader(options.missing, decimalComma)

  const survey = surveyColumns(source, cells)
  const { first, firstLine, records, scans } = survey
  const header = options.header ?? looksLikeHeader(survey, cells)
  const notes: string[] = []
  const names = uniqueNames(
    header ? first.map((s, c) => s.trim() || `column ${c + 1}`) : first.map((_, c) => `column ${c + 1}`),
    notes,
  )
  if (!header) countFirstRow(survey, cells)
  const rowCount = header ? records - 1 : records
  if (rowCount === 0) {
    throw new DataError('emptyFile', `${name} has a header line but no rows of data.`, {
      line: firstLine,
      hint: 'Add rows of data below the header, or choose "no header" if the first line is data.',
    })
  }
  const kinds = scans.map((s, c) => columnKind(s, names[c], options.columnTypes?.[names[c]]))
  checkSize(rowCount * (names.length * 8 + 4), options.maxBytes ?? DEFAULT_MAX_BYTES, `A table of ${rowCount} rows × ${names.length} columns`)
  const { columns, lines } = storeColumns(source, cells, { kinds, names, header, rowCount })
  if (found?.preamble.rows != null && found.preamble.rows !== rowCount) {
    notes.push(`The first line announces ${found.preamble.rows} rows; the file has ${rowCount}.`)
  }
  return { delimiter, preamble: found?.preamble ?? null, notes, header, decimalComma, encoding, rowCount, columns, lines }
}

/** @throws DataError `emptyFile` when the bytes after `start` are all white space. */
function checkNotBlank(bytes: Uint8Array, start: number, name: string): void {
  for (let i = start; i < bytes.length; i++) if (!WHITESPACE.has(bytes[i])) return
  throw new DataError('emptyFile', `${name} is empty.`, {
    hint: 'Choose a CSV file with a header line and at least one row of data.',
  })
}

/** Pass 1: record widths, and per column the counts of numbers, texts and missing cells in rows 2…n. */
function surveyColumns(source: CsvSource, cells: CellReader): Survey {
  const survey: Survey = { first: [], firstLine: 1, records: 0, scans: [] }
  eachRecord(source, (fields, line) => {
    const { first, scans } = survey
    if (++survey.records === 1) {
      survey.first = fields
      survey.firstLine = line
      survey.scans = fields.map(() => ({ numbers: 0, nonNumbers: 0, missing: 0, firstRowRepeats: false }))
      return
    }
    if (fields.length !== first.length) throw raggedRow(source.delimiter, line, fields.length, survey)
    for (let c = 0; c < fields.length; c++) {
      const cell = fields[c]
      const s = scans[c]
      if (cell === first[c]) s.firstRowRepeats = true
      if (cells.isMissing(cell)) s.missing++
      else if (cells.isNumber(cell)) s.numbers++
      else {
        s.nonNumbers++
        s.firstBad ??= { line, text: cell }
      }
    }
  })
  return survey
}

/** A row with another number of values than the first. */
function raggedRow(delimiter: CsvDelimiter, line: number, width: number, { first, firstLine }: Survey): DataError {
  const sep = DELIMITER_NAMES[delimiter]
  return new DataError(
    'raggedRow',
    `Line ${line} has ${width} ${width === 1 ? 'value' : 'values'} but line ${firstLine} has ${first.length} (separated by ${sep}s).`,
    {
      line,
      expected: first.length,
      actual: width,
      hint: `Every row needs the same number of values. Look for a missing or extra ${sep} on line ${line}, or a value containing a ${sep} that should be in quotes.`,
    },
  )
}

/** Header: a text above a numeric column, or (all-text tables) distinct names never repeated below. */
function looksLikeHeader({ first, scans }: Survey, cells: CellReader): boolean {
  const firstIsNumber = first.map((cell) => !cells.isMissing(cell) && cells.isNumber(cell))
  const numericBelow = (s: ColumnScan): boolean => s.numbers > 0 && s.nonNumbers === 0
  if (scans.some(numericBelow)) return scans.some((s, c) => numericBelow(s) && !firstIsNumber[c] && !cells.isMissing(first[c]))
  return (
    first.every((cell, c) => !cells.isMissing(cell) && !firstIsNumber[c] && !scans[c].firstRowRepeats) &&
    new Set(first.map((s) => s.trim())).size === first.length
  )
}

/** Row 1 is data: count it too. */
function countFirstRow({ first, firstLine, scans }: Survey, cells: CellReader): void {
  first.forEach((cell, c) => {
    const s = scans[c]
    if (cells.isMissing(cell)) s.missing++
    else if (cells.isNumber(cell)) s.numbers++
    else {
      s.nonNumbers++
      if (!s.firstBad || s.firstBad.line > firstLine) s.firstBad = { line: firstLine, text: cell }
    }
  })
}

/** A column's kind: as forced, numeric when (nearly) all its cells are numbers, else categorical. */
function columnKind(s: ColumnScan, name: string, forced: CsvColumnKind | undefined): CsvColumnKind {
  const numericLooking = s.nonNumbers === 0 || s.numbers >= 9 * s.nonNumbers
  const kind = forced ?? (numericLooking ? 'numeric' : 'categorical')
  if (kind === 'numeric' && s.nonNumbers > 0 && s.firstBad) {
    throw new DataError(
      'notANumber',
      `Line ${s.firstBad.line}, column ${quoteUser(name)}: ${quoteUser(s.firstBad.text)} is not a number, but ${forced ? 'this column is set to numeric' : 'the other values in this column are numbers'}.`,
      {
        line: s.firstBad.line,
        column: name,
        hint: `Correct the value, leave the cell empty to mark it missing, or switch ${quoteUser(name)} to categorical (the column's kind in the data panel, or --categorical on the command line).`,
      },
    )
  }
  return kind
}

/** Pass 2: every cell stored by its column's kind, and each row's line. */
function storeColumns(
  source: CsvSource,
  cells: CellReader,
  { kinds, names, header, rowCount }: { kinds: CsvColumnKind[]; names: string[]; header: boolean; rowCount: number },
): { columns: CsvColumn[]; lines: Int32Array } {
  const lines = new Int32Array(rowCount)
  const values = kinds.map((k) => (k === 'numeric' ? new Float64Array(rowCount) : null))
  const texts = kinds.map((k) => (k === 'categorical' ? new Map<string, number>() : null))
  const rawCodes = kinds.map((k) => (k === 'categorical' ? new Int32Array(rowCount) : null))
  let row = header ? -1 : 0
  eachRecord(source, (fields, line) => {
    if (row < 0) {
      row = 0
      return
    }
    lines[row] = line
    for (let c = 0; c < fields.length; c++) {
      const cell = fields[c]
      const v = values[c]
      if (v) {
        const x = cells.isMissing(cell) ? NaN : parseCsvNumber(cell, cells.decimalComma)
        if (x === Infinity || x === -Infinity) throw notFinite(line, names[c], cell)
        v[row] = x
      } else {
        const map = texts[c] as Map<string, number>
        const codes = rawCodes[c] as Int32Array
        if (cells.isMissing(cell)) codes[row] = -1
        else {
          const key = cell.trim()
          let code = map.get(key)
          if (code === undefined) map.set(key, (code = map.size))
          codes[row] = code
        }
      }
    }
    row++
  })
  const columns: CsvColumn[] = names.map((colName, c) => {
    const v = values[c]
    if (v) return { name: colName, kind: 'numeric', values: v, stats: numericStats(v) }
    return categoricalColumn(colName, texts[c] as Map<string, number>, rawCodes[c] as Int32Array)
  })
  return { columns, lines }
}
