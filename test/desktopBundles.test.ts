/**
 * The desktop app's built bundles (electron-vite build), loaded in Node and driven through a
 * stand-in Electron (test/fakeElectron.ts), since the Electron binary cannot be had here: main
 * starts without a bad import or a top-level error, registers what must be registered before
 * the app is ready, makes the sandboxed window on app://axon/index.html (served cross-origin
 * isolated, with the production CSP), forks the engine from the file beside it; the preload
 * exposes its named functions only; the engine host answers from its bundle, its helper threads
 * sharing memory. Then a few of a teacher's paths through main's wiring, end to end.
 */
import { describe, expect, it, vi } from 'vitest'
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Comlink from 'comlink'
import { fakeProcess, loadBundle } from './fakeElectron'
import { bundles, settle, startedApp, startMain, useBuiltBundles } from './desktopHarness'
import { createFakeMainToRendererChannel } from './fakeMessagePortMain'
import { IPC } from '../src/shared/ipc'
import type { EngineApi } from '../src/engine/host/api'

useBuiltBundles()

describe('the main bundle in Node, with a stand-in Electron', () => {
  it('loads, and before the app is ready registers app:// as privileged, takes the single-instance lock and sets the autosave switch', () => {
    const { exit, fake, names } = startMain()
    expect(exit).toBeNull()
    expect(fake.calls).toContainEqual(['protocol.registerSchemesAsPrivileged', [{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]])
    expect(fake.calls).toContainEqual(['appendSwitch', 'enable-aggressive-domstorage-flushing'])
    expect(names()).not.toContain('new BrowserWindow')
  })

  it('once ready: a sandboxed window on app://axon/index.html with the preload beside it, the engine forked from engineHost.cjs beside main, permissions denied, the menu and the IPC handlers in place', async () => {
    const { fake, proc } = startMain()
    await fake.ready()
    const [, options] = fake.calls.find(([name]) => name === 'new BrowserWindow') as [string, { show: boolean; webPreferences: Record<string, unknown> }]
    expect(options.show).toBe(false)
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: false })
    expect(options.webPreferences.preload).toBe(join(bundles.out, 'preload', 'index.cjs'))
    expect(existsSync(options.webPreferences.preload as string)).toBe(true)
    expect(fake.calls).toContainEqual(['loadURL', 'app://axon/index.html'])
    const fork = fake.calls.find(([name]) => name === 'utilityProcess.fork') as [string, string, { serviceName: string }]
    expect(fork[1]).toBe(join(bundles.out, 'main', 'engineHost.cjs'))
    expect(existsSync(fork[1])).toBe(true)
    expect(fork[2].serviceName).toBe('Axon Engine')
    expect(fake.calls).toContainEqual(['session.setSpellCheckerEnabled', false])
    expect(fake.calls.filter(([name]) => name.startsWith('session.setPermission'))).toHaveLength(2)
    expect(fake.calls.some(([name]) => name === 'Menu.setApplicationMenu')).toBe(true)
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([IPC.fileDropped, IPC.fileOpen, IPC.fileReadBeside, IPC.fileReadGranted, IPC.fileSave].sort())
    // SIGTERM (a log-off) is listened for on the app's process once ready, not before (sessionEnd.ts).
    expect(proc.listeners.SIGTERM).toHaveLength(1)
  })

  it('serves the page cross-origin isolated (COOP, COEP: SharedArrayBuffer for the page and its workers) with the production CSP, and nothing outside the renderer folder', async () => {
    const { fake } = startMain()
    await fake.ready()
    const serve = fake.protocolHandlers.get('app')!
    const page = await serve({ url: 'app://axon/index.html', method: 'GET' })
    expect(page.status).toBe(200)
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp')
    const html = await page.text()
    expect(html).toContain("script-src 'self' 'wasm-unsafe-eval'")
    expect(html).not.toContain('ws:')
    const worker = readdirSync(join(bundles.out, 'renderer', 'assets')).find((f) => /^engine\.worker-.*\.js$/.test(f))
    expect(worker).toBeDefined()
    const script = await serve({ url: `app://axon/assets/${worker}`, method: 'GET' })
    expect(script.headers.get('cross-origin-embedder-policy')).toBe('require-corp')
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect((await serve({ url: 'app://axon/..%2fmain%2findex.cjs', method: 'GET' })).status).toBe(404)
  })

  it('a second start while the app runs ends at the lock, before any window, protocol or engine', () => {
    const { exit, names } = startMain({ singleInstance: false })
    expect(exit?.code).toBe(0)
    expect(names()).toEqual(['app.exit'])
  })

  it('a profile folder that cannot be written: its data goes to the user runtime folder, and the window says so once shown', async () => {
    const blocked = join(bundles.work, 'blocked')
    writeFileSync(blocked, '')
    const runtime = mkdtempSync(join(bundles.work, 'run-'))
    const { fake, exit } = startMain({ userData: join(blocked, 'Axon Studio'), env: { XDG_RUNTIME_DIR: runtime } })
    expect(exit).toBeNull()
    expect(fake.calls).toContainEqual(['setPath', 'userData', join(runtime, 'axon-studio')])
    expect(fake.calls).toContainEqual(['setPath', 'sessionData', join(runtime, 'axon-studio')])
    await fake.ready()
    fake.windows[0].emit('ready-to-show')
    await settle()
    expect(fake.calls).toContainEqual(['dialog.showMessageBox', 'Axon Studio cannot write to your profile folder.'])
  })
})

