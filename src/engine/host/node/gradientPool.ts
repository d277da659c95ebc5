/**
 * Node host: start the data-parallel helpers as worker_threads and install their pool. From
 * source a helper boots through tsx (`bootTs.mjs`, like the engine worker); a bundled build (the
 * desktop app's engine process) passes its compiled helper script instead.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { installedWasmKernel } from '../../kernels/install'
import { installGradientPool, startGradientPool, type GradientPool, type HelperEndpoint, type HelperReply } from '../../parallel'

/** The most threads a host lays its kernel memory out for by default (the cores, at most 8). */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()))
}

/**
 * A helper Worker as the pool's endpoint (a helper that fails or exits before replying reports
 * `failed`): from source through tsx, or the bundled `script` given.
 */
export function spawnNodeHelper(script?: string): HelperEndpoint {
  const worker = script
    ? new Worker(script)
    : new Worker(new URL('./bootTs.mjs', import.meta.url), { workerData: { entry: new URL('./gradientWorker.ts', import.meta.url).href } })
  return {
    postMessage: (message) => worker.postMessage(message),
    onReply(listener) {
      // Once a helper has answered it only waits on shared memory: it must not keep a finished
      // command-line run alive (unref after the listeners, which ref the worker again).
      const reply = (r: HelperReply) => {
        listener(r)
        worker.unref()
      }
      worker.on('message', reply)
      worker.on('error', (e) => reply({ type: 'failed', message: e.message }))
      worker.on('exit', (code) => reply({ type: 'failed', message: `the helper thread exited (code ${code})` }))
    },
    terminate: () => void worker.terminate(),
  }
}

/**
 * Start `threads − 1` helpers over the installed kernel's shared memory (install the kernels with
 * `{ threads }` first) and install the pool. Resolves the pool, or null (one thread).
 */
export async function startNodeGradientPool(threads: number, helperScript?: string): Promise<GradientPool | null> {
  const pool = await startGradientPool(installedWasmKernel(), { threads, spawn: () => spawnNodeHelper(helperScript) })
  installGradientPool(pool)
  return pool
}
