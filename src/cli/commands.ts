/**
 * The `axon` commands as functions: arguments in, lines out (through `print`), an exit code back.
 * They use the engine's public APIs only; `main.ts` wires them to the process.
 */

import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { datasetWithClasses, isDataError, parseJsonText } from '../engine/data'
import {
  createPredictor,
  exportModel,
  modelToSpec,
  parseModel,
  serializeModel,
  type ModelFile,
} from '../engine/model'
import { compileGraph, parseProject, type Project, type ProjectNodeOf } from '../engine/project'
import type { Dataset, EngineSpec, TrainingSpec } from '../engine/spec'
import { createSession, traceSample, type EpochMetrics, type Session } from '../engine'
import { CliError, intOption, parseArgs, parseRows, type ParsedArgs } from './args'
import { loadProjectData, noteLines, readDataFile, type DataOverrides, type ProjectData } from './data'
import { readJsonText } from './files'
import { problemLines, tidyMessage } from './output'
import { commandExport } from './export'

export type Print = (line: string) => void

/** Reads and parses a project file; errors list every problem with its JSON path. */
export function readProject(path: string): Project {
  const result = parseProject(readJsonText(path))
  if (!result.ok) throw new CliError(`${path} is not a valid project:\n${problemLines(result.errors)}`)
  return result.project
}

/** Reads and validates a model file. */
export function readModel(path: string): ModelFile {
  const result = parseModel(readJsonText(path))
  if (!result.ok) throw new CliError(`${path} is not a valid model file:\n${problemLines(result.errors)}`)
  return result.model
}

