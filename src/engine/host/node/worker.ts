/**
 * Node host, worker side: the engine in a worker_threads Worker (CLI, tests, benchmarks).
 * The event-channel port arrives in `workerData.events`.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { MessagePort } from 'node:worker_threads'
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs'
import { serveEngine } from '../rpc/connect'

if (!parentPort) throw new Error('engine worker must run inside worker_threads')
const events = (workerData as { events: MessagePort }).events
serveEngine(nodeEndpoint(parentPort), nodeEndpoint(events), () => new Promise((resolve) => setImmediate(resolve)))
