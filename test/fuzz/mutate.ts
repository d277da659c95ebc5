/**
 * fast-check arbitraries that turn good files into plausible bad ones: byte mutations (flip,
 * insert, delete, truncate, duplicate a slice), JSON value mutations (change a leaf's type,
 * remove a key, nest deeper, huge strings and numbers), and generated CSV tables built from the
 * cells real files hold (numbers, blanks, NA, infinities, quotes, delimiters, long text).
 */
import fc from 'fast-check'

/** A byte-level edit of `bytes`. */
export function mutatedBytes(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  const n = Math.max(1, bytes.length)
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(n - 1), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(n), data: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(n - 1), length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(n) }),
    fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(n - 1), length: fc.integer({ min: 1, max: 256 }), times: fc.integer({ min: 2, max: 8 }) }),
  )
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let b = bytes
    for (const e of edits) {
      const at = Math.min(e.at, b.length)
      if (e.kind === 'flip') {
        if (b.length === 0) continue
        b = Uint8Array.from(b)
        b[Math.min(at, b.length - 1)] = e.value
      } else if (e.kind === 'insert') b = concat(b.subarray(0, at), e.data, b.subarray(at))
      else if (e.kind === 'delete') b = concat(b.subarray(0, at), b.subarray(at + e.length))
      else if (e.kind === 'truncate') b = b.slice(0, at)
      else {
        const slice = b.subarray(at, at + e.length)
        b = concat(b.subarray(0, at), ...Array.from({ length: e.times }, () => slice), b.subarray(at + e.length))
      }
    }
    return b
  })
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Paths to every value in `json` (keys and indices). */
function paths(json: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix)
  if (Array.isArray(json)) json.slice(0, 20).forEach((v, i) => paths(v, [...prefix, i], out))
  else if (json && typeof json === 'object') for (const [k, v] of Object.entries(json)) paths(v, [...prefix, k], out)
  return out
}

/** Replacement values that break validators in different ways. */
const nasty: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53, 0.5, 4294967296, '', 'none', 'mini', 'auto', [], {}, [[]], 1e-320),
  fc.integer({ min: -10, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
  fc.constant('x'.repeat(100_000)),
  fc.integer({ min: 2, max: 200 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as Json),
)

/** A JSON document with a few values replaced or removed (as text, sometimes cut short). */
export function mutatedJson(json: Json): fc.Arbitrary<string> {
  const all = paths(json)
  const edit = fc.record({ path: fc.constantFrom(...all), remove: fc.boolean(), value: nasty })
  return fc.tuple(fc.array(edit, { minLength: 1, maxLength: 3 }), fc.option(fc.nat(), { nil: undefined })).map(([edits, cut]) => {
    const copy = structuredClone(json)
    let root: Json = copy
    for (const e of edits) {
      if (e.path.length === 0) {
        root = e.value
        continue
      }
      let parent: any = root
      for (const key of e.path.slice(0, -1)) parent = parent?.[key]
      if (parent === null || typeof parent !== 'object') continue
      const key = e.path.at(-1)!
      if (e.remove && !Array.isArray(parent)) delete parent[key]
      else parent[key] = e.value
    }
    const text = JSON.stringify(root)
    return cut === undefined || cut % 5 !== 0 ? text : text.slice(0, cut % Math.max(1, text.length))
  })
}

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => String(Math.round(x * 1000) / 1000)) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 3 }).map(String) },
  { weight: 2, arbitrary: fc.constantFrom('', 'NA', '?', 'nan', 'inf', '-Infinity', '1e309', '1,5', ' 7 ', '"a,b"', '"q""q"', 'x', 'é', '\u0000', '"', '\t') },
  { weight: 2, arbitrary: fc.constantFrom('setosa', 'versicolor', 'virginica', 'red', 'blue') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
)

/** A generated CSV: an optional preamble and header, then rows (sometimes ragged). */
export const generatedCsv: fc.Arbitrary<string> = fc
  .record({
    width: fc.integer({ min: 1, max: 6 }),
    rows: fc.integer({ min: 0, max: 40 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    preamble: fc.constantFrom('', '150,4,setosa,versicolor,virginica\n', 'My data\n', '10,3,,\n'),
    header: fc.boolean(),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    seed: fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { minLength: 40, maxLength: 40 }),
  })
  .map(({ width, rows, delimiter, preamble, header, newline, seed }) => {
    const lines: string[] = []
    if (header) lines.push(Array.from({ length: width }, (_, i) => (i % 3 === 2 ? 'a' : `col${i}`)).join(delimiter))
    for (let r = 0; r < rows; r++) {
      const cells = seed[r]
      // Mostly rectangular rows; the generated length decides when a row is ragged.
      const w = cells.length >= 6 ? cells.length - 3 : width
      lines.push(Array.from({ length: w }, (_, c) => cells[c % cells.length]).join(delimiter))
    }
    return preamble.replace(/,/g, delimiter) + lines.join(newline) + newline
  })
