/** The CSV table's types: what `parseCsv` takes and what it returns. */
import type { CsvPreamble } from './csvPreamble'
import type { TextEncodingId } from './text'

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
