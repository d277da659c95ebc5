import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFileAccess } from './fileAccess'
import { createLaunchQueue, launchPathsFromArgv } from './launchFiles'
import { createProjectOpener } from './projectLaunch'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'axon-launch-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

/** Main's wiring of a file the OS names, on the real file system, with the page and dialogs recorded. */
function desktop() {
  const log: string[] = []
  const files = createFileAccess({ open: async () => [], save: async () => null }, { read: async (p) => new Uint8Array(await readFile(p)), write: async () => {} })
  const open = createProjectOpener({
    files,
    send: (files) => void log.push(`page opens ${files.map((f) => `${f.name} (${f.bytes.byteLength} bytes)`).join(' + ')}`),
    forget: (path) => void log.push(`forgotten ${path}`),
    showError: (message, detail) => void log.push(`error: ${message} — ${detail}`),
  })
  const opened: Promise<void>[] = []
  // Each request's turn ends at once here: the batches of one turn are launchFiles.test.ts's.
  const queue = createLaunchQueue((paths) => void opened.push(open(paths)), () => void log.push('focus'), (flush) => flush())
  return { log, files, queue, settled: () => Promise.all(opened) }
}

describe('a project the OS opens (file association, a second launch)', () => {
  it('a second launch with a file while the page reloads: the file opens once the page listens, and may then be saved back', async () => {
    const path = join(dir, 'xor.axon.json')
    await writeFile(path, '{"format":"axon-studio"}')
    const { log, files, queue, settled } = desktop()
    queue.pageGone()
    launchPathsFromArgv(['axon-studio', '--flag', 'xor.axon.json'], dir).forEach((p) => queue.request(p))
    expect(log).toEqual(['focus'])
    queue.pageReady()
    await settled()
    expect(log).toEqual(['focus', 'page opens xor.axon.json (24 bytes)'])
    expect(files.isGranted(path)).toBe(true)
  })

  it.each([
    ['a file moved away', async () => join(dir, 'gone.axon.json'), '“gone.axon.json” is not there any more: it was moved, renamed or deleted.'],
    ['a folder named like a project', async () => (await mkdir(join(dir, 'odd.axon.json')), join(dir, 'odd.axon.json')), '“odd.axon.json” is a folder, not a project file.'],
  ])('%s: says why in a dialog, drops it from Open Recent, sends the page nothing', async (_what, make, detail) => {
    const path = await make()
    const { log, queue, settled } = desktop()
    queue.pageReady()
    queue.request(path)
    await settled()
    expect(log).toEqual(['focus', `forgotten ${path}`, `error: Could not open ${path} — ${detail}`])
  })

  it('several files at once: those that can be read reach the page together, one dialog names the others', async () => {
    await writeFile(join(dir, 'a.axon.json'), '{}')
    await writeFile(join(dir, 'iris.csv'), 'x,y\n1,2\n')
    const { log, files, queue, settled } = desktop()
    queue.pageGone()
    launchPathsFromArgv(['axon-studio', 'a.axon.json', 'gone.axon.json', 'iris.csv', 'lost.csv'], dir).forEach((p) => queue.request(p))
    queue.pageReady()
    await settled()
    expect(log.filter((l) => l !== 'focus')).toEqual([
      `forgotten ${join(dir, 'gone.axon.json')}`,
      `forgotten ${join(dir, 'lost.csv')}`,
      'error: Could not open 2 files — “gone.axon.json” is not there any more: it was moved, renamed or deleted.\n“lost.csv” is not there any more: it was moved, renamed or deleted.',
      'page opens a.axon.json (2 bytes) + iris.csv (8 bytes)',
    ])
    expect(files.isGranted(join(dir, 'iris.csv'))).toBe(true)
  })
})