function isModelFile(path: string): boolean {
  const parsed = parseJsonText(readJsonText(path))
  return parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && (parsed.value as { format?: unknown }).format === 'axon-studio/model'
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

/** Applies --epochs (a fixed number of epochs, whatever the optimizer's Train setting) and --seed to a project (a copy). */
export function withOverrides(project: Project, overrides: { epochs?: number; seed?: number }): Project {
  const copy = JSON.parse(JSON.stringify(project)) as Project
  if (overrides.seed !== undefined) copy.seed = overrides.seed
  if (overrides.epochs !== undefined) {
    const optimizer = copy.nodes.find((n) => n.kind === 'optimizer') as ProjectNodeOf<'optimizer'> | undefined
    if (optimizer) Object.assign(optimizer.params, { stop: 'epochs', epochs: overrides.epochs })
  }
  return copy
}

/** A project's session at its initial (or hand-set) weights, with its data. */
export function projectSession(path: string, overrides: DataOverrides & { epochs?: number; seed?: number } = {}): { project: Project; session: Session; data: ProjectData } {
  const project = withOverrides(readProject(path), overrides)
  const data = loadProjectData(project, path, overrides)
  // With --data the loaded file replaces inline or built-in data, whose own shape the compiler
  // would otherwise check the network against (a mismatch then surfaced later, without a node id).
  const compiled: Project = overrides.data && project.data.kind !== 'file' ? { ...project, data: { kind: 'file', format: 'csv', path: overrides.data, scaling: 'none' } } : project
  const spec = compileOrThrow(compiled, data)
  return { project, session: createSession(spec, data.train, data.validation ? { validation: data.validation } : {}), data }
}

/** Options that choose and split the data (train and trace). */
const DATA_OPTIONS = ['data', 'labels', 'test', 'test-labels', 'target', 'class-names', 'categorical', 'missing', 'test-fraction', 'validation-fraction']
const DATA_FLAGS = ['classes', 'stratify']
const MISSING = ['error', 'drop', 'mean', 'median', 'mode'] as const

/** A fraction in [0, 1) from an option. */
function fractionOption(args: ParsedArgs, key: string): number | undefined {
  const text = args.options[key]
  if (text === undefined) return undefined
  const value = Number(text)
  if (text.trim() === '' || !(value >= 0 && value < 1)) throw new CliError(`--${key} must be a number ≥ 0 and < 1, e.g. 0.2 (got ${JSON.stringify(text.slice(0, 20))}).`, 2)
  return value
}

/** A comma-separated list of names from an option. */
const listOption = (args: ParsedArgs, key: string): string[] | undefined => args.options[key]?.split(',').map((x) => x.trim()).filter((x) => x !== '')

/** The data choices given on the command line. */
function dataOverrides(args: ParsedArgs): DataOverrides {
  const missing = args.options.missing
  if (missing !== undefined && !(MISSING as readonly string[]).includes(missing)) throw new CliError(`--missing must be one of ${MISSING.join(', ')} (got ${JSON.stringify(missing.slice(0, 20))}).`, 2)
  const o: DataOverrides = {}
  const set = <K extends keyof DataOverrides>(key: K, value: DataOverrides[K] | undefined) => {
    if (value !== undefined) o[key] = value
  }
  set('data', args.options.data)
  set('labels', args.options.labels)
  set('test', args.options.test)
  set('testLabels', args.options['test-labels'])
  set('target', args.options.target)
  set('classNames', listOption(args, 'class-names'))
  set('categorical', listOption(args, 'categorical'))
  set('missing', missing as DataOverrides['missing'])
  set('testFraction', fractionOption(args, 'test-fraction'))
  set('validationFraction', fractionOption(args, 'validation-fraction'))
  if (args.flags.has('classes')) o.classes = true
  if (args.flags.has('stratify')) o.stratify = true
  return o
}

const fmt = (x: number | undefined): string => (x === undefined ? '' : Number(x.toPrecision(9)).toString())

/** How long the run goes, after the epoch number: `/100`, or ` (until solved)`. */
function runLength(t: TrainingSpec): string {
  return t.until === undefined ? `/${t.maxEpochs}` : ` (until ${t.until})`
}

function epochLine(m: EpochMetrics, length: string): string {
  const parts = [`epoch ${m.epoch}${length}`, `loss ${fmt(m.loss)}`]
  if (m.accuracy !== undefined) parts.push(`accuracy ${(m.accuracy * 100).toFixed(2)}%`)
  if (m.valLoss !== undefined) parts.push(`val loss ${fmt(m.valLoss)}`)
  if (m.valAccuracy !== undefined) parts.push(`val accuracy ${(m.valAccuracy * 100).toFixed(2)}%`)
  parts.push(`η ${fmt(m.learningRate)}`, `iterations ${m.iterations}`)
  return parts.join('  ')
}

/** `axon train <project> [--data F] [--labels F] [--epochs N] [--seed S] [--threads N] [--out model.json] [--json]`. */
export function commandTrain(argv: readonly string[], print: Print): number {
  const args = parseArgs(argv, [...DATA_OPTIONS, 'epochs', 'seed', 'threads', 'out'], [...DATA_FLAGS, 'json'])
  const [path] = args.positional
  if (!path || args.positional.length > 1) throw new CliError('Usage: axon train <project.axon.json> [--data FILE] [--labels FILE] [--epochs N] [--seed S] [--threads N] [--out model.json] [--json] (axon --help for the data options)', 2)
  const json = args.flags.has('json')
  // main.ts started the helpers for this count (before the synchronous run); here it is checked.
  intOption(args, 'threads', 1, MAX_THREADS)
  const { project, session, data } = projectSession(path, {
    ...dataOverrides(args),
    epochs: intOption(args, 'epochs', 1),
    // The project file's range: the random streams use a 32-bit seed.
    seed: intOption(args, 'seed', 0, 0xffffffff),
  })
  const spec = session.spec
  // Nobody can press Pause here: a run "until stopped" needs a number of epochs.
  if (spec.training.until === 'stopped') throw new CliError('This project trains “until stopped”, which never ends on the command line: give --epochs N, or set the optimizer’s Train to a number of epochs or until solved.', 2)
  const maxEpochs = spec.training.maxEpochs
  const length = runLength(spec.training)
  const start = { event: 'start', title: project.meta.title, examples: session.epochSize, inputSize: spec.model.inputSize, ...(spec.training.until ? { until: spec.training.until } : { maxEpochs }), seed: spec.seed, precision: spec.model.precision, threads: session.parallel.threads, ...(data.test ? { testExamples: data.test.count } : {}), notes: data.notes }
  const threads = `${session.parallel.threads} thread${session.parallel.threads > 1 ? 's' : ''}`
  print(json ? JSON.stringify(start) : `Training “${project.meta.title}” on ${session.epochSize} examples (seed ${spec.seed}, ${spec.model.precision}, ${threads})${data.test ? `; ${data.test.count} held out for the test` : ''}`)
  if (!json) for (const line of noteLines(data.notes)) print(line)
  while (!session.stopped) {
    const m = session.runEpoch()
    if (m) print(json ? JSON.stringify({ event: 'epoch', ...m }) : epochLine(m, length))
  }
  if (session.error) {
    // The JSON event keeps the stream complete; the words go to stderr, as every problem does.
    if (json) print(JSON.stringify({ event: 'error', name: session.error.name, message: session.error.message, nodeId: session.error.nodeId }))
    throw new CliError(`Training stopped: ${session.error.message}`)
  }
  const test = data.test ? session.evaluate(data.test) : undefined
  if (test) checkFinite(test.loss, 'The test loss')
  const done = { event: 'done', stopReason: session.stopped, epochs: session.epoch, iterations: session.iteration, restoredEpoch: session.restoredEpoch, ...(test ? { test: { loss: test.loss, accuracy: test.accuracy } } : {}) }
  if (args.options.out) {
    const out = resolve(args.options.out)
    writeFileSync(out, serializeModel(exportModel(session, { title: project.meta.title, ...(args.options.data ? {} : { data: project.data }), ...(test ? { test: { ...test, epoch: session.epoch } } : {}) })))
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
  checkFinite(result.loss, 'The loss')
  if (args.flags.has('json')) print(JSON.stringify({ event: 'eval', ...result }))
  else print(`${result.count} examples: loss ${fmt(result.loss)}${result.accuracy !== undefined ? `, accuracy ${(result.accuracy * 100).toFixed(2)}%` : ''}`)
  return 0
}

/** Refuses to report a NaN or infinite number as a result (the weights or data are broken). */
function checkFinite(x: number, what: string): void {
  if (!Number.isFinite(x)) throw new CliError(`${what} is ${x}: the model's weights or the data hold values the network cannot compute with.`)
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
  if (!out.every(Number.isFinite)) throw new CliError('The outputs are not finite numbers: the model\'s weights or preprocessing hold values the network cannot compute with.')
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
  const args = parseArgs(argv, ['sample', ...DATA_OPTIONS], ['apply', ...DATA_FLAGS])
  const [path] = args.positional
  if (!path) throw new CliError('Usage: axon trace <project.axon.json> --sample I [--apply] [--data FILE] [--labels FILE]', 2)
  const i = intOption(args, 'sample', 0) ?? 0
  const { session } = projectSession(path, dataOverrides(args))
  if (i >= session.train.count) throw new CliError(`--sample ${i} is out of range: the data has ${session.train.count} examples (0 … ${session.train.count - 1}).`, 2)
  print(JSON.stringify(traceSample(session, i, { apply: args.flags.has('apply') }), null, 2))
  return 0
}

export const HELP = `axon — train and run Axon Studio networks from the command line

Usage:
  axon train <project.axon.json> [--data FILE] [--labels FILE] [--epochs N] [--seed S] [--threads N] [--out model.json] [--json]
      Train a project headless. One progress line per epoch; --json prints JSON lines
      ({"event":"start"|"epoch"|"done"|"error", …}). --data/--labels replace the project's
      training files (IDX images + labels, or a CSV, .csv.gz too, whose last column is the
      target); --test/--test-labels its test files. --threads N splits each mini-batch over
      N threads (default: the cores available; float32 chains of dense layers: no dropout,
      batch norm, Add, Concatenate or noisy ReLU; a run is reproducible for its thread count).
    Data options (train and trace; they replace the project's data settings):
      --target COL            the CSV target column (name, or 0-based index)
      --classes               the whole-number target column holds classes, not a number
      --class-names A,B,C     names of classes 0, 1, 2 … (implies --classes)
      --categorical COL,…     numeric columns read as categories
      --missing POLICY        rows with missing values: error, drop, mean, median, mode
                              (fills are computed on the training part only)
      --validation-fraction F, --test-fraction F   shares held out (the test is evaluated at the end)
      --stratify              keep each class's share in every part
  axon eval <model.json> --data FILE [--labels FILE] [--json]
      Loss and accuracy of a trained model on a dataset.
  axon predict <model.json | project.axon.json> --input 0.05,0.1[;0.2,0.3] [--json]
      Outputs for raw input rows (the model's preprocessing is applied).
  axon trace <project.axon.json> --sample I [--apply] [--data FILE] [--labels FILE]
      The forward and backward pass of training example I, as JSON (net, out, delta,
      gradients and the update of every unit and weight).
  axon export <project.axon.json | model.json> --to pytorch|onnx --out FILE
      A PyTorch training script (runs as is or under torchrun) or an ONNX inference graph.
  axon --help | axon <command> --help

Exit codes: 0 success, 1 bad file or failed training, 2 bad arguments.`

/** The most threads `--threads` accepts. */
export const MAX_THREADS = 64

const COMMANDS: Record<string, (argv: readonly string[], print: Print) => number> = {
  export: (argv, print) => commandExport(argv, print),
  train: commandTrain,
  eval: commandEval,
  predict: commandPredict,
  trace: commandTrace,
}

const HELP_WORDS = new Set(['--help', '-h', 'help'])

/** True when `argv` only asks for the help text (`axon`, `axon --help`, `axon train -h`…): nothing to compute. */
export function asksForHelp(argv: readonly string[]): boolean {
  const [command, ...rest] = argv
  return !command || HELP_WORDS.has(command) || (Object.hasOwn(COMMANDS, command) && (rest.includes('--help') || rest.includes('-h')))
}

/**
 * Runs `axon` with `argv` (without node and the script). Normal output goes to `print`,
 * problems to `printError`. Returns the exit code; never throws for user errors.
 */
export function runCli(argv: readonly string[], print: Print, printError: Print): number {
  const [command, ...rest] = argv
  if (asksForHelp(argv)) {
    print(HELP)
    return command ? 0 : 2
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
  if (!run) {
    printError(`Unknown command “${command}”. Commands: ${Object.keys(COMMANDS).join(', ')} (axon --help).`)
    return 2
  }
  try {
    return run(rest, print)
  } catch (e) {
    printError(tidyMessage(errorText(command, e)))
    return e instanceof CliError ? e.exitCode : 1
  }
}

/** Known problems say what and why; anything else is reported in one line, never as a stack. */
function errorText(command: string, e: unknown): string {
  if (e instanceof CliError) return `axon ${command}: ${e.message}`
  if (isDataError(e) || (e instanceof Error && ['SpecError', 'DivergenceError', 'EngineError', 'ModelFormatError', 'ProjectFormatError'].includes(e.name))) {
    const hint = (e as { hint?: string }).hint
    return `axon ${command}: ${(e as Error).message}${hint ? `\n  ${hint}` : ''}`
  }
  if (e instanceof RangeError) return `axon ${command}: the input is too large or too deeply nested to process (${e.message}).`
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
  return `axon ${command}: internal error (${message}). Please report it with the file that caused it.`
}
