/**
 * Previews of loaded data, as small plain objects for the data panel: the head of a CSV table
 * with its column statistics, a grid of IDX image thumbnails with their labels, a built-in
 * dataset's points. Everything here is cheap next to parsing (a few dozen rows or images).
 */
import type { Dataset } from '../spec'
import {
  classBalance,
  datasetClassOf,
  datasetInputs,
  datasetReadRow,
  idLikeColumns,
  type CsvDelimiter,
  type CsvNumericStats,
  type CsvTable,
  type IdxArray,
} from '../data'

/** Rows of a CSV shown in the preview table. */
export const PREVIEW_ROWS = 20
/** Thumbnails in an IDX image grid: up to `THUMBS_PER_CLASS` per class, `MAX_THUMBS` in all. */
export const THUMBS_PER_CLASS = 6
export const MAX_THUMBS = 60
/** Categories listed per categorical column (the rest are summed up as "other"). */
export const PREVIEW_CATEGORIES = 12

/** One column of a CSV preview: its kind and statistics (what the column header shows). */
export type CsvColumnPreview =
  | { name: string; kind: 'numeric'; stats: CsvNumericStats }
  | {
      name: string
      kind: 'categorical'
      count: number
      missing: number
      distinct: number
      /** The most frequent categories, `[name, rows]`, most frequent first (≤ PREVIEW_CATEGORIES). */
      top: [string, number][]
    }

export interface CsvPreview {
  kind: 'csv'
  name: string
  rowCount: number
  delimiter: CsvDelimiter
  header: boolean
  decimalComma: boolean
  encoding: string
  columns: CsvColumnPreview[]
  /** The first PREVIEW_ROWS rows, `[row][column]`, as text ('' = missing). */
  head: string[][]
  /** File line (1-based) of each head row. */
  headLines: number[]
  /** A reasonable default target: the last column. */
  suggestedTarget: string
  /** The first line when it was not data (a title, or a row count and class names). */
  preamble: { line: number; reason: string; classNames: string[] | null } | null
  /** What was changed to read the file (e.g. renamed duplicate columns). */
  notes: string[]
  /** Whole-number columns with few values: they can be the class target. */
  classCandidates: string[]
  /** Text columns left out of the inputs by default (too many different values: IDs, free text). */
  idLike: string[]
}

/** Most different values a whole-number column may have to be offered as classes. */
export const MAX_CLASS_CANDIDATE_VALUES = 20

/** A grid of greyscale images, `pixels` `[count][height][width]` in 0…255. */
export interface ImageGrid {
  width: number
  height: number
  count: number
  pixels: Uint8Array
  /** Class of each image (−1 without labels). */
  labels: number[]
  /** Row number of each image in the file. */
  rows: number[]
}

export interface IdxPreview {
  kind: 'idx'
  name: string
  labelsName: string | null
  count: number
  /** Shape of one example, e.g. [28, 28]. */
  inputShape: number[]
  elementType: string
  /** Examples in the given test files, if any. */
  testCount: number
  labelNames: string[] | null
  classBalance: number[] | null
  /** Thumbnails (null when an example is not an image, e.g. a vector of odd length). */
  grid: ImageGrid | null
}

export interface BuiltinPreview {
  kind: 'builtin'
  id: string
  name: string
  count: number
  inputSize: number
  targetSize: number
  labelNames: string[] | null
  classBalance: number[] | null
  /** 2-D sets: the points `[count][2]` and their classes, for a scatter plot. */
  points: Float32Array | null
  classes: Int32Array | null
  /** Table sets (AND, XOR, 8-3-8): inputs and targets of every row as numbers. */
  rows: { inputs: number[]; targets: number[] }[] | null
}

export type DataPreview = CsvPreview | IdxPreview | BuiltinPreview

function cellText(x: number): string {
  return Number.isNaN(x) ? '' : String(Math.round(x * 1e6) / 1e6)
}

/** The preview of a parsed CSV table. */
export function csvPreview(name: string, table: CsvTable): CsvPreview {
  const rows = Math.min(PREVIEW_ROWS, table.rowCount)
  const head: string[][] = []
  for (let r = 0; r < rows; r++) {
    head.push(
      table.columns.map((c) =>
        c.kind === 'numeric'
          ? cellText(c.values[r])
          : c.codes[r] < 0
            ? ''
            : c.categories[c.codes[r]],
      ),
    )
  }
  const columns = table.columns.map((c): CsvColumnPreview => {
    if (c.kind === 'numeric') return { name: c.name, kind: 'numeric', stats: c.stats }
    const top = c.categories
      .map((cat, i): [string, number] => [cat, c.stats.categoryCounts[i]])
      .sort((a, b) => b[1] - a[1])
      .slice(0, PREVIEW_CATEGORIES)
    return {
      name: c.name,
      kind: 'categorical',
      count: c.stats.count,
      missing: c.stats.missing,
      distinct: c.stats.distinct,
      top,
    }
  })
  return {
    kind: 'csv',
    name,
    rowCount: table.rowCount,
    delimiter: table.delimiter,
    header: table.header,
    decimalComma: table.decimalComma,
    encoding: table.encoding,
    columns,
    head,
    headLines: Array.from(table.lines.subarray(0, rows)),
    suggestedTarget: table.columns.at(-1)?.name ?? '',
    preamble: table.preamble
      ? {
          line: table.preamble.line,
          reason: table.preamble.reason,
          classNames: table.preamble.classNames,
        }
      : null,
    notes: table.notes,
    classCandidates: classCandidates(table),
    idLike: idLikeColumns(table),
  }
}

