/**
 * The two Comlink channels between the UI and the engine, wired the same way in every host.
 *
 * Channel 1 (`rpc`): the engine exposes `EngineApi`; the UI wraps it.
 * Channel 2 (`events`): the UI exposes an `EngineEventSink`; the engine wraps it.
 *
 * Why two channels instead of `Comlink.proxy(callback)`: a proxied callback travels as a
 * MessagePort nested inside a message, and Electron's MessagePortMain can carry ports only in
 * its transfer list and only MessagePortMain ones. Two ports handed out at start-up work over
 * every transport, so the Electron, Web Worker and worker_threads hosts share this code.
 */
import * as Comlink from 'comlink'
import { createEngineApi, type EngineApi, type HostedEngine } from '../api'
import { installWasmKernels, installedWasmKernel } from '../../kernels/install'
import { installGradientPool, noteGradientPoolStart, startGradientPool, type HelperEndpoint } from '../../parallel'
import type { EngineEvent, EngineEventSink, SnapshotAnswer } from '../events'
import { ENGINE_ARGUMENTS } from './argumentChecks'
import { createFacade, guardedEndpoint } from './facade'
import type { RunnerHost } from './runnerLink'

export type { RunnerEndpoints, RunnerHost } from './runnerLink'

const ENGINE_METHODS: ReadonlySet<string> = new Set(Object.keys(ENGINE_ARGUMENTS))

let poolStarted = false

/** How a host trains on several threads: how many at most, and how it starts a helper. */
export interface HostThreads {
  /** Threads the kernel memory is laid out for (the cores available); training starts with all. */
  threads: number
  /** Start helper thread t as a Worker running `serveGradientHelper`. */
  spawn: (thread: number) => HelperEndpoint
}

/**
 * Engine side: serve the API on `rpc` and send events through `events`. Installs the
 * WebAssembly SIMD kernels first (where the host has them), so every host computes alike, and
 * with `threads` starts the data-parallel helpers (sessions created before they are ready train
 * on one thread). With `runners`, sweep points train on runner threads (each an engine served
 * by this function without threads or runners). What Comlink exposes is the frozen, checked
 * facade behind a guard that admits only calls of its methods (facade.ts); the plain API is
 * returned for in-process use.
 */
export function serveEngine(rpc: Comlink.Endpoint, events: Comlink.Endpoint, yieldToHost: () => Promise<void>, threads?: HostThreads, runners?: RunnerHost): HostedEngine {
  installWasmKernels(threads ? { threads: threads.threads } : undefined)
  // Once per engine: a host that serves a new page (the desktop app on reload) keeps its helpers.
  if (threads && threads.threads > 1 && !poolStarted) {
    poolStarted = true
    noteGradientPoolStart(startGradientPool(installedWasmKernel(), threads).then(installGradientPool, () => installGradientPool(null)))
  }
  const sink = Comlink.wrap<EngineEventSink>(events)
  const api = createEngineApi(
    {
      emit: (event, transfer) => sink.receive(Comlink.transfer(event, transfer)),
      yieldToHost,
    },
    runners,
  )
  Comlink.expose(createFacade<EngineApi>(api, ENGINE_ARGUMENTS), guardedEndpoint(rpc, ENGINE_METHODS))
  return api
}

/** UI side: receive events on `events` and return the remote engine on `rpc`. */
export function connectEngine(
  rpc: Comlink.Endpoint,
  events: Comlink.Endpoint,
  onEvent: (event: EngineEvent) => void | SnapshotAnswer | Promise<void | SnapshotAnswer>,
): Comlink.Remote<EngineApi> {
  const sink: EngineEventSink = { receive: onEvent }
  Comlink.expose(sink, events)
  return Comlink.wrap<EngineApi>(rpc)
}
