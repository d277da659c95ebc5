/**
 * Browser host: the engine in a module Web Worker.
 *
 * The page posts one `axon:events` message carrying the event-channel port, then talks
 * Comlink over the worker itself (see rpc/connect.ts for why there are two channels). Sweep
 * runners are nested Workers (`runner.worker.ts`).
 */
import { serveEngine, type HostThreads, type RunnerEndpoints } from '../rpc/connect'
import type { HelperEndpoint, HelperReply } from '../../parallel'
import { createYield } from './yieldToHost'

const scope = self as unknown as Worker

/** A nested Worker running a gradient helper; a script that does not load reports `failed`. */
function spawnHelper(): HelperEndpoint {
  const worker = new Worker(new URL('./gradient.worker.ts', import.meta.url), { type: 'module', name: 'axon-gradient-helper' })
  return {
    postMessage: (message) => worker.postMessage(message),
    onReply(listener) {
      worker.addEventListener('message', (event: MessageEvent<HelperReply>) => listener(event.data))
      worker.addEventListener('error', (event) => listener({ type: 'failed', message: event.message || 'the helper script did not load' }))
    },
    terminate: () => worker.terminate(),
  }
}

/** A nested Worker running a sweep runner: an engine of its own, connected as the page connects to this one. */
function spawnRunner(): RunnerEndpoints {
  const worker = new Worker(new URL('./runner.worker.ts', import.meta.url), { type: 'module', name: 'axon-sweep-runner' })
  const events = new MessageChannel()
  worker.postMessage({ type: 'axon:events' }, [events.port2])
  return {
    rpc: worker,
    events: events.port1,
    onExit: (listener) => worker.addEventListener('error', (event) => listener(event.message || 'the runner script failed')),
    terminate() {
      worker.terminate()
      events.port1.close()
    },
  }
}

const cores = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 1))

/**
 * Training threads: the cores (at most 8) where the page is cross-origin isolated, which shared
 * memory needs; one thread elsewhere.
 */
function hostThreads(): HostThreads | undefined {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true
  return isolated && cores > 1 ? { threads: cores, spawn: spawnHelper } : undefined
}

scope.addEventListener('message', function onConnect(event: MessageEvent) {
  if (event.data?.type !== 'axon:events' || !event.ports[0]) return
  scope.removeEventListener('message', onConnect)
  serveEngine(scope, event.ports[0], createYield(), hostThreads(), { spawn: spawnRunner, cores })
})
