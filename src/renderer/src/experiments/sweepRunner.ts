/**
 * Runs a sweep: every combination of the chosen settings, each trained to its end as the
 * network's own settings say, as many at once as the engine has runner threads for (the
 * threads setting; each point on one thread, so its numbers do not depend on what ran beside
 * it), the others queued. The sweep is in the project from its start, and each finished run's
 * record is added to it at once (in grid order), so results survive a stop or a reload, and to
 * the project's run history (sweepHistory.ts), to compare and restore like any run.
 */
import { create } from 'zustand'
import { compileGraph, type Project } from '../../../engine/project'
import type { EngineSpec } from '../../../engine/spec'
import { MAX_SWEEP_RUNS, sweepGrid, sweepProject, sweepRunRecord, type Sweep, type SweepAxis, type SweepRunRecord, type SweepValue } from '../../../engine/experiments/sweep'
import type { TrainingData } from '../../../engine/host/training'
import { getEngineConnection, onEngineEvent } from '../engineClient'
import { useDocument } from '../store/documentStore'
import { projectTrainingData } from '../training/projectData'
import { nextSweepNumber, recordSweepRun, sweepRunName } from './sweepHistory'
import { startLanes, type Lanes } from './sweepLanes'

/** A run under way: its epoch and its limit. */
export interface RunningPoint {
  epoch: number
  maxEpochs: number
  /** The engine started training it (its first snapshot came); until then it waits in the engine for a runner (queued). */
  started: boolean
}

export interface SweepProgress {
  sweepId: string | null
  total: number
  /** Runs ended (finished, failed, or stopped by the user). */
  done: number
  /** Runs under way, by their place in the grid (0-based). */
  running: Record<number, RunningPoint>
  /** How many runs train at once. */
  parallel: number
  cancelled: boolean
  error: string | null
}

export const useSweepProgress = create<SweepProgress>()(() => ({ sweepId: null, total: 0, done: 0, running: {}, parallel: 1, cancelled: false, error: null }))
const progress = useSweepProgress.setState

let runSerial = 0

/** The sweep under way: its own stop flag and the engine run ids of its points training (what Stop cancels). */
interface ActiveSweep {
  cancelled: boolean
  readonly runIds: Set<string>
  /** Its lanes, once it trains (more can be opened when the threads setting is raised). */
  lanes: Lanes | null
  total: number
}
let active: ActiveSweep | null = null

function setRunning(index: number, point: RunningPoint | null): void {
  const running = { ...useSweepProgress.getState().running }
  if (point) running[index] = point
  else delete running[index]
  progress({ running })
}

/**
 * Puts the sweep (as it grows) into the project, in every step of its undo history (results are
 * not edits). Only into the document it was started on (`loadSerial`): never into one opened since.
 */
function saveSweep(sweep: Sweep, loadSerial: number): void {
  const doc = useDocument.getState()
  if (doc.loadSerial === loadSerial) doc.recordSweep(sweep)
}

/** A grid point: its place, values, project (the canvas's with its settings) and name in the run history. */
interface SweepPoint {
  index: number
  values: SweepValue[]
  project: Project
  name: string
}

/**
 * Trains one point to its end on an engine runner; resolves with its record for the sweep, and
 * adds its run to the project's run history (with its trained values) when it finished or failed.
 */
async function runPoint(point: SweepPoint, spec: EngineSpec, data: TrainingData, loadSerial: number, sweep: ActiveSweep): Promise<SweepRunRecord> {
  const engine = (await getEngineConnection()).engine
  // Stopped while this point was being set up (before its run id was in the set Stop cancels): it
  // must not start, or it would train to its end with the sweep saying "stopping…" meanwhile.
  if (sweep.cancelled) return sweepRunRecord(point.values, [], { status: 'stopped', note: 'stopped', seconds: 0 })
  const runIds = sweep.runIds
  const runId = `sweep-run-${++runSerial}`
  const maxEpochs = spec.training.maxEpochs
  const stopListening = onEngineEvent((event) => {
    // Its first snapshot says a runner took it; until then it is queued (more points in flight than runners, e.g. the threads setting lowered mid-sweep).
    if (event.kind !== 'trainSnapshot' || event.snapshot.runId !== runId) return
    const was = useSweepProgress.getState().running[point.index]
    if (!was?.started || event.snapshot.epochs.length) setRunning(point.index, { epoch: event.snapshot.epoch, maxEpochs, started: true })
  })
  runIds.add(runId)
  setRunning(point.index, { epoch: 0, maxEpochs, started: false })
  const started = performance.now()
  try {
    const end = await engine.trainSweepPoint(runId, spec, data)
    const seconds = (performance.now() - started) / 1000
    const note = end.error ?? end.stopReason ?? 'stopped'
    if (end.state !== 'stopped') recordSweepRun(loadSerial, point.project, point.name, { status: end.state, note, seconds, iterations: end.iterations, epochs: end.epochs, test: end.test, ...(end.weights ? { weights: end.weights } : {}) })
    return sweepRunRecord(point.values, end.epochs, { status: end.state, note, seconds, test: end.test })
  } finally {
    stopListening()
    runIds.delete(runId)
    setRunning(point.index, null)
  }
}

