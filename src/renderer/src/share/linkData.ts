/**
 * The local data files that go into a share link: the project's CSV or IDX files, taken from
 * what the data panel has loaded, else from where the platform keeps them (`dataFileStore.ts`).
 * The Fashion-MNIST sample is not carried: every build ships it.
 */
import type { DataSource } from '../../../engine/project'
import { dataFilePaths, sharedFileName, type SharedDataFile } from '../../../engine/project/shareData'
import { reopenDataFile, storedPathOf } from '../data/dataFileStore'
import { get } from '../data/dataState'
import { isBundledSample } from '../data/dataSync'

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
    files.push({ name: sharedFileName(path), bytes: new Uint8Array(await file.arrayBuffer()) })
  }
  return { files }
}
