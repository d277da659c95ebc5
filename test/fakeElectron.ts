/**
 * A stand-in for the `electron` module, enough to load the built main and preload bundles
 * (out/main/index.cjs, out/preload/index.cjs) in Node and drive them as Electron would: the app
 * gets ready, a window's page loads, the user closes it, a second launch arrives. The Electron
 * binary cannot be had on CI machines here, so this is how a bad import, a top-level error or a
 * wiring mistake in src/main is caught before a teacher's first start. Every call main makes is
 * recorded in `calls`; dialogs answer from `answers`.
 *
 * `loadBundle` runs a CommonJS bundle with its own `require` (the stand-in for 'electron', the
 * bundle's chunks loaded the same way, packages from the project's node_modules as in the asar),
 * and with a `process` and timers of the test's: nothing reaches the test runner's own process.
 */
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

/** What `app.exit()` throws: the process would end there, so the bundle's code stops there. */
export class AppExit extends Error {
  constructor(readonly code: number) {
    super(`app.exit(${code})`)
  }
}

/** A `preventDefault`-able event as Electron passes to 'close', 'will-navigate' …. */
export function cancellable() {
  const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) }
  return event
}

/** Timers the test runs by hand (`run`), so nothing waits on the clock. */
export function createManualTimers() {
  let next = 0
  const pending = new Map<number, () => void>()
  return {
    setTimeout: (f: () => void) => (pending.set(++next, f), next),
    clearTimeout: (id: number) => void pending.delete(id),
    /** Runs every timer set so far (not those they set). */
    run() {
      const due = [...pending]
      pending.clear()
      for (const [, f] of due) f()
    },
  }
}

export type Calls = Array<[string, ...unknown[]]>

class FakeWebContents extends EventEmitter {
  static nextId = 1
  readonly id = FakeWebContents.nextId++
  destroyed = false
  constructor(private readonly calls: Calls) {
    super()
  }
  send = (channel: string, ...args: unknown[]) => void this.calls.push(['webContents.send', channel, ...args])
  postMessage = (channel: string, message: unknown, ports: unknown[]) => void this.calls.push(['webContents.postMessage', channel, message, ports.length])
  isDestroyed = () => this.destroyed
  reload = () => void this.calls.push(['webContents.reload'])
  setWindowOpenHandler = (handler: unknown) => void this.calls.push(['webContents.setWindowOpenHandler', handler])
}

/** What the stand-in knows: every call made, the answers its dialogs give, the app's windows. */
interface FakeState {
  calls: Calls
  answers: { messageBox: number[]; savePath: string[] }
  ready: boolean
  paths: Record<string, string>
  /** A stand-in for `app`, emitting its events. */
  app: EventEmitter
}

const recorder =
  (state: FakeState) =>
  (name: string, result?: unknown) =>
  (...args: unknown[]) => (state.calls.push([name, ...args]), result)

/** As Electron's, these throw before the app is ready (their docs: "cannot be used until the ready event"). */
function afterReady(state: FakeState, what: string): void {
  if (!state.ready) throw new Error(`${what} cannot be used before the app is ready`)
}

/** BrowserWindow: made only once ready; 'close' may be cancelled, otherwise the window goes ('closed'). */
function fakeWindowClass(state: FakeState) {
  const windows: FakeWindow[] = []
  class FakeWindow extends EventEmitter {
    readonly webContents = new FakeWebContents(state.calls)
    destroyed = false
    visible = false
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      afterReady(state, 'BrowserWindow')
      super()
      windows.push(this)
      state.calls.push(['new BrowserWindow', options])
    }
    static all = windows
    static getAllWindows = () => windows.filter((w) => !w.destroyed)
    loadURL = (url: string) => (state.calls.push(['loadURL', url]), Promise.resolve())
    show = () => {
      this.visible = true
      this.emit('show')
    }
    isDestroyed = () => this.destroyed
    isMinimized = () => false
    restore = () => {}
    focus = () => void state.calls.push(['win.focus', this.visible])
    close = () => {
      const event = cancellable()
      this.emit('close', event)
      if (!event.defaultPrevented) this.destroy()
    }
    destroy = () => {
      if (this.destroyed) return
      this.destroyed = this.webContents.destroyed = true
      this.emit('closed')
      if (FakeWindow.getAllWindows().length === 0) state.app.emit('window-all-closed')
    }
  }
  return FakeWindow
}

type FakeWindowClass = ReturnType<typeof fakeWindowClass>

