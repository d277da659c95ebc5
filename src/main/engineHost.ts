/**
 * Desktop host: the entry of the engine's utility process. Main sends one `axon:engine`
 * message per page load with the engine's ends of the rpc and events channels; the newest
 * replaces the one before (engineConnections.ts).
 */
import { join } from 'node:path'
import type { MessagePortMain } from 'electron'
import { mainPortEndpoint } from './mainPortEndpoint'
import { createEngineConnections } from './engineConnections'
import { serveEngine } from '../engine/host/rpc/connect'
import { defaultThreads, spawnNodeHelper } from '../engine/host/node/gradientPool'
import { spawnNodeRunner } from '../engine/host/node/runners'

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve))

const connections = createEngineConnections<MessagePortMain>((rpc, events) => {
  const rpcEndpoint = mainPortEndpoint(rpc)
  const eventsEndpoint = mainPortEndpoint(events)
  // Data-parallel helpers and sweep runners: worker_threads running the bundled gradientWorker.cjs
  // and engineWorker.cjs beside this file.
  const threads = defaultThreads()
  const engine = serveEngine(rpcEndpoint, eventsEndpoint, yieldToHost, { threads, spawn: () => spawnNodeHelper(join(__dirname, 'gradientWorker.cjs')) }, { spawn: () => spawnNodeRunner(join(__dirname, 'engineWorker.cjs')), cores: threads })
  // The page has gone (reload): its sweep runners go too, mid-sweep or idle, instead of piling up.
  return { close: () => (engine.closeRunners(), rpcEndpoint.close(), eventsEndpoint.close()) }
})

process.parentPort.on('message', (event) => {
  const [rpc, events] = event.ports
  if ((event.data as { type?: string })?.type !== 'axon:engine' || !rpc || !events) return
  connections.connect(rpc, events)
})
