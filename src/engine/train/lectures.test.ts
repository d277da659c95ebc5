/**
 * Golden numbers from the lecture notes (../shared/lectures), to the printed digits.
 */
import { describe, expect, it } from 'vitest'
import { createSession, dense, engineSpec, tableDataset } from './index'
import { traceExample } from '../trace/trace'

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

describe('lecture 001: perceptron learning rule', () => {
  const X = [[0, 0], [0, 1], [1, 0], [1, 1]]
  const perceptron = (targets: number[], maxEpochs = 100) =>
    createSession(
      engineSpec(
        {
          inputSize: 2,
          layers: [dense('p', 1, 'step', { weightInit: { id: 'zeros' }, biasInit: { id: 'zeros' } })],
        },
        {
          optimizer: { id: 'perceptron', learningRate: 1 },
          training: { batch: { mode: 'online' }, maxEpochs, shuffle: false, validationFraction: 0 },
        },
      ),
      tableDataset(X, targets.map((t) => [t])),
    )

  it('AND: epoch 1 rows exactly as printed', () => {
    const s = perceptron([0, 0, 0, 1])
    // rows: y, Δw1, Δw2, Δb, then w1, w2, b
    const printed = [
      [1, 0, 0, -1, 0, 0, -1],
      [0, 0, 0, 0, 0, 0, -1],
      [0, 0, 0, 0, 0, 0, -1],
      [0, 1, 1, 1, 1, 1, 0],
    ]
    X.forEach((x, i) => {
      const t = traceExample(s, x, [[0, 0, 0, 1][i]])
      const u = t.layers[0]
      s.step('example')
      const [p] = s.getParams()
      expect([t.output[0], ...u.updateWeights![0], u.updateBiases![0], p.weights[0], p.weights[1], p.biases![0]]).toEqual(printed[i])
    })
    expect(s.epoch).toBe(1)
  })

  it('AND and OR converge to a separating (w, b); XOR never does', () => {
    for (const targets of [[0, 0, 0, 1], [0, 1, 1, 1]]) {
      const s = perceptron(targets)
      expect(s.trainToEnd()).toBe('converged')
      const out = s.predict(Float64Array.from(X.flat()), 4)
      expect(Array.from(out)).toEqual(targets)
      expect(s.history.at(-1)!.mistakes).toBe(0)
    }
    const xor = perceptron([0, 1, 1, 0], 50)
    expect(xor.trainToEnd()).toBe('maxEpochs')
    expect(xor.history.every((m) => (m.mistakes ?? 0) > 0)).toBe(true)
  })
})

describe('lecture 003: XOR by hand-set ReLU weights', () => {
  it('outputs 0, 1, 1, 0', () => {
    const spec = engineSpec({
      inputSize: 2,
      layers: [
        dense('h', 2, 'relu', { weights: [[1, 1], [1, 1]], biases: [0, -1] }),
        dense('y', 1, 'linear', { weights: [[1, -2]], biases: [0] }),
      ],
    })
    const X = [[0, 0], [0, 1], [1, 0], [1, 1]]
    const s = createSession(spec, tableDataset(X, [[0], [1], [1], [0]]))
    expect(Array.from(s.predict(Float64Array.from(X.flat()), 4))).toEqual([0, 1, 1, 0])
  })
})

