/**
 * The ephemeral training state (never saved): the run the engine is driving, its latest
 * snapshot, and the curves accumulated from the snapshots' new points. Every number in here
 * came from the engine; this store only collects it for drawing.
 *
 * Pacing: the event listener takes at most one snapshot per animation frame (it returns a
 * promise that resolves on the next frame), so a fast engine at full speed is throttled
 * latest-wins on its side, and a paced run (n updates per snapshot) advances once per frame.
 */
import { create } from 'zustand'
import { getEngineConnection, onEngineConnection, onEngineEvent } from '../engineClient'
import { onTrainRequest, type TrainRequest } from '../store/trainRequest'
import { useDocument } from '../store/documentStore'
import type { EngineSpec } from '../../../engine/spec'
import type { Project } from '../../../engine/project'
import type { EpochPoint, RunInfo, RunProgress, StepThrough, TrainSnapshot, TrainingData } from '../../../engine/host/training'
import { projectTrainingData } from './projectData'
import { saveModelFile } from './modelFile'

/** Curves as parallel columns, appended in place (`version` changes when they grow). */
export interface Curves {
  iteration: number[]
  loss: number[]
  accuracy: number[]
  valLoss: number[]
  valAccuracy: number[]
  epochs: EpochPoint[]
  /** Gradient norm per dense layer over snapshots: `[layer][k]`, at `gradIteration[k]`. */
  gradIteration: number[]
  gradNorms: number[][]
}

/** Most points kept per curve; beyond it, neighbours are merged (the curve keeps its shape). */
export const MAX_CURVE_POINTS = 4000

export interface TrainingState {
  runId: string | null
  title: string
  info: RunInfo | null
  snapshot: TrainSnapshot | null
  curves: Curves
  /** Bumped whenever curves change. */
  version: number
  /** Updates per frame (0 = full speed). */
  speed: number
  /** Error from the engine while starting or driving the run. */
  error: string | null
  starting: boolean
  stepThrough: StepThrough | null
  stepThroughOpen: boolean
  /** The request the run was started from (Reset of a changed graph starts a new run). */
  request: TrainRequest | null
  /** What the canvas tints dense nodes and unit links by: the weights, or their last gradient ∂E/∂w. */
  canvasTint: CanvasTint
  /** The document load (`loadSerial`) the run was started in: the canvas shows live weights only on that drawing. */
  docSerial: number
  /** File name of the last model export of this run. */
  exported: string | null
}

export type CanvasTint = 'weights' | 'gradients'

const emptyCurves = (): Curves => ({ iteration: [], loss: [], accuracy: [], valLoss: [], valAccuracy: [], epochs: [], gradIteration: [], gradNorms: [] })

/** Default speed: watchable for the lecture nets, full speed for big data. */
export function defaultSpeed(info: RunInfo | null): number {
  if (!info) return 20
  return info.paramCount * info.trainCount > 2e6 ? 0 : 20
}

export const useTraining = create<TrainingState>()(() => ({
  runId: null,
  title: '',
  info: null,
  snapshot: null,
  curves: emptyCurves(),
  version: 0,
  speed: 20,
  error: null,
  starting: false,
  stepThrough: null,
  stepThroughOpen: false,
  request: null,
  canvasTint: 'weights',
  docSerial: -1,
  exported: null,
}))

const set = useTraining.setState
const get = useTraining.getState

let runCounter = 0

/** Merge neighbouring pairs of every column when a curve gets too long. */
function compact(c: Curves): void {
  if (c.iteration.length <= MAX_CURVE_POINTS) return
  for (const key of ['iteration', 'loss', 'accuracy', 'valLoss', 'valAccuracy'] as const) {
    const a = c[key]
    const half: number[] = []
    for (let i = 0; i + 1 < a.length; i += 2) half.push(key === 'iteration' ? a[i + 1] : meanOf(a[i], a[i + 1]))
    if (a.length % 2) half.push(a[a.length - 1])
    c[key] = half
  }
}

function meanOf(a: number, b: number): number {
  if (Number.isNaN(a)) return b
  if (Number.isNaN(b)) return a
  return (a + b) / 2
}

