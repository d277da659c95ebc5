/**
 * Electron main process: one window per app instance, the engine in a utility process, native
 * file dialogs, the app:// protocol. Logic lives in small Electron-free modules (engineSupervisor,
 * unsavedChanges, fileAccess, ipcHandlers, launchFiles, menuCommands, shareLinks, recentFiles,
 * appProtocol, security) that are unit-tested; this file only wires Electron to them.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, powerMonitor, protocol, session, utilityProcess, type MessagePortMain } from 'electron'
import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { access, chmod, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { tmpdir, totalmem, userInfo } from 'node:os'
import { dirname, join } from 'node:path'
import { createEngineSupervisor } from './engineSupervisor'
import { engineForkOptions } from './engineProcess'
import { denyAllPermissions, disableSpellChecker, isAppUrl } from './security'
import { buildMenuTemplate, developerToolsAllowed } from './menu'
import { createAppWindow, type AppWindow } from './appWindow'
import { createFileAccess } from './fileAccess'
import { writeFileSafely, type WriteFs } from './fileWrite'
import { fileSizeAtMost, readFileAtMost } from './fileRead'
import { registerIpcHandlers } from './ipcHandlers'
import { APP_SCHEME_PRIVILEGES, chooseAppUrl, createAppProtocolHandler } from './appProtocol'
import { createLaunchQueue, handSecondLaunch, LAUNCH_GATHER_MS, launchPathsFromArgv, relaunchArgs, showWindow } from './launchFiles'
import { createProjectOpener } from './projectLaunch'
import { createMenuCommands } from './menuCommands'
import { createSessionEnd, listenForSigterm, SESSION_END_GRACE_MS } from './sessionEnd'
import { createRecentFiles } from './recentFiles'
import { protocolClientArgs, shareLinkOfText, shareTextOfUrl, shareTextsFromArgv } from './shareLinks'
import { appLauncherPath } from './appLauncher'
import { createMainLog } from './mainLog'
import { CHROMIUM_SWITCHES } from './chromiumSwitches'
import { chooseUserDataDir, fallbackNotice, isWritableDir, noFolderText, userDataFallbacks } from './userDataDir'
import { IPC } from '../shared/ipc'

/** The OS user's name (a fallback data folder is named after it); none where the system has no entry for the user. */
function userName(): string {
  try {
    return userInfo().username
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? ''
  }
}

// A second launch hands its command line to the first (its 'second-instance': argv and cwd, from
// which launchPathsFromArgv takes the files) and ends. Before the message loop runs, app.exit()
// ends the process there and then (Electron's App::Exit: "Message loop is not ready, quit
// directly", C exit()), so nothing below runs: no window, no engine process. app.quit() would
// let this script go on to make them (Electron's own example puts the rest in an else).
//
// The lock is a file in the user's data folder: a user who cannot write it (a read-only or full
// profile) would never get it, so such a user's data goes to a folder of their own (userDataDir.ts).
const usualUserData = app.getPath('userData')
const userDataFolders = userDataFallbacks(process.env, tmpdir(), userName())
const userData = chooseUserDataDir(usualUserData, userDataFolders, { writable: isWritableDir })
if (!userData.writable) {
  // No lock can be made anywhere: say so rather than end without a word (an error box needs no
  // ready app: a dialog on Windows and macOS; on Linux, before ready, Electron writes it to stderr).
  const { title, content } = noFolderText(usualUserData, userDataFolders)
  dialog.showErrorBox(title, content)
  app.exit(1)
}
if (userData.fallback) {
  app.setPath('userData', userData.dir)
  // Chromium's profile (localStorage with the autosave, caches) too, whether or not it follows userData by itself.
  app.setPath('sessionData', userData.dir)
}
if (!app.requestSingleInstanceLock()) app.exit(0)

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
for (const { name } of CHROMIUM_SWITCHES) app.commandLine.appendSwitch(name)

/** What the OS starts to run the app again (a portable build's .exe, an AppImage's file: appLauncher.ts). */
const launcher = appLauncherPath(process.env, process.execPath, process.platform)
const appUrl = chooseAppUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL)
const devTools = developerToolsAllowed(app.isPackaged, process.argv)
let current: AppWindow | null = null
/** macOS keeps the app running without windows; a Quit that had to ask first finishes here. */
let quitting = false
app.on('before-quit', () => void (quitting = true))
/** The OS is ending the session (SIGTERM, Windows' session-end): quit without asking (sessionEnd.ts). */
const sessionEnd = createSessionEnd(app)
void listenForSigterm(() => app.whenReady(), (signal, listener) => process.on(signal, listener), sessionEnd.onSigterm)

