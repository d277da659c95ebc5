/**
 * The desktop app's built bundles (electron-vite build, once per test file) and main's bundle
 * started on a stand-in Electron (fakeElectron.ts), for test/desktopBundles.test.ts and
 * test/desktopJourneys.test.ts.
 */
import { afterAll, beforeAll } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IPC } from '../src/shared/ipc'
import { AppExit, createFakeElectron, createManualTimers, fakeProcess, loadBundle } from './fakeElectron'

const root = process.cwd()
/** `out`: the bundles, built into node_modules/.cache so packages resolve from the project as they do in the asar; `work`: the tests' files. */
export const bundles = { out: '', work: '' }

/** Builds the bundles before the file's tests, and removes them and the tests' files after. */
export function useBuiltBundles(): void {
  beforeAll(() => {
    const cache = join(root, 'node_modules', '.cache')
    mkdirSync(cache, { recursive: true })
    bundles.out = mkdtempSync(join(cache, 'axon-bundles-'))
    bundles.work = mkdtempSync(join(tmpdir(), 'axon-bundles-'))
    execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build', '--outDir', bundles.out], { cwd: root, stdio: 'pipe' })
  }, 180_000)
  afterAll(() => {
    for (const dir of [bundles.out, bundles.work]) if (dir) rmSync(dir, { recursive: true, force: true })
  })
}

export const settle = () => new Promise((resolve) => setImmediate(resolve))

/** Main's bundle, started as the installed app is: `argv` after the executable, the profile folders in `work`. */
export function startMain({ args = [] as string[], userData = join(bundles.work, 'config', 'Axon Studio'), env = {} as Record<string, string>, singleInstance = true, platform = 'linux' } = {}) {
  const fake = createFakeElectron({ paths: { userData, temp: tmpdir() }, singleInstance })
  const timers = createManualTimers()
  const proc = fakeProcess({ argv: ['/opt/Axon Studio/axon-studio', ...args], env, platform, execPath: '/opt/Axon Studio/axon-studio', cwd: () => bundles.work })
  let exit: AppExit | null = null
  try {
    loadBundle(join(bundles.out, 'main', 'index.cjs'), fake.electron, { process: proc, ...timers })
  } catch (error) {
    if (!(error instanceof AppExit)) throw error
    exit = error
  }
  const names = () => fake.calls.map(([name]) => name)
  return { fake, timers, proc, exit, names }
}

/** Started, ready, its window's page loaded: what a teacher sees a moment after the double-click. */
export async function startedApp(options: Parameters<typeof startMain>[0] = {}) {
  const main = startMain(options)
  await main.fake.ready()
  const win = main.fake.windows[0]
  win.emit('ready-to-show')
  win.webContents.emit('did-finish-load')
  main.timers.run()
  await settle()
  return { ...main, win }
}

/** The id of the latest save main asked the page for (the close question's Save). */
export function saveAsked(fake: ReturnType<typeof createFakeElectron>): unknown {
  const asked = fake.calls.filter(([name, channel]) => name === 'webContents.send' && channel === IPC.documentSave)
  return asked.at(-1)?.[2]
}
