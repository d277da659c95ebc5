/**
 * The run's diagnostics (from the engine's snapshots), kept as one array that changes only when
 * the findings do, so the canvas nodes re-render for a new finding, not for every snapshot.
 */
import { create } from 'zustand'
import { useTraining } from '../training/trainingStore'
import { useDocument } from '../store/documentStore'
import type { TrainingDiagnostic } from '../../../engine/host/training'

const NONE: TrainingDiagnostic[] = []

export const useRunDiagnostics = create<{ list: TrainingDiagnostic[]; key: string }>()(() => ({ list: NONE, key: '' }))

useTraining.subscribe((s) => {
  // Only for a run of the network on the canvas.
  const list = !s.stale && s.docSerial === useDocument.getState().loadSerial ? (s.snapshot?.diagnostics ?? NONE) : NONE
  const key = JSON.stringify(list)
  if (key !== useRunDiagnostics.getState().key) useRunDiagnostics.setState({ list: list.length ? list : NONE, key })
})

/** The findings a canvas node shows: its layer's, and the run's (η, overfitting) on the optimizer node. */
export function diagnosticsForNode(list: readonly TrainingDiagnostic[], nodeId: string, isOptimizer: boolean): TrainingDiagnostic[] {
  return list.filter((d) => d.nodeId === nodeId || (isOptimizer && d.nodeId === null))
}
