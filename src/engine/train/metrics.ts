/**
 * Running metrics of a pass over examples: summed loss, count, and for classification the
 * number correct and the confusion matrix `[actual][predicted]`.
 */
import type { FloatArray } from '../kernels/gemm'
import type { Dataset } from '../spec'
import { networkForward, networkLossAndDelta, networkOutput, type Network } from '../nn/network'
import { datasetReadBatch } from './batchRows'
import type { EpochMetrics, Evaluation, RunningTotals } from './sessionTypes'
import type { GradientTeam } from '../parallel/team'

/** The threads to evaluate a chunk of `rows` rows with, or null for this thread alone. */
export type SplitEvaluation = (rows: number) => GradientTeam | null

export interface RunningMetrics extends RunningTotals {
  confusion: number[][] | null
}

/** Class of a row: argmax for several outputs; for one output, 1 if ≥ threshold else 0. */
export function classOf(values: FloatArray, o: number, n: number, threshold: number): number {
  if (n === 1) return values[o] >= threshold ? 1 : 0
  let best = 0
  for (let j = 1; j < n; j++) if (values[o + j] > values[o + best]) best = j
  return best
}

/** Empty totals; a confusion matrix of `classCount` classes when classifying. */
export function newRunningMetrics(classCount: number | null): RunningMetrics {
  const k = classCount ?? 0
  return {
    lossSum: 0,
    count: 0,
    correct: 0,
    confusion: classCount !== null ? Array.from({ length: k }, () => new Array<number>(k).fill(0)) : null,
  }
}

/** Add `rows` examples (outputs `out`, targets `T`, rows of width n from 0) and their summed loss. */
export function accumulateMetrics(r: RunningMetrics, loss: number, rows: number, out: FloatArray, T: FloatArray, n: number, threshold: number): void {
  r.lossSum += loss
  r.count += rows
  if (!r.confusion) return
  for (let row = 0; row < rows; row++) {
    const actual = classOf(T, row * n, n, threshold)
    const predicted = classOf(out, row * n, n, threshold)
    r.confusion[actual][predicted]++
    if (actual === predicted) r.correct++
  }
}

/** The evaluation the totals amount to: mean loss per example (`mean` reduction) or the sum. */
export function finishMetrics(r: RunningMetrics, reduction: 'mean' | 'sum'): Evaluation {
  const e: Evaluation = { count: r.count, loss: reduction === 'mean' ? r.lossSum / Math.max(1, r.count) : r.lossSum }
  if (r.confusion) {
    e.accuracy = r.correct / Math.max(1, r.count)
    e.confusion = r.confusion
  }
  return e
}

/**
 * Add the rows `idx` of `ds` to `running`, in evaluation mode (no dropout or noise), `capacity`
 * rows at a time; with `split`, a chunk it hands a team is shared across the threads.
 */
export function evaluateRows(nw: Network, ds: Dataset, idx: ArrayLike<number>, running: RunningMetrics, threshold: number, split?: SplitEvaluation): void {
  for (let s = 0; s < idx.length; s += nw.capacity) {
    const rows = Math.min(nw.capacity, idx.length - s)
    const team = split?.(rows)
    if (team) {
      team.evaluateChunk(ds, idx, s, rows, (loss, r, out, T) => accumulateMetrics(running, loss, r, out, T, nw.outputSize, threshold))
      continue
    }
    datasetReadBatch(ds, idx, s, rows, nw.X, nw.T)
    networkForward(nw, 0, rows, null)
    const loss = networkLossAndDelta(nw, 0, rows)
    accumulateMetrics(running, loss, rows, networkOutput(nw), nw.T, nw.outputSize, threshold)
  }
}

/** An epoch's record from its training totals (`m`, from `finishMetrics`; `mistakes` from the raw counts). */
export function epochMetricsOf(epoch: number, iterations: number, learningRate: number, m: Evaluation, r: RunningMetrics): EpochMetrics {
  const metrics: EpochMetrics = { epoch, iterations, learningRate, loss: m.loss }
  if (m.accuracy !== undefined) {
    metrics.accuracy = m.accuracy
    metrics.confusion = m.confusion
    metrics.mistakes = r.count - r.correct
  }
  return metrics
}
