/**
 * The shell's classroom journeys on the built bundles, through the stand-in Electron
 * (desktopHarness.ts): closing with unsaved edits while training, the engine crashing mid-run,
 * macOS's windows, a file dropped on the window through the preload and main.
 */
import { describe, expect, it, vi } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cancellable, fakeProcess, loadBundle } from './fakeElectron'
import { bundles, saveAsked, settle, startedApp, useBuiltBundles } from './desktopHarness'
import { IPC } from '../src/shared/ipc'

useBuiltBundles()

describe("the shell's classroom journeys", () => {
  it('closing with unsaved edits while training: Save that fails (a read-only USB stick) keeps the window and the run; Save that works closes it', async () => {
    const { fake, win, timers } = await startedApp()
    fake.fromPage(win, IPC.documentState, { dirty: true, name: 'xor.axon.json', run: 'epoch 40, iteration 160', sweep: null })
    fake.answers.messageBox.push(0)
    win.close()
    await settle()
    expect(fake.calls).toContainEqual(['dialog.showMessageBox', 'Save the changes to “xor.axon.json”?'])
    const first = saveAsked(fake)
    expect(first).toBeDefined()
    fake.fromPage(win, IPC.documentSaveTaken, first)
    fake.fromPage(win, IPC.documentSaved, first, false)
    await settle()
    timers.run()
    await settle()
    expect(win.destroyed).toBe(false)
    expect(fake.engines).toHaveLength(1)
    // Saved elsewhere (Save As) the next time: the window closes.
    fake.answers.messageBox.push(0)
    win.close()
    await settle()
    const second = saveAsked(fake)
    expect(second).not.toEqual(first)
    fake.fromPage(win, IPC.documentSaveTaken, second)
    fake.fromPage(win, IPC.documentSaved, second, true)
    await settle()
    expect(win.destroyed).toBe(true)
  })

  it('a project double-clicked on a write-protected USB stick, closed with unsaved edits while training: Save offers the Save dialog in Documents at once, and the project saved there lets the window close (fails on the old bundle: the save only failed)', async () => {
    const stick = mkdtempSync(join(bundles.work, 'usb-'))
    const project = join(stick, 'xor.axon.json')
    writeFileSync(project, '{"format":"axon-studio"}')
    const userData = mkdtempSync(join(bundles.work, 'profile-'))
    const documents = join(userData, 'documents')
    mkdirSync(documents)
    const { fake, win } = await startedApp({ userData, args: [project] })
    await vi.waitFor(() => fake.calls.find(([name, channel]) => name === 'webContents.send' && channel === IPC.fileOpened) ?? Promise.reject(new Error('not opened yet')), { timeout: 15_000 })
    fake.answers.savePath.push(join(documents, 'xor.axon.json'))
    // Write-protected: nothing can be made in the folder, even by root (chattr +i; EPERM as a locked stick's EROFS).
    execFileSync('chattr', ['+i', stick])
    try {
      fake.fromPage(win, IPC.documentState, { dirty: true, name: 'xor.axon.json', run: 'epoch 40, iteration 160', sweep: null })
      fake.answers.messageBox.push(0)
      win.close()
      await settle()
      // The page saves as its Save does: back to the file it opened.
      const id = saveAsked(fake)
      fake.fromPage(win, IPC.documentSaveTaken, id)
      const saved = await fake.invokeFromPage(win, IPC.fileSave, 'project', 'xor.axon.json', new TextEncoder().encode('{"saved":true}'), project)
      expect(saved).toEqual({ path: join(documents, 'xor.axon.json'), name: 'xor.axon.json' })
      expect(fake.calls.filter(([name]) => name === 'dialog.showSaveDialog')).toEqual([['dialog.showSaveDialog', '“xor.axon.json” could not be saved there: choose another place', join(documents, 'xor.axon.json')]])
      fake.fromPage(win, IPC.documentSaved, id, true)
      await settle()
      expect(win.destroyed).toBe(true)
      expect(readFileSync(join(documents, 'xor.axon.json'), 'utf8')).toBe('{"saved":true}')
      expect(readFileSync(project, 'utf8')).toBe('{"format":"axon-studio"}')
    } finally {
      execFileSync('chattr', ['-i', stick])
    }
  })

  it('the engine process crashing mid-run: forked again each time with the page told, until the fourth crash within a minute, which the page (and a reload of it) is told instead; the window still closes', async () => {
    const userData = mkdtempSync(join(bundles.work, 'profile-'))
    const { fake, win, timers } = await startedApp({ userData })
    fake.fromPage(win, IPC.documentState, { dirty: false, name: 'XOR', run: 'epoch 12, iteration 48', sweep: null })
    for (let crash = 0; crash < 4; crash++) {
      fake.engines.at(-1)!.emit('exit', 134)
      timers.run()
    }
    expect(fake.engines).toHaveLength(4)
    expect(fake.calls.filter(([name, channel, info]) => name === 'webContents.postMessage' && channel === IPC.enginePorts && (info as { restarted: boolean }).restarted)).toHaveLength(3)
    const failed = () => fake.calls.filter(([name, channel]) => name === 'webContents.send' && channel === IPC.engineFailed)
    expect(failed()).toHaveLength(1)
    expect(String(failed()[0][2])).toContain('Your graph is safe: save it and restart Axon Studio.')
    expect(readFileSync(join(userData, 'logs', 'main.log'), 'utf8')).toContain('engine: process exited (code 134), 4 times within 60 s; not restarted again')
    win.webContents.emit('did-start-loading')
    win.webContents.emit('did-finish-load')
    expect(failed()).toHaveLength(2)
    // The page lost its run with the engine: with nothing unsaved the window closes without a question.
    fake.fromPage(win, IPC.documentState, { dirty: false, name: 'XOR', run: null, sweep: null })
    win.close()
    await settle()
    expect(win.destroyed).toBe(true)
    expect(fake.calls.some(([name]) => name === 'dialog.showMessageBox')).toBe(false)
  })

  it('macOS, the window closed and the app still running: a project double-clicked opens a second window with an engine of its own, and the first window’s page is no longer heard', async () => {
    const project = join(mkdtempSync(join(bundles.work, 'mac-')), 'xor.axon.json')
    writeFileSync(project, '{"format":"axon-studio"}')
    const { fake, win, timers, names } = await startedApp({ platform: 'darwin' })
    win.close()
    expect(win.destroyed).toBe(true)
    expect(names()).not.toContain('app.quit')
    fake.electron.app.emit('open-file', cancellable(), project)
    const second = fake.windows[1]
    expect(second).toBeDefined()
    expect(fake.engines).toHaveLength(2)
    second.emit('ready-to-show')
    second.webContents.emit('did-finish-load')
    timers.run()
    const sent = await vi.waitFor(() => fake.calls.find(([name, channel]) => name === 'webContents.send' && channel === IPC.fileOpened) ?? Promise.reject(new Error('not sent yet')), { timeout: 15_000 })
    expect(sent[2]).toMatchObject({ project: { path: project } })
    // The old page's reports and requests go nowhere: a close of the new window asks nothing.
    fake.fromPage(win, IPC.documentState, { dirty: true, name: 'old.axon.json', run: null, sweep: null })
    await expect(fake.invokeFromPage(win, IPC.fileReadGranted, project)).rejects.toThrow(/not sent by Axon Studio's page/)
    second.close()
    await settle()
    expect(second.destroyed).toBe(true)
    expect(fake.calls.some(([name]) => name === 'dialog.showMessageBox')).toBe(false)
  })

  it('macOS: a project double-clicked while the window asks "Save the changes?" opens in a new window when the user closes that one (fails on the old bundle: nothing opened until the Dock icon was clicked)', async () => {
    const project = join(mkdtempSync(join(bundles.work, 'mac-')), 'mazur.axon.json')
    writeFileSync(project, '{"format":"axon-studio"}')
    const { fake, win, timers } = await startedApp({ platform: 'darwin' })
    fake.fromPage(win, IPC.documentState, { dirty: true, name: 'xor.axon.json', run: null, sweep: null })
    fake.answers.messageBox.push(1)
    win.close()
    // Asked while the question is open: it waits, not to open under it.
    fake.electron.app.emit('open-file', cancellable(), project)
    timers.run()
    await settle()
    expect(fake.calls).toContainEqual(['dialog.showMessageBox', 'Save the changes to “xor.axon.json”?'])
    expect(win.destroyed).toBe(true)
    const second = fake.windows[1]
    expect(second).toBeDefined()
    second.emit('ready-to-show')
    second.webContents.emit('did-finish-load')
    timers.run()
    const sent = await vi.waitFor(() => fake.calls.find(([name, channel]) => name === 'webContents.send' && channel === IPC.fileOpened) ?? Promise.reject(new Error('not sent yet')), { timeout: 15_000 })
    expect(sent[2]).toMatchObject({ project: { path: project } })
  })
})

describe('a file dropped on the window, through the preload and main', () => {
  it('the path comes from the dropped File only (webUtils): a dropped project is saved back to, a dropped CSV is read only, and a path the page names itself is refused', async () => {
    const desk = mkdtempSync(join(bundles.work, 'drop-'))
    const project = join(desk, 'xor.axon.json')
    const csv = join(desk, 'iris.csv')
    const notes = join(desk, 'notes.txt')
    writeFileSync(project, '{"format":"axon-studio"}')
    writeFileSync(csv, 'a,b\n1,2\n')
    writeFileSync(notes, 'my passwords')
    const { fake, win } = await startedApp()
    // The preload, its invoke reaching main's handlers as the window's page; Electron's getPathForFile takes only a File.
    const droppedFiles = new Map<object, string>()
    const exposed: Record<string, { files: Record<string, (...args: unknown[]) => Promise<unknown>> }> = {}
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: never) => void (exposed[key] = api) },
      ipcRenderer: { on: () => {}, send: () => {}, invoke: (channel: string, ...args: unknown[]) => fake.invokeFromPage(win, channel, ...args) },
      webUtils: {
        getPathForFile: (file: unknown) => {
          if (typeof file !== 'object' || file === null) throw new TypeError('Error processing argument at index 0, conversion failure')
          return droppedFiles.get(file) ?? ''
        },
      },
    }
    loadBundle(join(bundles.out, 'preload', 'index.cjs'), electron, { process: fakeProcess({}), window: { location: { origin: 'app://axon' }, postMessage: () => {} } })
    const files = exposed.axonDesktop.files
    const dropped = (path: string) => {
      const file = { name: path.split('/').at(-1) }
      droppedFiles.set(file, path)
      return file
    }
    expect(await files.dropped(dropped(project))).toBe(project)
    expect(await files.save('project', 'xor.axon.json', new TextEncoder().encode('{"saved":1}'), project)).toEqual({ path: project, name: 'xor.axon.json' })
    expect(readFileSync(project, 'utf8')).toBe('{"saved":1}')
    expect(await files.dropped(dropped(csv))).toBe(csv)
    expect(await files.save('project', 'xor.axon.json', new TextEncoder().encode('{}'), csv)).toBeNull()
    expect(readFileSync(csv, 'utf8')).toBe('a,b\n1,2\n')
    // A path given as a string, or a File the page made (no path), grants nothing.
    expect(await files.dropped(notes)).toBeNull()
    expect(await files.dropped({ name: 'notes.txt' })).toBeNull()
    await expect(files.readGranted(notes)).rejects.toThrow('That file was not opened from this window.')
  })
})

