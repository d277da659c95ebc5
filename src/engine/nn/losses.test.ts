/**
 * Every loss's value and ∂E/∂out on one example worked out by hand, and the fused paths the
 * network takes (softmax + cross-entropy, sigmoid + bce) against the unfused formulas.
 */
import { describe, expect, it } from 'vitest'
import type { LossId } from '../spec'
import { bceFromNet, losses, softmaxCrossEntropyRow } from './losses'

/** Output o = (0.8, 0.2, 0.5) against target t = (1, 0, 0). */
const out = Float64Array.of(0.8, 0.2, 0.5)
const target = Float64Array.of(1, 0, 0)

const expected: Record<LossId, { value: number; gradient: number[] }> = {
  // ½·(0.2² + 0.2² + 0.5²) = ½·0.33; ∂E/∂o = o − t.
  halfSse: { value: 0.165, gradient: [-0.2, 0.2, 0.5] },
  mse: { value: 0.165, gradient: [-0.2, 0.2, 0.5] },
  // |0.2| + |0.2| + |0.5|; ∂E/∂o = sign(o − t).
  mae: { value: 0.9, gradient: [-1, 1, 1] },
  // −[ln 0.8 + ln 0.8 + ln 0.5]; ∂E/∂o = (o − t)/(o(1 − o)) = (−1.25, 1.25, 2).
  bce: { value: -(2 * Math.log(0.8) + Math.log(0.5)), gradient: [-1.25, 1.25, 2] },
  // Logits x = o: lse = ln(e^0.8 + e^0.2 + e^0.5), E = lse − 0.8; ∂E/∂x = softmax(x) − t.
  softmaxCrossEntropy: {
    value: Math.log(Math.exp(0.8) + Math.exp(0.2) + Math.exp(0.5)) - 0.8,
    gradient: [0.8, 0.2, 0.5].map((x, j) => Math.exp(x) / (Math.exp(0.8) + Math.exp(0.2) + Math.exp(0.5)) - (j === 0 ? 1 : 0)),
  },
  // y = (+1, −1, −1): max(0, 1 − 0.8) + max(0, 1 + 0.2) + max(0, 1 + 0.5) = 0.2 + 1.2 + 1.5.
  hinge: { value: 2.9, gradient: [-1, 1, 1] },
}

describe('losses', () => {
  for (const id of Object.keys(expected) as LossId[]) {
    it(`${id}: E and ∂E/∂out`, () => {
      const loss = losses[id]
      expect(loss.value(out, 0, target, 0, 3)).toBeCloseTo(expected[id].value, 14)
      const grad = new Float64Array(3)
      loss.gradient(out, 0, target, 0, 3, grad)
      Array.from(grad).forEach((g, j) => expect(g).toBeCloseTo(expected[id].gradient[j], 14))
    })
  }

  it('hinge: a margin ≥ 1 costs nothing; −1/+1 targets work as 0/1 do', () => {
    const g = new Float64Array(2)
    expect(losses.hinge.value(Float64Array.of(1.5, -2), 0, Float64Array.of(1, -1), 0, 2)).toBe(0)
    losses.hinge.gradient(Float64Array.of(1.5, -2), 0, Float64Array.of(1, -1), 0, 2, g)
    expect(Array.from(g)).toEqual([0, 0])
  })

  it('rows are read from their offsets', () => {
    const o = Float64Array.of(9, 9, 0.8, 0.2, 0.5)
    const t = Float64Array.of(7, 1, 0, 0)
    expect(losses.halfSse.value(o, 2, t, 1, 3)).toBeCloseTo(0.165, 15)
  })

  it('fused softmax cross-entropy: the value and delta of the separate formulas, and finite for huge logits', () => {
    const delta = new Float64Array(3)
    const e = softmaxCrossEntropyRow(out, target, 0, 3, delta)
    expect(e).toBe(losses.softmaxCrossEntropy.value(out, 0, target, 0, 3))
    const grad = new Float64Array(3)
    losses.softmaxCrossEntropy.gradient(out, 0, target, 0, 3, grad)
    expect(delta).toEqual(grad)
    // Logits (1000, 0): E = ln(1 + e^−1000) ≈ 0 for class 0 and ≈ 1000 for class 1.
    expect(softmaxCrossEntropyRow(Float64Array.of(1000, 0), Float64Array.of(1, 0), 0, 2, new Float64Array(2))).toBe(0)
    expect(softmaxCrossEntropyRow(Float64Array.of(1000, 0), Float64Array.of(0, 1), 0, 2, new Float64Array(2))).toBe(1000)
  })

  it('fused bce from the net input: softplus(z) − t·z equals −[t·ln σ(z) + (1 − t)·ln(1 − σ(z))]', () => {
    const z = Float64Array.of(Math.log(4), -Math.log(4)) // σ = 0.8, 0.2
    const t = Float64Array.of(1, 1)
    expect(bceFromNet(z, 0, t, 0, 2)).toBeCloseTo(-(Math.log(0.8) + Math.log(0.2)), 14)
    expect(bceFromNet(Float64Array.of(-800), 0, Float64Array.of(1), 0, 1)).toBe(800)
  })
})
