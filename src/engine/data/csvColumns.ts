/** The columns of a parsed CSV table: names, statistics and category codes. */
import { DataError } from './errors'
import type { CsvCategoricalColumn, CsvNumericStats } from './csvTypes'
import { quoteUser } from './userText'

/** Sort: numbers by value, then text by code points. Deterministic in every locale. */
function compareCategories(a: string, b: string): number {
  const x = Number(a)
  const y = Number(b)
  const xn = a.trim() !== '' && !Number.isNaN(x)
  const yn = b.trim() !== '' && !Number.isNaN(y)
  if (xn && yn) return x - y
  if (xn !== yn) return xn ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** A value beyond ±1.8e308 (or written as infinity) in a numeric column. */
export function notFinite(line: number, column: string, cell: string): DataError {
  return new DataError(
    'notFinite',
    `Line ${line}, column ${quoteUser(column)}: ${quoteUser(cell.trim())} is too large to be a number (the largest is about 1.8e308).`,
    {
      line,
      column,
      hint: 'Correct the value, or leave the cell empty to mark it missing. Networks cannot compute with infinity.',
    },
  )
}

/** Column names made unique: a repeated name gets " (2)", " (3)" …, and a note says so. */
export function uniqueNames(names: string[], notes: string[]): string[] {
  const seen = new Map<string, number>()
  const taken = new Set(names)
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1
    seen.set(name, n)
    if (n === 1) return name
    let k = n
    while (taken.has(`${name} (${k})`)) k++
    const unique = `${name} (${k})`
    taken.add(unique)
    notes.push(`Two columns are named ${quoteUser(name)}; the later one is called ${quoteUser(unique)}.`)
    return unique
  })
}

/** min, max, mean, population std, missing and distinct count of a numeric column (NaN = missing). */
export function numericStats(values: Float64Array): CsvNumericStats {
  let count = 0
  let sum = 0
  let min = Infinity
  let max = -Infinity
  let integer = true
  const seen = new Set<number>()
  for (const x of values) {
    if (Number.isNaN(x)) continue
    count++
    sum += x
    if (x < min) min = x
    if (x > max) max = x
    if (integer && !Number.isInteger(x)) integer = false
    // Counting stops at 1,001: enough to tell "a few codes" from "a measurement".
    if (seen.size <= 1000) seen.add(x)
  }
  const mean = count > 0 ? sum / count : NaN
  let sq = 0
  for (const x of values) if (!Number.isNaN(x)) sq += (x - mean) * (x - mean)
  return {
    count,
    missing: values.length - count,
    min: count > 0 ? min : NaN,
    max: count > 0 ? max : NaN,
    mean,
    std: count > 0 ? Math.sqrt(sq / count) : NaN,
    distinct: seen.size,
    integer: count > 0 && integer,
  }
}

/** Re-codes first-seen codes into sorted category order and counts them. */
export function categoricalColumn(
  name: string,
  map: Map<string, number>,
  rawCodes: Int32Array,
): CsvCategoricalColumn {
  const categories = [...map.keys()].sort(compareCategories)
  const remap = new Int32Array(map.size)
  categories.forEach((cat, sorted) => (remap[map.get(cat) as number] = sorted))
  const codes = new Int32Array(rawCodes.length)
  const categoryCounts = new Array<number>(categories.length).fill(0)
  let missing = 0
  for (let r = 0; r < rawCodes.length; r++) {
    const raw = rawCodes[r]
    if (raw < 0) {
      codes[r] = -1
      missing++
    } else {
      codes[r] = remap[raw]
      categoryCounts[remap[raw]]++
    }
  }
  return {
    name,
    kind: 'categorical',
    categories,
    codes,
    stats: {
      count: rawCodes.length - missing,
      missing,
      distinct: categories.length,
      categoryCounts,
    },
  }
}