/** Whole-number columns with 2 … MAX_CLASS_CANDIDATE_VALUES different values, all ≥ 0. */
export function classCandidates(table: CsvTable): string[] {
  return table.columns
    .filter(
      (c) =>
        c.kind === 'numeric' &&
        c.stats.integer &&
        c.stats.min >= 0 &&
        c.stats.distinct >= 2 &&
        c.stats.distinct <= MAX_CLASS_CANDIDATE_VALUES,
    )
    .map((c) => c.name)
}

/**
 * Up to THUMBS_PER_CLASS images of each class (in file order), at most MAX_THUMBS, as bytes
 * 0…255: byte images as they are, other types min–max scaled over the chosen images.
 * Null when one example is not an image (rank ≠ 2 and not a square number of values).
 */
export function imageGrid(ds: Dataset): ImageGrid | null {
  const shape = ds.inputShape ?? [ds.inputSize]
  let height: number
  let width: number
  if (shape.length === 2) [height, width] = shape
  else if (shape.length === 1 && Number.isInteger(Math.sqrt(shape[0])) && shape[0] >= 4)
    height = width = Math.sqrt(shape[0])
  else return null
  const rows: number[] = []
  const perClass = new Map<number, number>()
  for (let i = 0; i < ds.count && rows.length < MAX_THUMBS; i++) {
    const c = ds.labels ? ds.labels[i] : -1
    const n = perClass.get(c) ?? 0
    if (ds.labels && n >= THUMBS_PER_CLASS) continue
    perClass.set(c, n + 1)
    rows.push(i)
  }
  if (ds.labels) rows.sort((a, b) => ds.labels![a] - ds.labels![b] || a - b)
  const size = width * height
  const pixels = new Uint8Array(rows.length * size)
  if (ds.inputs instanceof Uint8Array) {
    rows.forEach((i, r) => pixels.set(ds.inputs.subarray(i * size, (i + 1) * size), r * size))
  } else {
    const values = new Float64Array(rows.length * size)
    rows.forEach((i, r) => datasetReadRow(ds, i, values.subarray(r * size, (r + 1) * size)))
    let min = Infinity
    let max = -Infinity
    for (const v of values) {
      if (v < min) min = v
      if (v > max) max = v
    }
    const scale = max > min ? 255 / (max - min) : 0
    for (let k = 0; k < values.length; k++) pixels[k] = Math.round((values[k] - min) * scale)
  }
  return {
    width,
    height,
    count: rows.length,
    pixels,
    labels: rows.map((i) => (ds.labels ? ds.labels[i] : -1)),
    rows,
  }
}

/** The preview of an IDX images (+ labels) pair. */
export function idxPreview(
  names: { images: string; labels: string | null },
  images: IdxArray,
  train: Dataset,
  testCount: number,
): IdxPreview {
  const balance = classBalance(train)
  return {
    kind: 'idx',
    name: names.images,
    labelsName: names.labels,
    count: train.count,
    inputShape: train.inputShape ?? [train.inputSize],
    elementType: images.type,
    testCount,
    labelNames: train.labelNames ?? null,
    classBalance: balance.length > 0 ? balance : null,
    grid: imageGrid(train),
  }
}

/** The preview of a built-in dataset. */
export function builtinPreview(id: string, title: string, ds: Dataset): BuiltinPreview {
  const balance = classBalance(ds)
  const x = datasetInputs(ds)
  const is2d = ds.inputSize === 2 && ds.count > 8
  const target = new Float64Array(ds.targetSize)
  const rows = is2d
    ? null
    : Array.from({ length: ds.count }, (_, i) => {
        if (ds.targets)
          return {
            inputs: Array.from(x.subarray(i * ds.inputSize, (i + 1) * ds.inputSize)),
            targets: Array.from(ds.targets.subarray(i * ds.targetSize, (i + 1) * ds.targetSize)),
          }
        target.fill(0)
        if (ds.labels) target[ds.labels[i]] = 1
        return {
          inputs: Array.from(x.subarray(i * ds.inputSize, (i + 1) * ds.inputSize)),
          targets: Array.from(target),
        }
      })
  return {
    kind: 'builtin',
    id,
    name: title,
    count: ds.count,
    inputSize: ds.inputSize,
    targetSize: ds.targetSize,
    labelNames: ds.labelNames ?? null,
    classBalance: balance.length > 0 ? balance : null,
    points: is2d ? Float32Array.from(x) : null,
    classes: is2d ? Int32Array.from({ length: ds.count }, (_, i) => datasetClassOf(ds, i)) : null,
    rows,
  }
}
