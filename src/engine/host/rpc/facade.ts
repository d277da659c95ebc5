/**
 * The engine as Comlink exposes it: a frozen object with no prototype, one method per API
 * call, each checking its arguments first (argumentChecks.ts). And the rpc endpoint in front of
 * it lets through only calls of those methods by name (`engine.startRun(…)`), so paths such
 * as `engine.constructor.prototype` or `engine.startRun.constructor` (Function, i.e. code
 * execution) are refused before Comlink walks them: they reject with `EngineApiError`.
 */
import type { Endpoint } from 'comlink'
import { thrownReply } from './closableEndpoint'
import type { ArgCheck } from './argumentChecks'

export class EngineApiError extends Error {
  override name = 'EngineApiError'
}

type Methods<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? T[K] : never }

/** A frozen, prototype-less facade over `api` with `checks` applied to every call. */
export function createFacade<T extends Methods<T>>(api: T, checks: { [K in keyof T]: ArgCheck[] }): Readonly<T> {
  const facade = Object.create(null) as T
  for (const name of Object.keys(checks) as Array<keyof T & string>) {
    const method = api[name] as (...args: unknown[]) => unknown
    const argChecks = checks[name]
    const call = (...args: unknown[]) => {
      if (args.length > argChecks.length) throw new EngineApiError(`${name} takes at most ${argChecks.length} argument${argChecks.length === 1 ? '' : 's'}, got ${args.length}.`)
      argChecks.forEach((check, i) => {
        const problem = check(args[i])
        if (problem) throw new EngineApiError(`${name}: argument ${i + 1}: ${problem}.`)
      })
      return method(...args)
    }
    Object.defineProperty(facade, name, { value: Object.freeze(call), enumerable: true })
  }
  return Object.freeze(facade)
}

/**
 * Wraps the engine's rpc endpoint: a request reaches Comlink only when it calls one of
 * `methods` by its plain name with plain arguments (or releases the proxy); anything else
 * (property reads and writes, constructors, nested paths, proxied callbacks) is answered
 * with an EngineApiError at once.
 */
export function guardedEndpoint(inner: Endpoint, methods: ReadonlySet<string>): Endpoint {
  const refuse = (id: unknown, message: string) => {
    if (typeof id === 'string') inner.postMessage(thrownReply(id, { name: 'EngineApiError', message }), [])
  }
  const allowed = (data: { type?: unknown; path?: unknown; argumentList?: unknown }): string | null => {
    const path = data.path
    if (data.type === 'RELEASE') return Array.isArray(path) && path.length === 0 ? null : 'bad release'
    if (data.type !== 'APPLY') return `${String(data.type)} is not allowed on the engine`
    if (!Array.isArray(path) || path.length !== 1 || typeof path[0] !== 'string' || !methods.has(path[0])) return `“${Array.isArray(path) ? path.join('.') : '?'}” is not an engine method`
    const args = data.argumentList
    if (!Array.isArray(args) || args.some((a) => (a as { type?: unknown })?.type !== 'RAW')) return 'arguments must be plain data'
    return null
  }
  const wrapped = new Map<EventListenerOrEventListenerObject, (event: MessageEvent) => void>()
  return {
    postMessage: (message, transfer) => inner.postMessage(message, transfer),
    addEventListener(type, listener) {
      const filtered = (event: MessageEvent) => {
        const data = event.data as { id?: unknown; type?: unknown; path?: unknown; argumentList?: unknown } | null
        if (!data || typeof data !== 'object') return
        const problem = allowed(data)
        if (problem) return refuse(data.id, problem)
        if (typeof listener === 'function') listener(event)
        else listener.handleEvent(event)
      }
      wrapped.set(listener, filtered)
      inner.addEventListener(type, filtered as EventListener)
    },
    removeEventListener(type, listener) {
      const filtered = wrapped.get(listener)
      if (filtered) inner.removeEventListener(type, filtered as EventListener)
      wrapped.delete(listener)
    },
    ...(inner.start ? { start: () => inner.start!() } : {}),
  }
}
