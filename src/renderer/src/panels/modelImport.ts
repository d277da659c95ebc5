/**
 * "Open model…": a model JSON file (exported from a training run or by `axon train --out`)
 * opened as a project. The engine validates it (`parseModel`, every problem with its JSON
 * path) and draws it (`modelToProject`: dense layers carry the trained weights and biases as
 * hand-set values). A file that does not validate changes nothing: the problems show in the
 * notice under the canvas.
 */
import { MODEL_FORMAT, modelToProject, parseModel } from '../../../engine/model'
import { forgetFileHandle } from '../files/projectFiles'
import { useDocument } from '../store/documentStore'
import { confirmLeave } from '../commands'
import { useUi } from '../store/uiStore'
import { fileProblemsText } from '../sentence'

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

/** Opens model text; returns whether it was opened. */
export function openModelText(text: string, fileName: string): boolean {
  const ui = useUi.getState()
  const parsed = parseModel(text)
  if (!parsed.ok) {
    ui.notify({ kind: 'error', text: `${fileProblemsText(`${fileName} could not be opened as a model`, parsed.errors)} Your network is unchanged.` })
    return false
  }
  const doc = useDocument.getState()
  if (!confirmLeave()) return false
  forgetFileHandle()
  // Not saved as a project yet: marked dirty so the user is asked before it is replaced.
  doc.load(modelToProject(parsed.model), { dirty: true })
  ui.select([])
  ui.setCardOpen(true)
  ui.notify({ kind: 'info', text: `Opened the model ${fileName}: its trained weights are hand-set on the dense layers.` })
  return true
}

export async function openModelFile(file: File): Promise<boolean> {
  return openModelText(await file.text(), file.name)
}
