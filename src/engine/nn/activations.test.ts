/**
 * Every activation's value and derivative at hand-picked points, against numbers worked out by
 * hand (the gradient checks only test that value and derivative agree with each other, so a wrong
 * formula with its matching derivative would pass there). Noisy ReLU: noise in training only.
 */
import { describe, expect, it } from 'vitest'
import type { ActivationId } from '../spec'
import { activationParams, activations, softmaxBackwardRows, softmaxRows, type Activation } from './activations'
import { createNetwork, networkForward } from './network'
import { createRng, createStreams } from '../rng'
import { dense } from '../train/builders'

const p = activationParams({ id: 'linear', slope: 2, alpha: 0.1 })

/** [net, f(net), f'(net)] rows; slope a = 2, leaky α = 0.1. */
const table: Record<Exclude<ActivationId, 'softmax'>, [number, number, number][]> = {
  linear: [[-1.5, -3, 2], [0, 0, 2], [0.25, 0.5, 2]],
  step: [[-0.1, 0, 0], [0, 1, 0], [3, 1, 0]],
  sign: [[-0.1, -1, 0], [0, 1, 0], [3, 1, 0]],
  // σ(0) = ½, σ'(0) = ¼; σ(ln 3) = 3/4, σ' = 3/16; σ(−ln 3) = 1/4.
  sigmoid: [[0, 0.5, 0.25], [Math.log(3), 0.75, 3 / 16], [-Math.log(3), 0.25, 3 / 16]],
  // tanh(ln 2) = (2 − ½)/(2 + ½) = 0.6, tanh' = 1 − 0.36 = 0.64.
  tanh: [[0, 0, 1], [Math.log(2), 0.6, 0.64], [-Math.log(2), -0.6, 0.64]],
  relu: [[-2, 0, 0], [0, 0, 0], [1.5, 1.5, 1]],
  leakyRelu: [[-2, -0.2, 0.1], [0, 0, 0.1], [1.5, 1.5, 1]],
  // softplus(0) = ln 2, softplus(ln 3) = ln 4, f' = σ.
  softplus: [[0, Math.log(2), 0.5], [Math.log(3), Math.log(4), 0.75], [-800, 0, 0]],
  // At evaluation noisy ReLU is plain ReLU.
  noisyRelu: [[-2, 0, 0], [1.5, 1.5, 1]],
}

describe('activations', () => {
  for (const [id, rows] of Object.entries(table) as [Exclude<ActivationId, 'softmax'>, [number, number, number][]][]) {
    it(`${id}: value and derivative`, () => {
      const f: Activation = activations[id]
      for (const [net, out, slope] of rows) {
        expect(f.value(net, p)).toBeCloseTo(out, 15)
        expect(f.derivative(net, f.value(net, p), p)).toBeCloseTo(slope, 15)
      }
    })
  }

  it('sigmoid and softplus stay finite far out', () => {
    const value = (id: ActivationId, x: number): number => (activations[id] as Activation).value(x, p)
    expect(value('sigmoid', -800)).toBe(0)
    expect(value('sigmoid', 800)).toBe(1)
    expect(value('softplus', 800)).toBe(800)
  })

  it('softmax rows: e^{x_j}/Σe^{x_k}, stable for large inputs; Jacobian product out·(g − Σg·out)', () => {
    // Logits (0, ln 2, ln 5) → (1, 2, 5)/8, shifted by 1000 to check stability.
    const net = Float64Array.of(1000, 1000 + Math.log(2), 1000 + Math.log(5))
    const out = new Float64Array(3)
    softmaxRows(net, out, 0, 1, 3)
    // (1000 + ln 2 carries 1000's rounding, ~1e-13.)
    ;[0.125, 0.25, 0.625].forEach((v, j) => expect(out[j]).toBeCloseTo(v, 12))
    // g = (1, 0, 0): Σg·out = 1/8, delta = out ⊙ (g − 1/8) = (7/64, −2/64, −5/64).
    const delta = new Float64Array(3)
    softmaxBackwardRows(Float64Array.of(0.125, 0.25, 0.625), Float64Array.of(1, 0, 0), delta, 0, 1, 3)
    expect(Array.from(delta)).toEqual([7 / 64, -2 / 64, -5 / 64])
  })
})

describe('noisy ReLU', () => {
  const model = {
    inputSize: 1,
    layers: [dense('h', 2000, { id: 'noisyRelu' as const, noiseStd: 0.5 }, { weights: Array.from({ length: 2000 }, () => [1]), biases: new Array<number>(2000).fill(0) })],
    loss: { id: 'halfSse' as const, reduction: 'mean' as const },
    precision: 'float64' as const,
  }

  it('adds N(0, σ²) noise to net while training and none at evaluation', () => {
    const nw = createNetwork(model, 1, createRng(1))
    const layer = nw.layers[0]
    nw.X[0] = 3 // net = 3 for every unit: max(0, 3 + noise) is 3 + noise (σ = 0.5, 6σ away from 0)
    networkForward(nw, 0, 1, null)
    expect(layer.out.every((v) => v === 3)).toBe(true)
    const streams = createStreams(4)
    networkForward(nw, 0, 1, { dropout: streams.dropout, noise: streams.noise })
    const noise = Array.from(layer.out, (v) => v - 3)
    const mean = noise.reduce((a, b) => a + b, 0) / noise.length
    const std = Math.sqrt(noise.reduce((a, b) => a + (b - mean) ** 2, 0) / noise.length)
    expect(Math.abs(mean)).toBeLessThan(0.05) // standard error 0.5/√2000 ≈ 0.011
    expect(std).toBeGreaterThan(0.46)
    expect(std).toBeLessThan(0.54)
    networkForward(nw, 0, 1, null)
    expect(layer.out.every((v) => v === 3)).toBe(true)
  })
})
