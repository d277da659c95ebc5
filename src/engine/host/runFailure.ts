/** Why a run failed, as its snapshots say it: the message, the error's stable name and the canvas node it names. */
import type { TrainSnapshot } from './trainingTypes'

export type FailureFields = Pick<TrainSnapshot, 'error' | 'errorName' | 'errorNodeId'>

const NONE: FailureFields = { error: null, errorName: null, errorNodeId: null }

export class RunFailure {
  /** What the snapshots carry (e.g. a DivergenceError in layer "hidden"); all null while the run has not failed. */
  fields: FailureFields = NONE

  /** Record `error` unless one is already recorded: the first error of a run is the one it reports. */
  record(error: unknown): void {
    if (this.fields.error !== null) return
    if (!(error instanceof Error)) {
      this.fields = { error: String(error), errorName: 'Error', errorNodeId: null }
      return
    }
    const nodeId = (error as { nodeId?: unknown }).nodeId
    this.fields = { error: error.message, errorName: error.name, errorNodeId: typeof nodeId === 'string' ? nodeId : null }
  }

  /** Forget it (the run was reset). */
  clear(): void {
    this.fields = NONE
  }
}

/** The error a run fails with when its snapshot could not be built (`cause`: what threw). */
export function snapshotError(cause: unknown, epoch: number): Error {
  const why = cause instanceof Error ? cause.message : String(cause)
  const error = new Error(`Training stopped at epoch ${epoch}: what it shows could not be computed (${why}). The weights are kept: export them, or reset.`)
  error.name = 'SnapshotError'
  return error
}
