/**
 * Samples of an activation and its derivative for the inspector's plot, computed by the
 * engine's activation registry (the UI never re-implements the math).
 */
import { activationParams, activations, softmaxBackwardRows, softmaxRows } from '../../../engine/nn/activations'
import type { ActivationParams as NodeActivationParams } from '../../../engine/project'

export const X_MIN = -4
export const X_MAX = 4
const SAMPLES = 161

/**
 * f and f′ sampled from the engine's activation registry (never re-implemented here). Softmax
 * couples its units, so it is shown as the first output of softmax(x, 0) and its ∂/∂x.
 */
export function sampleActivation(p: NodeActivationParams): { x: number[]; f: number[]; df: number[] } {
  const x: number[] = []
  const f: number[] = []
  const df: number[] = []
  const params = activationParams({ id: p.activation, slope: p.slope, alpha: p.alpha, noiseStd: p.noiseStd })
  for (let i = 0; i < SAMPLES; i++) {
    const net = X_MIN + ((X_MAX - X_MIN) * i) / (SAMPLES - 1)
    x.push(net)
    if (p.activation === 'softmax') {
      const row = new Float64Array([net, 0])
      const out = new Float64Array(2)
      softmaxRows(row, out, 0, 1, 2)
      const delta = new Float64Array(2)
      softmaxBackwardRows(out, new Float64Array([1, 0]), delta, 0, 1, 2)
      f.push(out[0])
      df.push(delta[0])
    } else {
      const a = activations[p.activation]
      const out = a.value(net, params)
      f.push(out)
      df.push(a.derivative(net, out, params))
    }
  }
  return { x, f, df }
}

