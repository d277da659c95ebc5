/**
 * Electron main process: one window, the engine in a utility process, native file dialogs.
 * Logic lives in small Electron-free modules (engineSupervisor, unsavedChanges, fileAccess,
 * ipcHandlers, security) that are unit-tested; this file only wires Electron to them.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, utilityProcess, type MessagePortMain } from 'electron'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { totalmem } from 'node:os'
import { pathToFileURL } from 'node:url'
import { createEngineSupervisor } from './engineSupervisor'
import { engineForkOptions } from './engineProcess'
import { isAppUrl } from './security'
import { buildMenuTemplate } from './menu'
import { createAppWindow, type AppWindow } from './appWindow'
import { createFileAccess } from './fileAccess'
import { registerIpcHandlers } from './ipcHandlers'
import { IPC } from '../shared/ipc'

const appUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href
let current: AppWindow | null = null

const files = createFileAccess(
  {
    open: async (options) => {
      const win = current?.win
      const properties: Array<'openFile' | 'multiSelections'> = options.multiple ? ['openFile', 'multiSelections'] : ['openFile']
      const result = win ? await dialog.showOpenDialog(win, { ...options, properties }) : await dialog.showOpenDialog({ ...options, properties })
      return result.canceled ? [] : result.filePaths
    },
    save: async (options) => {
      const win = current?.win
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
  },
  { read: async (path) => new Uint8Array(await readFile(path)), write: (path, bytes) => writeFile(path, bytes) },
)

function createWindow(): void {
  const appWindow = createAppWindow(appUrl, () => {
    if (current === appWindow) current = null
  })
  current = appWindow
  startEngine(appWindow.win)
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
  })
  supervisor.start()
  // A reload replaces the renderer's ports; give the new page a fresh connection.
  win.webContents.on('did-finish-load', () => supervisor.rendererLoaded())
  win.on('closed', () => supervisor.stop())
}

function installMenu(): void {
  const send = (command: string) => BrowserWindow.getFocusedWindow()?.webContents.send(IPC.menuCommand, command)
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, send)))
}

registerIpcHandlers(ipcMain, {
  files,
  isTrustedSender: (event) => event.senderFrame != null && isAppUrl(event.senderFrame.url, appUrl) && event.sender.id === current?.win.webContents.id,
  documentState: (_event, state) => current?.guard.setState(state),
  documentSaved: (_event, id, saved) => current?.saves.answer(id, saved),
  currentFile: () => {},
})

app.whenReady().then(() => {
  installMenu()
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
