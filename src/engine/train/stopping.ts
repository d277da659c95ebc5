/**
 * When training ends: the stop criteria checked after every epoch, in order of precedence, and
 * restore-best (early stopping's best epoch brought back when the run ends after it).
 */
import type { EngineSpec } from '../spec'
import type { Network } from '../nn/network'
import { PERCEPTRON, perceptronConverged } from '../nn/perceptron'
import type { BestEpoch } from './bestEpoch'
import type { EpochMetrics, StopReason } from './sessionTypes'

/**
 * The criterion that ends training after epoch `m` (the `epoch`-th), or null to go on:
 * the perceptron has converged, the target loss or accuracy ("solved") is reached, early
 * stopping's patience ran out (`patienceOut`), or the last of `maxEpochs` is done.
 */
export function stopReasonAfter(spec: EngineSpec, m: EpochMetrics, epoch: number, patienceOut: boolean): StopReason | null {
  const t = spec.training
  if (spec.optimizer.id === PERCEPTRON && perceptronConverged(m.mistakes)) return 'converged'
  if (t.targetLoss !== undefined && m.loss <= t.targetLoss) return 'targetLoss'
  if (t.until === 'solved' && m.accuracy !== undefined && m.accuracy >= (t.targetAccuracy ?? 1)) return 'solved'
  if (patienceOut) return 'earlyStopping'
  if (t.until === undefined && epoch >= t.maxEpochs) return 'maxEpochs'
  return null
}

/**
 * With `restoreBest`, put the best epoch's parameters and state back when it is strictly earlier
 * than the last epoch (`epoch`); returns the restored epoch (also recorded in `m`), else null.
 */
export function restoreBestEpoch(spec: EngineSpec, best: BestEpoch, nw: Network, m: EpochMetrics, epoch: number): number | null {
  if (!spec.training.earlyStopping?.restoreBest || best.epoch <= 0 || best.epoch >= epoch) return null
  best.restore(nw)
  m.restoredEpoch = best.epoch
  return best.epoch
}
