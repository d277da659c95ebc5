/** The weights view (and the weight glyphs on the canvas): every dense layer's weights, biases and last gradients. */
import type { Session } from '../train'
import type { LayerState } from '../host/trainingTypes'
import type { LiveView } from './liveView'

/** Largest |v| of `a`. */
function maxAbs(a: ArrayLike<number>): number {
  let m = 0
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]) > m) m = Math.abs(a[i])
  return m
}

/** Weights, biases and last gradients `[units×nIn]` of every dense layer, as float32 copies. */
export function layerStates(session: Session): LayerState[] {
  return session.network.weighted.map((l) => {
    const { W, b, gW, gb } = l.weights
    const weights = Float32Array.from(W)
    const gradWeights = Float32Array.from(gW)
    return {
      nodeId: l.nodeId,
      nIn: l.nIn,
      units: l.units,
      weights,
      biases: b ? Float32Array.from(b) : null,
      gradWeights,
      gradBiases: gb ? Float32Array.from(gb) : null,
      maxAbsWeight: maxAbs(weights),
      maxAbsGrad: maxAbs(gW),
    }
  })
}

export const weightsView = {
  label: 'Weights',
  description: 'Every dense layer’s weights and biases (heatmap, Hinton diagram, receptive fields) and their last gradient ∂E/∂w.',
  computeFor: () => layerStates,
} satisfies LiveView<LayerState[]>
