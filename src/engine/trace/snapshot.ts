/**
 * Snapshots for the UI while training: weights and gradients per layer, per-layer gradient
 * norms. Plain objects of typed arrays (copies), cheap to transfer over Comlink.
 */
import type { Session } from '../train/session'
import { layerRanges } from '../train/session'
import { gradientNorm } from '../nn/regularization'

export interface LayerSnapshot {
  nodeId: string
  nIn: number
  units: number
  /** [units×nIn], w_jk at j·nIn + k. */
  weights: Float64Array
  biases: Float64Array | null
  /** Gradient of the last update (same shapes). */
  gradWeights: Float64Array
  gradBiases: Float64Array | null
  /** ‖∂E/∂(W, b)‖₂ of the last update. */
  gradNorm: number
}

/** Weights, gradients and gradient norms of every dense layer. */
export function snapshotLayers(session: Session): LayerSnapshot[] {
  const nw = session.network
  return nw.dense.map((l) => ({
    nodeId: l.nodeId,
    nIn: l.nIn,
    units: l.nOut,
    weights: Float64Array.from(l.W),
    biases: l.b ? Float64Array.from(l.b) : null,
    gradWeights: Float64Array.from(l.gW),
    gradBiases: l.gb ? Float64Array.from(l.gb) : null,
    gradNorm: gradientNorm(nw.grads, layerRanges(l)),
  }))
}
