import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { createFileAccess, MAX_FILE_BYTES } from './fileAccess'
import { fileSizeAtMost, readFileAtMost } from './fileRead'
import { createLaunchQueue, launchPathsFromArgv } from './launchFiles'
import { createProjectOpener } from './projectLaunch'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'axon-launch-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

/** Main's wiring of a file the OS names, on the real file system, with the page, dialogs and files read recorded. */
function desktop() {
  const log: string[] = []
  const read = (path: string, max: number) => (log.push(`main reads ${basename(path)}`), readFileAtMost(path, max))
  const files = createFileAccess({ open: async () => [], save: async () => null }, { read, size: fileSizeAtMost, write: async () => {} })
  const open = createProjectOpener({
    files,
    send: ({ project, others }) => {
      const named = others.map((f) => `${f.name} (${f.size} bytes, named)`)
      log.push(`page opens ${[project && `${project.name} (${project.bytes.byteLength} bytes)`, ...named].filter(Boolean).join(' + ')}`)
    },
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
    expect(log).toEqual(['focus', 'main reads xor.axon.json', 'page opens xor.axon.json (24 bytes)'])
    expect(files.isGranted(path)).toBe(true)
  })

  it.each([
    ['a file moved away', async () => join(dir, 'gone.axon.json'), '“gone.axon.json” is not there any more: it was moved, renamed or deleted.'],
    ['a folder named like a project', async () => (await mkdir(join(dir, 'odd.axon.json')), join(dir, 'odd.axon.json')), '“odd.axon.json” is a folder, not a file.'],
    ['a data file that is gone', async () => join(dir, 'lost.csv'), '“lost.csv” is not there any more: it was moved, renamed or deleted.'],
  ])('%s: says why in a dialog, drops it from Open Recent, sends the page nothing', async (_what, make, detail) => {
    const path = await make()
    const { log, queue, settled } = desktop()
    queue.pageReady()
    queue.request(path)
    await settled()
    expect(log.filter((l) => !l.startsWith('main reads'))).toEqual(['focus', `forgotten ${path}`, `error: Could not open ${path} — ${detail}`])
  })

  it('a project double-clicked with data files: main reads the project only; the data files are named, not read (fails on the old code, which read them all)', async () => {
    await writeFile(join(dir, 'a.axon.json'), '{}')
    await writeFile(join(dir, 'b.axon.json'), '{}')
    await writeFile(join(dir, 'iris.csv'), 'x,y\n1,2\n')
    const { log, queue, settled } = desktop()
    launchPathsFromArgv(['axon-studio', 'a.axon.json', 'iris.csv', 'b.axon.json'], dir).forEach((p) => queue.request(p))
    queue.pageReady()
    await settled()
    expect(log.filter((l) => l !== 'focus')).toEqual(['main reads a.axon.json', 'page opens a.axon.json (2 bytes) + iris.csv (8 bytes, named) + b.axon.json (2 bytes, named)'])
  })

  it('data files alone are handed over named: main reads none of them (the page reads them for its Data dialog)', async () => {
    await writeFile(join(dir, 'train-images-idx3-ubyte'), new Uint8Array(16))
    await writeFile(join(dir, 'train-labels-idx1-ubyte'), new Uint8Array(8))
    const { log, files, queue, settled } = desktop()
    queue.pageGone()
    queue.request(join(dir, 'train-images-idx3-ubyte'))
    queue.request(join(dir, 'train-labels-idx1-ubyte'))
    queue.pageReady()
    await settled()
    expect(log.filter((l) => l !== 'focus')).toEqual(['page opens train-images-idx3-ubyte (16 bytes, named) + train-labels-idx1-ubyte (8 bytes, named)'])
    expect((await files.readGranted(join(dir, 'train-labels-idx1-ubyte'))).bytes.byteLength).toBe(8)
  })

  it('a data file over the limit is named in the dialog without being read, beside a project or alone (fails on the old code, which read it first)', async () => {
    const huge = join(dir, 'fashion-images-idx3-ubyte.gz')
    await writeFile(huge, '')
    await truncate(huge, MAX_FILE_BYTES + 1)
    await writeFile(join(dir, 'a.axon.json'), '{}')
    const { log, queue, settled } = desktop()
    queue.pageGone()
    queue.request(huge)
    queue.request(join(dir, 'a.axon.json'))
    queue.pageReady()
    await settled()
    const tooLarge = `error: Could not open ${huge} — “fashion-images-idx3-ubyte.gz” is 513 MB, more than the 512 MB Axon Studio opens.`
    expect(log.filter((l) => l !== 'focus')).toEqual([`forgotten ${huge}`, 'main reads a.axon.json', tooLarge, 'page opens a.axon.json (2 bytes)'])
    log.length = 0
    queue.request(huge)
    await settled()
    expect(log.filter((l) => l !== 'focus')).toEqual([`forgotten ${huge}`, tooLarge])
  })

  it('the first project cannot be read: the next project opens', async () => {
    await writeFile(join(dir, 'b.axon.json'), '{}')
    const { log, queue, settled } = desktop()
    queue.pageReady()
    launchPathsFromArgv(['axon-studio', 'gone.axon.json', 'b.axon.json'], dir).forEach((p) => queue.request(p))
    await settled()
    expect(log.filter((l) => l !== 'focus').at(-1)).toBe('page opens b.axon.json (2 bytes)')
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
      'main reads a.axon.json',
      `forgotten ${join(dir, 'gone.axon.json')}`,
      `forgotten ${join(dir, 'lost.csv')}`,
      'error: Could not open 2 files — “gone.axon.json” is not there any more: it was moved, renamed or deleted.\n“lost.csv” is not there any more: it was moved, renamed or deleted.',
      'page opens a.axon.json (2 bytes) + iris.csv (8 bytes, named)',
    ])
    expect(files.isGranted(join(dir, 'iris.csv'))).toBe(true)
  })
})
