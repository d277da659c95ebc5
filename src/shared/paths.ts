/**
 * Path arithmetic the renderer needs without `node:path`: a data file's path relative to the
 * project file (as `*.axon.json` stores it, with `/`), on POSIX and Windows paths alike.
 */

function split(path: string): { root: string; parts: string[] } {
  const p = path.replaceAll('\\', '/')
  const drive = /^[a-zA-Z]:\//.exec(p)?.[0] ?? (p.startsWith('//') ? '//' : p.startsWith('/') ? '/' : '')
  return { root: drive.toLowerCase(), parts: p.slice(drive.length).split('/').filter((s) => s && s !== '.') }
}

/** The folder holding `filePath`. */
export function folderOf(filePath: string): string {
  const p = filePath.replaceAll('\\', '/')
  return p.slice(0, Math.max(p.lastIndexOf('/'), 0)) || '/'
}

/**
 * `target` relative to the folder `fromDir`, with `/` separators (`data/x.csv`, `../x.csv`);
 * `target` itself (with `/`) when they are on different drives.
 */
export function relativePath(fromDir: string, target: string): string {
  const from = split(fromDir)
  const to = split(target)
  if (from.root !== to.root) return target.replaceAll('\\', '/')
  const windows = /^[a-z]:\/$/.test(to.root)
  const same = (a: string, b: string) => (windows ? a.toLowerCase() === b.toLowerCase() : a === b)
  let common = 0
  while (common < from.parts.length && common < to.parts.length && same(from.parts[common], to.parts[common])) common++
  return [...from.parts.slice(common).map(() => '..'), ...to.parts.slice(common)].join('/')
}
