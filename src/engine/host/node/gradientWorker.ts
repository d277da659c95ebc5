/**
 * Node host: a data-parallel helper thread (worker_threads), started by `gradientPool.ts` for
 * the CLI, tests, benchmarks and the desktop app's engine process.
 */
import { parentPort } from 'node:worker_threads'
import { serveGradientHelper, type HelperMessage } from '../../parallel'

const port = parentPort
if (!port) throw new Error('the gradient helper must run inside worker_threads')
serveGradientHelper({
  postMessage: (reply) => port.postMessage(reply),
  onMessage: (listener) => port.on('message', (message: HelperMessage) => listener(message)),
})
