/**
 * Saving a trained model (model JSON text, built by the engine's `exportModel`) in the browser
 * build, through the same save path as the designer's Save (picker or download).
 */
import { kebabName, saveJsonText } from '../files/saveText'

/** `<title>.model.json`, the title in kebab case ("XOR with a 2-2-1 net" → `xor-with-a-2-2-1-net.model.json`). */
export function modelFileName(title: string): string {
  return `${kebabName(title, 'model')}.model.json`
}

/** Saves model text; returns the file name used, or null when the user cancelled the picker. */
export async function saveModelFile(text: string, title: string): Promise<string | null> {
  const result = await saveJsonText(text, modelFileName(title), 'Axon Studio model')
  return result === 'cancelled' ? null : result.name
}
