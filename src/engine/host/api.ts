/**
 * The engine's RPC surface: one typed `EngineApi`, the same in every host (Electron utility
 * process, Web Worker, worker_threads). Hosts expose the object made by `createEngineApi` over
 * Comlink and hand it an `EngineHostIo` that knows how to emit events and yield to the host's
 * event loop; the engine itself stays free of transports and timers.
 *
 * The API is composed of one part per concern, each in its own module.
 */
import { ENGINE_VERSION } from '../version'
import { wasmKernelStats } from '../kernels/install'
import { gradientPool, settledGradientPool } from '../parallel'
import { createDataApi, type DataApi } from './dataFiles'
import { createDemoApi, type DemoApi } from './demo'
import { createTrainingApi, type TrainingApi } from './training'
import { createExportApi, type ExportApi } from './exportFiles'
import { createSweepApi, type SweepApi } from './sweepPoints'
import { SweepRunners } from './sweepRunners'
import { linkRunner, type RunnerHost } from './rpc/runnerLink'
import type { Cancellation, EngineHostIo } from './io'

export type { EngineHostIo } from './io'

/** Which matrix kernel the engine multiplies with (shown in the status bar). */
export type KernelName = 'wasm-simd' | 'wasm-relaxed-simd' | 'typescript'

/** The training threads: what new runs use, and the most this engine can run. */
export interface ThreadInfo {
  threads: number
  maxThreads: number
  /** Chunks of mini-batches computed on several threads since the engine started. */
  splitChunks: number
  /**
   * Sweep points that train at once, one thread each: the threads setting (the cores where
   * there is none), or 1 where the host has no runner threads.
   */
  parallelRuns: number
}

export interface CoreApi {
  /** The engine's version string. */
  version(): string
  /** The float32 kernel in use: WebAssembly SIMD when the host has it, else plain TypeScript. */
  kernel(): KernelName
  /**
   * Threads new training runs split their mini-batches over (1 where the host cannot share
   * memory), once the helper threads have started.
   */
  threads(): Promise<ThreadInfo>
  /** Set the threads of runs started from now on (clamped to 1 … maxThreads). */
  setThreads(threads: number): Promise<ThreadInfo>
  /** Ask a running call to stop at its next event boundary. Unknown ids are ignored. */
  cancel(runId: string): void
}

export type EngineApi = CoreApi & DemoApi & TrainingApi & SweepApi & DataApi & ExportApi

/** The engine as its host holds it: the API, and (host side only, not on the rpc) its own shutdown. */
export type HostedEngine = EngineApi & {
  /** Stops the sweep runner threads this API started (the page it served has gone). */
  closeRunners(): void
}

/**
 * The engine's API over `io`. With `runnerHost`, sweep points train on runner threads it starts
 * (as many at once as the threads setting); without, on this thread.
 */
export function createEngineApi(io: EngineHostIo, runnerHost?: RunnerHost): HostedEngine {
  const cancelled = new Set<string>()
  const cancellation: Cancellation = {
    isCancelled: (runId) => cancelled.has(runId),
    clear: (runId) => cancelled.delete(runId),
  }
  const slots = () => gradientPool()?.threads ?? runnerHost?.cores ?? 1
  const runners = runnerHost ? new SweepRunners(() => linkRunner(runnerHost.spawn(), (event) => io.emit(event, [])), slots, cancellation) : null
  const threadInfo = async (): Promise<ThreadInfo> => {
    const pool = await settledGradientPool()
    return { threads: pool?.threads ?? 1, maxThreads: pool?.maxThreads ?? 1, splitChunks: pool?.splitChunks ?? 0, parallelRuns: runners ? slots() : 1 }
  }
  return {
    version: () => ENGINE_VERSION,
    kernel: () => {
      const stats = wasmKernelStats()
      return !stats ? 'typescript' : stats.variant === 'relaxed' ? 'wasm-relaxed-simd' : 'wasm-simd'
    },
    threads: threadInfo,
    setThreads: async (threads) => {
      ;(await settledGradientPool())?.setThreads(threads)
      runners?.slotsChanged()
      return threadInfo()
    },
    cancel: (runId) => {
      cancelled.add(runId)
      runners?.cancel(runId)
    },
    ...createDemoApi(io, cancellation),
    ...createTrainingApi(io, cancellation),
    ...createSweepApi(io, cancellation, runners),
    ...createDataApi(),
    ...createExportApi(),
    closeRunners: () => runners?.close(),
  }
}
