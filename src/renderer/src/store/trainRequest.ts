/**
 * The Train button's hand-off to the training views (issue 5). The designer owns the button
 * and enables it only when the graph compiles; pressing it calls every listener with the
 * compiled spec and the project it came from.
 *
 *   useEffect(() => onTrainRequest(({ spec, project }) => startRun(spec, project)), [])
 */
import type { EngineSpec } from '../../../engine/spec'
import type { Project } from '../../../engine/project'

export interface TrainRequest {
  spec: EngineSpec
  project: Project
}

const listeners = new Set<(request: TrainRequest) => void>()

export function onTrainRequest(listener: (request: TrainRequest) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function requestTrain(request: TrainRequest): void {
  for (const listener of listeners) listener(request)
}

/** Whether anything listens yet (before issue 5 lands, the button explains that). */
export function hasTrainListeners(): boolean {
  return listeners.size > 0
}
