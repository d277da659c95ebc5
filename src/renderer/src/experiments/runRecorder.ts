/**
 * Keeps every training run in the project's run history: when a run finishes or fails, and
 * when a run with progress is started again or reset, its record (the network it trained, its
 * epochs, test result, training time and trained values) is added to the document it belongs to.
 * A finished run that goes on (its epoch limit raised) is one run: its record is replaced when it
 * ends again.
 * Training time is measured here (the engine has no clock): the time between snapshots across
 * which the run trained (not the steps taken while paused, nor the time spent paused).
 */
import { addRun, createRunRecord, nextRunName, runNetworkOf, withRunColors, type RunRecord, type RunWeights } from '../../../engine/experiments/runHistory'
import { getEngineConnection } from '../engineClient'
import { useDocument } from '../store/documentStore'
import { onRunEnding, runProgressText, useTraining, type TrainingState } from '../training/trainingStore'

/** The run being watched: one engine run between resets (`generation`). */
interface WatchedRun {
  key: string
  runId: string
  /** The document load it belongs to: its record goes there, never into one opened since. */
  loadSerial: number
  seconds: number
  /** When the last snapshot arrived, and the iteration it showed. */
  lastAt: number
  lastIteration: number
  lastSeq: number
  recorded: boolean
  /** The id of its record, once recorded (a run that goes on past its end replaces it). */
  recordId: string | null
}

let watched: WatchedRun | null = null
let recordSerial = 0

const keyOf = (s: TrainingState): string | null => (s.runId && s.snapshot?.runId === s.runId ? `${s.runId}#${s.snapshot.generation}` : null)

/** The run's trained values, read by the engine, or undefined when it has none to give. */
export async function trainedValues(runId: string): Promise<RunWeights | undefined> {
  try {
    return await (await getEngineConnection()).engine.trainedValues(runId)
  } catch {
    return undefined
  }
}

/** Records the watched run (once) as it is now; the trained values are asked of the engine. */
async function recordRun(status: RunRecord['status']): Promise<void> {
  const w = watched
  const s = useTraining.getState()
  const snap = s.snapshot
  if (!w || w.recorded || keyOf(s) !== w.key || !snap || !s.request || snap.iteration === 0) return
  // Steps within the first epoch, then a reset, are a look at one example rather than a run.
  if (status === 'stopped' && snap.epoch === 0) return
  w.recorded = true
  const end = {
    status,
    note: snap.error ?? snap.stopReason ?? (status === 'stopped' ? 'started again before the end' : status),
    seconds: w.seconds,
    iterations: snap.iteration,
    epochs: [...s.curves.epochs],
    test: snap.test,
    network: runNetworkOf(s.request.project),
  }
  const weights = status === 'failed' ? undefined : await trainedValues(w.runId)
  const doc = useDocument.getState()
  if (doc.loadSerial !== w.loadSerial) return
  const history = withRunColors(doc.project.runs ?? [])
  const earlier = history.find((r) => r.id === w.recordId)
  const runs = history.filter((r) => r !== earlier)
  const id = earlier?.id ?? `run-${Date.now().toString(36)}-${++recordSerial}`
  w.recordId = id
  const record = createRunRecord({ ...end, id, name: earlier?.name ?? nextRunName(runs), created: new Date().toISOString(), ...(weights ? { weights } : {}) })
  // Taken again (trained on to a raised limit), it keeps its colour.
  doc.setRuns(addRun(runs, earlier ? { ...record, color: earlier.color } : record))
}

/**
 * The run's progress where leaving it (another network, a close, a reload) would lose some: as
 * `runProgressText`, but null for a run that has finished and whose record, trained values and
 * all, is in the document's run history. That one is kept with the document (its file, or the
 * autosave, or the unsaved changes the leave question names), and the Runs tab restores it.
 */
export function runProgressAtRisk(): string | null {
  return currentRunKept() ? null : runProgressText()
}

function currentRunKept(): boolean {
  const s = useTraining.getState()
  const w = watched
  if (!w || !w.recorded || w.recordId === null || keyOf(s) !== w.key || s.snapshot?.state !== 'finished') return false
  const doc = useDocument.getState()
  return doc.loadSerial === w.loadSerial && (doc.project.runs ?? []).some((r) => r.id === w.recordId && r.weights !== undefined)
}

/** Follows the training store: times the running stretches and records runs that end. */
function follow(s: TrainingState): void {
  const key = keyOf(s)
  const snap = s.snapshot
  if (!key || !snap) return
  if (watched?.key !== key) {
    watched = { key, runId: s.runId!, loadSerial: s.docSerial >= 0 ? s.docSerial : useDocument.getState().loadSerial, seconds: 0, lastAt: performance.now(), lastIteration: snap.iteration, lastSeq: -1, recorded: false, recordId: null }
  }
  const w = watched
  if (snap.seq === w.lastSeq) return
  w.lastSeq = snap.seq
  const now = performance.now()
  // The run trained since the last snapshot when it advanced and is not paused (a step pauses).
  if (snap.iteration > w.lastIteration && snap.state !== 'paused') w.seconds += (now - w.lastAt) / 1000
  w.lastAt = now
  w.lastIteration = snap.iteration
  if (snap.state === 'finished' || snap.state === 'failed') void recordRun(snap.state)
  // Gone on past its end (its epoch limit raised): recorded again when it ends again.
  else if (w.recorded && (snap.state === 'paused' || snap.state === 'running')) w.recorded = false
}

/** Starts recording runs into the run history (once, at start-up). */
export function recordRunHistory(): void {
  useTraining.subscribe(follow)
  // A run started again or reset with progress is recorded as stopped, before the engine forgets it.
  onRunEnding(() => recordRun('stopped'))
}
