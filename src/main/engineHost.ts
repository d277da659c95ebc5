/**
 * Desktop host: the entry of the engine's utility process. Main sends one `axon:engine`
 * message per renderer connection with the engine's ends of the rpc and events channels.
 */
import { mainPortEndpoint } from './mainPortEndpoint'
import { serveEngine } from '../engine/host/rpc/connect'

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve))

process.parentPort.on('message', (event) => {
  const [rpc, events] = event.ports
  if ((event.data as { type?: string })?.type !== 'axon:engine' || !rpc || !events) return
  serveEngine(mainPortEndpoint(rpc), mainPortEndpoint(events), yieldToHost)
})
