/**
 * Sweeps: one or two settings of the network, each over a list of values; every combination is
 * trained as its own run, and the results are compared in a table (best marked) and as curves.
 * Pure data and functions: the grid, the project of each run, the record of a finished run, the
 * best run, and the CSV export. Stored in the project file under `experiments.sweeps`.
 */
import type { Project } from '../project/types'

/** The value a setting takes in one run. */
export type SweepValue = number | string | boolean

/** The project-level settings a sweep can vary (not a node's parameter). */
export const PROJECT_SETTING = '(project)'

/** One setting varied: a node's parameter (or the project's `seed`), and its values. */
export interface SweepAxis {
  /** The node, or `PROJECT_SETTING` for the project's seed. */
  nodeId: string
  param: string
  values: SweepValue[]
}

/** Metrics of a finished run: the last epoch's, the best validation epoch's, and the test set's. */
export interface SweepRunRecord {
  /** One value per axis, in axis order. */
  values: SweepValue[]
  status: 'finished' | 'failed' | 'stopped'
  /** Why it stopped (`maxEpochs`, `earlyStopping` …) or the error message. */
  note: string
  epochs: number
  /** Wall-clock seconds the run took (measured by the app, not the engine). */
  seconds: number
  final: { loss: number; accuracy?: number; valLoss?: number; valAccuracy?: number }
  /** Lowest training loss, and the epoch of the lowest validation loss with its numbers. */
  best: { loss: number; valLoss?: number; valAccuracy?: number; valEpoch?: number }
  test?: { loss: number; accuracy?: number; count: number }
  /** Per-epoch curves for the overlay chart. */
  curves: { loss: number[]; valLoss?: number[]; accuracy?: number[]; valAccuracy?: number[] }
}

export interface Sweep {
  id: string
  /** Its number, as its runs' names in the run history say it ("(sweep 2)"); absent in files made before it was kept. */
  number?: number
  /** When it was run, as the app's clock wrote it (ISO text). */
  created: string
  axes: SweepAxis[]
  runs: SweepRunRecord[]
}

/** One setting of the sweep form as the user typed it (not yet read: the text may not parse). */
export interface SweepDraftAxis {
  nodeId: string
  param: string
  text: string
}

/** What a project keeps of its experiments. */
export interface ProjectExperiments {
  sweeps: Sweep[]
  /** The Experiments window's sweep form as last typed (one or two settings), so a reload keeps it. */
  draft?: SweepDraftAxis[]
}

/** Longest values text the form keeps (12 values of any width fit well within it). */
export const MAX_DRAFT_TEXT = 1000

/** Most runs one sweep may have (two axes of up to 12 values). */
export const MAX_SWEEP_RUNS = 144

/** Every combination of the axes' values, first axis slowest: [[a1, b1], [a1, b2], …]. */
export function sweepGrid(axes: readonly SweepAxis[]): SweepValue[][] {
  let grid: SweepValue[][] = [[]]
  for (const axis of axes) grid = grid.flatMap((combo) => axis.values.map((v) => [...combo, v]))
  return grid
}

/**
 * The project one run of the sweep trains: the base project with each axis's setting replaced.
 * @throws Error naming the node or setting when an axis does not fit the project.
 */
export function sweepProject(base: Project, axes: readonly SweepAxis[], values: readonly SweepValue[]): Project {
  // The run history and other sweeps (trained weights, curves) are not part of the network: not copied per run.
  let project: Project = JSON.parse(JSON.stringify({ ...base, runs: undefined, experiments: undefined })) as Project
  axes.forEach((axis, i) => {
    const value = values[i]
    if (axis.nodeId === PROJECT_SETTING) {
      if (axis.param !== 'seed' || typeof value !== 'number') throw new Error(`The project setting “${axis.param}” cannot be swept (only the seed, a whole number).`)
      project = { ...project, seed: value }
      return
    }
    const node = project.nodes.find((n) => n.id === axis.nodeId)
    if (!node) throw new Error(`The node “${axis.nodeId}” of the sweep is not in the network.`)
    if (!(axis.param in node.params)) throw new Error(`The node “${axis.nodeId}” has no setting “${axis.param}”.`)
    ;(node.params as unknown as Record<string, unknown>)[axis.param] = value
  })
  return project
}

/** One epoch's metrics as the engine streams them (the subset a record needs). */
export interface EpochLike {
  epoch: number
  loss: number
  accuracy?: number
  valLoss?: number
  valAccuracy?: number
}

