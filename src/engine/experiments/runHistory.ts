/**
 * Run history: every training run of a project kept as a record in the project file (`runs`):
 * the network it trained (graph, seed, precision, data), its curves per epoch, its final and
 * best metrics, and the trained values (weights, biases, batch-norm γ/β and statistics) so the
 * run's network can be put back on the canvas. Pure data and functions; the schema is declared
 * here and joined into the project file's by `project/schema.ts`.
 *
 * Bounded: at most `RUN_LIMITS.runs` records (the oldest unpinned go first), curves thinned to
 * `RUN_LIMITS.curvePoints` epochs, and trained values kept only for pinned runs and the newest
 * few (`RUN_LIMITS.models`, `RUN_LIMITS.modelNumbers`); the newest run always keeps its own.
 */
import type { z as zType } from '../schema/z'
import { z } from '../schema/z'
import { int, number, numberList, numberMatrix, precision, seed, stringList } from '../schema/fields'
import type { DataSource, Project, ProjectEdge, ProjectNode } from '../project/types'
import type { ModelFile } from '../model/format'
import { sweepRunRecord, type EpochLike } from './sweep'

/** How much history a project keeps. */
export const RUN_LIMITS = {
  /** Records kept; beyond it the oldest unpinned one is dropped (metrics, curves and all). */
  runs: 40,
  /** Points per curve; longer runs keep evenly spaced epochs (first and last always). */
  curvePoints: 400,
  /** Unpinned runs that keep their trained values (the newest ones). */
  models: 5,
  /** Numbers of trained values kept over all runs; the newest run keeps its own regardless. */
  modelNumbers: 400_000,
} as const

/** Parts of the run-history schema published as references to the project's own (for `toJsonSchema`). */
export const RUN_JSON_REFS: [zType.ZodType, Record<string, unknown>][] = []

/** A metric as saved: a number, or null where it was NaN (JSON has no NaN). */
const metric = z.number().nullable()
const metricList = z.array(metric, { error: 'must be a list of numbers (null where one was NaN)' })

/** The trained values of one node, by parameter (`weights` [units][inputs], `biases`, `gamma` …). */
const trainedValues = z.record(z.string(), z.union([numberList, numberMatrix]))

/**
 * The run-history schema, given the project's node, edge and data schemas (passed in, because
 * the project schema includes this one).
 */
export function runHistorySchema<N extends zType.ZodType, E extends zType.ZodType, D extends zType.ZodType>(parts: { node: N; edge: E; data: D }) {
  const data = parts.data.describe('The data it trained on, as the project’s `data`.')
  const nodes = z.array(parts.node)
  const edges = z.array(parts.edge)
  // The published schema points at the project's own nodes, edges and data rather than repeat them.
  RUN_JSON_REFS.push([data, { $ref: '#/properties/data' }], [nodes, { $ref: '#/properties/nodes' }], [edges, { $ref: '#/properties/edges' }])
  const network = z.object({
    seed,
    precision,
    data,
    nodes,
    edges,
    /** Nodes that started from hand-set values (left out here: they are a run's `weights`). */
    handSet: stringList.optional(),
  })
  const record = z.object({
    id: z.string(),
    /** "Run 3": what the Runs tab calls it. */
    name: z.string(),
    /** When it ended, as the app's clock wrote it (ISO text). */
    created: z.string(),
    /** Kept (with its trained values) however long the history grows. */
    pinned: z.boolean().optional(),
    /** Its colour in the views that draw runs: the palette's entry at this index (modulo its size), one after the run recorded before it. */
    color: int({ min: 0 }).optional(),
    status: z.enum(['finished', 'stopped', 'failed']),
    /** Why it stopped (`maxEpochs`, `earlyStopping` …) or the error message. */
    note: z.string(),
    epochs: int({ min: 0 }),
    iterations: int({ min: 0 }),
    /** Seconds spent training (measured by the app, not the engine); 0 for a run opened from a model file. */
    seconds: number({ min: 0 }),
    /** The model file the run was opened from (Open model… on a project of its network), where it did not train here: its training time is not known. */
    openedFrom: z.string().optional(),
    final: z.object({ loss: metric, accuracy: metric.optional(), valLoss: metric.optional(), valAccuracy: metric.optional() }),
    best: z.object({ loss: metric, valLoss: metric.optional(), valAccuracy: metric.optional(), valEpoch: int({ min: 0 }).optional() }),
    test: z.object({ loss: metric, accuracy: metric.optional(), count: int({ min: 0 }) }).optional(),
    /** Per-epoch curves: `epoch[i]` is the epoch of every curve's i-th value. */
    curves: z
      .object({ epoch: z.array(int({ min: 0 })), loss: metricList, accuracy: metricList.optional(), valLoss: metricList.optional(), valAccuracy: metricList.optional() })
      .refine((c) => [c.loss, c.accuracy, c.valLoss, c.valAccuracy].every((a) => a === undefined || a.length === c.epoch.length), { error: 'every curve must have one value per epoch listed' }),
    network,
    /** Trained values by node id (absent once dropped to keep the file small). */
    weights: z.record(z.string(), trainedValues).optional(),
  })
  return z.array(record).meta({ description: 'Training runs of this network, oldest first (docs/project-format.md, “Run history”).' })
}

