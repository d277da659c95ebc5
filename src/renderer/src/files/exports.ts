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
import { useTraining } from '../training/trainingStore'
import { kebabName } from './saveText'
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

/** The trained network (the current training run) as an ONNX model (`<title>.onnx`). */
export function exportOnnxModel(): Promise<void> {
  return attempt('The ONNX model', async () => {
    const { runId, request } = useTraining.getState()
    if (!runId || !request) throw new Error('train the network first (▶ Train); ONNX holds a trained network’s weights.')
    // The present's weights are saved: an epoch shown as it was goes back to the present, so the screen shows them.
    await replayEpoch(null)
    const title = request.project.meta.title
    const { engine } = await getEngineConnection()
    const modelText = await engine.exportModel(runId, { title })
    const bytes = await engine.exportOnnx(modelText, { weightsGiven: weightsAreGiven(request.spec) })
    return saveFileData(bytes, `${kebabName(title, 'model')}.onnx`, { description: 'ONNX model', mime: 'application/octet-stream', extension: '.onnx' })
  })
}
