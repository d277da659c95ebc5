/**
 * The `axon` commands as functions: arguments in, lines out (through `print`), an exit code back.
 * They use the engine's public APIs only; `main.ts` wires them to the process.
 */

import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { datasetWithClasses, isDataError } from '../engine/data'
import {
  createPredictor,
  exportModel,
  modelToSpec,
  parseModel,
  serializeModel,
  type ModelFile,
} from '../engine/model'
import { compileGraph, parseProject, type Project, type ProjectNodeOf } from '../engine/project'
import type { Dataset, EngineSpec } from '../engine/spec'
import { createSession, traceSample, type EpochMetrics, type Session } from '../engine/train'
import { CliError, intOption, parseArgs, parseRows } from './args'
import { loadProjectData, readBytes, readDataFile, type ProjectData } from './data'

export type Print = (line: string) => void

/** Reads and parses a project file; errors list every problem with its JSON path. */
export function readProject(path: string): Project {
  const text = new TextDecoder().decode(readBytes(path))
  const result = parseProject(text)
  if (!result.ok) throw new CliError(`${path} is not a valid project:\n${result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`)
  return result.project
}

/** Reads and validates a model file. */
export function readModel(path: string): ModelFile {
  const result = parseModel(new TextDecoder().decode(readBytes(path)))
  if (!result.ok) throw new CliError(`${path} is not a valid model file:\n${result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`)
  return result.model
}

function isModelFile(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown }).format === 'axon-studio/model'
  } catch {
    return false
  }
}

/** Compiles a project against its loaded data; any error diagnostic becomes a CliError. */
export function compileOrThrow(project: Project, data: ProjectData): EngineSpec {
  const { spec, diagnostics } = compileGraph(project, { dataShape: { inputSize: data.train.inputSize, targetSize: data.train.targetSize } })
  if (!spec) {
    const lines = diagnostics.map((d) => `  ${d.severity} ${d.code}${d.nodeId ? ` [${d.nodeId}]` : d.edgeId ? ` [${d.edgeId}]` : ''}: ${d.message} ${d.hint}`)
    throw new CliError(`The network cannot be trained:\n${lines.join('\n')}`)
  }
  return spec
}

/** Applies --epochs and --seed to a project (a copy). */
export function withOverrides(project: Project, overrides: { epochs?: number; seed?: number }): Project {
  const copy = JSON.parse(JSON.stringify(project)) as Project
  if (overrides.seed !== undefined) copy.seed = overrides.seed
  if (overrides.epochs !== undefined) {
    const optimizer = copy.nodes.find((n) => n.kind === 'optimizer') as ProjectNodeOf<'optimizer'> | undefined
    if (optimizer) optimizer.params.epochs = overrides.epochs
  }
  return copy
}

/** A project's session at its initial (or hand-set) weights, with its data. */
export function projectSession(path: string, overrides: { data?: string; labels?: string; epochs?: number; seed?: number } = {}): { project: Project; session: Session; data: ProjectData } {
  const project = withOverrides(readProject(path), overrides)
  const data = loadProjectData(project, path, overrides)
  // With --data the loaded file replaces inline or built-in data, whose own shape the compiler
  // would otherwise check the network against (a mismatch then surfaced later, without a node id).
  const compiled: Project = overrides.data && project.data.kind !== 'file' ? { ...project, data: { kind: 'file', format: /\.csv$/i.test(overrides.data) ? 'csv' : 'idx', path: overrides.data, scaling: 'none' } } : project
  const spec = compileOrThrow(compiled, data)
  return { project, session: createSession(spec, data.train), data }
}

const fmt = (x: number | undefined): string => (x === undefined ? '' : Number(x.toPrecision(9)).toString())

function epochLine(m: EpochMetrics, maxEpochs: number): string {
  const parts = [`epoch ${m.epoch}/${maxEpochs}`, `loss ${fmt(m.loss)}`]
  if (m.accuracy !== undefined) parts.push(`accuracy ${(m.accuracy * 100).toFixed(2)}%`)
  if (m.valLoss !== undefined) parts.push(`val loss ${fmt(m.valLoss)}`)
  if (m.valAccuracy !== undefined) parts.push(`val accuracy ${(m.valAccuracy * 100).toFixed(2)}%`)
  parts.push(`η ${fmt(m.learningRate)}`, `iterations ${m.iterations}`)
  return parts.join('  ')
}

