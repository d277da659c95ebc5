import { describe, expect, it, vi } from 'vitest'
import { resolve, win32 } from 'node:path'
import { createLaunchQueue, handSecondLaunch, launchPathsFromArgv, relaunchArgs, showWindow } from './launchFiles'
import { shareTextsFromArgv } from './shareLinks'
import { createRecentFiles, MAX_RECENT } from './recentFiles'

/** A queue whose deferred flushes (main's gathering timers) run when the test says. */
function queueLog(focus: (log: string[]) => void = (log) => void log.push('focus')) {
  const log: string[] = []
  let timers: Array<() => void> = []
  const queue = createLaunchQueue(
    (batch) => void log.push(`open ${batch.join(' + ')}`),
    () => focus(log),
    (flush) => void timers.push(flush),
  )
  /** Every timer set so far fires. */
  const endTurn = () => {
    const run = timers
    timers = []
    run.forEach((flush) => flush())
  }
  /** The oldest timer fires (later requests' timers are still running). */
  const fireOldest = () => timers.shift()!()
  return { log, queue, endTurn, fireOldest }
}

describe('files from the OS', () => {
  it('takes project and data paths from a command line, resolved against its folder', () => {
    const argv = ['C:\\Program Files\\Axon Studio\\Axon Studio.exe', '--enable-devtools', 'lessons/xor.AXON.json', '/srv/class/mazur.axon.json', 'notes.pdf', 'iris.csv', 'train-images-idx3-ubyte.gz', '--inspect=9229']
    expect(launchPathsFromArgv(argv, '/home/ana')).toEqual([
      resolve('/home/ana', 'lessons/xor.AXON.json'),
      '/srv/class/mazur.axon.json',
      resolve('/home/ana', 'iris.csv'),
      resolve('/home/ana', 'train-images-idx3-ubyte.gz'),
    ])
    expect(launchPathsFromArgv(['axon-studio', '.'], '/x')).toEqual([])
    // Windows' Open with on a .json (it goes by the last extension), or a project saved as .json (fails on the old code).
    expect(launchPathsFromArgv(['Axon Studio.exe', 'xor.json', '--enable-logging=file.json'], '/home/ana')).toEqual([resolve('/home/ana', 'xor.json')])
  })

  it('takes file: URLs, as a Linux file manager may pass them to the .desktop entry’s %U (fails on the old code: resolved as a relative path)', () => {
    const argv = ['/opt/Axon Studio/axon-studio', 'file:///home/ana/My%20Class/xor.axon.json', 'file:///home/ana/iris.csv', 'file:///home/ana/notes.pdf', 'file://server/share/x.axon.json']
    expect(launchPathsFromArgv(argv, '/home/ana')).toEqual(['/home/ana/My Class/xor.axon.json', '/home/ana/iris.csv'])
    // A second launch's command line, with the switch Chromium adds to it.
    expect(launchPathsFromArgv(['/opt/Axon Studio/axon-studio', '--original-process-start-time=13370000000000000', 'file:///srv/class/mazur.json'], '/')).toEqual(['/srv/class/mazur.json'])
  })

  it('a second launch forwards its files to the running window together, focused', () => {
    const { log, queue, endTurn } = queueLog()
    queue.pageReady()
    const links: string[] = []
    const to = { files: queue, links: { request: (text: string) => void links.push(text) }, linksOf: shareTextsFromArgv, focus: () => void log.push('focus (nothing to open)') }
    handSecondLaunch(['axon', 'b.axon.json', 'c.axon.json'], '/home/ana', to)
    expect(log).toEqual(['focus', 'focus'])
    endTurn()
    expect(log).toEqual(['focus', 'focus', `open ${resolve('/home/ana/b.axon.json')} + ${resolve('/home/ana/c.axon.json')}`])
    // Started again from its icon: the window comes to the front, nothing opens.
    handSecondLaunch(['axon', '--original-process-start-time=13370000000000000'], '/home/ana', to)
    expect(log.at(-1)).toBe('focus (nothing to open)')
    // A clicked share link goes to the links' queue.
    handSecondLaunch(['axon', 'axon-studio://open#share=abc'], '/', to)
    expect(links).toEqual(['abc'])
  })

  it("Windows: a project double-clicked while the app runs, the second launch a portable .exe's copy of its own: the file, absolute, on a share or relative to the folder, reaches the running window (Chromium's switches before it)", () => {
    const { log, queue, endTurn } = queueLog()
    queue.pageReady()
    const to = { files: queue, links: { request: () => {} }, linksOf: shareTextsFromArgv, focus: () => void log.push('focus (nothing to open)') }
    const exe = 'C:\\Users\\ana\\AppData\\Local\\Temp\\nsq1A2B.tmp\\app\\Axon Studio.exe'
    handSecondLaunch([exe, '--allow-file-access-from-files', '--original-process-start-time=13370000000000000', 'D:\\class\\xor.axon.json'], 'E:\\', to, win32)
    handSecondLaunch([exe, '\\\\server\\class\\iris.csv', 'week 3\\mazur.JSON'], 'C:\\Users\\ana\\Desktop', to, win32)
    endTurn()
    expect(log.at(-1)).toBe('open D:\\class\\xor.axon.json + \\\\server\\class\\iris.csv + C:\\Users\\ana\\Desktop\\week 3\\mazur.JSON')
  })

  it('macOS open-file events of one turn (several files double-clicked, dropped on the dock) go to the page together', () => {
    const { log, queue, endTurn } = queueLog()
    queue.pageReady()
    queue.request('/a.axon.json')
    queue.request('/b.axon.json')
    queue.request('/a.axon.json')
    queue.request('/train.csv')
    endTurn()
    queue.request('/c.axon.json')
    endTurn()
    expect(log.filter((l) => l !== 'focus')).toEqual(['open /a.axon.json + /b.axon.json + /train.csv', 'open /c.axon.json'])
  })

  it('Windows starts the app once per file: second launches that come before the gathering ends go to the page together', () => {
    const { log, queue, fireOldest } = queueLog()
    queue.pageReady()
    queue.request('/a.axon.json')
    queue.request('/b.axon.json')
    fireOldest()
    expect(log.filter((l) => l !== 'focus')).toEqual([])
    queue.request('/c.axon.json')
    fireOldest()
    fireOldest()
    expect(log.filter((l) => l !== 'focus')).toEqual(['open /a.axon.json + /b.axon.json + /c.axon.json'])
  })

  it('holds files that arrive before the page listens (macOS open-file at launch), then hands over all of them', () => {
    const { log, queue, endTurn } = queueLog()
    queue.request('/a.axon.json')
    queue.request('/b.axon.json')
    endTurn()
    expect(log.filter((l) => l !== 'focus')).toEqual([])
    queue.pageReady()
    expect(log.filter((l) => l !== 'focus')).toEqual(['open /a.axon.json + /b.axon.json'])
    queue.pageGone()
    queue.request('/c.axon.json')
    endTurn()
    expect(log.filter((l) => l !== 'focus')).toEqual(['open /a.axon.json + /b.axon.json'])
    queue.pageReady()
    expect(log.filter((l) => l !== 'focus')).toEqual(['open /a.axon.json + /b.axon.json', 'open /c.axon.json'])
  })
})

