/**
 * The engine's side of the network slice: the run of the network on the canvas (a paused one is
 * started when there is none, as the step-through does), the names of its weights, and the slice
 * for a request, computed in the engine's worker. Latest wins: an answer to an older request is dropped.
 */
import { useEffect, useRef, useState } from 'react'
import { getEngineConnection } from '../engineClient'
import { useDocument } from '../store/documentStore'
import { currentRun, useTraining } from '../training/trainingStore'
import { failedBecause } from '../sentence'
import type { LossSlice, LossSliceRequest } from '../../../engine/experiments/lossSlice'
import type { WeightedLayerNames } from '../../../engine/trace/unitNames'

/** The run the slice reads and the names of its network's weights, or why there is none. */
export type SliceNetwork = { runId: string; layers: WeightedLayerNames[]; eta: number } | { problem: string } | null

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** Why the network on the canvas has no run to slice. */
function noRunProblem(): string {
  const { compiled } = useDocument.getState()
  if (!compiled.spec) {
    const first = compiled.diagnostics.find((d) => d.severity === 'error')
    return `${failedBecause('No network compiles, so there is no error surface to slice', first?.message ?? '')} Fix it on the canvas, then come back.`
  }
  const error = useTraining.getState().error
  if (error) return failedBecause('The network could not be set up for training', error)
  return 'The network on the canvas has changed since its last run: start a new run of it (▶ Train or Reset in the training panel), then come back.'
}

/** The run of the canvas's network and its weight names; `version` bumps to fetch them again (the weights as they are now). */
export function useSliceNetwork(version: number): SliceNetwork {
  const spec = useDocument((s) => s.compiled.spec)
  const [network, setNetwork] = useState<SliceNetwork>(null)
  useEffect(() => {
    let live = true
    void (async () => {
      try {
        const runId = spec ? await currentRun() : null
        if (!runId) return live && setNetwork({ problem: noRunProblem() })
        const layers = await (await getEngineConnection()).engine.weightNames(runId)
        if (live) setNetwork({ runId, layers, eta: spec!.optimizer.learningRate })
      } catch (error) {
        if (live) setNetwork({ problem: messageOf(error) })
      }
    })()
    return () => {
      live = false
    }
  }, [spec, version])
  return network
}

/** The slice for `request` on run `runId` (null while none is asked for), recomputed when either changes. */
export function useLossSlice(runId: string | null, request: LossSliceRequest | null, version: number): { slice: LossSlice | null; problem: string | null; busy: boolean } {
  const [state, setState] = useState<{ slice: LossSlice | null; problem: string | null; busy: boolean }>({ slice: null, problem: null, busy: false })
  const asked = useRef(0)
  const key = request ? JSON.stringify(request) : null
  useEffect(() => {
    if (!runId || !key) return
    const ticket = ++asked.current
    setState((s) => ({ ...s, busy: true }))
    // Typing settles before the engine computes: one request per pause, not per key.
    const timer = setTimeout(async () => {
      try {
        const slice = await (await getEngineConnection()).engine.lossSlice(runId, JSON.parse(key) as LossSliceRequest)
        if (ticket === asked.current) setState({ slice, problem: null, busy: false })
      } catch (error) {
        if (ticket === asked.current) setState({ slice: null, problem: messageOf(error), busy: false })
      }
    }, 200)
    return () => clearTimeout(timer)
  }, [runId, key, version])
  return state
}
