/**
 * How a run is paced. The engine has no clock: a slice is sized by work (multiply-adds per
 * update × updates), not by time, and snapshots are offered every few slices.
 */
import type { EngineSpec } from '../spec'
import type { RunSpeed } from './trainingTypes'

/**
 * Multiply-adds per slice at full speed: a few milliseconds of work for the WebAssembly kernels
 * (10–20 GMAC/s), so that yielding to the host after it (a macrotask, 0.05–0.1 ms in a worker)
 * costs a few per cent. At 4e6 (a fifth of a millisecond) a 784-30-10 net with batches of 10 spent
 * 12–14 % of its time in the app yielding (bench/README.md, "Slices of a few milliseconds").
 */
export const SLICE_WORK = 5e7
/** Multiply-adds per curve point at full speed: the loss curve's resolution (one point per this much work). */
export const POINT_WORK = 4e6
/** Multiply-adds between snapshots offered at full speed. */
export const SNAPSHOT_WORK = 2.5e7
/** At most this many slices between snapshot offers (tiny nets: one every few thousand updates). */
export const MAX_SLICES_PER_SNAPSHOT = 8
/** Upper bound on updates per slice (tiny nets would otherwise finish in one slice). */
export const MAX_SLICE_ITERATIONS = 500
/** Validation is re-evaluated at every snapshot when it costs at most this many multiply-adds. */
export const LIVE_VALIDATION_WORK = 4e6

/** Watchable speed of `autoSpeed`: updates per frame for the lecture nets. */
export const WATCHABLE_SPEED = 20
/** Above this many parameters × training examples, `autoSpeed` trains at full speed. */
export const WATCHABLE_WORK = 2e6

/**
 * The speed a run starts with when the UI leaves it to the engine: n updates per frame where
 * one can watch each update (the lecture nets), full speed (0) where that would take all day.
 */
export function autoSpeed(paramCount: number, trainCount: number): RunSpeed {
  return paramCount * trainCount > WATCHABLE_WORK ? 0 : WATCHABLE_SPEED
}

/** A run's slice and snapshot sizes. */
export interface RunPacing {
  /** Examples per update. */
  batchSize: number
  /** Updates per slice between yields at full speed. */
  sliceIterations: number
  /** Updates per curve point at full speed (a slice holds one or more points). */
  pointIterations: number
  /** Slices between snapshot offers at full speed. */
  snapshotEvery: number
}

/** Slice and snapshot sizes for a network of `params` parameters training on `epochSize` rows. */
export function runPacing(training: EngineSpec['training'], params: number, epochSize: number): RunPacing {
  const batch = training.batch
  const batchSize = batch.mode === 'online' ? 1 : batch.mode === 'full' ? epochSize : Math.min(batch.size, epochSize)
  // Forward, backward and gradient: about 3 multiply-adds per parameter per example.
  const workPerIteration = 3 * params * batchSize
  const sliceIterations = Math.max(1, Math.min(MAX_SLICE_ITERATIONS, Math.floor(SLICE_WORK / workPerIteration)))
  const pointIterations = Math.max(1, Math.min(sliceIterations, Math.floor(POINT_WORK / workPerIteration)))
  const snapshotEvery = Math.max(1, Math.min(MAX_SLICES_PER_SNAPSHOT, Math.round(SNAPSHOT_WORK / (sliceIterations * workPerIteration))))
  return { batchSize, sliceIterations, pointIterations, snapshotEvery }
}

/** Whether validation is cheap enough to re-evaluate at every snapshot. */
export function isLiveValidation(validationCount: number, params: number): boolean {
  return validationCount > 0 && validationCount * params <= LIVE_VALIDATION_WORK
}
