/**
 * Node host, worker side: the engine in a worker_threads Worker (CLI, tests, benchmarks).
 * The event-channel port arrives in `workerData.events`, the most training threads in
 * `workerData.threads` (default: the cores available). A sweep runner (`runner: true`, started
 * by `runners.ts`) is the same engine on one thread, without helpers or runners of its own.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { MessagePort } from 'node:worker_threads'
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs'
import { serveEngine } from '../rpc/connect'
import { defaultThreads, spawnNodeHelper } from './gradientPool'
import { enableRelaxedSimd } from './relaxedSimd'
import { spawnNodeRunner } from './runners'

if (!parentPort) throw new Error('engine worker must run inside worker_threads')
enableRelaxedSimd()
const { events, threads, runner } = workerData as { events: MessagePort; threads?: number; runner?: boolean }
const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve))
if (runner) serveEngine(nodeEndpoint(parentPort), nodeEndpoint(events), yieldToHost)
else {
  const cores = threads ?? defaultThreads()
  serveEngine(nodeEndpoint(parentPort), nodeEndpoint(events), yieldToHost, { threads: cores, spawn: () => spawnNodeHelper() }, { spawn: () => spawnNodeRunner(), cores })
}
