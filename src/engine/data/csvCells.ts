/** Reading one CSV cell: as a number, or as missing. */
import { DEFAULT_MISSING } from './csvTypes'

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

/** How the cells of one table read: missing or a number. */
export interface CellReader {
  decimalComma: boolean
  /** The cell is one of the missing-value texts (after trimming). */
  isMissing(cell: string): boolean
  /** The cell reads as a number (±infinity included: a numeric column refuses it later). */
  isNumber(cell: string): boolean
}

/** The cell reader for a table's missing-value texts and decimal mark. */
export function createCellReader(missingTexts: readonly string[] = DEFAULT_MISSING, decimalComma: boolean): CellReader {
  const missing = new Set(missingTexts.map((s) => s.trim()))
  return {
    decimalComma,
    // Trim only cells with spaces at their ends: most cells have none, and trim() allocates.
    isMissing: (cell) =>
      missing.has(cell) ||
      (cell.length > 0 && (cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32) && missing.has(cell.trim())),
    isNumber: (cell) => !Number.isNaN(parseCsvNumber(cell, decimalComma)),
  }
}
