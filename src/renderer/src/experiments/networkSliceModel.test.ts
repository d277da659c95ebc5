import { describe, expect, it } from 'vitest'
import type { WeightedLayerNames } from '../../../engine/trace/unitNames'
import { defaultSliceEtas, defaultWeights, NETWORK_SLICE_DEFAULTS, refreshedInputs, sliceRequest, weightRef } from './networkSliceModel'

const mazur: WeightedLayerNames[] = [
  { nodeId: 'hidden', units: ['h1', 'h2'], inputs: ['i1', 'i2'], firstWeight: 1 },
  { nodeId: 'output', units: ['o1', 'o2'], inputs: ['h1', 'h2'], firstWeight: 5 },
]
/** Mazur's network after an edit: a third hidden unit, so the output's weights are numbered from w7. */
const widened: WeightedLayerNames[] = [
  { nodeId: 'hidden', units: ['h1', 'h2', 'h3'], inputs: ['i1', 'i2'], firstWeight: 1 },
  { nodeId: 'output', units: ['o1'], inputs: ['h1', 'h2', 'h3'], firstWeight: 7 },
]

describe('network slice inputs', () => {
  it('picks w5 and w6 by default, and η from the network', () => {
    expect(defaultWeights(mazur)).toEqual([
      { nodeId: 'output', unit: 0, input: 0, name: 'w5' },
      { nodeId: 'output', unit: 0, input: 1, name: 'w6' },
    ])
    expect(refreshedInputs(NETWORK_SLICE_DEFAULTS, mazur, 0.5)).toEqual({ weights: defaultWeights(mazur), etas: defaultSliceEtas(0.5, 2) })
    expect(defaultSliceEtas(0.5, 2)).toMatchObject({ sgd: '0.5', nesterov: '0.5', adam: '0.1', adagrad: '0.1' })
  })

  it('renames picks an edit renumbered, and says which pick no longer exists', () => {
    const inputs = { ...NETWORK_SLICE_DEFAULTS, weights: [weightRef(mazur[1], 0, 1), weightRef(mazur[1], 1, 0)] as [ReturnType<typeof weightRef>, ReturnType<typeof weightRef>], etas: defaultSliceEtas(0.5, 2) }
    const patch = refreshedInputs(inputs, widened, 0.5)!
    expect(patch.weights![0]).toEqual({ nodeId: 'output', unit: 0, input: 1, name: 'w8' })
    // o2 is gone: the pick keeps its old name, and the request says so.
    expect(patch.weights![1]).toEqual({ nodeId: 'output', unit: 1, input: 0, name: 'w7' })
    expect(sliceRequest({ ...inputs, ...patch }, widened, inputs.etas)).toEqual({ problem: 'Weight w7 no longer exists in the network on the canvas: pick another weight.' })
  })

  it('reads the span, iterations and η, or says what is wrong', () => {
    const inputs = { ...NETWORK_SLICE_DEFAULTS, weights: defaultWeights(mazur)!, etas: defaultSliceEtas(0.5, 2) }
    expect(sliceRequest(inputs, mazur, inputs.etas)).toEqual({ request: { weights: defaultWeights(mazur), span: 2, iterations: 30, optimizers: [{ id: 'sgd', learningRate: 0.5 }, { id: 'momentum', learningRate: 0.5 }, { id: 'adam', learningRate: 0.1 }] } })
    expect(sliceRequest({ ...inputs, span: '0' }, mazur, inputs.etas)).toEqual({ problem: 'The span must be a positive number (the plot shows the current value ± span).' })
    expect(sliceRequest({ ...inputs, weights: [null, null] }, mazur, inputs.etas)).toEqual({ problem: 'Pick the two weights to vary.' })
    expect(sliceRequest(inputs, mazur, { ...inputs.etas, adam: '-1' })).toEqual({ problem: 'η of Adam must be a positive number.' })
  })
})
