/**
 * The kinds of file the desktop bridge opens and saves, and what crosses it: bytes in, bytes
 * out, each with the absolute path the user picked (main grants access to that path only).
 */

export const FILE_KINDS = {
  project: { label: 'Axon Studio project', extensions: ['axon.json', 'json'], openTitle: 'Open a network', saveTitle: 'Save the network' },
  model: { label: 'Trained model', extensions: ['model.json', 'json'], openTitle: 'Open a trained model', saveTitle: 'Export the trained model' },
  data: { label: 'Data files (CSV, IDX)', extensions: ['csv', 'tsv', 'txt', 'gz', 'idx', 'idx1-ubyte', 'idx3-ubyte'], openTitle: 'Import data', saveTitle: 'Save data' },
} as const

export type FileKind = keyof typeof FILE_KINDS

/** A data file by its name: CSV, IDX (`train-images-idx3-ubyte`, with or without `.gz`), gzipped. */
export function isDataFileName(name: string): boolean {
  const lower = name.toLowerCase()
  return FILE_KINDS.data.extensions.some((ext) => lower.endsWith(`.${ext}`)) || /-ubyte(\.gz)?$/.test(lower)
}

export function isFileKind(value: unknown): value is FileKind {
  return typeof value === 'string' && Object.hasOwn(FILE_KINDS, value)
}

export interface PickedFile {
  /** Absolute path on this computer. */
  path: string
  /** Its base name, as the UI shows it. */
  name: string
  bytes: Uint8Array
}

export interface SavedFile {
  path: string
  name: string
}
