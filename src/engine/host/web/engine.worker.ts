/**
 * Browser host: the engine in a module Web Worker.
 *
 * The page posts one `axon:events` message carrying the event-channel port, then talks
 * Comlink over the worker itself (see rpc/connect.ts for why there are two channels).
 */
import { serveEngine } from '../rpc/connect'

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

scope.addEventListener('message', function onConnect(event: MessageEvent) {
  if (event.data?.type !== 'axon:events' || !event.ports[0]) return
  scope.removeEventListener('message', onConnect)
  serveEngine(scope, event.ports[0], createYield())
})