/** main.log in the user's logs folder (mainLog.ts): what went wrong with a window or the engine. */
const log = createMainLog(
  () => {
    // Electron's default logs folder (macOS ~/Library/Logs/Axon Studio, else <userData>/logs), set before it is asked for.
    app.setAppLogsPath()
    return join(app.getPath('logs'), 'main.log')
  },
  {
    size: (path) => {
      try {
        return statSync(path).size
      } catch {
        return null
      }
    },
    append: (path, text) => {
      mkdirSync(dirname(path), { recursive: true })
      appendFileSync(path, text)
    },
    rename: renameSync,
  },
  () => new Date(),
  (text) => process.stderr.write(text),
)

const writeFs: WriteFs = { writeFile, rename, unlink, realpath, stat, access, chmod: process.platform === 'win32' ? undefined : chmod, pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }

const files = createFileAccess(
  {
    open: async (options) => {
      const properties: Array<'openFile' | 'multiSelections'> = options.multiple ? ['openFile', 'multiSelections'] : ['openFile']
      const result = current ? await dialog.showOpenDialog(current.win, { ...options, properties }) : await dialog.showOpenDialog({ ...options, properties })
      return result.canceled ? [] : result.filePaths
    },
    save: async (options) => {
      const result = current ? await dialog.showSaveDialog(current.win, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
  },
  {
    read: readFileAtMost,
    size: fileSizeAtMost,
    // Through a temporary file beside it: a full disk or a read-only folder never costs the saved file.
    write: (path, bytes) => writeFileSafely(writeFs, path, bytes, String(process.pid)),
  },
  // A save that cannot go back to its file (a read-only USB stick) is offered in Documents.
  { elsewhere: () => app.getPath('documents') },
)

const recentPath = () => join(app.getPath('userData'), 'recent-projects.json')
const recent = createRecentFiles({
  read: () => {
    try {
      return readFileSync(recentPath(), 'utf8')
    } catch {
      return null
    }
  },
  // As a project is saved: written in place, a crash or a power cut mid-write emptied Open Recent.
  write: (text) => writeFileSafely(writeFs, recentPath(), new TextEncoder().encode(text), String(process.pid)),
})

/** Hands the files the OS or Open Recent named to the page together, the project that opens read. */
const openProjectPath = createProjectOpener({
  files,
  send: (opened) => current?.win.webContents.send(IPC.fileOpened, opened),
  forget: (path) => {
    recent.remove(path)
    installMenu()
  },
  showError: (message, detail) => {
    if (current) void dialog.showMessageBox(current.win, { type: 'error', message, detail })
  },
})

/** A window may be made: not before the app is ready (the first one is coming), nor while it quits. */
const mayCreateWindow = () => app.isReady() && !quitting

function focusWindow(): void {
  showWindow(current?.win ?? null, mayCreateWindow(), createWindow)
}

// Several files come one by one (macOS: an open-file each; Windows: a launch each): those within a moment go to the page together.
const gather = (flush: () => void) => void setTimeout(flush, LAUNCH_GATHER_MS)
const launches = createLaunchQueue((paths) => void openProjectPath(paths), focusWindow, gather)
// Share links (axon-studio://open#share=…) wait for the page like project files do; one network opens, the last asked.
const shares = createLaunchQueue((texts) => current?.win.webContents.send(IPC.shareOpened, texts.at(-1)), focusWindow, gather)
// Menu clicks go to the window's page; with none open (macOS) one is made and the click waits for its page.
const menuCommands = createMenuCommands({
  window: () => {
    const win = current?.win
    return win ? { isMinimized: () => win.isMinimized(), restore: () => win.restore(), focus: () => win.focus(), send: (command) => win.webContents.send(IPC.menuCommand, command) } : null
  },
  mayCreate: mayCreateWindow,
  createWindow,
})
/** What waits for the window's page to listen. */
const pageQueues = [launches, shares, menuCommands]

function installMenu(): void {
  const template = buildMenuTemplate(process.platform, menuCommands.send, {
    developerTools: devTools,
    recent: recent.list(),
    openRecent: (path) => launches.request(path),
    clearRecent: () => {
      recent.clear()
      app.clearRecentDocuments()
      installMenu()
    },
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

function startEngine(win: BrowserWindow) {
  const supervisor = createEngineSupervisor<MessagePortMain>({
    fork: () => utilityProcess.fork(join(__dirname, 'engineHost.cjs'), [], engineForkOptions(totalmem())),
    createChannel: () => new MessageChannelMain(),
    connectRenderer: ({ rpc, events, restarted }) => {
      if (!win.isDestroyed()) win.webContents.postMessage(IPC.enginePorts, { restarted }, [rpc, events])
    },
    reportFailure: (message) => {
      if (!win.isDestroyed()) win.webContents.send(IPC.engineFailed, message)
    },
    now: () => Date.now(),
    mayRestart: () => !sessionEnd.ending(),
    // Decided a moment after the exit: at a log-off the engine may be SIGTERMed before main is.
    afterExit: (decide) => void setTimeout(decide, SESSION_END_GRACE_MS),
    log,
  })
  supervisor.start()
  win.webContents.on('did-finish-load', () => {
    supervisor.rendererLoaded()
    pageQueues.forEach((queue) => queue.pageReady())
  })
  win.webContents.on('did-start-loading', () => pageQueues.forEach((queue) => queue.pageGone()))
  win.on('closed', () => {
    supervisor.stop()
    // macOS keeps running without a window: what is asked next (or was held by its close question) waits for the next window's page.
    pageQueues.forEach((queue) => {
      queue.pageGone()
      queue.hold(false)
    })
    // What was asked for under its close question (a project double-clicked) would wait for a click on the
    // Dock icon: it opens in a new window. Elsewhere the app quits with its last window and starts again with it (relaunchArgs).
    if (process.platform === 'darwin' && pageQueues.some((queue) => queue.pending().length > 0)) focusWindow()
  })
}

function createWindow(): void {
  const appWindow = createAppWindow(appUrl, {
    devTools,
    onClosed: () => {
      if (current === appWindow) current = null
      if (quitting) app.quit()
    },
    // macOS: a Quit the user called off must not quit at the next window close.
    onCloseCancelled: () => void (quitting = false),
    quitting: () => quitting,
    sessionEnding: sessionEnd.ending,
    log,
    holdPage: (on) => pageQueues.forEach((queue) => queue.hold(on)),
  })
  // Windows may end the process soon after session-end, before Chromium's next storage commit
  // (seconds after a write): the autosave already in localStorage goes to disk when the session
  // is asked to end, and again as it ends.
  const flushAutosave = () => session.defaultSession.flushStorageData()
  appWindow.win.on('query-session-end', flushAutosave)
  appWindow.win.on('session-end', () => {
    flushAutosave()
    sessionEnd.end()
  })
  current = appWindow
  startEngine(appWindow.win)
}

registerIpcHandlers(ipcMain, {
  files,
  isTrustedSender: (event) => event.senderFrame != null && isAppUrl(event.senderFrame.url, appUrl) && event.sender.id === current?.win.webContents.id,
  documentState: (_event, state) => current?.guard.setState(state),
  documentSaveTaken: (_event, id) => current?.saves.taken(id),
  documentSaved: (_event, id, saved) => current?.saves.answer(id, saved),
  currentFile: (_event, path) => {
    // Only a project the user opened or saved: a data file or a model the page names is not listed (Open Recent grants a project its Save).
    if (path === null || !files.isWritable(path)) return
    recent.add(path)
    app.addRecentDocument(path)
    installMenu()
  },
})

app.on('second-instance', (_event, argv, cwd) => handSecondLaunch(argv, cwd, { files: launches, links: shares, linksOf: shareTextsFromArgv, focus: focusWindow }))

// macOS: a clicked axon-studio: share link, possibly before the app is ready.
app.on('open-url', (event, url) => {
  event.preventDefault()
  const text = shareTextOfUrl(url)
  if (text) shares.request(text)
})

// macOS: a double-clicked .axon.json or data file (one event per file), possibly before the app is ready.
app.on('open-file', (event, path) => {
  event.preventDefault()
  launches.request(path)
})

app.whenReady().then(() => {
  // Shutdown or restart (Linux: logind's PrepareForShutdown, before any SIGTERM; macOS: log-out
  // too, which sends no SIGTERM but a Quit that would ask): quit without asking, the OS waiting
  // for it (preventDefault holds Linux's delay lock until the app has gone, 5 s at most by default).
  powerMonitor.on('shutdown', (...args: unknown[]) => {
    ;(args[0] as { preventDefault?: () => void } | undefined)?.preventDefault?.()
    sessionEnd.end()
  })
  denyAllPermissions(session.defaultSession)
  disableSpellChecker(session.defaultSession)
  protocol.handle('app', createAppProtocolHandler(join(__dirname, '../renderer'), async (path) => new Uint8Array(await readFile(path))))
  for (const path of recent.list()) files.grant(path)
  installMenu()
  createWindow()
  if (userData.fallback) {
    log(`user data: ${usualUserData} cannot be written; using ${userData.dir} for this session`)
    const win = current?.win
    win?.once('show', () => void dialog.showMessageBox(win, { type: 'warning', title: 'Axon Studio', ...fallbackNotice(usualUserData, userData.dir) }))
  }
  for (const path of launchPathsFromArgv(process.argv, process.cwd())) launches.request(path)
  for (const text of shareTextsFromArgv(process.argv)) shares.request(text)
  const client = protocolClientArgs(process.defaultApp === true, process.execPath, process.argv[1], launcher)
  app.setAsDefaultProtocolClient(client.scheme, client.path, client.args)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

// Files or a share link asked for that never reached a page (a second launch as the app quit): the app starts again with them.
app.on('will-quit', () => {
  const left = [...launches.pending(), ...shares.pending().map(shareLinkOfText)]
  const args = relaunchArgs(left, { sessionEnding: sessionEnd.ending(), defaultApp: process.defaultApp === true, appPath: process.argv[1] })
  if (args) app.relaunch({ args, execPath: launcher })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
