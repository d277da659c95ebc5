import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findElectronBinary } from './electronBinary'
import { counter, openExampleFromGallery, waitForIterations } from './helpers/training'
import { dropFiles } from './helpers/journey'
import { shareFragment } from '../src/engine/project/share'
import { parseProjectOrThrow } from '../src/engine/project/parse'
import { compileGraph, projectDataset } from '../src/engine/project'
import { createSession } from '../src/engine/train'
import { exportModel, serializeModel } from '../src/engine/model'

// These run only where the Electron binary exists; CI machines here cannot download it, so the
// same journeys are covered there by the unit tests of src/main (unsavedChanges, fileAccess,
// ipcHandlers, launchFiles, shareLinks, engineConnections, appProtocol, security) against fakes,
// and by test/desktopBundles.test.ts, which drives the built bundles through a stand-in Electron.
const exe = findElectronBinary()
const reason =
  'Electron binary not installed (binary downloads are blocked on this machine); the desktop e2e runs where `npx install-electron` can fetch it.'
if (!exe) console.warn(`[electron e2e] skipped: ${reason}`)

const root = join(import.meta.dirname, '..')
const mazur = readFileSync(join(root, 'resources/examples/mazur-2-2-2.axon.json'), 'utf8')

function projectFile(name = 'mazur.axon.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'axon-e2e-'))
  const path = join(dir, name)
  writeFileSync(path, mazur)
  return path
}

/** Mazur's network after one epoch, exported as Export model… saves it. */
function modelFile(): string {
  const project = parseProjectOrThrow(mazur)
  const session = createSession(compileGraph(project).spec!, projectDataset(project)!)
  session.runEpoch()
  const path = join(mkdtempSync(join(tmpdir(), 'axon-e2e-')), 'mazur.model.json')
  writeFileSync(path, serializeModel(exportModel(session, { title: 'Mazur, trained', data: project.data })))
  return path
}

/** Main's dialogs answer as a user would: `open` picks `path`, the "Save changes?" box says `choice`. */
async function answerDialogs(app: ElectronApplication, answers: { open?: string; saveChanges?: 0 | 1 | 2 }) {
  await app.evaluate(({ dialog }, a) => {
    const g = globalThis as unknown as { asked: string[] }
    g.asked = []
    dialog.showOpenDialog = (async () => ({ canceled: !a.open, filePaths: a.open ? [a.open] : [] })) as typeof dialog.showOpenDialog
    dialog.showMessageBox = (async (_w: unknown, o: { message: string }) => (g.asked.push(o.message), { response: a.saveChanges ?? 2, checkboxChecked: false })) as typeof dialog.showMessageBox
  }, answers)
}

const menu = (app: ElectronApplication, command: string) =>
  app.evaluate(({ BrowserWindow }, c) => BrowserWindow.getAllWindows()[0].webContents.send('menu:command', c), command)

/** Opens the XOR example from the gallery and presses ▶ Train: the panel names the run under way. */
async function trainXor(page: Page) {
  await openExampleFromGallery(page, 'xor-2-2-1-sigmoid')
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('run-info')).toBeVisible()
}

async function openAndEdit(app: ElectronApplication, page: Page, path: string) {
  await answerDialogs(app, { open: path })
  await menu(app, 'open')
  await expect(page.getByTestId('doc-title')).toContainText('mazur.axon.json')
  await page.locator('.react-flow__node').first().click()
  await page.keyboard.press('Delete')
  await expect(page.getByTestId('dirty-marker')).toBeVisible()
}

