/**
 * Saving a trained model (model JSON text, built by the engine's `exportModel`) in the browser
 * build: the File System Access save picker where the browser has it, a download otherwise,
 * like the designer's Save. The desktop shell can call `modelFileName` and write the text itself.
 */

/** Minimal typing of the File System Access API (not in TypeScript's DOM lib). */
interface WritableFileHandle {
  name: string
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>
}
type SavePicker = (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<WritableFileHandle>

/** `<title>.model.json`, the title in kebab case ("XOR with a 2-2-1 net" → `xor-with-a-2-2-1-net.model.json`). */
export function modelFileName(title: string): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'model'
  return `${base}.model.json`
}

/** Saves model text; returns the file name used, or null when the user cancelled the picker. */
export async function saveModelFile(text: string, title: string): Promise<string | null> {
  const suggestedName = modelFileName(title)
  const picker = (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker
  if (picker) {
    try {
      const handle = await picker({ suggestedName, types: [{ description: 'Axon Studio model', accept: { 'application/json': ['.json'] } }] })
      const writable = await handle.createWritable()
      await writable.write(text)
      await writable.close()
      return handle.name
    } catch (error) {
      if ((error as Error).name === 'AbortError') return null
      throw error
    }
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = suggestedName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return suggestedName
}
