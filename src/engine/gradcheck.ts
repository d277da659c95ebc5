/**
 * Numeric gradient check: central finite differences against backpropagation.
 *
 *   ∂E/∂θ ≈ (E(θ + ε) − E(θ − ε)) / (2ε)
 *
 * E is the batch loss with the spec's reduction (mean: (1/|B|)·Σ E_i), evaluated without
 * dropout or noise (`mode: 'training'`: with them, repeated exactly, and batch statistics). Returns the largest relative error max|a − n|/max(1e-8, |a| + |n|).
 */
import type { Dataset, ModelSpec } from './spec'
import { createRng, createStreams } from './rng'
import { createNetwork, networkBackward, networkForward, networkLossAndDelta, type Network } from './nn/network'
import { datasetReadBatch } from './train/batchRows'

export interface GradCheckEntry {
  index: number
  nodeId: string
  analytic: number
  numeric: number
}

export interface GradCheckResult {
  maxAbsError: number
  maxRelError: number
  /** The worst entry. */
  worst: GradCheckEntry | null
  checked: number
}

/**
 * Batch loss of rows 0..rows−1 already in X/T, with the reduction applied. In training mode every
 * evaluation draws from fresh streams of the same seed, so dropout masks and noise repeat exactly.
 */
function batchLoss(nw: Network, rows: number, scale: number, training: boolean): number {
  const streams = training ? createStreams(1) : null
  networkForward(nw, 0, rows, streams && { dropout: streams.dropout, noise: streams.noise })
  return scale * networkLossAndDelta(nw, 0, rows)
}

/**
 * Check every parameter of a fresh float64 network for `model` (initialised from `seed`) on the
 * first rows of `ds`. `params` overrides the initial parameters.
 */
export function gradCheck(
  model: ModelSpec,
  ds: Dataset,
  options: { seed?: number; epsilon?: number; rows?: number; params?: ArrayLike<number>; mode?: 'evaluation' | 'training' } = {},
): GradCheckResult {
  const rows = Math.min(options.rows ?? ds.count, ds.count)
  const eps = options.epsilon ?? 1e-6
  const nw = createNetwork({ ...model, precision: 'float64' }, rows, createRng(options.seed ?? 1))
  if (options.params) nw.params.set(options.params)
  const idx = new Int32Array(rows).map((_, i) => i)
  datasetReadBatch(ds, idx, 0, rows, nw.X, nw.T)
  const scale = model.loss.reduction === 'mean' ? 1 / rows : 1
  nw.grads.fill(0)
  const training = options.mode === 'training'
  batchLoss(nw, rows, scale, training)
  networkBackward(nw, 0, rows, scale)
  const analytic = Float64Array.from(nw.grads)
  let maxAbs = 0
  let maxRel = 0
  let worst: GradCheckEntry | null = null
  const owner = (i: number): string => {
    const layer = nw.layers.find((l) => l.blocks.some((b) => i >= b.offset && i < b.offset + b.length))
    return layer?.nodeId ?? ''
  }
  for (const r of nw.trainableRanges) {
    for (let i = r.offset; i < r.offset + r.length; i++) {
      const saved = nw.params[i]
      nw.params[i] = saved + eps
      const plus = batchLoss(nw, rows, scale, training)
      nw.params[i] = saved - eps
      const minus = batchLoss(nw, rows, scale, training)
      nw.params[i] = saved
      const numeric = (plus - minus) / (2 * eps)
      const abs = Math.abs(analytic[i] - numeric)
      const rel = abs / Math.max(1e-8, Math.abs(analytic[i]) + Math.abs(numeric))
      if (abs > maxAbs) maxAbs = abs
      if (rel > maxRel) {
        maxRel = rel
        worst = { index: i, nodeId: owner(i), analytic: analytic[i], numeric }
      }
    }
  }
  let checked = 0
  for (const r of nw.trainableRanges) checked += r.length
  return { maxAbsError: maxAbs, maxRelError: maxRel, worst, checked }
}