/** `app`: its paths in `state.paths`; `exit` throws AppExit; `quit` closes each window as Electron's does, quitting once none is left. */
function fakeApp(state: FakeState, windows: FakeWindowClass, options: { singleInstance?: boolean }, whenReady: Promise<void>) {
  const record = recorder(state)
  return Object.assign(state.app, {
    isPackaged: true,
    commandLine: { appendSwitch: record('appendSwitch') },
    getPath: (name: string) => state.paths[name] ?? join(state.paths.userData, name),
    setPath: (name: string, path: string) => (state.calls.push(['setPath', name, path]), (state.paths[name] = path)),
    setAppLogsPath: () => void (state.paths.logs = join(state.paths.userData, 'logs')),
    requestSingleInstanceLock: () => options.singleInstance !== false,
    whenReady: () => whenReady,
    isReady: () => state.ready,
    exit: (code: number) => {
      state.calls.push(['app.exit', code])
      throw new AppExit(code)
    },
    quit: () => {
      state.calls.push(['app.quit'])
      const event = cancellable()
      state.app.emit('before-quit', event)
      if (event.defaultPrevented) return
      for (const win of windows.getAllWindows()) win.close()
      if (windows.getAllWindows().length === 0) state.app.emit('will-quit', cancellable())
    },
    relaunch: record('app.relaunch'),
    addRecentDocument: record('app.addRecentDocument'),
    clearRecentDocuments: record('app.clearRecentDocuments'),
    setAsDefaultProtocolClient: record('app.setAsDefaultProtocolClient', true),
  })
}

type Handler = (event: unknown, ...args: unknown[]) => unknown

