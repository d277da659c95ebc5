/**
 * Golden numbers from the lecture notes (../shared/lectures), to the printed digits.
 */
import { describe, expect, it } from 'vitest'
import { createSession, dense, engineSpec, tableDataset, traceExample } from './index'

describe('lecture 001: Mazur 2-2-2 worked backprop example', () => {
  // The lecture's numbering: net_h1 = w1·i1 + w2·i2 + b1, net_h2 = w3·i1 + w4·i2 + b1,
  // net_o1 = w5·out_h1 + w6·out_h2 + b2, net_o2 = w7·out_h1 + w8·out_h2 + b2.
  // In the [out][in] layout (w_jk from k into j): hidden W = [[w1, w2], [w3, w4]],
  // output W = [[w5, w6], [w7, w8]], so the flat weights read w1..w4 then w5..w8.
  // (One slide writes net_h1 = w1·i1 + w3·i2; Mazur's original and the printed numbers use w2.)
  const spec = engineSpec(
    {
      inputSize: 2,
      layers: [
        dense('h', 2, 'sigmoid', { weights: [[0.15, 0.2], [0.25, 0.3]], biases: [0.35, 0.35], trainBiases: false }),
        dense('o', 2, 'sigmoid', { weights: [[0.4, 0.45], [0.5, 0.55]], biases: [0.6, 0.6], trainBiases: false }),
      ],
      loss: { id: 'halfSse', reduction: 'mean' },
    },
    { optimizer: { id: 'sgd', learningRate: 0.5 } },
  )
  const data = tableDataset([[0.05, 0.1]], [[0.01, 0.99]])

  it('forward pass and E_total', () => {
    const s = createSession(spec, data)
    const t = traceExample(s, [0.05, 0.1], [0.01, 0.99])
    expect(t.layers[0].net![0]).toBeCloseTo(0.3775, 4)
    expect(t.layers[0].out[0]).toBeCloseTo(0.593269992, 9)
    expect(t.layers[0].out[1]).toBeCloseTo(0.596884378, 9)
    expect(t.layers[1].net![0]).toBeCloseTo(1.105905967, 9)
    expect(t.layers[1].out[0]).toBeCloseTo(0.75136507, 8)
    expect(t.layers[1].out[1]).toBeCloseTo(0.772928465, 9)
    expect(t.loss).toBeCloseTo(0.298371109, 9)
    // ∂E/∂w5 = 0.082167041, ∂E/∂w1 = 0.000438568
    expect(t.layers[1].gradWeights![0][0]).toBeCloseTo(0.082167041, 9)
    expect(t.layers[0].gradWeights![0][0]).toBeCloseTo(0.000438568, 9)
  })

  it('one update gives the printed w1..w8', () => {
    const s = createSession(spec, data)
    s.step('example')
    const [h, o] = s.getParams()
    const w = [...h.weights, ...o.weights]
    const printed = [0.149780716, 0.19956143, 0.24975114, 0.29950229, 0.35891648, 0.408666186, 0.51130127, 0.561370121]
    const digits = [9, 8, 8, 8, 8, 9, 9, 9]
    printed.forEach((p, i) => expect(w[i]).toBeCloseTo(p, digits[i]))
    // biases stay fixed
    expect(Array.from(h.biases!)).toEqual([0.35, 0.35])
    expect(Array.from(o.biases!)).toEqual([0.6, 0.6])
  })
})