/** The record of a run from its epochs, end state, test result and duration. */
export function sweepRunRecord(values: SweepValue[], epochs: readonly EpochLike[], end: { status: SweepRunRecord['status']; note: string; seconds: number; test?: { loss: number; accuracy?: number; count: number } | null }): SweepRunRecord {
  const last = epochs.at(-1)
  const column = (key: 'accuracy' | 'valLoss' | 'valAccuracy') => (epochs.length > 0 && epochs.every((e) => e[key] !== undefined) ? epochs.map((e) => e[key]!) : undefined)
  const curves: SweepRunRecord['curves'] = { loss: epochs.map((e) => e.loss) }
  for (const key of ['accuracy', 'valLoss', 'valAccuracy'] as const) {
    const c = column(key)
    if (c) curves[key] = c
  }
  const final: SweepRunRecord['final'] = { loss: last?.loss ?? NaN }
  for (const key of ['accuracy', 'valLoss', 'valAccuracy'] as const) if (last?.[key] !== undefined) final[key] = last[key]
  const best: SweepRunRecord['best'] = { loss: epochs.length ? Math.min(...epochs.map((e) => e.loss)) : NaN }
  if (curves.valLoss) {
    const i = curves.valLoss.indexOf(Math.min(...curves.valLoss))
    best.valLoss = curves.valLoss[i]
    best.valEpoch = epochs[i].epoch
    if (curves.valAccuracy) best.valAccuracy = curves.valAccuracy[i]
  }
  return { values, status: end.status, note: end.note, epochs: last?.epoch ?? 0, seconds: end.seconds, final, best, ...(end.test ? { test: { ...end.test } } : {}), curves }
}

/** How runs are ranked: test accuracy, else validation accuracy, else validation loss, else training loss. */
export function sweepScore(r: SweepRunRecord): { value: number; higherIsBetter: boolean; label: string } {
  if (r.test?.accuracy !== undefined) return { value: r.test.accuracy, higherIsBetter: true, label: 'test accuracy' }
  if (r.test) return { value: r.test.loss, higherIsBetter: false, label: 'test loss' }
  if (r.best.valAccuracy !== undefined) return { value: r.best.valAccuracy, higherIsBetter: true, label: 'validation accuracy' }
  if (r.best.valLoss !== undefined) return { value: r.best.valLoss, higherIsBetter: false, label: 'validation loss' }
  return { value: r.final.loss, higherIsBetter: false, label: 'training loss' }
}

/** Index of the best finished run (by `sweepScore`), or null when none finished. */
export function bestSweepRun(runs: readonly SweepRunRecord[]): number | null {
  let best: number | null = null
  runs.forEach((r, i) => {
    const s = sweepScore(r)
    if (r.status !== 'finished' || !Number.isFinite(s.value)) return
    if (best === null) return void (best = i)
    const b = sweepScore(runs[best]).value
    if (s.higherIsBetter ? s.value > b : s.value < b) best = i
  })
  return best
}

const csvCell = (v: unknown): string => {
  if (v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v))) return ''
  const text = String(v)
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The sweep's results as CSV: one row per run, a column per axis, then the metrics; `best` marks the best run. */
export function sweepCsv(sweep: Sweep): string {
  const best = bestSweepRun(sweep.runs)
  const head = [...sweep.axes.map((a) => (a.nodeId === PROJECT_SETTING ? a.param : `${a.nodeId}.${a.param}`)), 'status', 'epochs', 'seconds', 'final_loss', 'final_accuracy', 'final_val_loss', 'final_val_accuracy', 'best_val_loss', 'best_val_epoch', 'test_loss', 'test_accuracy', 'best']
  const rows = sweep.runs.map((r, i) => [...r.values, r.status, r.epochs, r.seconds.toFixed(2), r.final.loss, r.final.accuracy, r.final.valLoss, r.final.valAccuracy, r.best.valLoss, r.best.valEpoch, r.test?.loss, r.test?.accuracy, i === best ? 'yes' : ''])
  return [head, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n'
}

/** JSON Schema of the project's `experiments` section (part of `project.schema.json`). */
export const EXPERIMENTS_JSON_SCHEMA = {
  description: 'Sweeps run on this network: the settings varied and each run’s metrics and curves (docs/project-format.md).',
  type: 'object',
  required: ['sweeps'],
  properties: {
    sweeps: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'axes', 'runs'],
        properties: {
          id: { type: 'string' },
          number: { type: 'integer', minimum: 1 },
          created: { type: 'string' },
          axes: { type: 'array', minItems: 1, maxItems: 2, items: { type: 'object', required: ['nodeId', 'param', 'values'], properties: { nodeId: { type: 'string' }, param: { type: 'string' }, values: { type: 'array', minItems: 1, items: { type: ['number', 'string', 'boolean'] } } } } },
          runs: { type: 'array', items: { type: 'object', required: ['values', 'status', 'epochs', 'final', 'best', 'curves'] } },
        },
      },
    },
    draft: {
      description: 'The sweep form as last typed: one or two settings and their values text.',
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: { type: 'object', required: ['nodeId', 'param', 'text'], properties: { nodeId: { type: 'string' }, param: { type: 'string' }, text: { type: 'string', maxLength: MAX_DRAFT_TEXT } } },
    },
  },
} as const

