/** When an export that needs weights (ONNX) may use a network that was never trained. */
import type { EngineSpec } from '../spec'

/** True when every dense layer has hand-set weights (and biases, if it has any): the lecture examples. */
export function weightsAreGiven(spec: EngineSpec): boolean {
  return spec.model.layers.every((l) => l.kind !== 'dense' || (l.weights !== undefined && (!l.useBias || l.biases !== undefined)))
}
