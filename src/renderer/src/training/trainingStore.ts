/**
 * The ephemeral training state (never saved): the run the engine is driving, its latest
 * snapshot, and the curves accumulated from the snapshots' new points. Every number in here
 * came from the engine; this store only collects it for drawing.
 *
 * Pacing: snapshots go through a mailbox (`snapshotMailbox.ts`) drained once per displayed
 * frame: at most one snapshot is rendered per frame, one arriving meanwhile is merged into the
 * waiting one (latest wins). The engine hears that its snapshot was taken when the frame takes
 * it, at full speed only once the page's drawing budget allows (`drawingBudget.ts`), with
 * whether the next one carries the live views; a paced run (n updates per snapshot) advances
 * once per frame.
 */
import { create } from 'zustand'
import { getEngineConnection, onEngineConnection, onEngineEvent, onEngineFailure } from '../engineClient'
import { useDocument, type DocumentState } from '../store/documentStore'
import { historyMove, type HistoryMove } from '../store/history'
import type { EngineSpec } from '../../../engine/spec'
import type { Project } from '../../../engine/project'
import type { RunInfo, RunProgress, StepThrough, TestResult, TrainSnapshot, TrainingData, ViewPayloads } from '../../../engine/host/training'
import type { ViewId } from '../../../engine/views/registry'
import { projectTrainingData } from './projectData'
import { saveModelFile } from './modelFile'
import { isRunLost, lostRunAdvice } from './lostRun'
import { weightsAreGiven } from '../../../engine/export/weights'
import { changedEpochLimit, changedOptimizerSettings, runKey, withEpochLimit } from './runBinding'
import { count } from './format'
import { sendShownViews, shownViews, toldViews } from './shownViews'
import { SnapshotMailbox, type Delivery } from './snapshotMailbox'
import { pageFrames } from './pageFrames'
import { emptyCurves, foldSnapshot, type Curves } from './snapshotFold'

export { MAX_CURVE_POINTS, type Curves } from './snapshotFold'

export interface TrainingState {
  runId: string | null
  info: RunInfo | null
  snapshot: TrainSnapshot | null
  /** The latest payload of each live view, from the snapshots that carried it (a view hidden since keeps its last one). */
  views: Partial<ViewPayloads>
  /** The iteration of the snapshot that last carried each view's payload (a view out of sight falls behind). */
  viewsAt: Partial<Record<ViewId, number>>
  curves: Curves
  /** Bumped whenever curves change. */
  version: number
  /** Updates per frame (0 = full speed). */
  speed: number
  /** The speed the user picked for this document (the engine picks until then). */
  chosenSpeed: number | null
  /** Error from the engine while starting or driving the run. */
  error: string | null
  starting: boolean
  stepThrough: StepThrough | null
  stepThroughOpen: boolean
  /** What the run was built from: the compiled spec and the project (updated by live η edits). */
  request: { spec: EngineSpec; project: Project } | null
  /** The network on the canvas has changed (layers, data, settings) since the run started. */
  stale: boolean
  /** While stale, which command brings the run's network back (the opposite of the move that left it); null once no step of the history is that network. */
  backBy: 'undo' | 'redo' | null
  /** What the canvas tints dense nodes and unit links by: the weights, or their last gradient ∂E/∂w. */
  canvasTint: CanvasTint
  /** The document load (`loadSerial`) the run belongs to, −1 while it is out of date: the canvas shows live weights only then. */
  docSerial: number
  /** File name of the last model export of this run. */
  exported: string | null
  /** Why Export model saved nothing (shown beside its button, where the user looks), else null. */
  exportRefused: string | null
  /** η the run had when it failed (a later η edit goes to the run, but the failure was with this one); null unless failed. */
  failedLearningRate: number | null
}

export type CanvasTint = 'weights' | 'gradients'

/** Fields of a state with no run (the panel then shows the document, ready to train). */
const NO_RUN = { runId: null, info: null, snapshot: null, views: {}, viewsAt: {}, error: null, starting: false, stepThrough: null, stepThroughOpen: false, request: null, docSerial: -1, stale: false, backBy: null, exported: null, exportRefused: null, failedLearningRate: null } as const

export const useTraining = create<TrainingState>()(() => ({ ...NO_RUN, curves: emptyCurves(), version: 0, speed: 20, chosenSpeed: null, canvasTint: 'weights' }))

const set = useTraining.setState
const get = useTraining.getState

let runCounter = 0

/** Awaited before a run is replaced or reset (the run history records a run with progress then). */
let beforeRunEnds: () => Promise<void> = async () => undefined
/** Sets what happens before a run is replaced or reset (`experiments/runRecorder.ts`). */
export function onRunEnding(hook: () => Promise<void>): void {
  beforeRunEnds = hook
}

