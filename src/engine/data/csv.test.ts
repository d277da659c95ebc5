import { describe, expect, it } from 'vitest'
import { createRng } from '../rng'
import { parseCsv, type CsvCategoricalColumn, type CsvNumericColumn, type CsvTable } from './csv'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))
const num = (t: CsvTable, c: number): number[] =>
  Array.from((t.columns[c] as CsvNumericColumn).values)
const cells = (t: CsvTable, c: number): (string | null)[] => {
  const col = t.columns[c] as CsvCategoricalColumn
  return Array.from(col.codes, (k) => (k < 0 ? null : col.categories[k]))
}

describe('CSV dialects (golden)', () => {
  it('comma, header, RFC 4180 quotes: escaped quotes, delimiters and newlines inside, CRLF', () => {
    const t = parseCsv(
      utf8('name,x,note\r\n"Smith, J",1.5,"said ""hi"""\r\nLee,-2e3,"two\r\nlines"\r\n'),
    )
    expect([t.delimiter, t.header, t.rowCount, t.encoding]).toEqual([',', true, 2, 'utf-8'])
    expect(t.columns.map((c) => [c.name, c.kind])).toEqual([
      ['name', 'categorical'],
      ['x', 'numeric'],
      ['note', 'categorical'],
    ])
    expect(cells(t, 0)).toEqual(['Smith, J', 'Lee'])
    expect(num(t, 1)).toEqual([1.5, -2000])
    expect(cells(t, 2)).toEqual(['said "hi"', 'two\r\nlines'])
    expect(Array.from(t.lines)).toEqual([2, 3])
  })

  it('semicolon with decimal commas (European export) and a UTF-8 BOM', () => {
    const t = parseCsv(utf8('\ufeffStadt;Temp;Regen\nZürich;12,5;0,8\nWien;-3,25;1\n'))
    expect([t.delimiter, t.decimalComma, t.header]).toEqual([';', true, true])
    expect(t.columns[0].name).toBe('Stadt')
    expect(cells(t, 0)).toEqual(['Zürich', 'Wien'])
    expect(num(t, 1)).toEqual([12.5, -3.25])
    expect(num(t, 2)).toEqual([0.8, 1])
  })

  it('tab, no header (all numbers), LF and a last line without newline', () => {
    const t = parseCsv(utf8('1\t2\t3\n4\t5\t6'))
    expect([t.delimiter, t.header, t.rowCount]).toEqual(['\t', false, 2])
    expect(t.columns.map((c) => c.name)).toEqual(['column 1', 'column 2', 'column 3'])
    expect(num(t, 2)).toEqual([3, 6])
  })

  it('old Mac CR line ends and blank lines', () => {
    const t = parseCsv(utf8('a,b\r1,2\r\r3,4\r'))
    expect([t.rowCount, num(t, 0), Array.from(t.lines)]).toEqual([2, [1, 3], [2, 4]])
  })

  it('Latin-1 files (not valid UTF-8) decode as Latin-1', () => {
    const t = parseCsv(latin1('city,n\nZ\u00fcrich,1\nK\u00f6ln,2\n'))
    expect(t.encoding).toBe('latin-1')
    expect(cells(t, 0)).toEqual(['Zürich', 'Köln'])
  })

  it('UTF-8 beyond Latin-1 (CJK, emoji)', () => {
    const t = parseCsv(utf8('city,n\n東京,1\n🙂,2\n'))
    expect(cells(t, 0)).toEqual(['東京', '🙂'])
  })

  it('overrides: delimiter, header, decimal comma', () => {
    const bytes = utf8('1;2\n3;4\n')
    const asComma = parseCsv(bytes, { delimiter: ',', header: false })
    expect(asComma.columns.length).toBe(1)
    expect(asComma.columns[0].kind).toBe('categorical')
    const headed = parseCsv(bytes, { header: true })
    expect(headed.columns.map((c) => c.name)).toEqual(['1', '2'])
    expect(headed.rowCount).toBe(1)
    expect(num(parseCsv(utf8('a;b\n1,5;2\n'), { decimalComma: false }), 1)).toEqual([2])
  })

  it('header detection: all-text tables, numbers below text, and no header', () => {
    expect(parseCsv(utf8('colour,size\nred,S\nblue,M\n')).header).toBe(true)
    expect(parseCsv(utf8('red,S\nblue,M\nred,L\n')).header).toBe(false) // "red" repeats below
    expect(parseCsv(utf8('x,y\n1,2\n')).header).toBe(true)
    expect(parseCsv(utf8('1,2\n3,4\n')).header).toBe(false)
  })
})