test.describe('desktop app', () => {
  test.skip(!exe, reason)
  let app: ElectronApplication
  /**
   * Each test's own profile (Linux: XDG_CONFIG_HOME holds userData), so no test starts on what
   * the one before left: its autosave came back ('Your last session was recovered'), an edited
   * network then asked confirm() before an example opened (which Playwright dismisses), and
   * main.log and Open Recent carried over.
   */
  let profile = ''
  const launch = (args: string[] = []) =>
    electron.launch({ executablePath: exe!, args: ['.', '--no-sandbox', ...args], cwd: root, env: { ...process.env, XDG_CONFIG_HOME: profile } })

  test.beforeEach(async () => {
    profile = mkdtempSync(join(tmpdir(), 'axon-e2e-profile-'))
    app = await launch()
  })
  test.afterEach(async () => {
    await app?.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().forEach((w) => w.destroy())).catch(() => {})
    await app?.close().catch(() => {})
  })

  test('loads from app:// and answers from the engine in its utility process', async () => {
    const window = await app.firstWindow()
    expect(window.url()).toBe('app://axon/index.html')
    await expect(window.getByTestId('engine-version')).toHaveText(/Engine \d+\.\d+\.\d+ · engine process/)
    await expect(window.getByTestId('engine-kernel')).toHaveText(/WebAssembly/)
  })

  test('closing with unsaved edits asks "Save changes?": Cancel keeps the window, Save writes the file and closes', async () => {
    const page = await app.firstWindow()
    const path = projectFile()
    await openAndEdit(app, page, path)
    await answerDialogs(app, { saveChanges: 2 })
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].close())
    await expect.poll(() => app.evaluate(() => (globalThis as unknown as { asked: string[] }).asked)).toEqual(['Save the changes to “mazur.axon.json”?'])
    expect(app.windows()).toHaveLength(1)
    await answerDialogs(app, { saveChanges: 0 })
    const closed = app.windows()[0].waitForEvent('close')
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].close())
    await closed
    expect(JSON.parse(readFileSync(path, 'utf8')).nodes.length).toBe(JSON.parse(mazur).nodes.length - 1)
  })

  test("Reload with unsaved edits asks too; Don't Save reloads and the autosave restores the graph", async () => {
    const page = await app.firstWindow()
    await openAndEdit(app, page, projectFile())
    const count = await page.locator('.react-flow__node').count()
    await app.evaluate(({ dialog }) => {
      dialog.showMessageBoxSync = (() => 1) as typeof dialog.showMessageBoxSync
    })
    await page.evaluate(() => location.reload())
    await expect(page.getByTestId('notice')).toContainText('recovered')
    await expect(page.locator('.react-flow__node')).toHaveCount(count)
  })

  test('quitting with a run under way asks "Stop training … and quit?": Cancel keeps the window and the run going, Stop and Quit closes', async () => {
    const page = await app.firstWindow()
    await trainXor(page)
    await waitForIterations(page, 5)
    // Stop and Quit is button 0, Cancel button 1 (the default).
    const answerQuit = (response: 0 | 1) =>
      app.evaluate(({ dialog }, r) => {
        const g = globalThis as unknown as { asked: string[] }
        g.asked = []
        dialog.showMessageBox = (async (_w: unknown, o: { message: string }) => (g.asked.push(o.message), { response: r, checkboxChecked: false })) as typeof dialog.showMessageBox
      }, response)
    await answerQuit(1)
    await app.evaluate(({ app: electronApp }) => electronApp.quit())
    await expect.poll(() => app.evaluate(() => (globalThis as unknown as { asked: string[] }).asked)).toEqual([expect.stringMatching(/^Stop training of “.+” and quit\?$/)])
    expect(app.windows()).toHaveLength(1)
    const iteration = await counter(page, 'iteration')
    await waitForIterations(page, iteration + 10)
    await answerQuit(0)
    const closed = page.waitForEvent('close')
    await app.evaluate(({ app: electronApp }) => electronApp.quit())
    await closed
  })

  test('a window whose page hangs still closes: Electron says unresponsive 5 s into the close, and Close Anyway ends it', async () => {
    const window = await app.firstWindow()
    await expect(window.getByTestId('doc-title')).toBeVisible()
    await answerDialogs(app, { saveChanges: 0 })
    const exited = new Promise<void>((resolve) => app.once('close', () => resolve()))
    await app.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0]
      void win.webContents.executeJavaScript('for (;;) {}')
      setTimeout(() => win.close(), 500)
    })
    await exited
  })

  test('a killed engine is restarted; the training panel says the run was lost; 5 reloads leave one engine', async () => {
    const window = await app.firstWindow()
    await trainXor(window)
    const killed = await app.evaluate(({ app: electronApp }) => {
      const engine = electronApp.getAppMetrics().find((m) => m.type === 'Utility' && m.serviceName === 'Axon Engine')
      if (!engine) return false
      process.kill(engine.pid)
      return true
    })
    expect(killed).toBe(true)
    await expect(window.getByTestId('training-error')).toContainText('this training run was lost')
    await expect(window.getByTestId('status-bar')).toContainText('restarted')
    for (let i = 0; i < 5; i++) {
      await window.reload()
      await expect(window.getByTestId('engine-version')).toBeVisible()
    }
    const engines = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().filter((m) => m.serviceName === 'Axon Engine').length)
    expect(engines).toBe(1)
    await expect(window.getByTestId('engine-version')).toHaveText(/Engine \d+\.\d+\.\d+ · engine process/)
  })

  test('an engine that keeps dying is given up on: the status bar says so, ▶ Train says why instead of waiting, and the graph stays', async () => {
    const window = await app.firstWindow()
    await openExampleFromGallery(window, 'xor-2-2-1-sigmoid')
    const nodes = await window.locator('.react-flow__node').count()
    const enginePid = () =>
      app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().find((m) => m.type === 'Utility' && m.serviceName === 'Axon Engine')?.pid ?? 0)
    // Main restarts it three times within a minute, and not after the fourth exit.
    let last = 0
    for (let i = 0; i < 4; i++) {
      await expect.poll(enginePid).not.toBe(last)
      last = await enginePid()
      await app.evaluate((_electron, pid) => process.kill(pid), last)
    }
    await expect(window.getByTestId('status-bar')).toContainText('not restarted again')
    await window.getByTestId('train-button').click()
    await expect(window.getByTestId('training-error')).toContainText('restart Axon Studio')
    await expect(window.locator('.react-flow__node')).toHaveCount(nodes)
  })

  test('a log-off that ends the engine a moment before main (SIGTERMs in no set order): no engine is forked again, and the app quits without asking', async () => {
    const window = await app.firstWindow()
    await trainXor(window)
    const logFile = join(await app.evaluate(({ app: electronApp }) => electronApp.getPath('logs')), 'main.log')
    // main.log is the profile's, kept across runs: the killed-engine test above logs '…; restarted' in it.
    const logStart = existsSync(logFile) ? statSync(logFile).size : 0
    const exited = new Promise((resolve) => app.process().once('exit', resolve))
    // The answer may not come back: main is quitting.
    await app
      .evaluate(({ app: electronApp }) => {
        const engine = electronApp.getAppMetrics().find((m) => m.type === 'Utility' && m.serviceName === 'Axon Engine')
        if (engine) process.kill(engine.pid, 'SIGTERM')
        process.kill(process.pid, 'SIGTERM')
      })
      .catch(() => {})
    await exited
    const log = readFileSync(logFile).subarray(logStart).toString('utf8')
    expect(log).toContain('as the session ends; not restarted')
    expect(log).not.toMatch(/\); restarted/)
  })

  test('commits the autosave to disk a second after each change (Chromium switch set before ready)', async () => {
    expect(await app.evaluate(({ app: electronApp }) => electronApp.commandLine.hasSwitch('enable-aggressive-domstorage-flushing'))).toBe(true)
  })

  test('opens a project named on the command line', async () => {
    await app.close()
    app = await launch([projectFile()])
    const window = await app.firstWindow()
    await expect(window.getByTestId('doc-title')).toContainText('mazur.axon.json')
  })

  test('a trained model named on the command line (Open with on a .model.json) opens as Open model… opens it', async () => {
    await app.close()
    app = await launch([modelFile()])
    const window = await app.firstWindow()
    // (As a new project, or, where the window reopened Mazur's own network, as one of its runs.)
    await expect(window.getByTestId('notice')).toContainText(/Opened the model mazur\.model\.json( on this network)?: its trained weights are hand-set on the dense layers\./)
  })

  test('several projects named on the command line (Open with on several): the first opens, the notice names the rest', async () => {
    await app.close()
    app = await launch([projectFile(), projectFile('xor.axon.json')])
    const window = await app.firstWindow()
    await expect(window.getByTestId('doc-title')).toContainText('mazur.axon.json')
    await expect(window.getByTestId('notice')).toContainText('Only one project opens at a time: “xor.axon.json” was not opened')
  })

  test('a project and a CSV named on the command line: the project opens, the notice names the CSV; a CSV alone opens in the Data dialog', async () => {
    const project = projectFile()
    const csv = join(project, '..', 'iris.csv')
    writeFileSync(csv, 'x,y\n1,0\n0,1\n')
    await app.close()
    app = await launch([project, csv])
    let window = await app.firstWindow()
    await expect(window.getByTestId('doc-title')).toContainText('mazur.axon.json')
    await expect(window.getByTestId('notice')).toContainText('“iris.csv” was not opened')
    await app.close()
    app = await launch([csv])
    window = await app.firstWindow()
    await expect(window.getByTestId('data-dialog')).toContainText('iris.csv')
  })

  test('a project dropped on the window is saved back to its file, without asking where', async () => {
    const window = await app.firstWindow()
    const path = projectFile()
    await answerDialogs(app, {})
    await app.evaluate(({ dialog }) => {
      const g = globalThis as unknown as { asked: string[] }
      dialog.showSaveDialog = (async () => (g.asked.push('where to save?'), { canceled: true, filePath: '' })) as typeof dialog.showSaveDialog
    })
    await dropFiles(window, [path])
    await expect(window.getByTestId('doc-title')).toContainText('mazur.axon.json')
    await window.locator('.react-flow__node').first().click()
    await window.keyboard.press('Delete')
    await expect(window.getByTestId('dirty-marker')).toBeVisible()
    await menu(app, 'save')
    await expect(window.getByTestId('dirty-marker')).toHaveCount(0)
    expect(readFileSync(path, 'utf8')).not.toBe(mazur)
    expect(await app.evaluate(() => (globalThis as unknown as { asked: string[] }).asked)).toEqual([])
  })

  test('opens a share link (axon-studio://open#share=…) named on the command line, as the OS passes a clicked link', async () => {
    await app.close()
    const encoded = shareFragment(parseProjectOrThrow(mazur))
    if (!encoded.ok) throw new Error(encoded.message)
    app = await launch([`axon-studio://open#${encoded.fragment}`])
    const window = await app.firstWindow()
    await expect(window.getByTestId('notice')).toContainText('Opened the shared network “Backpropagation step by step (2-2-2)”.')
  })

  test('has the File menu with Open Recent, and no permission is granted', async () => {
    const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label.replace('&', '')) ?? [])
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Network']))
    const file = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.find((i) => i.label === '&File')?.submenu?.items.map((i) => i.label))
    expect(file).toEqual(expect.arrayContaining(['Open…', 'Open Recent', 'Save', 'Save As…', 'Import Data…', 'Export']))
    const page = await app.firstWindow()
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied')
  })

  test('denies new windows, navigation and redirects away from the app', async () => {
    const page = await app.firstWindow()
    await page.evaluate(() => window.open('https://example.com'))
    await page.evaluate(() => (window.location.href = 'https://example.com'))
    await expect.poll(() => app.windows().length).toBe(1)
    expect(page.url()).toBe('app://axon/index.html')
  })
})

