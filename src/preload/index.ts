/**
 * The minimal bridge between the sandboxed renderer and main.
 *
 * Engine ports cannot cross contextBridge, so they are forwarded with window.postMessage
 * (transferred, as Electron's MessagePorts guide does). Everything else is a named function;
 * `ipcRenderer` itself is never exposed.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { IPC, isMenuCommand, type MenuCommand } from '../shared/ipc'

ipcRenderer.on(IPC.enginePorts, (event, info: { restarted?: boolean } | null) => {
  const target = window.location.origin === 'null' ? '*' : window.location.origin
  window.postMessage({ type: 'axon:engine-ports', restarted: info?.restarted === true }, target, event.ports)
})

contextBridge.exposeInMainWorld('axonDesktop', {
  isDesktop: true,
  onEngineFailed(listener: (message: string) => void) {
    ipcRenderer.on(IPC.engineFailed, (_event, message: unknown) => listener(String(message)))
  },
  onMenuCommand(listener: (command: MenuCommand) => void) {
    ipcRenderer.on(IPC.menuCommand, (_event, command: unknown) => {
      if (isMenuCommand(command)) listener(command)
    })
  },
})