describe("a teacher's paths through main's wiring", () => {
  it("the page, once loaded, gets the engine's two ports", async () => {
    const { fake } = await startedApp()
    expect(fake.calls).toContainEqual(['webContents.postMessage', IPC.enginePorts, { restarted: false }, 2])
    expect(fake.calls).toContainEqual(['engine.postMessage', { type: 'axon:engine' }, expect.any(Array)])
  })

  it('an engine process that dies is forked again a moment later, and the page gets its new ports marked restarted', async () => {
    const { fake, timers } = await startedApp()
    fake.engines[0].emit('exit', 9)
    // Decided a moment after the exit (SESSION_END_GRACE_MS), when main knows whether the session ends.
    expect(fake.engines).toHaveLength(1)
    timers.run()
    expect(fake.engines).toHaveLength(2)
    expect(fake.calls).toContainEqual(['webContents.postMessage', IPC.enginePorts, { restarted: true }, 2])
  })

  it('a log-off that ends the engine a moment before main (SIGTERMs in no set order): no engine is forked again, main.log says why, and the app quits without asking', async () => {
    const userData = mkdtempSync(join(bundles.work, 'profile-'))
    const { fake, timers, proc, win } = await startedApp({ userData })
    fake.fromPage(win, IPC.documentState, { dirty: true, name: 'xor.axon.json', run: 'epoch 3, iteration 12', sweep: null })
    fake.engines[0].emit('exit', 15)
    proc.listeners.SIGTERM[0]()
    await settle()
    // Said as the window closes: main may be gone before the moment after the exit.
    expect(readFileSync(join(userData, 'logs', 'main.log'), 'utf8')).toContain('engine: process exited (code 15) as the session ends; not restarted')
    timers.run()
    expect(fake.engines).toHaveLength(1)
    expect(win.destroyed).toBe(true)
    expect(fake.calls.some(([name]) => name === 'dialog.showMessageBox')).toBe(false)
  })

  it('a project double-clicked in the file manager (its path on the command line) reaches the page once it has loaded', async () => {
    const project = join(bundles.work, 'xor.axon.json')
    writeFileSync(project, '{"format":"axon-studio"}')
    const { fake } = await startedApp({ args: [project] })
    // Main reads the file (real fs) before it sends it.
    const sent = await vi.waitFor(() => fake.calls.find(([name, channel]) => name === 'webContents.send' && channel === IPC.fileOpened) ?? Promise.reject(new Error('not sent yet')), { timeout: 15_000 })
    expect(sent[2]).toMatchObject({ project: { path: project, name: 'xor.axon.json' }, others: [] })
  })

  it('a project double-clicked opens the data files it names beside it, and no other file the page asks for; a data file read is never saved over without the Save dialog, nor listed in Open Recent (fails on the old code)', async () => {
    const usb = mkdtempSync(join(bundles.work, 'usb-'))
    mkdirSync(join(usb, 'data'))
    const iris = join(usb, 'data', 'iris.csv')
    writeFileSync(iris, 'a,b\n1,2\n')
    const notes = join(mkdtempSync(join(bundles.work, 'home-')), 'notes.txt')
    writeFileSync(notes, 'my passwords')
    const project = join(usb, 'iris.axon.json')
    writeFileSync(project, JSON.stringify({ format: 'axon-studio', data: { kind: 'file', format: 'csv', path: 'data/iris.csv' } }))
    const { fake, win } = await startedApp({ args: [project] })
    await vi.waitFor(() => fake.calls.find(([name, channel]) => name === 'webContents.send' && channel === IPC.fileOpened) ?? Promise.reject(new Error('not opened yet')), { timeout: 15_000 })
    expect(await fake.invokeFromPage(win, IPC.fileReadBeside, project, 'data/iris.csv')).toMatchObject({ path: iris, name: 'iris.csv' })
    // The old code read any CSV, IDX, .gz or .txt "beside" an opened project, and then saved over it without asking.
    await expect(fake.invokeFromPage(win, IPC.fileReadBeside, project, notes)).rejects.toThrow('“notes.txt” is not one of the data files “iris.axon.json” names')
    for (const path of [iris, notes]) expect(await fake.invokeFromPage(win, IPC.fileSave, 'project', 'iris.axon.json', new TextEncoder().encode('{}'), path)).toBeNull()
    expect(readFileSync(iris, 'utf8')).toBe('a,b\n1,2\n')
    expect(readFileSync(notes, 'utf8')).toBe('my passwords')
    // Nor does a data file the page names as its project reach Open Recent, whose entries are saved back to.
    fake.fromPage(win, IPC.fileCurrent, iris)
    fake.fromPage(win, IPC.fileCurrent, project)
    expect(fake.calls.filter(([name]) => name === 'app.addRecentDocument')).toEqual([['app.addRecentDocument', project]])
  })

  it('Save of a project opened through a link (the class folder linked on the desktop) writes the shared file, keeps the link and the file’s permissions', async () => {
    const shared = join(mkdtempSync(join(bundles.work, 'class-')), 'xor.axon.json')
    writeFileSync(shared, '{"format":"axon-studio"}')
    chmodSync(shared, 0o660)
    const link = join(mkdtempSync(join(bundles.work, 'desktop-')), 'xor.axon.json')
    symlinkSync(shared, link)
    const { fake, win } = await startedApp({ args: [link] })
    await vi.waitFor(() => fake.calls.find(([name, channel]) => name === 'webContents.send' && channel === IPC.fileOpened) ?? Promise.reject(new Error('not opened yet')), { timeout: 15_000 })
    const saved = await fake.invokeFromPage(win, IPC.fileSave, 'project', 'xor.axon.json', new TextEncoder().encode('{"saved":true}'), link)
    expect(saved).toEqual({ path: link, name: 'xor.axon.json' })
    expect(readFileSync(shared, 'utf8')).toBe('{"saved":true}')
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(statSync(shared).mode & 0o777).toBe(0o660)
  })

  it('Open Recent is written as a project is saved: a copy beside recent-projects.json renamed over it, so a crash mid-write cannot empty it (fails on the old code: written in place, the same file)', async () => {
    const userData = mkdtempSync(join(bundles.work, 'profile-'))
    const list = join(userData, 'recent-projects.json')
    writeFileSync(list, '["/gone/old.axon.json"]')
    const before = statSync(list).ino
    const project = join(bundles.work, 'recent.axon.json')
    writeFileSync(project, '{"format":"axon-studio"}')
    const { fake, win } = await startedApp({ userData, args: [project] })
    await vi.waitFor(() => fake.calls.find(([name, channel]) => name === 'webContents.send' && channel === IPC.fileOpened) ?? Promise.reject(new Error('not opened yet')), { timeout: 15_000 })
    fake.fromPage(win, IPC.fileCurrent, project)
    await vi.waitFor(() => expect(JSON.parse(readFileSync(list, 'utf8'))).toEqual([project, '/gone/old.axon.json']), { timeout: 15_000 })
    expect(statSync(list).ino).not.toBe(before)
    expect(readdirSync(userData).filter((name) => name.includes('recent'))).toEqual(['recent-projects.json'])
  })

  it('closing with unsaved edits asks "Save the changes?": Cancel keeps the window, Don’t Save closes it and the app quits', async () => {
    const { fake, win, names } = await startedApp()
    fake.fromPage(win, IPC.documentState, { dirty: true, name: 'xor.axon.json', run: null, sweep: null })
    fake.answers.messageBox.push(2)
    win.close()
    await settle()
    expect(fake.calls).toContainEqual(['dialog.showMessageBox', 'Save the changes to “xor.axon.json”?'])
    expect(win.destroyed).toBe(false)
    fake.answers.messageBox.push(1)
    win.close()
    await settle()
    expect(win.destroyed).toBe(true)
    expect(names()).toContain('app.quit')
  })

  it('Quit with a run under way asks "Stop training … and quit?"; Stop and Quit ends the app, without a relaunch', async () => {
    const { fake, win, names } = await startedApp()
    fake.fromPage(win, IPC.documentState, { dirty: false, name: 'XOR', run: 'epoch 12, iteration 48', sweep: null })
    let quit = false
    fake.electron.app.on('will-quit', () => void (quit = true))
    fake.answers.messageBox.push(0)
    fake.electron.app.quit()
    await settle()
    expect(fake.calls).toContainEqual(['dialog.showMessageBox', 'Stop training of “XOR” and quit?'])
    expect(win.destroyed).toBe(true)
    expect(quit).toBe(true)
    expect(names()).not.toContain('app.relaunch')
  })
})

