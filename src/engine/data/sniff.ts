/**
 * A data file's bytes → what they hold, decided by content, not by name: gzip is unpacked first
 * (under the byte budget), then IDX is recognised by its magic (0x00 0x00 type rank), and
 * anything else is read as CSV. So `iris.csv.gz` and `train-images-idx3-ubyte.gz` both work.
 */
import { parseCsv, type CsvParseOptions, type CsvTable } from './csv'
import { DEFAULT_MAX_BYTES } from './errors'
import { gunzip, isGzip, type GunzipFn } from './gzip'
import { IDX_TYPES, parseIdx, type IdxArray } from './idx'

export type SniffedData = { kind: 'csv'; table: CsvTable } | { kind: 'idx'; array: IdxArray }

export interface SniffOptions {
  /** File name for messages. */
  name: string
  maxBytes?: number
  inflate?: GunzipFn
  /** How to read a CSV (delimiter, header, preamble …). */
  csv?: Omit<CsvParseOptions, 'name' | 'maxBytes'>
}

const IDX_CODES = new Set<number>(Object.values(IDX_TYPES).map((t) => t.code))

/** True when the (unpacked) bytes start like an IDX file. */
export function looksLikeIdx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && IDX_CODES.has(bytes[2])
}

/** Unpacks gzip (if it is gzip) under the budget. */
export function unpackBytes(bytes: Uint8Array, name: string, maxBytes = DEFAULT_MAX_BYTES, inflate?: GunzipFn): Uint8Array {
  return isGzip(bytes) ? gunzip(bytes, maxBytes, `"${name}"`, inflate) : bytes
}

/**
 * Reads a data file as CSV or IDX by its content.
 * @throws DataError from the CSV or IDX reader, or `corruptGzip` / `tooBig` from unpacking.
 */
export function readDataBytes(bytes: Uint8Array, options: SniffOptions): SniffedData {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const plain = unpackBytes(bytes, options.name, maxBytes, options.inflate)
  if (looksLikeIdx(plain)) return { kind: 'idx', array: parseIdx(plain, { name: options.name, maxBytes }) }
  return { kind: 'csv', table: parseCsv(plain, { ...options.csv, name: options.name, maxBytes }) }
}
