/**
 * Browser host: a data-parallel helper thread, a module Web Worker nested in the engine's
 * worker (needs cross-origin isolation for the shared memory: COOP/COEP headers on the page).
 */
import { serveGradientHelper, type HelperMessage } from '../../parallel'

const scope = self as unknown as Worker
serveGradientHelper({
  postMessage: (reply) => scope.postMessage(reply),
  onMessage: (listener) => scope.addEventListener('message', (event: MessageEvent<HelperMessage>) => listener(event.data)),
})
