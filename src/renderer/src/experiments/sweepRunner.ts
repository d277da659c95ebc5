/**
 * Runs a sweep: every combination of the chosen settings, one run after another in the engine
 * (queued), each trained to its end as the network's own settings say. Each finished run's
 * record is added to the sweep in the project at once, so results survive a stop or a reload.
 */
import { create } from 'zustand'
import { compileGraph } from '../../../engine/project'
import { MAX_SWEEP_RUNS, sweepGrid, sweepProject, sweepRunRecord, type EpochLike, type Sweep, type SweepAxis, type SweepRunRecord, type SweepValue } from '../../../engine/experiments/sweep'
import type { TrainSnapshot } from '../../../engine/host/training'
import { getEngineConnection, onEngineEvent } from '../engineClient'
import { useDocument } from '../store/documentStore'
import { projectTrainingData } from '../training/projectData'

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

/** Trains one variant to its end; resolves with its record. */
async function runVariant(values: SweepValue[], spec: NonNullable<ReturnType<typeof compileGraph>['spec']>, data: Awaited<ReturnType<typeof projectTrainingData>>): Promise<SweepRunRecord> {
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
    return sweepRunRecord(values, epochs, { status, note: end.error ?? end.stopReason ?? 'stopped', seconds, test: end.test })
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
    for (const [index, values] of grid.entries()) {
      if (useSweepProgress.getState().cancelled) break
      progress({ index })
      const compiled = compileGraph(sweepProject(project, axes, values), { dataShape })
      const problem = compiled.diagnostics.find((d) => d.severity === 'error')
      const record = compiled.spec ? await runVariant(values, compiled.spec, data) : sweepRunRecord(values, [], { status: 'failed', note: problem?.message ?? 'The network does not compile with these settings.', seconds: 0 })
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
