/**
 * The minimal bridge between the sandboxed renderer and main.
 *
 * Engine ports cannot cross contextBridge, so they are forwarded with window.postMessage
 * (transferred, as Electron's MessagePorts guide does). Everything else is a named function.
 */
import { contextBridge, ipcRenderer } from 'electron'

ipcRenderer.on('engine:ports', (event, info: { restarted: boolean }) => {
  window.postMessage({ type: 'axon:engine-ports', restarted: info?.restarted === true }, window.location.origin === 'null' ? '*' : window.location.origin, event.ports)
})

contextBridge.exposeInMainWorld('axonDesktop', {
  isDesktop: true,
  onEngineFailed: (listener: (message: string) => void) => {
    ipcRenderer.on('engine:failed', (_event, message: string) => listener(String(message)))
  },
})
