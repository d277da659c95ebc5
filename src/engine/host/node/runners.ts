/**
 * Node host: a sweep runner thread (see `host/sweepRunners.ts`), a worker_threads Worker running
 * the engine (`worker.ts`) on one thread. From source it boots through tsx (`bootTs.mjs`); a
 * bundled build (the desktop app's engine process) passes its compiled engine worker instead.
 */
import { MessageChannel, Worker } from 'node:worker_threads'
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs'
import type { RunnerEndpoints } from '../rpc/connect'

/** Start a runner: from source through tsx, or the bundled engine worker `script` given. */
export function spawnNodeRunner(script?: string): RunnerEndpoints {
  const channel = new MessageChannel()
  const data = { events: channel.port2, runner: true }
  const worker = script
    ? new Worker(script, { workerData: data, transferList: [channel.port2] })
    : new Worker(new URL('./bootTs.mjs', import.meta.url), { workerData: { ...data, entry: new URL('./worker.ts', import.meta.url).href }, transferList: [channel.port2] })
  // An idle runner must not keep a finished command-line run alive.
  worker.unref()
  return {
    rpc: nodeEndpoint(worker),
    events: nodeEndpoint(channel.port1),
    onExit(listener) {
      worker.on('error', (e) => listener(e.message))
      worker.on('exit', (code) => listener(`exit code ${code}`))
    },
    terminate() {
      channel.port1.close()
      void worker.terminate()
    },
  }
}