/** Fold a snapshot into the store (curves grow in place). */
function applySnapshot(s: TrainSnapshot): void {
  const state = get()
  if (s.runId !== state.runId) return
  let curves = state.curves
  if (state.snapshot && s.generation !== state.snapshot.generation) curves = emptyCurves()
  for (const p of s.points) {
    curves.iteration.push(p.iteration)
    curves.loss.push(p.loss)
    curves.accuracy.push(p.accuracy ?? NaN)
    curves.valLoss.push(p.valLoss ?? NaN)
    curves.valAccuracy.push(p.valAccuracy ?? NaN)
  }
  compact(curves)
  curves.epochs.push(...s.epochs)
  if (curves.gradIteration.at(-1) !== s.iteration) {
    curves.gradIteration.push(s.iteration)
    s.layers.forEach((l, i) => (curves.gradNorms[i] ??= []).push(l.gradNorm))
    if (curves.gradIteration.length > MAX_CURVE_POINTS) {
      curves.gradIteration = curves.gradIteration.filter((_, i) => i % 2 === 1)
      curves.gradNorms = curves.gradNorms.map((a) => a.filter((_, i) => i % 2 === 1))
    }
  }
  set({ snapshot: s, curves, version: state.version + 1 })
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

onEngineEvent((event) => {
  if (event.kind !== 'trainSnapshot') return
  applySnapshot(event.snapshot)
  // The engine waits for this: at most one snapshot per frame reaches the screen.
  return nextFrame()
})

async function engine() {
  return (await getEngineConnection()).engine
}

function fail(error: unknown): void {
  set({ error: error instanceof Error ? error.message : String(error), starting: false })
}

/** Start a run of the compiled project (replacing any current one). */
export async function startTraining(spec: EngineSpec, project: Project, options: { autoStart?: boolean } = {}): Promise<void> {
  const previous = get().runId
  const runId = `run-${++runCounter}`
  set({ runId, title: project.meta.title, info: null, snapshot: null, curves: emptyCurves(), version: get().version + 1, error: null, starting: true, stepThrough: null, request: { spec, project }, exported: null, docSerial: useDocument.getState().loadSerial })
  try {
    const e = await engine()
    if (previous) await e.stop(previous).catch(() => undefined)
    const data: TrainingData = await projectTrainingData(project)
    const speedGuess = get().speed
    const info = await e.startRun(runId, spec, data, { speed: speedGuess })
    const speed = defaultSpeed(info)
    if (speed !== speedGuess) await e.setSpeed(runId, speed)
    set({ info, speed, starting: false })
    // One-shot lecture examples (a single update, e.g. Mazur's) start paused, for the step-through.
    const updates = info.maxEpochs * Math.ceil(info.epochSize / info.batchSize)
    if (options.autoStart ?? updates > 10) await e.resume(runId)
  } catch (error) {
    fail(error)
  }
}

/** Run a control call on the current run; errors show in the panel. */
async function control<T>(call: (e: Awaited<ReturnType<typeof engine>>, runId: string) => Promise<T>): Promise<T | undefined> {
  const runId = get().runId
  if (!runId || !get().info) return undefined
  try {
    return await call(await engine(), runId)
  } catch (error) {
    fail(error)
    return undefined
  }
}

export const trainingControls = {
  resume: () => control((e, id) => e.resume(id)),
  pause: () => control((e, id) => e.pause(id)),
  step: (unit: 'example' | 'batch' | 'epoch') => control((e, id) => e.step(id, unit)),
  reset: () => control((e, id) => e.reset(id)),
  async setSpeed(speed: number) {
    set({ speed })
    await control((e, id) => e.setSpeed(id, speed))
  },
  setLearningRate: (learningRate: number) => control((e, id) => e.setOptimizerSettings(id, { learningRate })),
  /** Open the step-through of training row `index` (the update not applied). */
  async trace(index: number): Promise<void> {
    const t = await control((e, id) => e.trace(id, index))
    if (t) set({ stepThrough: t, stepThroughOpen: true })
  },
  /** Apply the update of the traced row (one online step) and trace the same row again. */
  async applyTrace(): Promise<void> {
    const current = get().stepThrough
    if (!current) return
    await control((e, id) => e.trace(id, current.sampleIndex, { apply: true }))
    const t = await control((e, id) => e.trace(id, current.sampleIndex))
    if (t) set({ stepThrough: t })
  },
  closeTrace: () => set({ stepThroughOpen: false }),
  setCanvasTint: (canvasTint: CanvasTint) => set({ canvasTint }),
  /** The engine writes the run's model JSON; the browser saves it as `<title>.model.json`. */
  async exportModel(): Promise<void> {
    const { title, request } = get()
    const text = await control((e, id) => e.exportModel(id, { title, ...(request ? { data: request.project.data } : {}) }))
    if (text === undefined) return
    try {
      const name = await saveModelFile(text, title)
      if (name) set({ exported: name })
    } catch (error) {
      fail(error)
    }
  },
} satisfies Record<string, (...args: never[]) => Promise<RunProgress | StepThrough | void | undefined> | void>

onTrainRequest(({ spec, project }) => void startTraining(spec, project))

/** Shown when the engine process died under a run (its state went with it). */
export const RUN_LOST_MESSAGE = 'The engine stopped unexpectedly and this training run was lost. The engine has been restarted and your network is unchanged: press ▶ Train to train again.'

onEngineConnection((connection) => {
  // A restarted engine has no runs: the curves so far stay on screen, the controls go.
  if (connection.restarted && get().runId && (get().info || get().starting)) set({ error: RUN_LOST_MESSAGE, info: null, starting: false, stepThrough: null, stepThroughOpen: false })
})