/** Fold a snapshot into the store (curves grow in place). */
function applySnapshot(delivery: Delivery): void {
  const patch = foldSnapshot(get(), delivery)
  if (patch) set(patch)
}

const snapshots = new SnapshotMailbox(applySnapshot, pageFrames)

/** The user wants to see the run as it is now (a view came into sight, the views shown changed): snapshots are not held back for the drawing budget meanwhile. */
export const snapshotPacing = {
  hurry: () => snapshots.hurry(),
  urgently: <T>(command: () => Promise<T>) => snapshots.urgently(command),
}

onEngineEvent((event) => {
  if (event.kind !== 'trainSnapshot') return
  // The engine waits for this (one snapshot in flight): taken by the next frame, answered when the drawing budget allows.
  return snapshots.post(event.snapshot)
})

async function engine() {
  return (await getEngineConnection()).engine
}

const doc = () => useDocument.getState()

/** Shows an error in the panel, if `runId` (when given) is still the run the panel shows. */
function fail(error: unknown, runId: string | null = get().runId): void {
  if (runId !== get().runId) return
  set({ error: error instanceof Error ? error.message : String(error), starting: false })
}


/**
 * A limit typed key by key passes through values the run has gone past ("2" of "2100" at epoch
 * 40): those pause it, out of date. Set when such a value paused a running run, so that the limit
 * it takes in the end lets it train on; any other change, an undo or redo back to the run's own
 * limit, a Pause or a Train forgets it.
 */
let resumeWhenLimitTaken = false

/** Stops the run in the engine (if any) and forgets it. */
function dropRun(): void {
  resumeWhenLimitTaken = false
  const runId = get().runId
  set({ ...NO_RUN, curves: emptyCurves(), version: get().version + 1, chosenSpeed: null })
  if (runId) void engine().then((e) => e.stop(runId)).catch(() => undefined)
}

/**
 * Starts a run of the network on the canvas (replacing any run): paused with its first
 * snapshot, or training at once with `autoStart`. Resolves to its id, or null when the graph
 * does not compile, the start failed or another run replaced it meanwhile.
 */
async function startRun(autoStart: boolean): Promise<string | null> {
  const { compiled, project, loadSerial } = doc()
  const spec = compiled.spec
  if (!spec) return null
  // The history takes what it needs of the run being replaced now, before the store forgets it.
  const ending = beforeRunEnds()
  const previous = get().runId
  const runId = `run-${++runCounter}`
  set({ ...NO_RUN, runId, curves: emptyCurves(), version: get().version + 1, starting: true, request: { spec, project }, docSerial: loadSerial })
  try {
    const e = await engine()
    await ending
    if (previous) await e.stop(previous).catch(() => undefined)
    const data: TrainingData = await projectTrainingData(project)
    if (get().runId !== runId) return null
    // Unless the user chose one, the engine picks the speed: watchable for the lecture nets, full speed for big data.
    const views = shownViews()
    const info = await e.startRun(runId, spec, data, { speed: get().chosenSpeed ?? 'auto', autoStart, views })
    toldViews(runId, views)
    if (get().runId !== runId) {
      void e.stop(runId).catch(() => undefined)
      return null
    }
    set({ info, speed: info.speed, starting: false })
    // Views mounted while the run was starting (the panel's sections appear with the run).
    sendShownViews()
    return runId
  } catch (error) {
    fail(error, runId)
    return null
  }
}

/** Run a control call on the current run; errors show in the panel. */
async function control<T>(call: (e: Awaited<ReturnType<typeof engine>>, runId: string) => Promise<T>): Promise<T | undefined> {
  const runId = get().runId
  if (!runId || !get().info) return undefined
  try {
    // A command shows its result at once: the snapshots meanwhile are not held for the drawing budget.
    return await snapshots.urgently(async () => call(await engine(), runId))
  } catch (error) {
    fail(error, runId)
    return undefined
  }
}

/** True when the run in the panel is a run of the network on the canvas, ready for controls. */
function runIsCurrent(): boolean {
  const s = get()
  return s.runId !== null && s.info !== null && !s.stale
}

/** "epoch 12, iteration 480" when the run has made progress that starting over would lose, else null. */
export function runProgressText(): string | null {
  const snap = get().snapshot
  // A run the engine lost (it restarted) has nothing left to lose.
  if (!get().runId || !get().info || !snap || snap.iteration === 0) return null
  // Nor has a failed run (diverged: its weights are NaN); its record is in the Runs tab.
  if (snap.state === 'failed') return null
  return `epoch ${count(snap.epoch)}, iteration ${count(snap.iteration)}`
}

