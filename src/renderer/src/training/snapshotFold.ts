/**
 * Folding the engine's snapshots into the training store: the curves grow in place (merged
 * pairwise beyond `MAX_CURVE_POINTS`), the views and the iteration each was carried at are
 * merged, and a reset (a new generation) starts them afresh.
 */
import type { EpochPoint } from '../../../engine/host/training'
import type { TrainingState } from './trainingStore'
import type { Delivery } from './snapshotMailbox'
import { compactCurves } from './curveCompaction'

/** Curves as parallel columns, appended in place (`version` changes when they grow). */
export interface Curves {
  iteration: number[]
  loss: number[]
  accuracy: number[]
  valLoss: number[]
  valAccuracy: number[]
  epochs: EpochPoint[]
  /** Gradient norm per dense layer over snapshots: `[layer][k]`, at `gradIteration[k]`. */
  gradIteration: number[]
  gradNorms: number[][]
}

/** Most points kept per curve; beyond it, neighbours are merged (the curve keeps its shape). */
export const MAX_CURVE_POINTS = 4000

export const emptyCurves = (): Curves => ({ iteration: [], loss: [], accuracy: [], valLoss: [], valAccuracy: [], epochs: [], gradIteration: [], gradNorms: [] })

/** What snapshot `s` changes in the store's `state` (curves grow in place); null when it is of another run. */
export function foldSnapshot(state: TrainingState, { snapshot: s, viewsAt: carriedAt }: Delivery): Partial<TrainingState> | null {
  if (s.runId !== state.runId) return null
  let curves = state.curves
  let views = state.views
  let viewsAt = state.viewsAt
  if (state.snapshot && s.generation !== state.snapshot.generation) {
    curves = emptyCurves()
    views = {}
    viewsAt = {}
  }
  for (const p of s.points) {
    curves.iteration.push(p.iteration)
    curves.loss.push(p.loss)
    curves.accuracy.push(p.accuracy ?? NaN)
    curves.valLoss.push(p.valLoss ?? NaN)
    curves.valAccuracy.push(p.valAccuracy ?? NaN)
  }
  compactCurves(curves, MAX_CURVE_POINTS)
  // A loop, not push(...): one snapshot can carry tens of thousands of epochs (a tiny net at full speed).
  for (const epoch of s.epochs) curves.epochs.push(epoch)
  if (curves.gradIteration.at(-1) !== s.iteration) {
    curves.gradIteration.push(s.iteration)
    s.gradNorms.forEach((norm, i) => (curves.gradNorms[i] ??= []).push(norm))
    if (curves.gradIteration.length > MAX_CURVE_POINTS) {
      curves.gradIteration = curves.gradIteration.filter((_, i) => i % 2 === 1)
      curves.gradNorms = curves.gradNorms.map((a) => a.filter((_, i) => i % 2 === 1))
    }
  }
  if (Object.keys(carriedAt).length > 0) viewsAt = { ...viewsAt, ...carriedAt }
  const failedBefore = state.snapshot?.state === 'failed' && state.snapshot.generation === s.generation
  const failedLearningRate = s.state !== 'failed' ? null : failedBefore ? state.failedLearningRate : s.learningRate
  return { snapshot: s, views: { ...views, ...s.views }, viewsAt, curves, version: state.version + 1, failedLearningRate }
}
