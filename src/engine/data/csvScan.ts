/**
 * The RFC 4180 tokenizer: splits bytes into records of fields. Quotes may wrap a field;
 * inside them the delimiter and newlines are plain text and "" is one quote. Records end at
 * LF, CRLF or CR. Blank lines are skipped. Line numbers are 1-based physical lines.
 */
import { DataError } from './errors'
import { decodeText, type TextEncodingId } from './text'

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

/**
 * Calls `onRecord(fields, line, end)` for each record, `line` being where it starts and `end`
 * the byte offset just after it; stops early when `onRecord` returns false. `firstLine` is the
 * line number of the byte at `start` (1 for the start of the file).
 * @throws DataError `unclosedQuote` with the line the quote opened on.
 */
export function scanCsv(
  bytes: Uint8Array,
  start: number,
  delimiter: number,
  encoding: TextEncodingId,
  onRecord: (fields: string[], line: number, end: number) => boolean | void,
  firstLine = 1,
): void {
  const n = bytes.length
  let i = start
  let line = firstLine
  while (i < n) {
    const recordLine = line
    const fields: string[] = []
    let endOfRecord = false
    while (!endOfRecord) {
      let value: string
      if (i < n && bytes[i] === QUOTE) {
        const quoteLine = line
        value = ''
        let seg = ++i
        for (;;) {
          while (i < n && bytes[i] !== QUOTE) {
            if (bytes[i] === LF || (bytes[i] === CR && bytes[i + 1] !== LF)) line++
            i++
          }
          if (i >= n) {
            throw new DataError(
              'unclosedQuote',
              `The quote (") that opens a value on line ${quoteLine} is never closed.`,
              {
                line: quoteLine,
                hint: 'Add the closing quote, or write a quote inside a quoted value as two quotes ("").',
              },
            )
          }
          if (bytes[i + 1] === QUOTE) {
            value += decodeText(bytes, seg, i + 1, encoding)
            i += 2
            seg = i
            continue
          }
          value += decodeText(bytes, seg, i, encoding)
          i++
          break
        }
        // Lenient: text after the closing quote (`"a"b`) is kept.
        const rest = i
        while (i < n && bytes[i] !== delimiter && bytes[i] !== LF && bytes[i] !== CR) i++
        if (i > rest) value += decodeText(bytes, rest, i, encoding)
      } else {
        const from = i
        while (i < n && bytes[i] !== delimiter && bytes[i] !== LF && bytes[i] !== CR) i++
        value = decodeText(bytes, from, i, encoding)
      }
      fields.push(value)
      if (i < n && bytes[i] === delimiter) {
        i++
        // A delimiter at the very end of the file still ends with an empty last field.
        continue
      }
      if (i < n && bytes[i] === CR) i += bytes[i + 1] === LF ? 2 : 1
      else if (i < n) i++
      line++
      endOfRecord = true
    }
    const blank = fields.length === 1 && fields[0].trim() === ''
    if (!blank && onRecord(fields, recordLine, i) === false) return
  }
}
