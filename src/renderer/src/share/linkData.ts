/**
 * The local data files that go into a share link: the project's CSV or IDX files, taken from
 * what the data panel has loaded, else from where the platform keeps them (`dataFileStore.ts`).
 * The Fashion-MNIST sample is not carried: every build ships it.
 */
import type { DataSource } from '../../../engine/project'
import { MAX_SHARE_CHARS } from '../../../engine/project/share'
import { dataFilePaths, sharedFileName, type SharedDataFile } from '../../../engine/project/shareData'
import { reopenDataFile, storedPathOf } from '../data/dataFileStore'
import { get } from '../data/dataState'
import { isBundledSample } from '../data/dataSync'

/** Bytes a data file may have to be tried in a link (links hold 60 kB; data deflates well, but not 20×). */
const MAX_LINK_FILE_BYTES = 20 * MAX_SHARE_CHARS

export type LinkData = { files: SharedDataFile[] } | { missing: string }

/** A file the data panel has loaded this session under the path the project stores. */
function loadedFileAt(path: string): File | undefined {
  const origin = get().origin
  const files = origin?.kind === 'csv' ? [origin.file] : origin?.kind === 'idx' ? origin.files : []
  return files.find((f) => storedPathOf(f) === path)
}

/** The project's local data files, or why one is not at hand (the link then goes without them). */
export async function localDataForLink(data: DataSource): Promise<LinkData> {
  if (data.kind !== 'file' || isBundledSample(data)) return { files: [] }
  const files: SharedDataFile[] = []
  for (const path of dataFilePaths(data)) {
    let file = loadedFileAt(path)
    if (!file) {
      const kept = await reopenDataFile(path)
      if ('reason' in kept) return { missing: `“${sharedFileName(path)}” is not at hand to put in the link (${kept.reason.replace(/\.$/, '')}).` }
      file = kept.file
    }
    const name = sharedFileName(path)
    if (files.some((f) => f.name === name)) return { missing: `Two of the data files are named “${name}”, and a link keeps its files by name.` }
    // Deflating cannot bring a file this big under the link's limit: say so without reading it.
    if (file.size > MAX_LINK_FILE_BYTES) return { missing: `“${name}” (${(file.size / 1e6).toFixed(1)} MB) is too big to go in a link.` }
    try {
      files.push({ name, bytes: new Uint8Array(await file.arrayBuffer()) })
    } catch {
      return { missing: `“${name}” could not be read: it changed or was removed since it was opened (open it again in the data panel).` }
    }
  }
  return { files }
}