describe('the window for what the OS asks', () => {
  it('macOS, the last window closed, a project double-clicked in Finder: a new window opens and its page gets the file (fails on the old code: the file went to no window)', () => {
    const { log, queue, endTurn } = queueLog((log) => showWindow(null, true, () => log.push('new window')))
    queue.pageReady()
    // The window closed (main: 'closed'), the app runs on.
    queue.pageGone()
    queue.request('/Users/ana/xor.axon.json')
    endTurn()
    expect(log).toEqual(['new window'])
    queue.pageReady()
    expect(log).toEqual(['new window', 'open /Users/ana/xor.axon.json'])
  })

  it('a second launch that reaches the app as it quits is not lost: its files are what the relaunch opens (fails on the old code: dropped)', () => {
    // The last window closed (Windows, Linux): the app quits, and no window may be made for the files.
    const { log, queue, endTurn } = queueLog((log) => showWindow(null, false, () => log.push('new window')))
    queue.pageReady()
    queue.pageGone()
    for (const path of launchPathsFromArgv(['axon-studio', 'xor.axon.json'], '/home/ana')) queue.request(path)
    endTurn()
    expect(log).toEqual([])
    // main, at 'will-quit': app.relaunch({ args }) when anything is left.
    const installed = { sessionEnding: false, defaultApp: false, appPath: undefined }
    expect(relaunchArgs(queue.pending(), installed)).toEqual([resolve('/home/ana/xor.axon.json')])
    expect(relaunchArgs(['/a.axon.json'], { sessionEnding: false, defaultApp: true, appPath: 'out/main/index.cjs' })).toEqual([resolve('out/main/index.cjs'), '/a.axon.json'])
    // Not while the OS ends the session (log-off, shutdown).
    expect(relaunchArgs(queue.pending(), { ...installed, sessionEnding: true })).toBeNull()
    // Handed to a page, nothing is left to relaunch for.
    queue.pageReady()
    expect(queue.pending()).toEqual([])
    expect(relaunchArgs(queue.pending(), installed)).toBeNull()
  })

  it('a project double-clicked while the window asks "Save changes?" waits: not under the question about the one open; Cancel hands it over, a Quit that goes on leaves it to the relaunch (fails on the old code: opened under the question)', () => {
    const kept = queueLog()
    kept.queue.pageReady()
    kept.queue.hold(true)
    kept.queue.request('/home/ana/mazur.axon.json')
    kept.endTurn()
    expect(kept.log).toEqual(['focus'])
    kept.queue.hold(false)
    expect(kept.log).toEqual(['focus', 'open /home/ana/mazur.axon.json'])

    const quit = queueLog()
    quit.queue.pageReady()
    quit.queue.hold(true)
    quit.queue.request('/home/ana/mazur.axon.json')
    quit.endTurn()
    // The window closed (main: pageGone, then the hold released): nothing to hand to.
    quit.queue.pageGone()
    quit.queue.hold(false)
    expect(quit.log).toEqual(['focus'])
    expect(relaunchArgs(quit.queue.pending(), { sessionEnding: false, defaultApp: false, appPath: undefined })).toEqual(['/home/ana/mazur.axon.json'])
  })

  it('brings a minimized window back; makes none before the app is ready (the first is coming) or while it quits', () => {
    const log: string[] = []
    const win = { isMinimized: () => true, restore: () => log.push('restore'), focus: () => log.push('focus') }
    showWindow(win, true, () => log.push('new window'))
    showWindow(null, false, () => log.push('new window'))
    expect(log).toEqual(['restore', 'focus'])
  })
})

