/**
 * Electron main process: one window, the engine in a utility process, nothing else.
 * Logic lives in small Electron-free modules (engineSupervisor, security) that are unit-tested.
 */
import { app, BrowserWindow, Menu, MessageChannelMain, utilityProcess, type MessagePortMain } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createEngineSupervisor } from './engineSupervisor'
import { lockDownNavigation, secureWebPreferences } from './security'
import { buildMenuTemplate } from './menu'
import { IPC } from '../shared/ipc'

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Axon Studio',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  })
  const devUrl = process.env.ELECTRON_RENDERER_URL
  const appUrl = devUrl ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href
  lockDownNavigation(win.webContents, appUrl)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(appUrl)
  return win
}

function startEngine(win: BrowserWindow) {
  const supervisor = createEngineSupervisor<MessagePortMain>({
    fork: () => utilityProcess.fork(join(__dirname, 'engineHost.cjs'), [], { serviceName: 'Axon Engine' }),
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
  win.webContents.on('did-finish-load', () => supervisor.reconnectRenderer())
  win.on('closed', () => supervisor.stop())
}

function installMenu(): void {
  const send = (command: string) => BrowserWindow.getFocusedWindow()?.webContents.send(IPC.menuCommand, command)
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, send)))
}

app.whenReady().then(() => {
  installMenu()
  startEngine(createWindow())
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) startEngine(createWindow())
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
