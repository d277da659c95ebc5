/**
 * Reading a project's data (or data given on the command line) from files into `Dataset`s.
 */

import { readFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import {
  applyNormalization,
  csvToDataset,
  datasetSubset,
  datasetWithClasses,
  fitNormalization,
  idxToDataset,
  parseCsv,
  parseIdx,
} from '../engine/data'
import { projectDataset } from '../engine/project'
import type { FileData, Project } from '../engine/project'
import type { Dataset } from '../engine/spec'
import { CliError } from './args'

/** Reads a file, with a clear error when it is missing. */
export function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new CliError(code === 'ENOENT' ? `File not found: ${path}` : `Cannot read ${path}: ${(e as Error).message}`)
  }
}

const inflate = (gz: Uint8Array): Uint8Array => gunzipSync(gz)

function labelNamesOf(source: Pick<FileData, 'labelNames' | 'classes'>): string[] | undefined {
  if (source.labelNames) return source.labelNames
  if (source.classes) return Array.from({ length: source.classes }, (_, i) => String(i))
  return undefined
}

/** An IDX images file (+ optional labels file) as a Dataset. */
export function readIdxDataset(imagesPath: string, labelsPath: string | undefined, labelNames?: string[]): Dataset {
  const images = parseIdx(readBytes(imagesPath), { name: basename(imagesPath), inflate })
  const labels = labelsPath ? parseIdx(readBytes(labelsPath), { name: basename(labelsPath), inflate }) : undefined
  return idxToDataset(images, labels, labelNames ? { labelNames } : {})
}

/** A CSV file as a Dataset; `targets` are column names or 0-based indices. Default: the last column. */
export function readCsvDataset(path: string, targets: (string | number)[] | undefined, header?: boolean): Dataset {
  const table = parseCsv(readBytes(path), { name: basename(path), ...(header !== undefined ? { header } : {}) })
  const names = table.columns.map((c) => c.name)
  const chosen = (targets ?? [names.length - 1]).map((t) => (typeof t === 'number' ? names[t] : t))
  return csvToDataset(table, { targets: chosen }).dataset
}

/** Reads a data file by its extension: `.csv` → CSV (last column the target), anything else → IDX. */
export function readDataFile(path: string, labelsPath?: string, labelNames?: string[]): Dataset {
  if (/\.csv$/i.test(path)) {
    if (labelsPath) throw new CliError('--labels goes with IDX images; a CSV file carries its targets in a column.', 2)
    return readCsvDataset(path, undefined)
  }
  return readIdxDataset(path, labelsPath, labelNames)
}

export interface ProjectData {
  train: Dataset
  test?: Dataset
}

/**
 * The training (and test) data of a project: inline, built in, or files (paths relative to the
 * project file). `override.data`/`override.labels` (relative to the working directory) replace
 * the project's training files, e.g. the full Fashion-MNIST instead of the shipped sample.
 */
export function loadProjectData(project: Project, projectPath: string, override: { data?: string; labels?: string } = {}): ProjectData {
  const source = project.data
  if (override.labels && !override.data) throw new CliError('--labels needs --data (the images file it labels).', 2)
  if (override.data) {
    const names = source.kind === 'file' ? labelNamesOf(source) : undefined
    let train = readDataFile(resolve(override.data), override.labels && resolve(override.labels), names)
    if (source.kind === 'file' && source.scaling !== 'none') {
      const params = fitNormalization(train, source.scaling)
      train = applyNormalization(train, params)
    }
    return { train }
  }
  const builtIn = projectDataset(project)
  if (builtIn) return { train: builtIn }
  const file = source as FileData
  const base = dirname(resolve(projectPath))
  const at = (p: string | undefined): string | undefined => (p === undefined ? undefined : resolve(base, p))
  const read = (path: string, labels: string | undefined): Dataset =>
    file.format === 'csv' ? readCsvDataset(path, file.targetColumns, file.header) : readIdxDataset(path, labels, labelNamesOf(file))
  let train = read(at(file.path)!, at(file.labelsPath))
  let test = file.testPath ? read(at(file.testPath)!, at(file.testLabelsPath)) : undefined
  // A test CSV numbers its classes by the values it holds: number them as the training set does.
  if (test && train.labelNames) test = datasetWithClasses(test, train.labelNames)
  if (file.limit !== undefined && file.limit < train.count) train = datasetSubset(train, Array.from({ length: file.limit }, (_, i) => i))
  if (file.scaling !== 'none') {
    const params = fitNormalization(train, file.scaling)
    train = applyNormalization(train, params)
    if (test) test = applyNormalization(test, params)
  }
  return test ? { train, test } : { train }
}