/** The first problem of a project's `experiments` value (path below `$.experiments`, message), or null. */
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

export function experimentsProblem(value: unknown): { path: string; message: string } | null {
  if (!isObject(value) || !Array.isArray(value.sweeps)) return { path: '', message: 'must be an object with a list of sweeps' }
  if (value.draft !== undefined) {
    const problem = draftProblem(value.draft)
    if (problem) return { path: `.draft${problem.path}`, message: problem.message }
  }
  for (const [i, s] of value.sweeps.entries()) {
    const at = `.sweeps[${i}]`
    if (!isObject(s) || typeof s.id !== 'string' || !Array.isArray(s.axes) || !Array.isArray(s.runs)) return { path: at, message: 'must have an id, axes and runs' }
    if (s.number !== undefined && !(Number.isInteger(s.number) && (s.number as number) >= 1)) return { path: `${at}.number`, message: 'must be a whole number from 1' }
    if (s.axes.length < 1 || s.axes.length > 2) return { path: `${at}.axes`, message: `must have one or two settings (has ${s.axes.length})` }
    for (const [k, a] of s.axes.entries()) {
      if (!isObject(a) || typeof a.nodeId !== 'string' || typeof a.param !== 'string' || !Array.isArray(a.values)) return { path: `${at}.axes[${k}]`, message: 'must name a node, a setting and its values' }
      if (a.values.length === 0 || !a.values.every((v) => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string' || typeof v === 'boolean')) return { path: `${at}.axes[${k}].values`, message: 'must be one or more numbers, texts or yes/no values' }
    }
    for (const [k, r] of s.runs.entries()) {
      if (!isObject(r) || !Array.isArray(r.values) || r.values.length !== s.axes.length || !isObject(r.final) || !isObject(r.curves)) return { path: `${at}.runs[${k}]`, message: 'must have one value per axis, final metrics and curves' }
      const problem = runProblem(r)
      if (problem) return { path: `${at}.runs[${k}]${problem.path}`, message: problem.message }
    }
  }
  return null
}

/** The first problem of the saved sweep form, or null. */
function draftProblem(draft: unknown): { path: string; message: string } | null {
  if (!Array.isArray(draft) || draft.length < 1 || draft.length > 2) return { path: '', message: 'must be a list of one or two settings' }
  for (const [k, a] of draft.entries()) {
    if (!isObject(a) || typeof a.nodeId !== 'string' || typeof a.param !== 'string' || typeof a.text !== 'string') return { path: `[${k}]`, message: 'must name a node, a setting and the values text' }
    if (a.text.length > MAX_DRAFT_TEXT) return { path: `[${k}].text`, message: `must be at most ${MAX_DRAFT_TEXT} characters` }
  }
  return null
}

/** A metric as saved: a number, or null where it was NaN (JSON has no NaN). */
const isMetric = (x: unknown): boolean => x === null || (typeof x === 'number' && Number.isFinite(x))
const METRIC_MESSAGE = 'must be a number (or null)'

/** The first problem of a run record's fields the results table and charts read, or null. */
function runProblem(r: Record<string, unknown>): { path: string; message: string } | null {
  if (r.status !== 'finished' && r.status !== 'failed' && r.status !== 'stopped') return { path: '.status', message: 'must be "finished", "failed" or "stopped"' }
  for (const key of ['epochs', 'seconds']) if (!(typeof r[key] === 'number' && Number.isFinite(r[key]) && (r[key] as number) >= 0)) return { path: `.${key}`, message: 'must be a number ≥ 0' }
  const sections: [string, unknown, string[], boolean][] = [
    ['final', r.final, ['loss', 'accuracy', 'valLoss', 'valAccuracy'], true],
    ['best', r.best, ['loss', 'valLoss', 'valAccuracy', 'valEpoch'], true],
    ['test', r.test, ['loss', 'accuracy', 'count'], false],
  ]
  for (const [name, section, keys, required] of sections) {
    if (section === undefined && !required) continue
    if (!isObject(section)) return { path: `.${name}`, message: 'must be an object of metrics' }
    for (const key of keys) if (section[key] !== undefined && !isMetric(section[key])) return { path: `.${name}.${key}`, message: METRIC_MESSAGE }
  }
  const curves = r.curves as Record<string, unknown>
  for (const key of ['loss', 'valLoss', 'accuracy', 'valAccuracy']) {
    const c = curves[key]
    if ((key === 'loss' || c !== undefined) && !(Array.isArray(c) && c.every(isMetric))) return { path: `.curves.${key}`, message: 'must be a list of numbers (null where one was NaN)' }
  }
  return null
}
