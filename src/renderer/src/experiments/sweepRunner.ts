/**
 * Runs a sweep: every combination of the chosen settings, one run after another in the engine
 * (queued), each trained to its end as the network's own settings say. Each finished run's
 * record is added to the sweep in the project at once, so results survive a stop or a reload,
 * and to the project's run history (sweepHistory.ts), to compare and restore like any run.
 */
import { create } from 'zustand'
import { compileGraph, type Project } from '../../../engine/project'
import type { EngineSpec } from '../../../engine/spec'
import { MAX_SWEEP_RUNS, sweepGrid, sweepProject, sweepRunRecord, type EpochLike, type Sweep, type SweepAxis, type SweepRunRecord, type SweepValue } from '../../../engine/experiments/sweep'
import type { TrainSnapshot, TrainingData } from '../../../engine/host/training'
import { getEngineConnection, onEngineEvent } from '../engineClient'
import { useDocument } from '../store/documentStore'
import { projectTrainingData } from '../training/projectData'
import { trainedValues } from './runRecorder'
import { nextSweepNumber, recordSweepRun, sweepRunName } from './sweepHistory'

export interface SweepProgress {
  sweepId: string | null
  /** Run under way (0-based) and how many there are. */
  index: number
  total: number
  /** Epoch of the run under way, and its limit. */
  epoch: number
  maxEpochs: number
  cancelled: boolean
  error: string | null
}

export const useSweepProgress = create<SweepProgress>()(() => ({ sweepId: null, index: 0, total: 0, epoch: 0, maxEpochs: 0, cancelled: false, error: null }))
const progress = useSweepProgress.setState

let runSerial = 0
let currentRunId: string | null = null

/**
 * Puts the sweep (as it grows) into the project: replaces the one with its id, else appends.
 * Only into the document it was started on (`loadSerial`): never into one opened since.
 */
function saveSweep(sweep: Sweep, loadSerial: number): void {
  const doc = useDocument.getState()
  if (doc.loadSerial !== loadSerial) return
  const sweeps = doc.project.experiments?.sweeps ?? []
  const next = sweeps.some((s) => s.id === sweep.id) ? sweeps.map((s) => (s.id === sweep.id ? sweep : s)) : [...sweeps, sweep]
  doc.setExperiments({ sweeps: next })
}

/** A grid point as it trains: its values, its project (the canvas's with its settings) and its name in the run history. */
interface SweepPoint {
  values: SweepValue[]
  project: Project
  name: string
}

/**
 * Trains one point to its end; resolves with its record for the sweep, and adds its run to the
 * project's run history (with its trained values) when it finished or failed.
 */
async function runPoint(point: SweepPoint, spec: EngineSpec, data: TrainingData, loadSerial: number): Promise<SweepRunRecord> {
  const engine = (await getEngineConnection()).engine
  const runId = `sweep-run-${++runSerial}`
  currentRunId = runId
  const epochs: EpochLike[] = []
  let resolveEnd: (s: TrainSnapshot) => void = () => undefined
  const ended = new Promise<TrainSnapshot>((resolve) => (resolveEnd = resolve))
  const stopListening = onEngineEvent((event) => {
    if (event.kind !== 'trainSnapshot' || event.snapshot.runId !== runId) return
    const s = event.snapshot
    epochs.push(...s.epochs)
    if (s.epochs.length) progress({ epoch: s.epoch })
    if (s.state === 'finished' || s.state === 'failed' || s.state === 'stopped') resolveEnd(s)
  })
  const started = performance.now()
  try {
    progress({ epoch: 0, maxEpochs: spec.training.maxEpochs })
    // A sweep reads only the epochs: no live view is computed for its runs.
    await engine.startRun(runId, spec, data, { autoStart: true, speed: 0, views: [] })
    const end = await ended
    const seconds = (performance.now() - started) / 1000
    const status = end.state === 'finished' ? 'finished' : end.state === 'failed' ? 'failed' : 'stopped'
    const note = end.error ?? end.stopReason ?? 'stopped'
    if (status !== 'stopped') {
      const weights = status === 'finished' ? await trainedValues(runId) : undefined
      recordSweepRun(loadSerial, point.project, point.name, { status, note, seconds, iterations: end.iteration, epochs, test: end.test, ...(weights ? { weights } : {}) })
    }
    return sweepRunRecord(point.values, epochs, { status, note, seconds, test: end.test })
  } finally {
    stopListening()
    currentRunId = null
    void engine.stop(runId).catch(() => undefined)
  }
}

/**
 * Runs every combination of `axes` on the network on the canvas, one after another. The sweep
 * is saved into the project as each run ends. Resolves with the sweep (null when it could not start).
 */
export async function runSweep(axes: SweepAxis[]): Promise<Sweep | null> {
  if (useSweepProgress.getState().sweepId) return null
  const { project, dataShape, loadSerial } = useDocument.getState()
  const grid = sweepGrid(axes)
  if (grid.length === 0 || grid.length > MAX_SWEEP_RUNS) {
    progress({ error: `A sweep has 1 to ${MAX_SWEEP_RUNS} runs; this one would have ${grid.length}.` })
    return null
  }
  const sweep: Sweep = { id: `sweep-${Date.now().toString(36)}`, created: new Date().toISOString(), axes, runs: [] }
  progress({ sweepId: sweep.id, index: 0, total: grid.length, epoch: 0, cancelled: false, error: null })
  // Another document (an example, a file, a lesson, New) ends the sweep: its network is gone.
  const stopOnLoad = useDocument.subscribe((s) => {
    if (s.loadSerial !== loadSerial && !useSweepProgress.getState().cancelled) void cancelSweep()
  })
  try {
    const data = await projectTrainingData(project)
    const sweepNumber = nextSweepNumber(project)
    for (const [index, values] of grid.entries()) {
      if (useSweepProgress.getState().cancelled) break
      progress({ index })
      const point: SweepPoint = { values, project: sweepProject(project, axes, values), name: sweepRunName(project, axes, values, sweepNumber) }
      const compiled = compileGraph(point.project, { dataShape })
      const problem = compiled.diagnostics.find((d) => d.severity === 'error')
      const record = compiled.spec ? await runPoint(point, compiled.spec, data, loadSerial) : sweepRunRecord(values, [], { status: 'failed', note: problem?.message ?? 'The network does not compile with these settings.', seconds: 0 })
      if (useSweepProgress.getState().cancelled && record.status !== 'finished') break
      sweep.runs.push(record)
      saveSweep({ ...sweep, runs: [...sweep.runs] }, loadSerial)
    }
    return sweep
  } catch (error) {
    progress({ error: error instanceof Error ? error.message : String(error) })
    return sweep
  } finally {
    stopOnLoad()
    progress({ sweepId: null })
  }
}

/** Stops the sweep after (and with) the run under way. */
export async function cancelSweep(): Promise<void> {
  progress({ cancelled: true })
  const runId = currentRunId
  if (runId) (await getEngineConnection()).engine.cancel(runId)
}
