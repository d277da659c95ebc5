/**
 * The page's side of the desktop app in Node, for renderer tests against a real engine: a fake
 * window with the desktop bridge, to which `startEngine` hands a real engine's ports as main
 * does (`axon:engine-ports`). Install `fakeWindow` as `globalThis.window` before importing the
 * renderer's modules (the engine client listens for the ports on import).
 */
import type { Endpoint } from 'comlink'
import { serveEngine } from '../src/engine/host/rpc/connect'

type PortListener = (event: { source: unknown; data: unknown; ports: MessagePort[] }) => void
const portListeners: PortListener[] = []
const failureListeners: Array<(message: string) => void> = []

export const fakeWindow = {
  axonDesktop: { isDesktop: true, onEngineFailed: (listener: (message: string) => void) => void failureListeners.push(listener), onMenuCommand: () => {}, reportDocumentState: () => {}, onSaveRequest: () => {}, onShareLink: () => {}, files: undefined },
  addEventListener: (type: string, listener: PortListener) => void (type === 'message' && portListeners.push(listener)),
  confirm: () => true,
}

/** Main gives up on the engine (it kept crashing) and tells the page, as `engine:failed` does. */
export function reportEngineFailure(message: string): void {
  for (const listener of failureListeners) listener(message)
}

/** A real engine on fresh ports, handed to the page as main would; `calls` lists what it was asked. */
export function startEngine(restarted: boolean): { close(): void; calls: string[] } {
  const rpc = new MessageChannel()
  const events = new MessageChannel()
  const calls: string[] = []
  rpc.port1.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as { type?: string; path?: string[] }
    if (message?.type === 'APPLY' && message.path) calls.push(message.path.join('.'))
  })
  serveEngine(rpc.port1 as unknown as Endpoint, events.port1 as unknown as Endpoint, () => new Promise((resolve) => setTimeout(resolve, 0)))
  for (const listener of portListeners) listener({ source: fakeWindow, data: { type: 'axon:engine-ports', restarted }, ports: [rpc.port2, events.port2] })
  return { close: () => [rpc.port1, events.port1].forEach((p) => p.close()), calls }
}