describe('CSV column kinds and statistics', () => {
  const t = parseCsv(
    utf8('x,species,score\n1,setosa,NA\n2,virginica,4\n3,setosa,\n4,versicolor,7\n,setosa,1\n'),
  )

  it('numeric stats: count, missing, min, max, mean, population std, distinct', () => {
    expect(t.columns[0].stats).toEqual({
      count: 4,
      missing: 1,
      min: 1,
      max: 4,
      mean: 2.5,
      std: Math.sqrt(1.25),
      distinct: 4,
      integer: true,
    })
    expect(num(t, 0)[4]).toBeNaN()
    expect(t.columns[2].stats).toMatchObject({ count: 3, missing: 2, min: 1, max: 7, mean: 4 })
  })

  it('categorical: sorted categories, codes, counts', () => {
    const c = t.columns[1] as CsvCategoricalColumn
    expect(c.categories).toEqual(['setosa', 'versicolor', 'virginica'])
    expect(Array.from(c.codes)).toEqual([0, 2, 0, 1, 0])
    expect(c.stats).toEqual({ count: 5, missing: 0, distinct: 3, categoryCounts: [3, 1, 1] })
  })

  it('a numeric column forced categorical sorts its categories by value', () => {
    const f = parseCsv(utf8('d,y\n10,a\n9,b\n10,c\n'), { columnTypes: { d: 'categorical' } })
    expect((f.columns[0] as CsvCategoricalColumn).categories).toEqual(['9', '10'])
  })

  it('custom missing tokens', () => {
    const m = parseCsv(utf8('a,b\n1,-999\n2,3\n'), { missing: ['-999'] })
    expect(m.columns[1].stats.missing).toBe(1)
  })
})

describe('CSV round trip', () => {
  it('random text with quotes, delimiters and newlines survives RFC 4180 quoting', () => {
    const rng = createRng(7)
    const alphabet = ['a', 'b', 'Z', 'ü', '東', ',', ';', '\t', '"', '\n', '\r\n', ' ', 'x']
    const word = (): string => {
      let s = 'w'
      const n = rng.int(8)
      for (let i = 0; i < n; i++) s += alphabet[rng.int(alphabet.length)]
      return s + 'w' // never blank, never padded, never a number
    }
    for (const delimiter of [',', ';', '\t'] as const) {
      const rows = Array.from({ length: 40 }, () => [word(), word(), word()])
      const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`
      const text =
        ['h1', 'h2', 'h3'].join(delimiter) +
        '\r\n' +
        rows.map((r) => r.map(quote).join(delimiter)).join('\r\n')
      const t = parseCsv(utf8(text)) // delimiter and header detected
      expect([t.delimiter, t.header]).toEqual([delimiter, true])
      expect(t.rowCount).toBe(40)
      for (let c = 0; c < 3; c++) expect(cells(t, c)).toEqual(rows.map((r) => r[c]))
    }
  })
})

describe('bytes that are not UTF-8 (found by the fuzz suite)', () => {
  it('0xF5…0xFF and code points past U+10FFFF read as Latin-1, never throw', () => {
    const bytes = new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xff, 0xa6, 0x81, 0x0a])
    const t = parseCsv(bytes)
    expect(t.encoding).toBe('latin-1')
    expect(t.columns[1].kind).toBe('categorical')
    const beyond = new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xf4, 0x90, 0x80, 0x80, 0x0a])
    expect(parseCsv(beyond).encoding).toBe('latin-1')
  })
})
