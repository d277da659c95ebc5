/**
 * Where a project's local data files come back from when it is opened again. The desktop app
 * keeps the path (relative to the project file) and reads the file from disk through the
 * preload's file API (`files/desktopFiles.ts`); the browser build cannot read paths, so it keeps
 * small files (up to `MAX_KEPT_BYTES`) in this browser's IndexedDB, keyed by the name the
 * project stores, and says so when a file is too big to keep or was never kept here.
 */
import { isDesktopFiles, projectDataPath, readProjectDataFile } from '../files/desktopFiles'
import { formatBytes } from '../../../engine/data'

/** Largest data file the browser build keeps for reopening. */
export const MAX_KEPT_BYTES = 8 * 1024 * 1024

const DB_NAME = 'axon-data-files'
const STORE = 'files'

function openDb(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null)
  return new Promise((resolve) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => resolve(null)
  })
}

function request<T>(make: (store: IDBObjectStore) => IDBRequest<T>, mode: IDBTransactionMode): Promise<T | null> {
  return openDb().then(
    (db) =>
      new Promise((resolve) => {
        if (!db) return resolve(null)
        const r = make(db.transaction(STORE, mode).objectStore(STORE))
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => resolve(null)
      }),
  )
}

/** What the project stores for a chosen file: a path beside the project (desktop) or its name. */
export function storedPathOf(file: File): string {
  return isDesktopFiles() ? projectDataPath(file) : file.name
}

/**
 * Keeps `files` so the project reopens with its data. Returns null when they are kept (or the
 * desktop app will read them from disk), else a sentence saying why not.
 */
export async function keepDataFiles(files: File[]): Promise<string | null> {
  if (isDesktopFiles()) return null
  const big = files.find((f) => f.size > MAX_KEPT_BYTES)
  if (big) return `"${big.name}" (${formatBytes(big.size)}) is too big to keep in the browser (limit ${formatBytes(MAX_KEPT_BYTES)}): after a reload, choose it again.`
  for (const f of files) {
    const bytes = await f.arrayBuffer()
    const ok = await request((s) => s.put({ name: f.name, bytes }, storedPathOf(f)), 'readwrite')
    if (ok === null) return `This browser does not let Axon Studio keep "${f.name}": after a reload, choose it again.`
  }
  return null
}

/** Files that came in a share link this session, by the path they are kept under (also in IndexedDB when it lets us). */
const fromLinks = new Map<string, File>()

/**
 * A name for a file's content: two 32-bit FNV-1a hashes of `bytes` (the second also mixes in
 * each byte's place), as 16 hex digits. Not crypto.subtle: a page served over plain http on a
 * school network has none.
 */
function contentId(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5
  let h2 = 0x050c5d1f
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i], 0x01000193)
    h2 = Math.imul(h2 ^ bytes[i] ^ (i & 0xff), 0x01000193)
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0')
}

/**
 * Where a link's file is kept: in a folder of its own named by its bytes, never under its bare
 * name, which is where a student's own file of that name is kept (the browser keeps those by
 * name, which has no "/"). The same file from two links is kept once; two different files of one
 * name are both kept.
 */
export function linkedFilePath(name: string, bytes: Uint8Array): string {
  return `shared-${contentId(bytes)}/${name}`
}

/**
 * Keeps the data files a share link carried, each under its own `linkedFilePath`, so the
 * project's data reopens from them (here, and after a reload where IndexedDB keeps them) and no
 * file of the user's is replaced. Returns the path each name is kept under, for the project.
 */
export async function keepLinkedFiles(files: readonly { name: string; bytes: Uint8Array }[]): Promise<Map<string, string>> {
  const paths = new Map<string, string>()
  for (const f of files) {
    const path = linkedFilePath(f.name, f.bytes)
    const bytes = f.bytes.slice().buffer
    fromLinks.set(path, new File([bytes], f.name))
    await request((s) => s.put({ name: f.name, bytes }, path), 'readwrite')
    paths.set(f.name, path)
  }
  return paths
}

/** A copy kept in this browser (or this session) under `path`, or null. */
async function keptCopy(path: string): Promise<File | null> {
  const linked = fromLinks.get(path)
  if (linked) return linked
  const kept = await request<{ name: string; bytes: ArrayBuffer } | undefined>((s) => s.get(path), 'readonly')
  return kept ? new File([kept.bytes], kept.name) : null
}

/**
 * A kept or on-disk data file by the path the project stores, or null with the reason. The
 * desktop app reads the disk first, then a copy a share link brought (its project has no folder).
 */
export async function reopenDataFile(path: string): Promise<{ file: File } | { reason: string }> {
  if (isDesktopFiles()) {
    try {
      return { file: await readProjectDataFile(path) }
    } catch (e) {
      const copy = await keptCopy(path)
      return copy ? { file: copy } : { reason: (e as Error).message }
    }
  }
  const kept = await keptCopy(path)
  if (!kept) return { reason: `"${path}" is not kept in this browser (it was opened elsewhere, or is too big to keep): choose it again with Data….` }
  return { file: kept }
}
