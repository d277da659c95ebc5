/** The step-through of a residual, two-branch network: names through the merges, and which δ sums are plain Σ δ·w. */
import { describe, expect, it } from 'vitest'
import { NETWORK_INPUT } from '../spec'
import { createSession, dense, engineSpec, merge, tableDataset } from '../train'
import { stepThrough } from './stepThrough'

describe('step-through of a graph', () => {
  const layers = [dense('stem', 2, 'tanh'), dense('f', 2, 'tanh'), merge('add', 'sum', ['stem', 'f']), dense('side', 1, 'sigmoid', { inputs: [NETWORK_INPUT] }), merge('concat', 'both', ['sum', 'side']), dense('o', 1, 'sigmoid')]
  const session = () => createSession(engineSpec({ inputSize: 2, layers, loss: { id: 'bce', reduction: 'mean' } }), tableDataset([[0, 1], [1, 0]], [[1], [0]]))

  it('names inputs through Add (s1, s2) and Concatenate (side by side), and traces every layer with its sources', () => {
    const st = stepThrough(session(), 0)
    expect(st.trace.layers.map((l) => [l.nodeId, l.sources])).toEqual([
      ['stem', ['$input']],
      ['f', ['stem']],
      ['sum', ['stem', 'f']],
      ['side', ['$input']],
      ['both', ['sum', 'side']],
      ['o', ['both']],
    ])
    expect(st.layers.map((l) => [l.nodeId, l.units, l.inputs, l.feedsNextOnly])).toEqual([
      ['stem', ['h1.1', 'h1.2'], ['i1', 'i2'], false],
      ['f', ['h2.1', 'h2.2'], ['h1.1', 'h1.2'], false],
      ['side', ['h3.1'], ['i1', 'i2'], false],
      ['o', ['o1'], ['s1', 's2', 'h3.1'], false],
    ])
    // The merge's trace: its input is both sources side by side, its net their sum.
    const sum = st.trace.layers[2]
    expect(sum.net).toEqual([sum.input[0] + sum.input[2], sum.input[1] + sum.input[3]])
  })

  it('∂E/∂out of the stem (read by f and by the sum) is the sum of both readers’ gradients', () => {
    const st = stepThrough(session(), 1)
    const [stem, f, sum] = st.trace.layers
    // f sends Σ_k δ_k·w_kj back; the sum passes its own δ straight through.
    const fromF = stem.out.map((_, j) => f.delta!.reduce((acc, d, k) => acc + d * f.weights![k][j], 0))
    stem.gradOut!.forEach((g, j) => expect(g).toBeCloseTo(fromF[j] + sum.delta![j], 14))
  })

  it('names input features from the inputs (x1, x1·x2, sin x2), as the next layer reads them', () => {
    const data = { ...tableDataset([[0.5, -2]], [[1]]), featureNames: ['x1', 'x2'] }
    const spec = engineSpec({ inputSize: 2, layers: [{ kind: 'features', nodeId: 'feat', features: ['x1', 'x1x2', 'sinX2'] }, dense('o', 1, 'sigmoid')], loss: { id: 'bce', reduction: 'mean' } })
    const st = stepThrough(createSession(spec, data), 0)
    expect(st.layers.map((l) => [l.nodeId, l.inputs])).toEqual([['o', ['x1', 'x1·x2', 'sin x2']]])
  })
})
