/**
 * What the Runs tab does to the run history and the canvas: restore a run's network (graph,
 * seed, precision, data and trained values; one undo step), pin and delete runs.
 */
import { boundRunHistory, runNodesWithWeights, type RunRecord } from '../../../engine/experiments/runHistory'
import { useDocument } from '../store/documentStore'
import { trainingControls } from '../training/trainingStore'

const runsNow = (): RunRecord[] => useDocument.getState().project.runs ?? []

/**
 * Puts the run's network back on the canvas, its trained values as hand-set values (undo takes
 * it back), and starts a paused run of it so the views and the canvas show those weights.
 */
export async function restoreRunNetwork(run: RunRecord): Promise<void> {
  const { seed, precision, data, edges } = run.network
  useDocument.getState().restoreNetwork({ seed, precision, data, nodes: runNodesWithWeights(run), edges: edges.map((e) => ({ ...e })) })
  await trainingControls.reset()
}

/** Pins or unpins a run (a pinned run keeps its trained values and is never dropped). */
export function setRunPinned(id: string, pinned: boolean): void {
  const runs = runsNow().map((r) => {
    if (r.id !== id) return r
    const { pinned: _was, ...rest } = r
    return pinned ? { ...rest, pinned: true } : rest
  })
  useDocument.getState().setRuns(boundRunHistory(runs))
}

/** Removes runs from the history. */
export function deleteRuns(ids: readonly string[]): void {
  useDocument.getState().setRuns(runsNow().filter((r) => !ids.includes(r.id)))
}
