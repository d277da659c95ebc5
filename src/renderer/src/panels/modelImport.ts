/**
 * "Open model…": a model JSON file (exported from a training run or by `axon train --out`).
 * The engine validates it (`parseModel`, every problem with its JSON path). A model of the
 * network on the canvas (the same layers, by node id: a run exported and opened again, a
 * student's export handed back) joins this project's runs, to compare with them (`modelRun.ts`),
 * and is put on the canvas as the Runs tab's Restore does (its trained weights hand-set, one undo
 * step); the notice offers to open it as a new project instead. Any other model opens as a new
 * project (`modelToProject`: dense layers carry the trained weights and biases as hand-set
 * values). A file that does not validate changes nothing: the problems show in the notice under
 * the canvas.
 */
import { MODEL_FORMAT, modelToProject, parseModel, type ModelFile } from '../../../engine/model'
import { forgetFileHandle } from '../files/projectFiles'
import { selectDirty, useDocument } from '../store/documentStore'
import { confirmLeave } from '../commands'
import { useUi } from '../store/uiStore'
import { fileProblemsText } from '../sentence'
import { experimentsUi } from '../experiments/experimentsStore'
import { modelFitsNetwork, modelRunRecord, withModelRun } from './modelRun'
import { restoreRunNetwork } from '../experiments/runActions'

/**
 * A trained model file, by what it says (`"format": "axon-studio/model"`), not by its name: an
 * export is `<title>.model.json`, but `xor.json` may be a project or a model.
 */
export function isModelText(text: string): boolean {
  // Most files given to Open are projects, some large: only a file that names the format is parsed here.
  if (!text.includes(MODEL_FORMAT)) return false
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === MODEL_FORMAT
  } catch {
    return false
  }
}

/** Opens model text (as a run of this project, or as a new project); returns whether it was opened. */
export function openModelText(text: string, fileName: string): boolean {
  const parsed = parseModel(text)
  if (!parsed.ok) {
    useUi.getState().notify({ kind: 'error', text: `${fileProblemsText(`${fileName} could not be opened as a model`, parsed.errors)} Your network is unchanged.` })
    return false
  }
  if (modelFitsNetwork(parsed.model, useDocument.getState().compiled.spec)) {
    void addModelRun(parsed.model, fileName)
    return true
  }
  return openModelAsProject(parsed.model, fileName)
}

/** Adds the model to this project's runs and restores it onto the canvas; the notice can open it as a new project instead. */
async function addModelRun(model: ModelFile, fileName: string): Promise<void> {
  // Whether the document had unsaved changes before the join: "Open as a new project" is this
  // join's alternative, so the join's own changes are not the user's to be asked about.
  const dirtyBefore = selectDirty(useDocument.getState())
  const record = modelRunRecord(useDocument.getState().project, model, fileName, `run-${Date.now().toString(36)}-model`, new Date().toISOString())
  // Restored first: a run it ends (trained here until now) is recorded before it, as the run before it.
  const locked = await restoreRunNetwork(record)
  const { runs, run } = withModelRun(useDocument.getState().project.runs ?? [], record)
  useDocument.getState().setRuns(runs)
  const joined = useDocument.getState().project
  const onCanvas = locked ? `. ${locked}` : ': its trained weights are hand-set on the dense layers.'
  useUi.getState().notify({
    kind: 'info',
    text: `Opened the model ${fileName} on this network${onCanvas} It is “${run.name}” in this project’s runs, to compare with the others.`,
    action: { label: 'Show the runs', run: () => experimentsUi.show('runs') },
    // Asked first when the project has unsaved changes besides the join (made before it, or since).
    otherAction: { label: 'Open as a new project', run: () => void openModelAsProject(model, fileName, useDocument.getState().project === joined ? dirtyBefore : undefined) },
  })
}

/**
 * Opens the model as a new project (asking first when the canvas has unsaved work: `dirty`
 * where the caller knows better than the document); returns whether it was opened.
 */
function openModelAsProject(model: ModelFile, fileName: string, dirty?: boolean): boolean {
  const ui = useUi.getState()
  if (!confirmLeave(undefined, dirty)) return false
  forgetFileHandle()
  // Not saved as a project yet: marked dirty so the user is asked before it is replaced.
  useDocument.getState().load(modelToProject(model), { dirty: true })
  ui.select([])
  ui.setCardOpen(true)
  ui.notify({ kind: 'info', text: `Opened the model ${fileName}: its trained weights are hand-set on the dense layers.` })
  return true
}

export async function openModelFile(file: File): Promise<boolean> {
  return openModelText(await file.text(), file.name)
}
