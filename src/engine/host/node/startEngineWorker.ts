/**
 * Node host, caller side: start the engine in a worker_threads Worker and connect to it.
 *
 * Node 20 cannot load TypeScript in a Worker by itself, so from source the worker boots
 * through tsx (`bootTs.mjs`); a bundled build passes the compiled `.js` entry instead.
 */
import { MessageChannel, Worker } from 'node:worker_threads'
import type * as Comlink from 'comlink'
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs'
import { connectEngine } from '../rpc/connect'
import type { EngineApi } from '../api'
import type { EngineEvent } from '../events'

export interface NodeEngine {
  engine: Comlink.Remote<EngineApi>
  worker: Worker
  /** Stop the worker and free both channels. */
  close(): Promise<void>
}

/** Start the engine; `threads` is the most training threads (default: the cores available). */
export function startEngineWorker(onEvent: (event: EngineEvent) => void, threads?: number): NodeEngine {
  const entry = new URL('./worker.ts', import.meta.url)
  const channel = new MessageChannel()
  const worker = new Worker(new URL('./bootTs.mjs', import.meta.url), {
    workerData: { entry: entry.href, events: channel.port2, threads },
    transferList: [channel.port2],
  })
  const engine = connectEngine(nodeEndpoint(worker), nodeEndpoint(channel.port1), onEvent)
  return {
    engine,
    worker,
    async close() {
      channel.port1.close()
      await worker.terminate()
    },
  }
}