/** One run as the project keeps it (the type of the schema above, as the project file reads). */
export type RunRecord = NonNullable<Project['runs']>[number]
/** The network a run trained, as saved (hand-set values left out). */
export type RunNetwork = RunRecord['network']
/** Trained values by node id, then parameter. */
export type RunWeights = NonNullable<RunRecord['weights']>

/** Parameters holding hand-set values (a node's trained weights, biases, γ, β, statistics). */
export const HAND_SET_PARAMS: readonly string[] = ['weights', 'biases', 'gamma', 'beta', 'runningMean', 'runningVar']

/** The network of `project` as a run keeps it: hand-set values left out, their nodes listed. */
export function runNetworkOf(project: { seed: number; precision: RunNetwork['precision']; data: DataSource; nodes: readonly ProjectNode[]; edges: readonly ProjectEdge[] }): RunNetwork {
  const handSet: string[] = []
  const nodes = project.nodes.map((node) => {
    const params = { ...(node.params as Record<string, unknown>) }
    let had = false
    for (const key of HAND_SET_PARAMS) {
      if (params[key] === undefined) continue
      had = true
      delete params[key]
    }
    if (had) handSet.push(node.id)
    return JSON.parse(JSON.stringify({ ...node, params })) as ProjectNode
  })
  const network: RunNetwork = { seed: project.seed, precision: project.precision, data: JSON.parse(JSON.stringify(project.data)) as DataSource, nodes, edges: project.edges.map((e) => ({ ...e })) }
  if (handSet.length > 0) network.handSet = handSet
  return network
}

/** A trained model's values by node (what a run keeps to put its network back): every hand-set parameter its layers have. */
const copyRows = (v: number[] | number[][]): number[] | number[][] => (v.length > 0 && Array.isArray(v[0]) ? (v as number[][]).map((row) => row.slice()) : (v as number[]).slice())

export function trainedValuesOf(model: ModelFile): RunWeights {
  const out: RunWeights = {}
  for (const layer of model.architecture.layers) {
    const fields = layer as unknown as Record<string, unknown>
    const values: Record<string, number[] | number[][]> = {}
    // A copy of the rows (numbers only, finite in a model file): a JSON round trip cost 70 ms per Fashion run on the page.
    for (const key of HAND_SET_PARAMS) if (Array.isArray(fields[key])) values[key] = copyRows(fields[key] as number[] | number[][])
    if (Object.keys(values).length > 0) out[layer.nodeId] = values
  }
  return out
}

/** The run's nodes with its trained values put back as hand-set values (for the canvas). */
export function runNodesWithWeights(run: RunRecord): ProjectNode[] {
  return run.network.nodes.map((node) => {
    const values = run.weights?.[node.id]
    if (!values) return JSON.parse(JSON.stringify(node)) as ProjectNode
    return JSON.parse(JSON.stringify({ ...node, params: { ...node.params, ...values } })) as ProjectNode
  })
}

const toMetric = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : v)

/** Every `step`-th index of 0 … n−1 thinned to at most `max`, first and last kept. */
export function evenIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i)
  const out = new Set<number>()
  for (let k = 0; k < max; k++) out.add(Math.round((k * (n - 1)) / (max - 1)))
  return [...out]
}

/** What a finished, stopped or failed run leaves for its record. */
export interface RunEnd {
  id: string
  name: string
  created: string
  status: RunRecord['status']
  note: string
  seconds: number
  iterations: number
  epochs: readonly EpochLike[]
  test?: { loss: number; accuracy?: number; count: number } | null
  network: RunNetwork
  weights?: RunWeights
}

