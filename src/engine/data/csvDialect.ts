/** The CSV dialect: which delimiter separates the values. */
import { scanCsv } from './csvScan'
import type { CsvDelimiter } from './csvTypes'
import type { TextEncodingId } from './text'

/** Delimiters as messages name them. */
export const DELIMITER_NAMES: Record<CsvDelimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
}

/** Tab, then semicolon, then comma: the first that splits the sample into equal records of ≥ 2 fields. */
export function detectDelimiter(bytes: Uint8Array, start: number, encoding: TextEncodingId): CsvDelimiter {
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