/** The record of a point whose network does not compile (it is not trained). */
function uncompiledRecord(values: SweepValue[], message: string | undefined): SweepRunRecord {
  return sweepRunRecord(values, [], { status: 'failed', note: message ?? 'The network does not compile with these settings.', seconds: 0 })
}

/**
 * Runs every combination of `axes` on the network on the canvas, up to the engine's parallel
 * runs at once. The sweep is saved into the project as each run ends. Resolves with the sweep
 * (null when it could not start) once none of its runs is training any more.
 */
export async function runSweep(axes: SweepAxis[]): Promise<Sweep | null> {
  if (active) return null
  const { project, dataShape, loadSerial } = useDocument.getState()
  const grid = sweepGrid(axes)
  if (grid.length === 0 || grid.length > MAX_SWEEP_RUNS) {
    progress({ error: `A sweep has 1 to ${MAX_SWEEP_RUNS} runs; this one would have ${grid.length}.` })
    return null
  }
  const sweepNumber = nextSweepNumber(project)
  const sweep: Sweep = { id: `sweep-${Date.now().toString(36)}`, number: sweepNumber, created: new Date().toISOString(), axes, runs: [] }
  const self: ActiveSweep = (active = { cancelled: false, runIds: new Set(), lanes: null, total: grid.length })
  progress({ sweepId: sweep.id, total: grid.length, done: 0, running: {}, cancelled: false, error: null })
  // In the project from its start: one stopped (or cut short by a reload) before any run ended still shows what it planned.
  saveSweep({ ...sweep }, loadSerial)
  // Another document (an example, a file, a lesson, New) ends the sweep: its network is gone.
  const stopOnLoad = useDocument.subscribe((s) => {
    if (s.loadSerial !== loadSerial && !self.cancelled) void stopSweep(self)
  })
  const records: (SweepRunRecord | undefined)[] = []
  try {
    const data = await projectTrainingData(project)
    const parallel = Math.min(grid.length, (await (await getEngineConnection()).engine.threads()).parallelRuns)
    progress({ parallel })
    const trainPoint = async ([index, values]: [number, SweepValue[]]): Promise<void> => {
      const point: SweepPoint = { index, values, project: sweepProject(project, axes, values), name: sweepRunName(project, axes, values, sweepNumber) }
      const compiled = compileGraph(point.project, { dataShape })
      const record = compiled.spec ? await runPoint(point, compiled.spec, data, loadSerial, self) : uncompiledRecord(values, compiled.diagnostics.find((d) => d.severity === 'error')?.message)
      // A run the user stopped is not a result; one that finished or failed is (it is in the run history too).
      if (record.status === 'stopped') return
      records[index] = record
      sweep.runs = records.filter((r): r is SweepRunRecord => r !== undefined)
      saveSweep({ ...sweep }, loadSerial)
      progress({ done: useSweepProgress.getState().done + 1 })
    }
    self.lanes = startLanes(grid.entries(), parallel, { run: trainPoint, stopped: () => self.cancelled, stop: () => void stopSweep(self) })
    await self.lanes.done
    return sweep
  } catch (error) {
    progress({ error: error instanceof Error ? error.message : String(error) })
    return sweep
  } finally {
    stopOnLoad()
    active = null
    progress({ sweepId: null, running: {} })
  }
}

/** "2 of 12 runs done" while a sweep is under way (what opening another network stops), else null. */
export function sweepProgressText(): string | null {
  const p = useSweepProgress.getState()
  return p.sweepId === null || p.cancelled ? null : `${p.done} of ${p.total} runs done`
}

/** Stops `sweep` with its runs under way (the queued ones never start). */
async function stopSweep(sweep: ActiveSweep): Promise<void> {
  sweep.cancelled = true
  if (active === sweep) progress({ cancelled: true })
  const engine = (await getEngineConnection()).engine
  for (const runId of sweep.runIds) void engine.cancel(runId)
}

/**
 * The threads setting now allows `parallelRuns` at once: a sweep under way trains that many of
 * its points at once from now on when that is more than it does (never fewer: a run under way
 * is not stopped for it; the engine queues it until a thread is free).
 */
export function sweepThreadsChanged(parallelRuns: number): void {
  const lanes = active?.lanes
  if (!active || !lanes || active.cancelled) return
  const parallel = Math.min(active.total, parallelRuns)
  if (parallel <= useSweepProgress.getState().parallel) return
  lanes.widen(parallel)
  progress({ parallel })
}

/** Stops the sweep under way with its runs under way (the queued ones never start). */
export async function cancelSweep(): Promise<void> {
  if (active) await stopSweep(active)
}