/** Asks before a new run replaces one with progress; true when there is none or the user agrees. */
function confirmStartOver(): boolean {
  const progress = runProgressText()
  if (!progress) return true
  const why = get().stale ? 'The network on the canvas has changed. ' : ''
  return window.confirm(`${why}Train again from the start? The run so far (${progress}) will be lost.`)
}

/** The current run's id, starting a paused one (asking first if that loses progress) when there is none. */
export async function currentRun(): Promise<string | null> {
  if (runIsCurrent()) return get().runId
  if (get().starting || !confirmStartOver()) return null
  return startRun(false)
}

/**
 * Keeps the run bound to the document: another document stops it; an edit of η (or another
 * live optimizer setting) goes to the run, and so does the epoch limit when the run can take
 * it; any other edit marks the run as out of date (and pauses it), until undo brings the
 * network back.
 */
function followDocument(now: DocumentState, before: DocumentState): void {
  if (now.loadSerial !== before.loadSerial) return dropRun()
  const { request, runId } = get()
  if (now.compiled === before.compiled || !runId || !request) return
  const spec = now.compiled.spec
  // (A change outside the history, such as the data's shape arriving, is no move.)
  const move = now.history === before.history ? null : historyMove(before.history, now.history)
  if (!spec || runKey(spec, now.project.data) !== runKey(request.spec, request.project.data)) {
    resumeWhenLimitTaken = false
    return markStale(move)
  }
  const settings = changedOptimizerSettings(request.spec.optimizer, spec.optimizer)
  const limit = changedEpochLimit(request.spec, spec)
  set({ stale: false, docSerial: now.loadSerial, request: { spec, project: now.project } })
  if (settings) void control((e, id) => e.setOptimizerSettings(id, settings))
  if (limit !== null) void followEpochLimit(limit, request.spec.training.maxEpochs, move)
  // Undone (or redone) back to the run's own limit: it stays paused, as after any change undone.
  // (Typed back to it, the user is still typing: the limit typed in the end decides.)
  else if (move === 'undo' || move === 'redo') resumeWhenLimitTaken = false
}

/** The run is not one of the canvas's network (since `move`): out of date, paused. */
function markStale(move: HistoryMove | null): void {
  // Left by an undo, a redo brings it back; an edit after that drops the redo steps, and the run's network with them.
  const backBy = !get().stale ? (move === 'undo' ? 'redo' : 'undo') : get().backBy === 'redo' && move === 'edit' ? null : get().backBy
  if (!get().stale || backBy !== get().backBy) set({ stale: true, docSerial: -1, backBy })
  if (get().snapshot?.state === 'running') void control((e, id) => e.pause(id))
}

/**
 * A new epoch limit ("ten more epochs"): the run goes on to it, or ends at it. A limit the run
 * has gone past it refuses (a run of that limit would be another run), and a run still starting
 * is not asked: it is then out of date, and its request keeps the run's own limit (`runLimit`
 * before this change), so that only a limit the run takes binds it again.
 *
 * A run shown training when the limit was raised trains on to it, even when the engine had
 * ended it at the old limit meanwhile (its last snapshot not yet drawn): the engine then takes
 * the limit as for a finished run, paused, and it is resumed here.
 */
async function followEpochLimit(maxEpochs: number, runLimit: number, move: HistoryMove | null): Promise<void> {
  const runId = get().runId
  const wasRunning = get().snapshot?.state === 'running'
  const taken = await control((e, id) => e.setEpochLimit(id, maxEpochs))
  const { info, request } = get()
  if (get().runId !== runId || !request) return
  if (taken && info) {
    set({ info: { ...info, maxEpochs } })
    if (resumeWhenLimitTaken || wasRunning) void resumeRun()
    resumeWhenLimitTaken = false
    return
  }
  if (wasRunning) resumeWhenLimitTaken = true
  set({ request: { ...request, spec: withEpochLimit(request.spec, info?.maxEpochs ?? runLimit) } })
  // (Unless the canvas went back to a limit the run takes meanwhile.)
  if (doc().compiled.spec?.training.maxEpochs === maxEpochs) markStale(move)
}

useDocument.subscribe(followDocument)

/**
 * Resumes the paused run and says it trains at once: the engine's next snapshot comes only
 * after its first slice (seconds for a big network), and "Paused" all that time read as if
 * Resume had done nothing.
 */
async function resumeRun(): Promise<void> {
  const runId = get().runId
  const progress = await control((e, id) => e.resume(id))
  const snap = get().snapshot
  if (progress?.state === 'running' && get().runId === runId && snap?.state === 'paused') set({ snapshot: { ...snap, state: 'running' } })
}

