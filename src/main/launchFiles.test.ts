import { describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import { createLaunchQueue, projectPathsFromArgv } from './launchFiles'
import { createRecentFiles, MAX_RECENT } from './recentFiles'

describe('files from the OS', () => {
  it('takes *.axon.json paths from a command line, resolved against its folder', () => {
    const argv = ['C:\\Program Files\\Axon Studio\\Axon Studio.exe', '--enable-devtools', 'lessons/xor.AXON.json', '/srv/class/mazur.axon.json', 'notes.txt', '--inspect=9229']
    expect(projectPathsFromArgv(argv, '/home/ana')).toEqual([resolve('/home/ana', 'lessons/xor.AXON.json'), '/srv/class/mazur.axon.json'])
    expect(projectPathsFromArgv(['axon-studio', '.'], '/x')).toEqual([])
  })

  it('a second launch forwards its file to the running window, focused', () => {
    const log: string[] = []
    const queue = createLaunchQueue((p) => log.push(`open ${p}`), () => log.push('focus'))
    queue.pageReady()
    // What main does on 'second-instance' (argv and cwd of the second launch):
    for (const path of projectPathsFromArgv(['axon', 'b.axon.json'], '/home/ana')) queue.request(path)
    expect(log).toEqual(['focus', `open ${resolve('/home/ana/b.axon.json')}`])
  })

  it('holds files that arrive before the page listens (macOS open-file at launch), opening the last', () => {
    const opened: string[] = []
    const queue = createLaunchQueue((p) => opened.push(p), () => {})
    queue.request('/a.axon.json')
    queue.request('/b.axon.json')
    expect(opened).toEqual([])
    queue.pageReady()
    expect(opened).toEqual(['/b.axon.json'])
    queue.pageGone()
    queue.request('/c.axon.json')
    expect(opened).toEqual(['/b.axon.json'])
    queue.pageReady()
    expect(opened).toEqual(['/b.axon.json', '/c.axon.json'])
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

  it('starts empty from a damaged list', () => {
    expect(createRecentFiles(memory('{oops')).list()).toEqual([])
    expect(createRecentFiles(memory('[1, "/a.axon.json"]')).list()).toEqual(['/a.axon.json'])
  })
})
