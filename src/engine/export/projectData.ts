/**
 * A project's data as `ExportData`: inline and built-in sets become tables inside the script;
 * IDX and CSV files stay files, referenced by paths the host chooses (relative to the script).
 */
import { datasetInputs, datasetReadTarget } from '../data/dataset'
import type { CsvTable } from '../data/csv'
import type { FileData, Project } from '../project/types'
import type { Dataset } from '../spec'
import type { CsvExportColumn, ExportData, TableExportData } from './exportData'
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

/** The chosen CSV columns, with categories in the engine's order (so the one-hot columns agree). */
function csvColumns(table: CsvTable, names: string[]): CsvExportColumn[] {
  return names.map((name) => {
    const column = table.columns.find((c) => c.name === name)
    if (!column) throw new ExportError(`The CSV has no column "${name}".`)
    return column.kind === 'categorical' ? { name, categories: [...column.categories] } : { name }
  })
}

export interface FileExportContext {
  /** A project path (relative to the project file) as the script should write it. */
  path: (projectPath: string) => string
  /** The parsed training CSV (CSV projects only): the columns' kinds and categories. */
  csv?: CsvTable
  /** The training set as loaded (IDX: its class names when the project gives none). */
  train?: Dataset
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
      scaling: file.scaling,
    }
  }
  const table = context.csv
  if (!table) throw new ExportError('The CSV file has not been read.')
  const names = table.columns.map((c) => c.name)
  const targets = (file.targetColumns ?? [names.length - 1]).map((t) => (typeof t === 'number' ? names[t] : t))
  const features = names.filter((n) => !targets.includes(n))
  return {
    kind: 'csv',
    train: context.path(file.path),
    ...(file.testPath ? { test: context.path(file.testPath) } : {}),
    delimiter: table.delimiter,
    header: table.header,
    decimalComma: table.decimalComma,
    encoding: table.encoding === 'latin-1' ? 'latin-1' : 'utf-8-sig',
    features: csvColumns(table, features),
    targets: csvColumns(table, targets),
    ...(context.train?.featureNames ? { featureNames: [...context.train.featureNames] } : {}),
    ...(context.train?.targetNames ? { targetNames: [...context.train.targetNames] } : {}),
    ...limit,
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
