/**
 * The data files a project file names, as main finds them on disk: a project the user opened
 * hands over the CSV and IDX files it trains on (its `data`, and each past run's), and nothing
 * else. Main reads a data file "beside a project" only when the project really names it, so a
 * page cannot use an opened project to read (and then overwrite) any CSV or .txt on the disk.
 */
import { dirname, isAbsolute, resolve } from 'node:path'

/** The fields of a file data source (src/engine/project/schema.ts `fileData`) that hold paths. */
const PATH_FIELDS = ['path', 'labelsPath', 'testPath', 'testLabelsPath'] as const

/**
 * The absolute paths of the data files named by the project (or trained-model) file at
 * `projectPath` whose text is `text`: every `{ kind: 'file', path, … }` in it, relative paths
 * against the project's folder. Empty for text that is not JSON.
 */
export function projectDataFiles(projectPath: string, text: string): Set<string> {
  const found = new Set<string>()
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch {
    return found
  }
  const folder = dirname(resolve(projectPath))
  // A stack, not recursion: a deeply nested file must not overflow main's stack.
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const value = stack.pop()
    if (typeof value !== 'object' || value === null) continue
    const record = value as Record<string, unknown>
    if (record.kind === 'file') {
      for (const field of PATH_FIELDS) {
        const path = record[field]
        if (typeof path === 'string' && path.length > 0) found.add(isAbsolute(path) ? resolve(path) : resolve(folder, path))
      }
    }
    // One at a time (a spread of a run's weight array would overflow), objects only.
    for (const child of Array.isArray(value) ? value : Object.values(record)) if (typeof child === 'object' && child !== null) stack.push(child)
  }
  return found
}
