/**
 * `axon export <project | model> --to pytorch|onnx --out FILE`: a PyTorch training script or an
 * ONNX inference graph (src/engine/export, docs/export.md). The file is built in memory and
 * written in one rename, so a refused export leaves no partial file.
 */
import { renameSync, writeFileSync } from 'node:fs'
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path'
import { parseCsv } from '../engine/data'
import { ExportError, fileExportData, projectExportData, pytorchScript, tableExportData, toOnnx, weightsAreGiven, type ExportData, type FileExportContext } from '../engine/export'
import { exportModel, modelToSpec, type ModelFile } from '../engine/model'
import { inlineDataset, projectDataset, type DataSource, type FileData, type Project } from '../engine/project'
import { CliError, parseArgs } from './args'
import { projectSession, readModel, type Print } from './commands'
import { readBytes } from './files'

const USAGE = 'Usage: axon export <project.axon.json | model.json> --to pytorch|onnx --out FILE'

/** Paths of a project (relative to `base`) as the script will find them (relative to the script). */
function scriptPath(base: string, out: string): (p: string) => string {
  return (p) => {
    const file = resolve(base, p)
    const rel = relative(dirname(resolve(out)), file)
    return isAbsolute(rel) ? file : rel.split('\\').join('/')
  }
}

/** The data a project or model trains on, as the script reads it (`base`: the folder paths are relative to). */
function exportData(source: DataSource, base: string, out: string, train?: Parameters<typeof projectExportData>[1], fills?: FileExportContext['fills']): ExportData {
  if (source.kind === 'file') {
    const file: FileData = source
    const csv = file.format === 'csv' ? parseCsv(readBytes(resolve(base, file.path)), { name: basename(file.path), ...(file.header !== undefined ? { header: file.header } : {}) }) : undefined
    return fileExportData(file, { path: scriptPath(base, out), ...(csv ? { csv } : {}), ...(train ? { train } : {}), ...(fills ? { fills } : {}) })
  }
  const ds = train ?? (source.kind === 'inline' ? inlineDataset(source) : projectDataset({ data: source } as Project))
  if (!ds) throw new ExportError('The data could not be read.')
  return tableExportData(ds)
}

function isModelPath(path: string): boolean {
  try {
    return (JSON.parse(new TextDecoder().decode(readBytes(path))) as { format?: unknown }).format === 'axon-studio/model'
  } catch {
    return false
  }
}

function pytorchFromModel(model: ModelFile, path: string, out: string): string {
  if (!model.data) {
    throw new ExportError(`${path} records no data to train on.`, 'Export the project instead (axon export project.axon.json --to pytorch), or save the model from the app, which records its data.')
  }
  const data = exportData(model.data, dirname(resolve(path)), out)
  return pytorchScript({ title: model.title, spec: modelToSpec(model), data, weights: 'trained' })
}

/** The export's bytes (nothing is written here). */
function exportBytes(path: string, to: string, out: string): Uint8Array {
  if (isModelPath(path)) {
    const model = readModel(path)
    return to === 'onnx' ? toOnnx(model) : new TextEncoder().encode(pytorchFromModel(model, path, out))
  }
  const { project, session, data } = projectSession(path)
  if (to === 'onnx') {
    if (!weightsAreGiven(session.spec)) {
      throw new ExportError(
        `“${project.meta.title}” is not trained: ONNX holds a trained network's weights.`,
        `Train it first and export the model: axon train ${path} --out model.json && axon export model.json --to onnx --out ${out}`,
      )
    }
    return toOnnx(exportModel(session, { title: project.meta.title }))
  }
  const ds = exportData(project.data, dirname(resolve(path)), out, data.train, data.fills)
  return new TextEncoder().encode(pytorchScript({ title: project.meta.title, spec: session.spec, data: ds, weights: 'project' }))
}

/** `axon export <project | model> --to pytorch|onnx --out FILE`. */
export function commandExport(argv: readonly string[], print: Print): number {
  const args = parseArgs(argv, ['to', 'out'], [])
  const [path] = args.positional
  const { to, out } = args.options
  if (!path || args.positional.length > 1 || !to || !out) throw new CliError(USAGE, 2)
  if (to !== 'pytorch' && to !== 'onnx') throw new CliError(`--to must be pytorch or onnx (got “${to}”).`, 2)
  let bytes: Uint8Array
  try {
    bytes = exportBytes(path, to, out)
  } catch (e) {
    if (e instanceof ExportError) throw new CliError(`${e.message}${e.hint ? `\n  ${e.hint}` : ''}`, 1)
    throw e
  }
  const target = resolve(out)
  const partial = `${target}.partial-${process.pid}`
  writeFileSync(partial, bytes)
  renameSync(partial, target)
  print(to === 'onnx' ? `ONNX model written to ${out} (opset 13, float32).` : `PyTorch script written to ${out}: python3 ${out}, or torchrun --nproc_per_node N ${out}.`)
  return 0
}