/** `axon train <project> [--data F] [--labels F] [--epochs N] [--seed S] [--out model.json] [--json]`. */
export function commandTrain(argv: readonly string[], print: Print): number {
  const args = parseArgs(argv, ['data', 'labels', 'epochs', 'seed', 'out'], ['json'])
  const [path] = args.positional
  if (!path || args.positional.length > 1) throw new CliError('Usage: axon train <project.axon.json> [--data FILE] [--labels FILE] [--epochs N] [--seed S] [--out model.json] [--json]', 2)
  const json = args.flags.has('json')
  const { project, session, data } = projectSession(path, {
    data: args.options.data,
    labels: args.options.labels,
    epochs: intOption(args, 'epochs', 1),
    // The project file's range: the random streams use a 32-bit seed.
    seed: intOption(args, 'seed', 0, 0xffffffff),
  })
  const spec = session.spec
  const maxEpochs = spec.training.maxEpochs
  const start = { event: 'start', title: project.meta.title, examples: session.epochSize, inputSize: spec.model.inputSize, maxEpochs, seed: spec.seed, precision: spec.model.precision }
  print(json ? JSON.stringify(start) : `Training “${project.meta.title}” on ${session.epochSize} examples (seed ${spec.seed}, ${spec.model.precision})`)
  while (!session.stopped) {
    const m = session.runEpoch()
    if (m) print(json ? JSON.stringify({ event: 'epoch', ...m }) : epochLine(m, maxEpochs))
  }
  if (session.error) {
    print(json ? JSON.stringify({ event: 'error', name: session.error.name, message: session.error.message, nodeId: session.error.nodeId }) : `Training stopped: ${session.error.message}`)
    return 1
  }
  const test = data.test ? session.evaluate(data.test) : undefined
  const done = { event: 'done', stopReason: session.stopped, epochs: session.epoch, iterations: session.iteration, restoredEpoch: session.restoredEpoch, ...(test ? { test: { loss: test.loss, accuracy: test.accuracy } } : {}) }
  if (args.options.out) {
    const out = resolve(args.options.out)
    writeFileSync(out, serializeModel(exportModel(session, { title: project.meta.title })))
    Object.assign(done, { out })
  }
  if (json) print(JSON.stringify(done))
  else {
    print(`Stopped: ${session.stopped} after ${session.epoch} epochs (${session.iteration} updates)${session.restoredEpoch !== null ? `; restored weights of epoch ${session.restoredEpoch}` : ''}.`)
    if (test) print(`Test: loss ${fmt(test.loss)}${test.accuracy !== undefined ? `, accuracy ${(test.accuracy * 100).toFixed(2)}%` : ''} on ${test.count} examples.`)
    if (args.options.out) print(`Model written to ${args.options.out}`)
  }
  return 0
}

/** A data file read for a model: raw values, with the model's preprocessing attached. */
function modelDataset(model: ModelFile, dataPath: string, labelsPath: string | undefined): Dataset {
  const read = readDataFile(resolve(dataPath), labelsPath && resolve(labelsPath), model.preprocessing.labelNames)
  // A CSV's classes are numbered by the values it holds; number them as the model does.
  const raw = model.preprocessing.labelNames ? datasetWithClasses(read, model.preprocessing.labelNames) : read
  if (raw.inputSize !== model.architecture.inputSize) throw new CliError(`The data has ${raw.inputSize} features per row; the model expects ${model.architecture.inputSize}.`)
  const pre = model.preprocessing
  // Bytes read from IDX carry their own 1/255; the model's preprocessing already includes it.
  return {
    ...raw,
    inputScale: pre.scale,
    inputShift: pre.shift ? Float64Array.from(pre.shift) : undefined,
    inputScalePerFeature: pre.scalePerFeature ? Float64Array.from(pre.scalePerFeature) : undefined,
  }
}

/** `axon eval <model.json> --data FILE [--labels FILE] [--json]`. */
export function commandEval(argv: readonly string[], print: Print): number {
  const args = parseArgs(argv, ['data', 'labels'], ['json'])
  const [path] = args.positional
  if (!path || !args.options.data) throw new CliError('Usage: axon eval <model.json> --data FILE [--labels FILE] [--json]', 2)
  const model = readModel(path)
  const ds = modelDataset(model, args.options.data, args.options.labels)
  const session = createSession(modelToSpec(model), ds)
  const result = session.evaluate(ds)
  if (args.flags.has('json')) print(JSON.stringify({ event: 'eval', ...result }))
  else print(`${result.count} examples: loss ${fmt(result.loss)}${result.accuracy !== undefined ? `, accuracy ${(result.accuracy * 100).toFixed(2)}%` : ''}`)
  return 0
}

/** A project's network at its initial (or hand-set) weights, as a model. */
function projectModel(path: string): ModelFile {
  const { project, session } = projectSession(path)
  return exportModel(session, { title: project.meta.title })
}

