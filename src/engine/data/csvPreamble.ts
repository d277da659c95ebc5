/**
 * A first line that is neither column names nor data: a title, or the count-and-names line some
 * dataset distributions start with (scikit-learn's iris.csv begins `150,4,setosa,versicolor,virginica`:
 * 150 rows, 4 features, then the class names of the integer label column).
 */
import { scanCsv } from './csvScan'
import type { TextEncodingId } from './text'

/** What was found before the table, and what it says. */
export interface CsvPreamble {
  /** Physical line of the preamble (1-based). */
  line: number
  /** Its values, cut for display. */
  fields: string[]
  /** Class names it lists (after a row count and a feature count), else null. */
  classNames: string[] | null
  /** The row count it announces, else null. */
  rows: number | null
  /** Why it was taken for a preamble, in words for the panel and the CLI. */
  reason: string
}

const WHOLE = /^\s*\d+\s*$/

/** Records sampled to decide (the first and up to this many after it). */
const SAMPLE = 30

/**
 * The preamble at `start`, if any, and the byte offset and line where the table begins.
 * A first record is a preamble when the records after it agree on a width W ≥ 2 and it
 * (a) has fewer than W values, or (b) has exactly W values of which the first two are whole
 * numbers n, W−1 (a row count and a feature count) and the rest are not numbers (class names).
 */
export function detectPreamble(
  bytes: Uint8Array,
  start: number,
  delimiter: number,
  encoding: TextEncodingId,
  isNumber: (cell: string) => boolean,
  force = false,
): { preamble: CsvPreamble; start: number; line: number } | null {
  const records: { fields: string[]; line: number; end: number }[] = []
  try {
    scanCsv(bytes, start, delimiter, encoding, (fields, line, end) => {
      records.push({ fields, line, end })
      return records.length <= SAMPLE
    })
  } catch {
    return null // an unclosed quote: the real parse reports it
  }
  if (records.length < 2) return null
  const [first, ...rest] = records
  const width = rest[0].fields.length
  const consistent = width >= 2 && rest.every((r) => r.fields.length === width)
  if (!consistent && !force) return null
  const cells = first.fields.map((f) => f.trim())
  const counts = cells.length >= 2 && WHOLE.test(cells[0]) && WHOLE.test(cells[1])
  const namesAfterCounts = counts ? cells.slice(2).filter((c) => c !== '') : []
  let reason: string
  if (cells.length < width) {
    reason = `line ${first.line} has ${cells.length} ${cells.length === 1 ? 'value' : 'values'} but the rows below have ${width}`
  } else if (cells.length === width && counts && Number(cells[1]) === width - 1 && namesAfterCounts.every((c) => !isNumber(c))) {
    reason = `line ${first.line} gives a row count (${cells[0]}) and a feature count (${cells[1]}), not column names`
  } else if (force) {
    reason = `line ${first.line} is set to be skipped`
  } else {
    return null
  }
  // The line the table starts on: 1 plus the line breaks up to the end of the preamble.
  let line = 1
  for (let i = start; i < first.end; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++
  }
  return {
    preamble: {
      line: first.line,
      fields: cells,
      classNames: counts && namesAfterCounts.length >= 2 ? namesAfterCounts : null,
      rows: counts ? Number(cells[0]) : null,
      reason,
    },
    start: first.end,
    line,
  }
}
