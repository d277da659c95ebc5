/**
 * Comlink endpoint over Electron's `MessagePortMain` (main and utility processes).
 *
 * Why it exists: comlink's node adapter would hand listeners `{ data: { data, ports } }`, and
 * MessagePortMain is an EventEmitter that accepts only MessagePortMain objects in its transfer
 * list. This adapter unwraps events to `{ data, ports }` and drops ArrayBuffers from transfer
 * lists (Electron copies typed arrays instead of moving them). When the other end goes away
 * (the page reloaded or its process died: the port emits `close`), calls still waiting for an
 * answer are rejected instead of hanging (closableEndpoint.ts), so a training loop streaming to
 * a gone page ends.
 */
import type { MessagePortMain } from 'electron'
import type { Endpoint } from 'comlink'
import { closableEndpoint, type ClosableEndpoint } from '../engine/host/rpc/closableEndpoint'

/** Why the engine's calls to a page fail once its port closed. */
export const PAGE_GONE = { name: 'PageGoneError', message: 'The window this engine was serving closed or reloaded.' }

type MainMessage = { data: unknown; ports: MessagePortMain[] }

function isMessagePortMain(value: unknown): value is MessagePortMain {
  const port = value as Partial<MessagePortMain> | null
  return typeof port?.on === 'function' && typeof port.start === 'function' && typeof port.postMessage === 'function'
}

export function mainPortEndpoint(port: MessagePortMain): ClosableEndpoint {
  const endpoint = closableEndpoint(portEndpoint(port), PAGE_GONE)
  port.on('close', () => endpoint.close())
  return endpoint
}

function portEndpoint(port: MessagePortMain): Endpoint {
  const handlers = new WeakMap<EventListenerOrEventListenerObject, (event: MainMessage) => void>()
  return {
    postMessage(message: unknown, transfer?: Transferable[]) {
      port.postMessage(message, (transfer ?? []).filter(isMessagePortMain))
    },
    addEventListener(_type: string, listener: EventListenerOrEventListenerObject) {
      const handler = (event: MainMessage) => {
        const domLike = { data: event.data, ports: event.ports } as unknown as MessageEvent
        if (typeof listener === 'function') listener(domLike)
        else listener.handleEvent(domLike)
      }
      handlers.set(listener, handler)
      port.on('message', handler)
    },
    removeEventListener(_type: string, listener: EventListenerOrEventListenerObject) {
      const handler = handlers.get(listener)
      if (!handler) return
      port.off('message', handler)
      handlers.delete(listener)
    },
    start: () => port.start(),
  }
}
