/**
 * Node host, worker side: the engine in a worker_threads Worker (CLI, tests, benchmarks).
 * The event-channel port arrives in `workerData.events`, the most training threads in
 * `workerData.threads` (default: the cores available).
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { MessagePort } from 'node:worker_threads'
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs'
import { serveEngine } from '../rpc/connect'
import { defaultThreads, spawnNodeHelper } from './gradientPool'
import { enableRelaxedSimd } from './relaxedSimd'

if (!parentPort) throw new Error('engine worker must run inside worker_threads')
enableRelaxedSimd()
const { events, threads } = workerData as { events: MessagePort; threads?: number }
serveEngine(nodeEndpoint(parentPort), nodeEndpoint(events), () => new Promise((resolve) => setImmediate(resolve)), {
  threads: threads ?? defaultThreads(),
  spawn: () => spawnNodeHelper(),
})
