/**
 * File › Export: the project as a PyTorch training script, the trained network as ONNX. The
 * engine builds the file (`exportPytorch`, `exportOnnx`); this saves it and says what happened.
 */
import { weightsAreGiven } from '../../../engine/export/weights'
import { getEngineConnection } from '../engineClient'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { projectTrainingData } from '../training/projectData'
import { replayEpoch } from '../training/timeMachine'
import { currentRun, runProgressText, useTraining, type TrainingState } from '../training/trainingStore'
import { kebabName } from './saveText'
import { isRunLost, lostRunAdvice } from '../training/lostRun'
import { saveFileData } from './saveFile'
import { failedBecause } from '../sentence'

const notify = (kind: 'info' | 'error', text: string) => useUi.getState().notify({ kind, text })

async function attempt(what: string, work: () => Promise<string | null>): Promise<void> {
  try {
    const name = await work()
    if (name) notify('info', `${what} saved as ${name}.`)
  } catch (error) {
    notify('error', failedBecause(`${what} could not be exported`, (error as Error).message))
  }
}

/** The project as a self-contained PyTorch script (`<title>.py`), trained as the app trains it. */
export function exportPytorchScript(): Promise<void> {
  return attempt('The PyTorch script', async () => {
    const project = useDocument.getState().project
    const { engine } = await getEngineConnection()
    const script = await engine.exportPytorch(project, await projectTrainingData(project))
    return saveFileData(script, `${kebabName(project.meta.title, 'train')}.py`, { description: 'Python script', mime: 'text/x-python', extension: '.py' })
  })
}

/**
 * The run whose network ONNX saves: the training run the panel shows, when it is the canvas's
 * or trained before the canvas changed (what Export model saves too); else a paused run of the
 * canvas when every weight is on it (hand-set: a lecture example, a run restored from the Runs
 * tab, or hand-set weights edited since an untrained run began), as Export model does. A run
 * the engine lost when it restarted holds nothing to save: the refusal says so.
 */
async function exportedRun(): Promise<{ runId: string; request: NonNullable<TrainingState['request']> }> {
  const { runId, request, info, stale } = useTraining.getState()
  if (runId && request && info && (!stale || runProgressText() !== null)) return { runId, request }
  const spec = useDocument.getState().compiled.spec
  const started = spec && weightsAreGiven(spec) ? await currentRun() : null
  const now = useTraining.getState().request
  if (started && now) return { runId: started, request: now }
  const runs = useDocument.getState().project.runs
  if (isRunLost(useTraining.getState())) throw new Error(`${lostRunAdvice(runs)}; ONNX holds a trained network’s weights.`)
  // After a reload the trained weights are in the run history, not on the canvas: say where.
  const kept = runs?.some((r) => r.weights) ?? false
  const restore = kept ? ', or put a trained run back on the canvas (Experiments › Runs › Restore)' : ''
  throw new Error(`train the network first (▶ Train)${restore}; ONNX holds a trained network’s weights.`)
}

/** The trained network (the current training run, or the canvas's hand-set one) as an ONNX model (`<title>.onnx`). */
export function exportOnnxModel(): Promise<void> {
  return attempt('The ONNX model', async () => {
    const { runId, request } = await exportedRun()
    // The present's weights are saved: an epoch shown as it was goes back to the present, so the screen shows them.
    await replayEpoch(null)
    const title = request.project.meta.title
    const { engine } = await getEngineConnection()
    const modelText = await engine.exportModel(runId, { title })
    const bytes = await engine.exportOnnx(modelText, { weightsGiven: weightsAreGiven(request.spec) })
    return saveFileData(bytes, `${kebabName(title, 'model')}.onnx`, { description: 'ONNX model', mime: 'application/octet-stream', extension: '.onnx' })
  })
}
