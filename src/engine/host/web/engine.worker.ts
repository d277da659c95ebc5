/**
 * Browser host: the engine in a module Web Worker.
 *
 * The page posts one `axon:events` message carrying the event-channel port, then talks
 * Comlink over the worker itself (see rpc/connect.ts for why there are two channels).
 */
import { serveEngine, type HostThreads } from '../rpc/connect'
import type { HelperEndpoint, HelperReply } from '../../parallel'

/** Lets queued messages (e.g. cancel) in: a MessageChannel round trip is one macrotask. */
function createYield(): () => Promise<void> {
  const channel = new MessageChannel()
  const waiting: Array<() => void> = []
  channel.port1.onmessage = () => waiting.shift()?.()
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve)
      channel.port2.postMessage(null)
    })
}

const scope = self as unknown as Worker

/** A nested Worker running a gradient helper; a script that does not load reports `failed`. */
function spawnHelper(): HelperEndpoint {
  const worker = new Worker(new URL('./gradient.worker.ts', import.meta.url), { type: 'module', name: 'axon-gradient-helper' })
  return {
    postMessage: (message) => worker.postMessage(message),
    onReply(listener) {
      worker.addEventListener('message', (event: MessageEvent<HelperReply>) => listener(event.data))
      worker.addEventListener('error', (event) => listener({ type: 'failed', message: event.message || 'the helper script did not load' }))
    },
    terminate: () => worker.terminate(),
  }
}

/**
 * Training threads: the cores (at most 8) where the page is cross-origin isolated, which shared
 * memory needs; one thread elsewhere.
 */
function hostThreads(): HostThreads | undefined {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true
  const cores = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 1))
  return isolated && cores > 1 ? { threads: cores, spawn: spawnHelper } : undefined
}

scope.addEventListener('message', function onConnect(event: MessageEvent) {
  if (event.data?.type !== 'axon:events' || !event.ports[0]) return
  scope.removeEventListener('message', onConnect)
  serveEngine(scope, event.ports[0], createYield(), hostThreads())
})