/** `axon predict <model.json | project.axon.json> --input 0.05,0.1[;…] [--json]`. */
export function commandPredict(argv: readonly string[], print: Print): number {
  const args = parseArgs(argv, ['input'], ['json'])
  const [path] = args.positional
  if (!path || args.options.input === undefined) throw new CliError('Usage: axon predict <model.json | project.axon.json> --input 0.05,0.1[;…] [--json]', 2)
  const rows = parseRows(args.options.input)
  const model = isModelFile(path) ? readModel(path) : projectModel(path)
  const n = model.architecture.inputSize
  const bad = rows.findIndex((r) => r.length !== n)
  if (bad !== -1) throw new CliError(`--input row ${bad + 1} has ${rows[bad].length} value${rows[bad].length === 1 ? '' : 's'}; the network takes ${n}.`, 2)
  const out = createPredictor(model).predictRaw(rows.flat(), rows.length)
  const m = model.architecture.outputSize
  const names = model.preprocessing.labelNames
  rows.forEach((row, i) => {
    const output = Array.from(out.subarray(i * m, (i + 1) * m))
    const best = output.indexOf(Math.max(...output))
    const result = { input: row, output, ...(m > 1 ? { class: best, ...(names ? { label: names[best] } : {}) } : {}) }
    print(args.flags.has('json') ? JSON.stringify(result) : `[${row.join(', ')}] → [${output.join(', ')}]${m > 1 ? `  class ${best}${names ? ` (${names[best]})` : ''}` : ''}`)
  })
  return 0
}

/** `axon trace <project> --sample I [--apply] [--data F] [--labels F]`: the forward/backward trace of one example, as JSON. */
export function commandTrace(argv: readonly string[], print: Print): number {
  const args = parseArgs(argv, ['sample', 'data', 'labels'], ['apply'])
  const [path] = args.positional
  if (!path) throw new CliError('Usage: axon trace <project.axon.json> --sample I [--apply] [--data FILE] [--labels FILE]', 2)
  const i = intOption(args, 'sample', 0) ?? 0
  const { session } = projectSession(path, { data: args.options.data, labels: args.options.labels })
  if (i >= session.train.count) throw new CliError(`--sample ${i} is out of range: the data has ${session.train.count} examples (0 … ${session.train.count - 1}).`, 2)
  print(JSON.stringify(traceSample(session, i, { apply: args.flags.has('apply') }), null, 2))
  return 0
}

export const HELP = `axon — train and run Axon Studio networks from the command line

Usage:
  axon train <project.axon.json> [--data FILE] [--labels FILE] [--epochs N] [--seed S] [--out model.json] [--json]
      Train a project headless. One progress line per epoch; --json prints JSON lines
      ({"event":"start"|"epoch"|"done"|"error", …}). --data/--labels replace the project's
      training files (IDX images + labels, or a CSV whose last column is the target).
  axon eval <model.json> --data FILE [--labels FILE] [--json]
      Loss and accuracy of a trained model on a dataset.
  axon predict <model.json | project.axon.json> --input 0.05,0.1[;0.2,0.3] [--json]
      Outputs for raw input rows (the model's preprocessing is applied).
  axon trace <project.axon.json> --sample I [--apply] [--data FILE] [--labels FILE]
      The forward and backward pass of training example I, as JSON (net, out, delta,
      gradients and the update of every unit and weight).
  axon --help | axon <command> --help

Exit codes: 0 success, 1 bad file or failed training, 2 bad arguments.`

const COMMANDS: Record<string, (argv: readonly string[], print: Print) => number> = {
  train: commandTrain,
  eval: commandEval,
  predict: commandPredict,
  trace: commandTrace,
}

/**
 * Runs `axon` with `argv` (without node and the script). Normal output goes to `print`,
 * problems to `printError`. Returns the exit code; never throws for user errors.
 */
export function runCli(argv: readonly string[], print: Print, printError: Print): number {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    print(HELP)
    return command ? 0 : 2
  }
  const run = COMMANDS[command]
  if (!run) {
    printError(`Unknown command “${command}”. Commands: ${Object.keys(COMMANDS).join(', ')} (axon --help).`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    print(HELP)
    return 0
  }
  try {
    return run(rest, print)
  } catch (e) {
    if (e instanceof CliError) {
      printError(`axon ${command}: ${e.message}`)
      return e.exitCode
    }
    if (isDataError(e) || (e instanceof Error && ['SpecError', 'DivergenceError', 'DataError', 'ModelFormatError', 'ProjectFormatError'].includes(e.name))) {
      const hint = (e as { hint?: string }).hint
      printError(`axon ${command}: ${e.message}${hint ? `\n  ${hint}` : ''}`)
      return 1
    }
    throw e
  }
}
