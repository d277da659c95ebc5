/**
 * A Comlink endpoint that can be closed, rejecting every call still waiting for an answer.
 *
 * Why: Comlink keeps a pending call until its reply arrives, and a port whose other end died
 * (the engine process crashed, or the page reloaded away from a running training loop) never
 * replies, so the caller would wait forever. On `close()` each request still unanswered gets a
 * synthetic thrown-error reply, so its promise rejects with `reason` (name and message survive
 * Comlink's error transfer); later calls reject at once.
 */
import type { Endpoint } from 'comlink'

/** Comlink's request message types; replies carry the request's id with a wire type instead. */
const REQUEST_TYPES = new Set(['GET', 'SET', 'APPLY', 'CONSTRUCT', 'ENDPOINT', 'RELEASE'])

export interface ClosableEndpoint extends Endpoint {
  close(): void
  readonly closed: boolean
}

export interface CloseReason {
  name: string
  message: string
}

type Listener = EventListenerOrEventListenerObject

/** The reply Comlink turns into a thrown Error with this name and message. */
export function thrownReply(id: string, reason: CloseReason) {
  return { id, type: 'HANDLER', name: 'throw', value: { isError: true, value: { name: reason.name, message: reason.message } } }
}

export function closableEndpoint(inner: Endpoint, reason: CloseReason): ClosableEndpoint {
  const pending = new Set<string>()
  const listeners = new Set<Listener>()
  let attached = false
  let closed = false

  const deliver = (data: unknown) => {
    const event = { data } as MessageEvent
    for (const listener of [...listeners]) {
      if (typeof listener === 'function') listener(event)
      else listener.handleEvent(event)
    }
  }
  const rejectAll = () => {
    for (const id of [...pending]) {
      pending.delete(id)
      deliver(thrownReply(id, reason))
    }
  }

  return {
    get closed() {
      return closed
    },
    postMessage(message: unknown, transfer?: Transferable[]) {
      const { id, type } = (message ?? {}) as { id?: unknown; type?: unknown }
      const isRequest = typeof id === 'string' && typeof type === 'string' && REQUEST_TYPES.has(type)
      if (closed) {
        if (isRequest) queueMicrotask(() => deliver(thrownReply(id, reason)))
        return
      }
      if (isRequest) pending.add(id)
      inner.postMessage(message, transfer)
    },
    addEventListener(type: string, listener: Listener) {
      listeners.add(listener)
      if (attached) return
      attached = true
      // One listener on the real port fans out to ours, so replies can be tracked and cut off.
      inner.addEventListener(type, (event) => {
        const id = (event as MessageEvent).data?.id
        if (typeof id === 'string') pending.delete(id)
        if (!closed) deliver((event as MessageEvent).data)
      })
      inner.start?.()
    },
    removeEventListener(_type: string, listener: Listener) {
      listeners.delete(listener)
    },
    start: () => inner.start?.(),
    close() {
      if (closed) return
      closed = true
      rejectAll()
    },
  }
}
