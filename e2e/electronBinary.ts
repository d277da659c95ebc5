/**
 * Finds the Electron executable without `require('electron')`, which would try to download it.
 * Returns null where none is installed (binary downloads are blocked on CI machines here).
 */
import { createRequire } from 'node:module'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export function findElectronBinary(): string | null {
  let dir: string
  try {
    dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathTxt = join(dir, 'path.txt')
  if (!existsSync(pathTxt)) return null
  const exe = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(pathTxt, 'utf8').trim())
  return existsSync(exe) ? exe : null
}
