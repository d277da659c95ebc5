/** The hidden-activations view: every dense layer's outputs for the probe set (the 8-3-8 encoder's codes). */
import type { Session } from '../train'
import type { ProbeLayer } from '../host/trainingTypes'
import { computeFromInfo, type LiveView } from './liveView'

/**
 * Outputs of every dense layer for the probe rows `[count×units]`, binarised at the
 * activation's midpoint (0.5 for sigmoid, 0 otherwise), with the number of distinct codes.
 */
export function probeLayers(session: Session, probeInputs: Float64Array, count: number): ProbeLayer[] {
  const acts = session.activations(probeInputs, count)
  return session.network.weighted.map((l) => {
    const a = acts[l.index]
    const threshold = l.activation?.id === 'sigmoid' || l.activation?.id === 'softmax' ? 0.5 : 0
    const out = Float32Array.from(a.out)
    const binary = new Uint8Array(out.length)
    const codes = new Set<string>()
    for (let p = 0; p < count; p++) {
      let code = ''
      for (let j = 0; j < a.units; j++) {
        const bit = a.out[p * a.units + j] >= threshold ? 1 : 0
        binary[p * a.units + j] = bit
        code += bit
      }
      codes.add(code)
    }
    return { nodeId: l.nodeId, units: a.units, out, binary, threshold, distinctCodes: codes.size }
  })
}

export const hiddenCodesView = {
  label: 'Hidden activations',
  description: 'The patterns × units table of every layer’s outputs and binary codes; needs a probe set (at most 64 training patterns).',
  computeFor: computeFromInfo(
    (info) => info.probe,
    (probe) => Float64Array.from(probe.inputs.flat()),
    (session, inputs, probe) => probeLayers(session, inputs, probe.count),
  ),
} satisfies LiveView<ProbeLayer[]>