/** dialog, ipcMain, Menu, powerMonitor, protocol, session, utilityProcess; what main registered with them in the maps. */
function fakeModules(state: FakeState) {
  const record = recorder(state)
  const ipcHandlers = new Map<string, Handler>()
  const ipcListeners = new Map<string, Handler>()
  const protocolHandlers = new Map<string, (request: { url: string; method?: string }) => Promise<Response>>()
  const powerMonitor = new EventEmitter()
  /** The engine processes forked, in order: a test ends one with `emit('exit', code)`. */
  const engines: EventEmitter[] = []
  const defaultSession = {
    setPermissionRequestHandler: record('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: record('session.setPermissionCheckHandler'),
    setSpellCheckerEnabled: record('session.setSpellCheckerEnabled'),
    flushStorageData: record('session.flushStorageData'),
  }
  const modules = {
    dialog: {
      showErrorBox: record('dialog.showErrorBox'),
      showMessageBox: async (_win: unknown, box: { message: string }) => (state.calls.push(['dialog.showMessageBox', box.message]), { response: state.answers.messageBox.shift() ?? 0, checkboxChecked: false }),
      showMessageBoxSync: (_win: unknown, box: { message: string }) => (state.calls.push(['dialog.showMessageBoxSync', box.message]), state.answers.messageBox.shift() ?? 0),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      // The path the user chooses: the next of `answers.savePath`, else cancelled.
      showSaveDialog: async (...args: unknown[]) => {
        // (window, options) or (options), as Electron takes them.
        const box = args.at(-1) as { title?: string; defaultPath?: string }
        state.calls.push(['dialog.showSaveDialog', box.title, box.defaultPath])
        const filePath = state.answers.savePath.shift()
        return filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' }
      },
    },
    ipcMain: { handle: (channel: string, handler: Handler) => void ipcHandlers.set(channel, handler), on: (channel: string, listener: Handler) => void ipcListeners.set(channel, listener) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: record('Menu.setApplicationMenu') },
    MessageChannelMain: class {
      port1 = { close() {}, start() {} }
      port2 = { close() {}, start() {} }
    },
    get powerMonitor() {
      afterReady(state, 'powerMonitor')
      return powerMonitor
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => {
        // Only before: Electron refuses it once ready.
        if (state.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
        state.calls.push(['protocol.registerSchemesAsPrivileged', schemes])
      },
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => (afterReady(state, 'protocol.handle'), void protocolHandlers.set(scheme, handler)),
    },
    session: {
      get defaultSession() {
        afterReady(state, 'session.defaultSession')
        return defaultSession
      },
    },
    utilityProcess: {
      fork: (path: string, _args: string[], forkOptions: unknown) => {
        afterReady(state, 'utilityProcess.fork')
        state.calls.push(['utilityProcess.fork', path, forkOptions])
        const engine = Object.assign(new EventEmitter(), { postMessage: record('engine.postMessage'), kill: () => true })
        engines.push(engine)
        return engine
      },
    },
  }
  return { modules, ipcHandlers, ipcListeners, protocolHandlers, engines }
}

/** What Electron passes an IPC handler for a message from the window's own page. */
const pageEvent = (win: { webContents: FakeWebContents }) => ({ sender: win.webContents, senderFrame: { url: 'app://axon/index.html' } })

/** The Electron stand-in and what was done with it. */
export function createFakeElectron(options: { paths: Record<string, string>; singleInstance?: boolean }) {
  const state: FakeState = { calls: [], answers: { messageBox: [], savePath: [] }, ready: false, paths: options.paths, app: new EventEmitter() }
  let markReady: () => void = () => {}
  const whenReady = new Promise<void>((resolve) => (markReady = resolve))
  const BrowserWindow = fakeWindowClass(state)
  const app = fakeApp(state, BrowserWindow, options, whenReady)
  const { modules, ipcHandlers, ipcListeners, protocolHandlers, engines } = fakeModules(state)
  return {
    // Descriptors, not a spread: the spread would call the getters that throw before ready.
    electron: Object.defineProperties({ app, BrowserWindow }, Object.getOwnPropertyDescriptors(modules)) as typeof modules & { app: typeof app; BrowserWindow: FakeWindowClass },
    calls: state.calls,
    answers: state.answers,
    windows: BrowserWindow.all,
    engines,
    ipcHandlers,
    ipcListeners,
    protocolHandlers,
    /** Electron's 'ready': `whenReady()` resolves; awaits what main does then. */
    async ready() {
      state.ready = true
      markReady()
      app.emit('ready')
      await whenReady
      await new Promise((resolve) => setImmediate(resolve))
    },
    /** A message from the window's own page (`event.sender` is its webContents, from the app's URL). */
    fromPage(win: InstanceType<FakeWindowClass>, channel: string, ...args: unknown[]) {
      ipcListeners.get(channel)?.(pageEvent(win), ...args)
    },
    /** The page's `ipcRenderer.invoke`: what main's handler answers. */
    async invokeFromPage(win: InstanceType<FakeWindowClass>, channel: string, ...args: unknown[]): Promise<unknown> {
      const handler = ipcHandlers.get(channel)
      if (!handler) throw new Error(`no handler for ${channel}`)
      return handler(pageEvent(win), ...args)
    },
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>

/** What a bundle sees as globals beside `require`: the test's own process and timers. */
export interface BundleGlobals {
  process: object
  setTimeout?: (f: () => void, ms?: number) => unknown
  clearTimeout?: (id: never) => void
  window?: object
}

/** A `process` for the bundle: the real one's values, with its argv, env and listeners the test's own. */
export function fakeProcess(overrides: Record<string, unknown>): NodeJS.Process & { listeners: Record<string, Array<() => void>> } {
  const listeners: Record<string, Array<() => void>> = {}
  const on = (signal: string, listener: () => void) => void (listeners[signal] ??= []).push(listener)
  const own: Record<string, unknown> = { env: {}, stderr: { write: () => true }, listeners, on, ...overrides }
  // Defined, not assigned: some of process's own properties are getters.
  return Object.create(process, Object.fromEntries(Object.entries(own).map(([key, value]) => [key, { value, writable: true, enumerable: true }])))
}

/**
 * Runs the CommonJS bundle at `file` and returns its exports: `require('electron')` gets
 * `electron`, its relative requires are loaded the same way, and packages come from the
 * project's node_modules (where the packaged app finds them, in the asar beside out/).
 */
export function loadBundle(file: string, electron: object, globals: BundleGlobals, root = process.cwd()): unknown {
  const packages = createRequire(join(root, 'package.json'))
  const loaded = new Map<string, { exports: unknown }>()
  const load = (path: string): unknown => {
    const cached = loaded.get(path)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    loaded.set(path, module)
    const bundleRequire = (spec: string) => (spec === 'electron' ? electron : spec.startsWith('.') ? load(resolve(dirname(path), spec)) : packages(spec))
    const names = ['exports', 'require', 'module', '__filename', '__dirname', 'process', 'setTimeout', 'clearTimeout', 'window']
    const run = new Function(...names, readFileSync(path, 'utf8'))
    run(module.exports, bundleRequire, module, path, dirname(path), globals.process, globals.setTimeout ?? setTimeout, globals.clearTimeout ?? clearTimeout, globals.window)
    return module.exports
  }
  return load(resolve(file))
}
