/**
 * Saving a JSON text file: in the desktop app through main's Save dialog; in the browser build
 * the File System Access save picker where the browser has it, a download otherwise. Shared by
 * project and model saves.
 */
import { isDesktopFiles, saveDesktopText } from './desktopFiles'
import { downloadBlob } from './download'

/** Minimal typing of the File System Access API (not in TypeScript's DOM lib). */
export interface WritableFileHandle {
  name: string
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>
}
type SavePicker = (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<WritableFileHandle>

function savePicker(): SavePicker | undefined {
  return (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker
}

/** Lower-case kebab case of a title ("XOR with a 2-2-1 net" → "xor-with-a-2-2-1-net"), or `fallback`. */
export function kebabName(title: string, fallback: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || fallback
}

/**
 * Writes `text` to `handle` if given, else to a file the user picks, else (no picker) as a
 * download named `suggestedName`. Returns the handle written to (null for a download), or
 * `'cancelled'` when the user closed the picker.
 */
export async function saveJsonText(
  text: string,
  suggestedName: string,
  description: string,
  handle: WritableFileHandle | null = null,
): Promise<{ name: string; handle: WritableFileHandle | null } | 'cancelled'> {
  if (isDesktopFiles()) {
    // A native menu click is no user gesture, so the page's picker may not open: main's dialog does.
    const saved = await saveDesktopText(suggestedName.endsWith('.model.json') ? 'model' : 'project', suggestedName, text, null)
    return saved ? { name: saved.name, handle: null } : 'cancelled'
  }
  const picker = savePicker()
  if (picker) {
    try {
      const target = handle ?? (await picker({ suggestedName, types: [{ description, accept: { 'application/json': ['.json'] } }] }))
      const writable = await target.createWritable()
      await writable.write(text)
      await writable.close()
      return { name: target.name, handle: target }
    } catch (error) {
      if ((error as Error).name === 'AbortError') return 'cancelled'
      throw error
    }
  }
  downloadBlob(new Blob([text], { type: 'application/json' }), suggestedName)
  return { name: suggestedName, handle: null }
}