describe('Open Recent', () => {
  function memory(text: string | null = null) {
    const store = { text, read: () => store.text, write: (t: string) => void (store.text = t) }
    return store
  }

  it('keeps the newest first, without duplicates, at most ten, across restarts', () => {
    const store = memory()
    const recent = createRecentFiles(store)
    for (let i = 0; i < 12; i++) recent.add(`/p/${i}.axon.json`)
    recent.add('/p/5.axon.json')
    expect(recent.list()[0]).toBe('/p/5.axon.json')
    expect(recent.list()).toHaveLength(MAX_RECENT)
    expect(new Set(recent.list()).size).toBe(MAX_RECENT)
    expect(createRecentFiles(store).list()).toEqual(recent.list())
  })

  it('starts empty from a damaged list, or an empty one (a write cut short)', () => {
    expect(createRecentFiles(memory('{oops')).list()).toEqual([])
    expect(createRecentFiles(memory('')).list()).toEqual([])
    expect(createRecentFiles(memory('\0\0\0\0')).list()).toEqual([])
    expect(createRecentFiles(memory('[1, "/a.axon.json"]')).list()).toEqual(['/a.axon.json'])
  })

  it('writes one list at a time, the newest next, through a store that takes a while (main’s, a copy renamed over the file) (fails on the old code: three writes at once, sharing the temporary copy)', async () => {
    const writes: Array<{ text: string; done: () => void }> = []
    const slow = { read: () => null, write: (text: string) => new Promise<void>((resolve) => void writes.push({ text, done: resolve })) }
    const recent = createRecentFiles(slow)
    recent.add('/a.axon.json')
    recent.add('/b.axon.json')
    recent.add('/c.axon.json')
    expect(writes.map((w) => w.text)).toEqual(['["/a.axon.json"]'])
    writes[0].done()
    await vi.waitFor(() => expect(writes).toHaveLength(2))
    expect(writes[1].text).toBe('["/c.axon.json","/b.axon.json","/a.axon.json"]')
    writes[1].done()
    recent.remove('/b.axon.json')
    await vi.waitFor(() => expect(writes).toHaveLength(3))
    expect(writes[2].text).toBe('["/c.axon.json","/a.axon.json"]')
  })

  it('a write that fails leaves the list in the menu, and the next change is written', async () => {
    let fails = 1
    const texts: string[] = []
    const recent = createRecentFiles({ read: () => null, write: async (text: string) => (fails-- > 0 ? Promise.reject(new Error('EROFS')) : void texts.push(text)) })
    recent.add('/a.axon.json')
    await vi.waitFor(() => expect(fails).toBe(0))
    recent.add('/b.axon.json')
    await vi.waitFor(() => expect(texts).toEqual(['["/b.axon.json","/a.axon.json"]']))
    expect(recent.list()).toEqual(['/b.axon.json', '/a.axon.json'])
  })
})