describe('the preload and engine host bundles', () => {
  it('the preload exposes axonDesktop with its named functions, never ipcRenderer, and hands the engine ports to the page', () => {
    const exposed: Record<string, Record<string, unknown>> = {}
    const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>()
    const posted: unknown[] = []
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => void (exposed[key] = api) },
      ipcRenderer: { on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => void listeners.set(channel, listener), send: () => {}, invoke: async () => null },
      webUtils: { getPathForFile: () => '' },
    }
    const window = { location: { origin: 'app://axon' }, postMessage: (...args: unknown[]) => void posted.push(args) }
    loadBundle(join(bundles.out, 'preload', 'index.cjs'), electron, { process: fakeProcess({}), window })
    expect(Object.keys(exposed)).toEqual(['axonDesktop'])
    expect(Object.keys(exposed.axonDesktop).sort()).toEqual(['files', 'isDesktop', 'onEngineFailed', 'onMenuCommand', 'onSaveRequest', 'onShareLink', 'reportDocumentState'])
    expect(JSON.stringify(Object.keys(exposed.axonDesktop.files as object))).not.toContain('ipc')
    listeners.get(IPC.enginePorts)?.({ ports: ['rpc', 'events'] }, { restarted: false })
    expect(posted).toEqual([[{ type: 'axon:engine-ports', restarted: false }, 'app://axon', ['rpc', 'events']]])
  })

  it('the engine host answers from its bundle over MessagePortMain-like ports, and its helper threads (gradientWorker.cjs) start with shared memory', async () => {
    const parentPort = new (await import('node:events')).EventEmitter()
    loadBundle(join(bundles.out, 'main', 'engineHost.cjs'), {}, { process: fakeProcess({ parentPort }) })
    const rpc = createFakeMainToRendererChannel()
    const events = createFakeMainToRendererChannel()
    parentPort.emit('message', { data: { type: 'axon:engine' }, ports: [rpc.main, events.main] })
    Comlink.expose({ receive: () => {} }, events.renderer as unknown as Comlink.Endpoint)
    const engine = Comlink.wrap<EngineApi>(rpc.renderer as unknown as Comlink.Endpoint)
    try {
      expect(await engine.version()).toMatch(/^\d+\.\d+\.\d+$/)
      const threads = await engine.threads()
      // One helper thread per further core: they multiply in one SharedArrayBuffer.
      expect(threads.maxThreads).toBeGreaterThanOrEqual(Math.min(2, (await import('node:os')).availableParallelism()))
    } finally {
      engine[Comlink.releaseProxy]()
      for (const channel of [rpc, events]) channel.renderer.close()
    }
  })
})