describe('lecture 004: forward propagation', () => {
  it('net_h1 = 0.464, out_h1 = 0.613962657, out_h2 = 0.611114647, out_o1 = 0.668832137', () => {
    // h1: w1 = 0.04 (from i1), w2 = 0.12 (from i2), b1 = 0.40; o1: w5 = 0.24, w6 = 0.32, b2 = 0.36.
    // The slides do not print h2's weights; [0.12, 0.08] reproduces the printed out_h2 (net_h2 = 0.452).
    const spec = engineSpec({
      inputSize: 2,
      layers: [
        dense('h', 2, 'sigmoid', { weights: [[0.04, 0.12], [0.12, 0.08]], biases: [0.4, 0.4] }),
        dense('o', 1, 'sigmoid', { weights: [[0.24, 0.32]], biases: [0.36] }),
      ],
    })
    const s = createSession(spec, tableDataset([[0.1, 0.5]], [[0.05]]))
    const t = traceExample(s, [0.1, 0.5], [0.05])
    expect(t.layers[0].net![0]).toBeCloseTo(0.464, 3)
    expect(t.layers[0].out[0]).toBeCloseTo(0.613962657, 9)
    expect(t.layers[0].out[1]).toBeCloseTo(0.611114647, 9)
    expect(t.layers[1].net![0]).toBeCloseTo(0.702907725, 9)
    expect(t.layers[1].out[0]).toBeCloseTo(0.668832137, 9)
    // E_o1 = ½(0.05 − 0.668832137)² = 0.191476607, ∂E/∂w5 = 0.08415504
    expect(t.loss).toBeCloseTo(0.191476607, 9)
    expect(t.layers[1].gradWeights![0][0]).toBeCloseTo(0.08415504, 8)
  })
})

describe("lecture 000: calculation exercise (0.35/0.9, target 0.5, no biases, η = 1)", () => {
  // Hidden "top" unit: 0.1 from 0.35, 0.8 from 0.9; "bottom": 0.4 from 0.35, 0.6 from 0.9;
  // output: w1 = 0.3 from top, w2 = 0.9 from bottom. Lecture names: w3, w4 (top), w5, w6 (bottom).
  const spec = engineSpec(
    {
      inputSize: 2,
      layers: [
        dense('h', 2, 'sigmoid', { useBias: false, weights: [[0.1, 0.8], [0.4, 0.6]] }),
        dense('o', 1, 'sigmoid', { useBias: false, weights: [[0.3, 0.9]] }),
      ],
    },
    { optimizer: { id: 'sgd', learningRate: 1 } },
  )
  const data = tableDataset([[0.35, 0.9]], [[0.5]])

  it('forward pass 0.68, 0.6637, 0.69', () => {
    const s = createSession(spec, data)
    const t = traceExample(s, [0.35, 0.9], [0.5])
    expect(t.layers[0].net![0]).toBeCloseTo(0.755, 3)
    expect(t.layers[0].out[0]).toBeCloseTo(0.68, 2)
    expect(t.layers[0].net![1]).toBeCloseTo(0.68, 2)
    expect(t.layers[0].out[1]).toBeCloseTo(0.6637, 4)
    expect(t.layers[1].net![0]).toBeCloseTo(0.80133, 3)
    expect(t.layers[1].out[0]).toBeCloseTo(0.69, 2)
    // The lecture's δ = (t − o)(1 − o)o = −0.0406 is −∂E/∂net.
    expect(-t.layers[1].delta![0]).toBeCloseTo(-0.0406, 3)
  })

  it('the update agrees with the lecture to 3 decimals', () => {
    // The lecture rounds δ to −0.0406 and back-propagates through the already-updated output
    // weights (0.272392, 0.87305); standard backprop (and the engine) uses the forward pass's
    // weights, so the printed weights agree to 3 decimals, not to all printed digits.
    const s = createSession(spec, data)
    s.step('example')
    const [h, o] = s.getParams()
    expect(o.weights[0]).toBeCloseTo(0.272392, 3)
    expect(o.weights[1]).toBeCloseTo(0.87305, 3)
    expect(h.weights[0]).toBeCloseTo(0.09916, 3)
    expect(h.weights[1]).toBeCloseTo(0.7978, 3)
    expect(h.weights[2]).toBeCloseTo(0.3972, 3)
    expect(h.weights[3]).toBeCloseTo(0.5928, 3)
    // (iii) the new error t − o is smaller in magnitude: −0.19 → about −0.182.
    const after = s.predict([0.35, 0.9], 1)[0]
    expect(0.5 - after).toBeCloseTo(-0.18205, 2)
    expect(Math.abs(0.5 - after)).toBeLessThan(0.19)
  })
})
