/**
 * The broken-file corpus: every file in test/fixtures/data/broken/ with the DataError it must
 * give (test/fixtures/data/broken/expected.json). Bad input never throws anything else.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DataError,
  FASHION_MNIST_LABELS,
  dataErrorFromInfo,
  dataErrorInfo,
  csvToDataset,
  idxToDataset,
  isDataError,
  parseCsv,
  parseIdx,
  type CsvParseOptions,
  type CsvSelection,
} from '../src/engine/data'

interface Case {
  file: string
  read: 'csv' | 'csvDataset' | 'idx' | 'idxPair'
  options?: CsvParseOptions & { maxBytes?: number }
  selection?: CsvSelection
  labels?: string
  labelNames?: 'fashion'
  code: string
  message?: string
  messageStartsWith?: string
  line?: number
  column?: string
  byteOffset?: number
  expected?: number
  actual?: number
  hintIncludes?: string
}

const dir = join(__dirname, 'fixtures/data/broken')
const { cases } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { cases: Case[] }
const bytes = (file: string): Uint8Array => new Uint8Array(readFileSync(join(dir, file)))

function read(c: Case): unknown {
  const name = c.file
  switch (c.read) {
    case 'csv':
      return parseCsv(bytes(c.file), { ...c.options, name })
    case 'csvDataset':
      return csvToDataset(
        parseCsv(bytes(c.file), { ...c.options, name }),
        c.selection as CsvSelection,
      )
    case 'idx':
      return parseIdx(bytes(c.file), { ...c.options, name })
    case 'idxPair':
      return idxToDataset(
        parseIdx(bytes(c.file), { name }),
        parseIdx(bytes(c.labels as string), { name: c.labels }),
        {
          labelNames: c.labelNames === 'fashion' ? FASHION_MNIST_LABELS : undefined,
        },
      )
  }
}

describe('broken-file corpus', () => {
  it.each(
    cases.map(
      (c) =>
        [
          `${c.file} (${c.read}${c.options ? ' ' + JSON.stringify(c.options) : ''}${c.labels ? ' + ' + c.labels : ''}) → ${c.code}`,
          c,
        ] as const,
    ),
  )('%s', (_title, c) => {
    let error: unknown
    try {
      read(c)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DataError)
    const e = error as DataError
    expect(isDataError(e)).toBe(true)
    expect(e.name).toBe('DataError')
    expect(e.code).toBe(c.code)
    if (c.message !== undefined) expect(e.message).toBe(c.message)
    if (c.messageStartsWith !== undefined)
      expect(e.message.startsWith(c.messageStartsWith)).toBe(true)
    for (const key of ['line', 'column', 'byteOffset', 'expected', 'actual'] as const) {
      if (c[key] !== undefined) expect(e[key], key).toBe(c[key])
    }
    expect(e.hint.length).toBeGreaterThan(10)
    if (c.hintIncludes) expect(e.hint).toContain(c.hintIncludes)
  })

  it('covers every file in the folder', () => {
    const used = new Set(cases.flatMap((c) => [c.file, c.labels ?? c.file]))
    const data = readdirSync(dir).filter((f) => f !== 'expected.json' && f !== 'make-binary.py')
    expect(data.filter((f) => !used.has(f))).toEqual([])
  })

  it('a DataError survives Comlink: name by its error transfer, all fields as DataErrorInfo', () => {
    let error: unknown
    try {
      parseCsv(bytes('ragged.csv'), { name: 'ragged.csv' })
    } catch (e) {
      error = e
    }
    // What Comlink's throw handler sends and rebuilds: { message, name, stack } only.
    const { message, name, stack } = error as Error
    const viaComlink = Object.assign(new Error(message), { name, stack })
    expect(isDataError(viaComlink)).toBe(true)
    // The plain form keeps everything and round-trips through structured clone.
    const info = structuredClone(dataErrorInfo(error))
    expect(info).toEqual({
      name: 'DataError',
      code: 'raggedRow',
      message: 'Line 4 has 4 values but line 1 has 3 (separated by commas).',
      hint: 'Every row needs the same number of values. Look for a missing or extra comma on line 4, or a value containing a comma that should be in quotes.',
      line: 4,
      expected: 3,
      actual: 4,
    })
    const back = dataErrorFromInfo(info!)
    expect(back).toBeInstanceOf(DataError)
    expect([back.code, back.line, back.message]).toEqual(['raggedRow', 4, message])
    expect(dataErrorInfo(new Error('other'))).toBeUndefined()
  })
})
