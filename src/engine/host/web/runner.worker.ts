/**
 * Browser host: a sweep runner, nested in the engine's Worker (see `host/sweepRunners.ts`): an
 * engine of its own on one thread, connected like the page connects to the engine.
 */
import { serveEngine } from '../rpc/connect'
import { createYield } from './yieldToHost'

const scope = self as unknown as Worker

scope.addEventListener('message', function onConnect(event: MessageEvent) {
  if (event.data?.type !== 'axon:events' || !event.ports[0]) return
  scope.removeEventListener('message', onConnect)
  serveEngine(scope, event.ports[0], createYield())
})
