/**
 * The engine's end of a runner thread (see `sweepRunners.ts`): the runner is an engine like this
 * one, reached over the same two Comlink channels; its events are passed on to this engine's
 * receiver.
 */
import * as Comlink from 'comlink'
import type { EngineApi } from '../api'
import type { EngineEvent, EngineEventSink, SnapshotAnswer } from '../events'
import type { SweepRunner } from '../sweepRunners'

/** A runner thread as its host starts it: an engine served on `rpc` and `events` with `serveEngine`. */
export interface RunnerEndpoints {
  rpc: Comlink.Endpoint
  events: Comlink.Endpoint
  /** Called once if the thread fails or exits. */
  onExit(listener: (message: string) => void): void
  terminate(): void
}

/** How a host starts runner threads, and how many points train at once where there is no threads setting. */
export interface RunnerHost {
  spawn(): RunnerEndpoints
  cores: number
}

/** Connects to a started runner; its events go to `forward`. A runner that dies rejects the point it was training. */
export function linkRunner(ends: RunnerEndpoints, forward: (event: EngineEvent) => Promise<void | SnapshotAnswer>): SweepRunner {
  Comlink.expose({ receive: forward } satisfies EngineEventSink, ends.events)
  const engine = Comlink.wrap<EngineApi>(ends.rpc)
  let lost = false
  let reject: (error: Error) => void = () => undefined
  const gone = new Promise<never>((_, r) => (reject = r))
  gone.catch(() => undefined)
  ends.onExit((message) => {
    lost = true
    const error = new Error(`A sweep runner thread stopped unexpectedly (${message}), so its run was lost.`)
    error.name = 'EngineStoppedError'
    reject(error)
  })
  return {
    trainSweepPoint: (runId, spec, data, transfer) => Promise.race([engine.trainSweepPoint(runId, spec, Comlink.transfer(data, transfer)), gone]),
    cancel: (runId) => engine.cancel(runId),
    get lost() {
      return lost
    },
    terminate() {
      lost = true
      engine[Comlink.releaseProxy]()
      ends.terminate()
    },
  }
}
