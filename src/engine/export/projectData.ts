/**
 * A project's data as `ExportData`: inline and built-in sets become tables inside the script;
 * IDX and CSV files stay files, referenced by paths the host chooses (relative to the script).
 */
import { datasetInputs, datasetReadTarget } from '../data/datasetRows'
import type { CsvTable } from '../data/csv'
import type { FileData, Project } from '../project/types'
import type { Dataset } from '../spec'
import type { CsvExportColumn, ExportData, ExportSplit, TableExportData } from './exportData'
import { ExportError } from './errors'

/** A dataset in memory as rows of numbers, as the network reads them (for small data). */
export function tableExportData(ds: Dataset): TableExportData {
  const x = datasetInputs(ds)
  const n = ds.inputSize
  const m = ds.targetSize
  const target = new Float64Array(m)
  const inputs: number[][] = []
  const targets: number[][] = []
  for (let i = 0; i < ds.count; i++) {
    inputs.push(Array.from(x.subarray(i * n, (i + 1) * n)))
    datasetReadTarget(ds, i, target)
    targets.push(Array.from(target))
  }
  return {
    kind: 'table',
    inputs,
    targets,
    ...(ds.featureNames ? { featureNames: [...ds.featureNames] } : {}),
    ...(ds.targetNames ? { targetNames: [...ds.targetNames] } : {}),
    ...(ds.labelNames ? { labelNames: [...ds.labelNames] } : {}),
  }
}

/** Class names of an IDX project: its names, else "0" … "classes − 1". */
function idxLabelNames(file: FileData, train: Dataset | undefined): string[] {
  if (file.labelNames) return [...file.labelNames]
  if (file.classes) return Array.from({ length: file.classes }, (_, i) => String(i))
  if (train?.labelNames) return [...train.labelNames]
  throw new ExportError('The IDX data names no classes.', 'Set the number of classes of the data in the project.')
}

/**
 * The CSV's input columns as the engine chose them (after leaving out ID-like or excluded
 * columns): a numeric column is its own feature name, a categorical one is "col=cat" per category.
 */
function csvFeatures(table: CsvTable, train: Dataset, targets: string[]): CsvExportColumn[] {
  const names = train.featureNames ?? []
  const columns: CsvExportColumn[] = []
  for (const c of table.columns) {
    if (targets.includes(c.name)) continue
    if (names.includes(c.name)) columns.push({ name: c.name })
    else {
      const categories = names.filter((n) => n.startsWith(`${c.name}=`)).map((n) => n.slice(c.name.length + 1))
      if (categories.length > 0) columns.push({ name: c.name, categories })
    }
  }
  const width = columns.reduce((w, c) => w + (c.categories?.length ?? 1), 0)
  if (width !== train.inputSize) throw new ExportError(`The CSV's ${train.inputSize} inputs could not be matched to its columns.`)
  return columns
}

/** The CSV's target columns: numbers, or one class column (by category name, or by value). */
function csvTargets(table: CsvTable, train: Dataset, targets: string[]): CsvExportColumn[] {
  if (!train.labels || !train.labelNames) return targets.map((name) => ({ name }))
  const column = table.columns.find((c) => c.name === targets[0])
  const classes = [...train.labelNames]
  const byValue = column?.kind === 'numeric' && classes.some((name, i) => name !== String(i))
  const binary = train.targetSize === 1 && classes.length === 2
  return [{ name: targets[0], categories: classes, ...(byValue ? { byValue: true } : {}), ...(binary ? { binary: true } : {}) }]
}

/** The data-level split of a file source. */
function splitOf(file: FileData): ExportSplit {
  return {
    ...(file.validationFraction ? { validationFraction: file.validationFraction } : {}),
    ...(file.testFraction && !file.testPath ? { testFraction: file.testFraction } : {}),
    ...(file.stratify ? { stratify: true } : {}),
  }
}

export interface FileExportContext {
  /** A project path (relative to the project file) as the script should write it. */
  path: (projectPath: string) => string
  /** The parsed training CSV (CSV projects only): the columns' kinds and categories. */
  csv?: CsvTable
  /** The training set as loaded (IDX: its class names when the project gives none). */
  train?: Dataset
  /** CSV with a fill policy: the values the app filled each column's missing cells with. */
  fills?: readonly { column: string; value: number | string }[]
}

/** File data as `ExportData` (paths through `context.path`). */
export function fileExportData(file: FileData, context: FileExportContext): ExportData {
  const limit = file.limit !== undefined ? { limit: file.limit } : {}
  if (file.format === 'idx') {
    if (!file.labelsPath) throw new ExportError('The IDX images have no labels file.', 'Choose the labels file that goes with the images.')
    const test = file.testPath && file.testLabelsPath ? { test: { images: context.path(file.testPath), labels: context.path(file.testLabelsPath) } } : {}
    return {
      kind: 'idx',
      train: { images: context.path(file.path), labels: context.path(file.labelsPath) },
      ...test,
      labelNames: idxLabelNames(file, context.train),
      ...limit,
      ...splitOf(file),
      scaling: file.scaling,
    }
  }
  const table = context.csv
  const train = context.train
  if (!table || !train) throw new ExportError('The CSV file has not been read.')
  const fill = file.missing === 'mean' || file.missing === 'median' || file.missing === 'mode'
  if (fill && !context.fills) {
    throw new ExportError(`The missing values' fills (“${file.missing}”) are not known here.`, 'Choose “Use this data” in the data panel again, then export.')
  }
  const names = table.columns.map((c) => c.name)
  const targets = (file.targetColumns ?? [names.length - 1]).map((t) => (typeof t === 'number' ? names[t] : t))
  return {
    kind: 'csv',
    train: context.path(file.path),
    ...(file.testPath ? { test: context.path(file.testPath) } : {}),
    delimiter: table.delimiter,
    header: table.header,
    decimalComma: table.decimalComma,
    encoding: table.encoding === 'latin-1' ? 'latin-1' : 'utf-8-sig',
    skipLines: table.preamble?.line ?? 0,
    missing: file.missing === 'drop' ? 'drop' : fill ? 'fill' : 'error',
    ...(fill ? { fills: Object.fromEntries(context.fills!.map((f) => [f.column, f.value])) } : {}),
    features: csvFeatures(table, train, targets),
    targets: csvTargets(table, train, targets),
    ...(train.featureNames ? { featureNames: [...train.featureNames] } : {}),
    ...(train.targetNames ? { targetNames: [...train.targetNames] } : {}),
    ...limit,
    ...splitOf(file),
    scaling: file.scaling,
  }
}

/** Inline or built-in data of a project, as a table (`train`: the dataset the engine built). */
export function projectExportData(project: Project, train: Dataset, context?: FileExportContext): ExportData {
  if (project.data.kind === 'file') {
    if (!context) throw new ExportError('The project reads files: the host must say where they are.')
    return fileExportData(project.data, { ...context, train: context.train ?? train })
  }
  return tableExportData(train)
}
