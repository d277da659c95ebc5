/**
 * Local data files inside a share link (link format 2). A project that reads a CSV or IDX file
 * names it by path, which means nothing on another machine; a format-2 link carries the files'
 * bytes next to the project, so a small class-labelled CSV travels with the network. The
 * bundle (deflated as a whole by `share.ts`) is:
 *
 *   u32 (big-endian) header length · header JSON · project JSON · file bytes, one after another
 *
 * with header `{"project": <bytes of the project JSON>, "files": [{"name": "iris.csv", "size": 4551}]}`.
 * Files travel by their base name (the teacher's folders stay at home), and the project's data
 * paths are rewritten to those names. Pure TypeScript.
 */
import { strFromU8, strToU8 } from 'fflate'
import type { FileData } from './types'

/** One data file carried by a link: its base name (what the project's data section names) and bytes. */
export interface SharedDataFile {
  name: string
  bytes: Uint8Array
}

/** At most this many files travel (an IDX images/labels pair and its test pair). */
const MAX_FILES = 4
const MAX_NAME = 255

/** The last part of a path (`/`- or `\`-separated): the name a shared file travels under. */
export function sharedFileName(path: string): string {
  return path.split(/[\\/]/).pop() || path
}

/** The data file paths a file data section names, in order: training, labels, test, test labels. */
export function dataFilePaths(data: FileData): string[] {
  return [data.path, data.labelsPath, data.testPath, data.testLabelsPath].filter((p): p is string => p !== undefined)
}

/** `data` with each file path replaced by `rename(path)`. */
export function withDataPaths(data: FileData, rename: (path: string) => string): FileData {
  const renamed: FileData = { ...data, path: rename(data.path) }
  for (const key of ['labelsPath', 'testPath', 'testLabelsPath'] as const) {
    const path = data[key]
    if (path !== undefined) renamed[key] = rename(path)
  }
  return renamed
}

/** `data` with each file path replaced by its base name (how the files travel in a link). */
export function withSharedFileNames(data: FileData): FileData {
  return withDataPaths(data, sharedFileName)
}

/** The bundle of a project's JSON and its data files (to be deflated). */
export function packShareBundle(projectJson: string, files: readonly SharedDataFile[]): Uint8Array {
  const project = strToU8(projectJson)
  const header = strToU8(JSON.stringify({ project: project.length, files: files.map((f) => ({ name: f.name, size: f.bytes.length })) }))
  const out = new Uint8Array(4 + header.length + project.length + files.reduce((n, f) => n + f.bytes.length, 0))
  new DataView(out.buffer).setUint32(0, header.length)
  out.set(header, 4)
  let at = 4 + header.length
  for (const part of [project, ...files.map((f) => f.bytes)]) {
    out.set(part, at)
    at += part.length
  }
  return out
}

type Header = { project: number; files: { name: string; size: number }[] }

const isSize = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0

/** The header when it is one this code wrote: sizes whole, names plain, at most four files. */
function checkedHeader(value: unknown): Header | null {
  if (typeof value !== 'object' || value === null) return null
  const { project, files } = value as Record<string, unknown>
  if (!isSize(project) || !Array.isArray(files) || files.length > MAX_FILES) return null
  for (const f of files as unknown[]) {
    if (typeof f !== 'object' || f === null) return null
    const { name, size } = f as Record<string, unknown>
    if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME || sharedFileName(name) !== name || !isSize(size)) return null
  }
  return { project, files: files as Header['files'] }
}

/** The project JSON and files of a bundle, or null when it is not one (cut short, changed). */
export function unpackShareBundle(bytes: Uint8Array): { projectJson: string; files: SharedDataFile[] } | null {
  if (bytes.length < 4) return null
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0)
  if (4 + headerLength > bytes.length) return null
  let header: Header | null
  try {
    header = checkedHeader(JSON.parse(strFromU8(bytes.subarray(4, 4 + headerLength))))
  } catch {
    return null
  }
  if (!header) return null
  let at = 4 + headerLength
  const total = at + header.project + header.files.reduce((n, f) => n + f.size, 0)
  if (total !== bytes.length) return null
  const projectJson = strFromU8(bytes.subarray(at, at + header.project))
  at += header.project
  const files = header.files.map((f) => {
    const file = { name: f.name, bytes: bytes.slice(at, at + f.size) }
    at += f.size
    return file
  })
  return { projectJson, files }
}