/** The record of a run: its metrics (as a sweep computes them), curves thinned, NaN as null. */
export function createRunRecord(end: RunEnd): RunRecord {
  const r = sweepRunRecord([], end.epochs, { status: end.status, note: end.note, seconds: end.seconds, test: end.test })
  const keep = evenIndices(end.epochs.length, RUN_LIMITS.curvePoints)
  const pick = (a: number[] | undefined) => (a ? keep.map((i) => toMetric(a[i])) : undefined)
  const curves: RunRecord['curves'] = { epoch: keep.map((i) => end.epochs[i].epoch), loss: pick(r.curves.loss)! }
  for (const key of ['accuracy', 'valLoss', 'valAccuracy'] as const) if (r.curves[key]) curves[key] = pick(r.curves[key])
  const final: RunRecord['final'] = { loss: toMetric(r.final.loss) }
  for (const key of ['accuracy', 'valLoss', 'valAccuracy'] as const) if (r.final[key] !== undefined) final[key] = toMetric(r.final[key])
  const best: RunRecord['best'] = { loss: toMetric(r.best.loss) }
  if (r.best.valLoss !== undefined) best.valLoss = toMetric(r.best.valLoss)
  if (r.best.valAccuracy !== undefined) best.valAccuracy = toMetric(r.best.valAccuracy)
  if (r.best.valEpoch !== undefined) best.valEpoch = r.best.valEpoch
  const record: RunRecord = { id: end.id, name: end.name, created: end.created, status: end.status, note: end.note, epochs: r.epochs, iterations: end.iterations, seconds: end.seconds, final, best, curves, network: end.network }
  if (r.test) record.test = { loss: toMetric(r.test.loss), ...(r.test.accuracy !== undefined ? { accuracy: toMetric(r.test.accuracy) } : {}), count: r.test.count }
  if (end.weights) record.weights = end.weights
  return record
}

/** "Run N" for the next run: one more than the highest number so far. */
export function nextRunName(runs: readonly RunRecord[]): string {
  const numbers = runs.map((r) => /^Run (\d+)$/.exec(r.name)).map((m) => (m ? Number(m[1]) : 0))
  return `Run ${Math.max(0, ...numbers) + 1}`
}

/** How many numbers a run's trained values hold. */
export function weightCount(weights: RunWeights | undefined): number {
  let n = 0
  for (const values of Object.values(weights ?? {})) for (const v of Object.values(values)) for (const x of v) n += Array.isArray(x) ? x.length : 1
  return n
}

/** Bounds of a run history; `strict`: the newest run too keeps its values only within `modelNumbers`. */
export interface RunBounds {
  runs: number
  models: number
  modelNumbers: number
  strict?: boolean
}

/**
 * The history within its limits: the oldest unpinned records beyond `runs` dropped, and trained
 * values kept only for pinned runs and the newest `models` unpinned ones, newest first while
 * they fit in `modelNumbers` (the newest run keeps its own in any case, unless `strict`).
 */
export function boundRunHistory(runs: readonly RunRecord[], limits: RunBounds = RUN_LIMITS): RunRecord[] {
  // Coloured before any is dropped: a run keeps its colour when older ones go.
  const kept = withRunColors(runs)
  while (kept.length > limits.runs) {
    const oldest = kept.findIndex((r) => !r.pinned)
    if (oldest < 0) break
    kept.splice(oldest, 1)
  }
  let numbers = 0
  let models = 0
  const out = new Array<RunRecord>(kept.length)
  // Pinned first, then newest first: each keeps its values while the budget allows.
  const order = kept.map((_, i) => i).sort((a, b) => Number(Boolean(kept[b].pinned)) - Number(Boolean(kept[a].pinned)) || b - a)
  for (const i of order) {
    const r = kept[i]
    const n = weightCount(r.weights)
    const newest = i === kept.length - 1 && !limits.strict
    const fits = numbers + n <= limits.modelNumbers && (r.pinned || models < limits.models)
    if (r.weights && (fits || newest)) {
      numbers += n
      if (!r.pinned) models++
      out[i] = r
    } else out[i] = dropWeights(r)
  }
  return out
}

function dropWeights(r: RunRecord): RunRecord {
  if (!r.weights) return r
  const { weights: _dropped, ...rest } = r
  return rest
}

/**
 * The history with `record` added at the end, within its limits. A record without a colour (a
 * new run) gets the one after the highest in the history; one taken again keeps its own.
 */
export function addRun(runs: readonly RunRecord[], record: RunRecord): RunRecord[] {
  const coloured = withRunColors(runs)
  const color = record.color ?? Math.max(-1, ...coloured.map((r) => r.color)) + 1
  return boundRunHistory([...coloured, { ...record, color }])
}

/**
 * The history with a colour on every run: a run recorded before runs had one (an older file)
 * takes the one after the run before it, from 0, which is its place in the history, as the
 * views coloured it then. Given once, a colour stays whatever is deleted or dropped.
 */
export function withRunColors<R extends { color?: number }>(runs: readonly R[]): (R & { color: number })[] {
  let previous = -1
  return runs.map((r) => {
    if (r.color !== undefined) {
      previous = r.color
      return r as R & { color: number }
    }
    previous += 1
    return { ...r, color: previous }
  })
}

/** The history without any trained values (what an autosave that would not fit keeps). */
export function withoutRunWeights(runs: readonly RunRecord[]): RunRecord[] {
  return runs.map(dropWeights)
}
