/**
 * Saving any file (text or bytes) from the browser build: the binary sibling of `saveText.ts`,
 * for exports that are not JSON (a Python script, an ONNX model). Same path: the File System
 * Access save picker where the browser has it, a download otherwise.
 */
import { downloadBlob } from './download'

interface BinaryFileHandle {
  name: string
  createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }>
}
type SavePicker = (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<BinaryFileHandle>

/** What kind of file: shown by the picker, and its MIME type and extension. */
export interface FileKind {
  description: string
  mime: string
  extension: string
}

/** Writes `data` to a file the user picks (or downloads it); the name used, or null when cancelled. */
export async function saveFileData(data: string | Uint8Array, suggestedName: string, kind: FileKind): Promise<string | null> {
  const blob = new Blob([data as BlobPart], { type: kind.mime })
  const picker = (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker
  if (picker) {
    try {
      const target = await picker({ suggestedName, types: [{ description: kind.description, accept: { [kind.mime]: [kind.extension] } }] })
      const writable = await target.createWritable()
      await writable.write(blob)
      await writable.close()
      return target.name
    } catch (error) {
      if ((error as Error).name === 'AbortError') return null
      throw error
    }
  }
  downloadBlob(blob, suggestedName)
  return suggestedName
}
