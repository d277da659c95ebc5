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

/** A file meant as a project: `*.axon.json`, or any `.json` (a trained model file opens as Open model… opens it). */
export function isProjectFileName(name: string): boolean {
  return /\.json$/i.test(name)
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

/** A file named but not read: the page reads it (`readGranted`) if and when it opens it. */
export interface NamedFile {
  path: string
  name: string
  size: number
}

/**
 * Files the OS asked the app to open together (double-clicked, Open with, a second launch, Open
 * Recent), as main hands them to the page: the one project that opens, read, and the others
 * only named. The notice names them beside a project; without one they are data, which the page
 * reads when its Data dialog opens them.
 */
export interface OpenedFiles {
  project: PickedFile | null
  others: NamedFile[]
}

export interface SavedFile {
  path: string
  name: string
}
