/**
 * Which engine handle holds the data a project refers to. The project stores only a reference
 * (file name, target columns, scaling); the parsed data lives in the engine under a handle.
 * Keyed by the project's `data` section, so undoing back to earlier data finds its handle too.
 */
import type { DataShape, DataSource } from '../../../engine/project'
import type { TrainingData } from '../../../engine/host/training'

interface Prepared {
  handle: string
  shape: DataShape
}

const byKey = new Map<string, Prepared>()

const keyOf = (data: DataSource): string => JSON.stringify(data)

/** Remember that `data` is loaded and prepared in the engine under `handle`. */
export function rememberPrepared(data: DataSource, handle: string, shape: DataShape): void {
  byKey.set(keyOf(data), { handle, shape })
}

/** The prepared handle and shape for `data`, if it was loaded in this session. */
export function preparedFor(data: DataSource): Prepared | undefined {
  return data.kind === 'file' ? byKey.get(keyOf(data)) : undefined
}

/** Forget every handle (the engine restarted and lost them). */
export function forgetPrepared(): void {
  byKey.clear()
}

/** The training run's data source for a project's data, when the data panel loaded it. */
export function preparedTrainingData(data: DataSource): TrainingData | undefined {
  const p = preparedFor(data)
  return p ? { kind: 'handle', handle: p.handle } : undefined
}