test.describe('desktop app whose page cannot load', () => {
  test.skip(!exe, reason)

  test('the window is shown anyway, with a dialog that says why (it stayed hidden for ever before)', async () => {
    // Run from source, the app loads ELECTRON_RENDERER_URL: here a port nothing listens on.
    const app = await electron.launch({ executablePath: exe!, args: ['.', '--no-sandbox'], cwd: root, env: { ...process.env, ELECTRON_RENDERER_URL: 'http://127.0.0.1:9/' } })
    try {
      await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible() ?? false)).toBe(true)
    } finally {
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().forEach((w) => w.destroy())).catch(() => {})
      await app.close().catch(() => {})
    }
  })
})

test.describe('desktop app for a user whose profile folder cannot be written', () => {
  test.skip(!exe || process.platform !== 'linux', exe ? 'the profile folder is set through XDG_CONFIG_HOME, on Linux' : reason)

  test("starts, with its data in a folder of the user's own for the session (it ended at once without a window before: Chromium's lock could not be made)", async () => {
    // A config folder under a file: no one can make it, root neither.
    const dir = mkdtempSync(join(tmpdir(), 'axon-e2e-'))
    writeFileSync(join(dir, 'file'), '')
    const app = await electron.launch({ executablePath: exe!, args: ['.', '--no-sandbox'], cwd: root, env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'file', 'config') } })
    try {
      const window = await app.firstWindow()
      await expect(window.getByTestId('engine-version')).toBeVisible()
      const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))
      expect(userData).toMatch(/axon-studio/)
      expect(userData.startsWith(join(dir, 'file'))).toBe(false)
    } finally {
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().forEach((w) => w.destroy())).catch(() => {})
      await app.close().catch(() => {})
    }
  })
})
