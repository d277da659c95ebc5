/**
 * How a training run relates to the document on the canvas: the run was built from one
 * compiled spec and one data source; the canvas may since have changed. A change of η (or
 * another optimizer hyper-parameter) is applied to the run as it goes; so is the epoch limit,
 * when the run can take it (the engine decides: not one it has gone past); any other change
 * (layers, loss, batch, stop criteria, seed, data …) makes the run a run of another network.
 */
import type { EngineSpec, OptimizerSpec } from '../../../engine/spec'
import type { Project } from '../../../engine/project'
import type { OptimizerSettings } from '../../../engine/host/training'

/** Optimizer hyper-parameters the engine takes mid-run (`setOptimizerSettings`). */
const LIVE_SETTINGS = ['learningRate', 'momentum', 'rho', 'beta1', 'beta2', 'epsilon'] as const satisfies readonly (keyof OptimizerSettings & keyof OptimizerSpec)[]

/** What must stay the same for a run to be a run of this network: all but the live settings and the epoch limit. */
export function runKey(spec: EngineSpec, data: Project['data']): string {
  return JSON.stringify([{ ...spec, optimizer: { id: spec.optimizer.id }, training: withEpochLimit(spec, 0).training }, data])
}

/** The new epoch limit from `from` to `to` (null when it is the same). */
export function changedEpochLimit(from: EngineSpec, to: EngineSpec): number | null {
  return to.training.maxEpochs === from.training.maxEpochs ? null : to.training.maxEpochs
}

/** `spec` with the epoch limit `maxEpochs`. */
export function withEpochLimit(spec: EngineSpec, maxEpochs: number): EngineSpec {
  return { ...spec, training: { ...spec.training, maxEpochs } }
}

/** The live settings that differ from `from` to `to` (null when none do). */
export function changedOptimizerSettings(from: OptimizerSpec, to: OptimizerSpec): OptimizerSettings | null {
  const changed: OptimizerSettings = {}
  let any = false
  for (const key of LIVE_SETTINGS) {
    const value = to[key]
    if (value !== undefined && value !== from[key]) {
      changed[key] = value
      any = true
    }
  }
  return any ? changed : null
}
