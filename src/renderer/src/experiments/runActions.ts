/**
 * What the Runs tab does to the run history and the canvas: restore a run's network (graph,
 * seed, precision, data and trained values; one undo step), pin and delete runs.
 */
import { boundRunHistory, runNodesWithWeights, withRunColors, type RunRecord } from '../../../engine/experiments/runHistory'
import { applyLocks } from '../../../engine/lessons'
import type { Project } from '../../../engine/project'
import { useDocument } from '../store/documentStore'
import { trainingControls } from '../training/trainingStore'
import { selectLock, useLesson } from '../lessons/lessonStore'

const runsNow = (): RunRecord[] => useDocument.getState().project.runs ?? []

/** What a restore puts on the canvas: the run's graph, seed, precision, data and trained values. */
function restoredNetwork(run: RunRecord): Pick<Project, 'seed' | 'precision' | 'data' | 'nodes' | 'edges'> {
  const { seed, precision, data, edges } = run.network
  return { seed, precision, data, nodes: runNodesWithWeights(run), edges: edges.map((e) => ({ ...e })) }
}

/**
 * Puts the run's network back on the canvas, its trained values as hand-set values (undo takes
 * it back), and starts a paused run of it so the views and the canvas show those weights.
 * Returns why not when the lesson step on screen locks what the restore would change (its
 * locks would keep the canvas as it is, and the run on screen would be reset for nothing).
 */
export async function restoreRunNetwork(run: RunRecord): Promise<string | null> {
  const network = restoredNetwork(run)
  const project = useDocument.getState().project
  const wanted: Project = { ...project, ...network }
  if (JSON.stringify(applyLocks(project, wanted, selectLock(useLesson.getState()))) !== JSON.stringify(wanted)) {
    return `This lesson step locks the network, so “${run.name}” cannot be put back on it: nothing was changed. Press ▶ Train to train it again, or close the lesson to restore the run.`
  }
  useDocument.getState().restoreNetwork(network)
  await trainingControls.reset()
  return null
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

/** Removes runs from the history (the others keep their colours). */
export function deleteRuns(ids: readonly string[]): void {
  useDocument.getState().setRuns(withRunColors(runsNow()).filter((r) => !ids.includes(r.id)))
}