/** The optimizer node of the document (where η lives), if there is one. */
function optimizerNodeId(): string | null {
  return doc().project.nodes.find((n) => n.kind === 'optimizer')?.id ?? null
}

export const trainingControls = {
  /**
   * The one Train command (toolbar, panel, menu): resume a paused run of this network, else
   * start training it from the seed, asking first when that loses a run's progress.
   */
  async train(): Promise<void> {
    resumeWhenLimitTaken = false
    // An edit after the run started is an undo step of its own, not folded into the typing before it.
    doc().sealHistory()
    if (!doc().compiled.spec || get().starting) return
    const state = get().snapshot?.state
    if (runIsCurrent() && state === 'running') return
    if (runIsCurrent() && state === 'paused') return resumeRun()
    if (!confirmStartOver()) return
    await startRun(true)
  },
  resume: resumeRun,
  pause: () => {
    resumeWhenLimitTaken = false
    return control((e, id) => e.pause(id))
  },
  async step(unit: 'example' | 'batch' | 'epoch') {
    if (await currentRun()) await control((e, id) => e.step(id, unit))
  },
  /** Re-initialise from the seed; a run of a network since changed is replaced by one of the canvas. */
  async reset() {
    if (runIsCurrent()) {
      await beforeRunEnds()
      await control((e, id) => e.reset(id))
    } else if (!get().starting) await startRun(false)
  },
  async setSpeed(speed: number) {
    set({ speed, chosenSpeed: speed })
    await control((e, id) => e.setSpeed(id, speed))
  },
  /** η as an edit of the optimizer node (undoable, saved); the run follows the document. */
  setLearningRate(learningRate: number): void {
    const id = optimizerNodeId()
    if (id) doc().updateParams(id, { learningRate }, `panel-lr`)
  },
  /** Open the step-through of training row `index` (the update not applied). */
  async trace(index: number): Promise<void> {
    if (!(await currentRun())) return
    const t = await control((e, id) => e.trace(id, index))
    if (t) set({ stepThrough: t, stepThroughOpen: true })
  },
  /** Apply the update of the traced row (one online step) and trace the same row again. */
  async applyTrace(): Promise<void> {
    const current = get().stepThrough
    if (!current || !runIsCurrent()) return
    await control((e, id) => e.trace(id, current.sampleIndex, { apply: true }))
    const t = await control((e, id) => e.trace(id, current.sampleIndex))
    if (t) set({ stepThrough: t })
  },
  closeTrace: () => set({ stepThroughOpen: false }),
  /** Evaluate the held-out test set now; the result comes back with the next snapshot. */
  evaluateTest: () => control((e, id) => e.evaluateTest(id)),
  setCanvasTint: (canvasTint: CanvasTint) => set({ canvasTint }),
  /** The engine writes the network's model JSON (as it is now); the browser saves it as `<title>.model.json`. */
  async exportModel(): Promise<void> {
    // A trained run whose network was changed since is what the panel still shows: it is saved
    // (as ONNX is), not traded for an untrained run of the canvas after "Train again from the start?".
    const trainedOutOfDate = get().stale && runProgressText() !== null
    // A run lost in an engine restart: a new run of the canvas would be saved untrained, as if trained.
    const spec = doc().compiled.spec
    if (isRunLost(get()) && !(spec && weightsAreGiven(spec))) {
      set({ exported: null, exportRefused: `Nothing was exported: ${lostRunAdvice(doc().project.runs)}; the model would hold untrained weights.` })
      return
    }
    if (!trainedOutOfDate && !(await currentRun())) return
    const title = doc().project.meta.title
    const data = get().request?.project.data
    const text = await control((e, id) => e.exportModel(id, { title, ...(data ? { data } : {}) }))
    if (text === undefined) return
    try {
      const name = await saveModelFile(text, title)
      if (name) set({ exported: name, exportRefused: null })
    } catch (error) {
      fail(error)
    }
  },
} satisfies Record<string, (...args: never[]) => Promise<RunProgress | StepThrough | TestResult | null | void | undefined> | void>

/** Shown when the engine process died under a run (its state went with it). */
export const RUN_LOST_MESSAGE = 'The engine stopped unexpectedly and this training run was lost. The engine has been restarted and your network is unchanged: press ▶ Train to train again.'

// A restarted engine has no runs, nor has one main gave up on (its message says what to do): the curves so far stay on screen, the controls go.
const runLost = (message: string) => void (get().runId && (get().info || get().starting) && set({ error: message, info: null, starting: false, stepThrough: null, stepThroughOpen: false }))
onEngineConnection((connection) => connection.restarted && runLost(RUN_LOST_MESSAGE))
onEngineFailure(runLost)
