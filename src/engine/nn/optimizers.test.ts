/** Each optimizer's first two updates against hand-computed values. */
import { describe, expect, it } from 'vitest'
import type { OptimizerSpec } from '../spec'
import { createOptimizer } from './optimizers'
import { scheduleRate } from './schedules'
import { clipByNorm, clipByValue, regularizationPenalty, regularizeGradient } from './regularization'

/** Two steps on w = [1, −2] with gradients g1 = [0.5, −1] then g2 = [0.25, 0.5]. */
function twoSteps(spec: OptimizerSpec): number[][] {
  const w = Float64Array.of(1, -2)
  const opt = createOptimizer(spec, 2)
  const all = [{ offset: 0, length: 2 }]
  opt.step(w, Float64Array.of(0.5, -1), spec.learningRate, all)
  const first = Array.from(w)
  opt.step(w, Float64Array.of(0.25, 0.5), spec.learningRate, all)
  return [first, Array.from(w)]
}

describe('optimizers', () => {
  const eta = 0.1
  it('sgd: w ← w − η·g', () => {
    const [a, b] = twoSteps({ id: 'sgd', learningRate: eta })
    expect(a).toEqual([1 - 0.05, -2 + 0.1])
    expect(b[0]).toBeCloseTo(0.95 - 0.025, 15)
    expect(b[1]).toBeCloseTo(-1.9 - 0.05, 15)
  })
  it('momentum (lecture form, the default): Δw(n) = −η·g + α·Δw(n−1)', () => {
    const [a, b] = twoSteps({ id: 'momentum', learningRate: eta, momentum: 0.5 })
    expect(a).toEqual([0.95, -1.9])
    // Δw(2) = −0.1·0.25 + 0.5·(−0.05) = −0.05;  −0.1·0.5 + 0.5·0.1 = 0
    expect(b[0]).toBeCloseTo(0.9, 15)
    expect(b[1]).toBeCloseTo(-1.9, 15)
  })
  it('momentumEma: v ← λv − (1−λ)g, w ← w + ηv', () => {
    const [a, b] = twoSteps({ id: 'momentumEma', learningRate: eta, momentum: 0.9 })
    // v1 = −0.1·[0.5, −1] = [−0.05, 0.1]; w = [0.995, −1.99]
    expect(a[0]).toBeCloseTo(0.995, 15)
    expect(a[1]).toBeCloseTo(-1.99, 15)
    // v2 = 0.9·v1 − 0.1·[0.25, 0.5] = [−0.07, 0.04]; w = [0.988, −1.986]
    expect(b[0]).toBeCloseTo(0.988, 15)
    expect(b[1]).toBeCloseTo(-1.986, 15)
  })
  it('nesterov (PyTorch form): v ← αv + g, w ← w − η·(g + αv)', () => {
    const [a, b] = twoSteps({ id: 'nesterov', learningRate: eta, momentum: 0.5, form: 'pytorch' })
    // v1 = [0.5, −1]; w = [1 − 0.1·0.75, −2 + 0.1·1.5]
    expect(a[0]).toBeCloseTo(0.925, 15)
    expect(a[1]).toBeCloseTo(-1.85, 15)
    // v2 = 0.5·v1 + [0.25, 0.5] = [0.5, 0]; w −= 0.1·(g2 + 0.5·v2) = [0.05, 0.05]
    expect(b[0]).toBeCloseTo(0.875, 15)
    expect(b[1]).toBeCloseTo(-1.9, 15)
  })
  it('adagrad: G ← G + g², w ← w − ηg/(√G + ε)', () => {
    const [a, b] = twoSteps({ id: 'adagrad', learningRate: eta, epsilon: 0 })
    expect(a[0]).toBeCloseTo(0.9, 15)
    expect(a[1]).toBeCloseTo(-1.9, 15)
    expect(b[0]).toBeCloseTo(0.9 - (0.1 * 0.25) / Math.sqrt(0.3125), 15)
    expect(b[1]).toBeCloseTo(-1.9 - (0.1 * 0.5) / Math.sqrt(1.25), 15)
  })
  it('rmsprop: s ← ρs + (1−ρ)g², w ← w − ηg/(√s + ε)', () => {
    const [a, b] = twoSteps({ id: 'rmsprop', learningRate: eta, rho: 0.9, epsilon: 0 })
    expect(a[0]).toBeCloseTo(1 - (0.1 * 0.5) / Math.sqrt(0.025), 14)
    expect(a[1]).toBeCloseTo(-2 + 0.1 / Math.sqrt(0.1), 14)
    const s0 = 0.9 * 0.025 + 0.1 * 0.0625
    const s1 = 0.9 * 0.1 + 0.1 * 0.25
    expect(b[0]).toBeCloseTo(a[0] - (0.1 * 0.25) / Math.sqrt(s0), 14)
    expect(b[1]).toBeCloseTo(a[1] - (0.1 * 0.5) / Math.sqrt(s1), 14)
  })
  it('adam: bias-corrected moments; the first step is η·sign(g)', () => {
    const [a, b] = twoSteps({ id: 'adam', learningRate: eta, beta1: 0.9, beta2: 0.999, epsilon: 0 })
    expect(a[0]).toBeCloseTo(0.9, 14)
    expect(a[1]).toBeCloseTo(-1.9, 14)
    const m = 0.9 * 0.05 + 0.1 * 0.25
    const v = 0.999 * 0.00025 + 0.001 * 0.0625
    const step = (0.1 * (m / (1 - 0.81))) / Math.sqrt(v / (1 - 0.999 * 0.999))
    expect(b[0]).toBeCloseTo(0.9 - step, 14)
  })
  it('only trainable ranges move; state can be saved and restored', () => {
    const w = Float64Array.of(1, 1, 1)
    const opt = createOptimizer({ id: 'momentum', learningRate: 1, momentum: 0.9 }, 3)
    const saved = opt.saveState()
    opt.step(w, Float64Array.of(1, 1, 1), 1, [{ offset: 1, length: 1 }])
    expect(Array.from(w)).toEqual([1, 0, 1])
    opt.restoreState(saved)
    opt.step(w, Float64Array.of(1, 1, 1), 1, [{ offset: 1, length: 1 }])
    expect(Array.from(w)).toEqual([1, -1, 1]) // no momentum carried over: state was restored
  })
})

describe('schedules', () => {
  it('constant, step, piecewise, exponential', () => {
    expect(scheduleRate({ id: 'constant' }, 0.5, 7)).toBe(0.5)
    expect([0, 9, 10, 25].map((e) => scheduleRate({ id: 'step', every: 10, factor: 0.5 }, 1, e))).toEqual([1, 1, 0.5, 0.25])
    const pw = { id: 'piecewise', boundaries: [5, 10], values: [0.3, 0.1, 0.01] } as const
    expect([0, 4, 5, 9, 10, 50].map((e) => scheduleRate({ ...pw, boundaries: [...pw.boundaries], values: [...pw.values] }, 1, e))).toEqual([0.3, 0.3, 0.1, 0.1, 0.01, 0.01])
    expect(scheduleRate({ id: 'exponential', gamma: 0.9 }, 2, 2)).toBeCloseTo(1.62, 15)
  })
})

describe('regularisation and clipping', () => {
  const all = [{ offset: 0, length: 3 }]
  it('L2 adds (λ/n)·w; L1 adds (λ/n)·sign(w); the penalty is λ2/(2n)Σw² + λ1/n Σ|w|', () => {
    const w = Float64Array.of(2, -1, 0)
    const g = Float64Array.of(0, 0, 0)
    regularizeGradient(w, g, all, 5, 0, 10)
    expect(Array.from(g)).toEqual([1, -0.5, 0])
    g.fill(0)
    regularizeGradient(w, g, all, 0, 5, 10)
    expect(Array.from(g)).toEqual([0.5, -0.5, 0])
    expect(regularizationPenalty(w, all, 5, 1, 10)).toBeCloseTo((5 / 20) * 5 + (1 / 10) * 3, 15)
  })
  it('clip by value and by norm', () => {
    const g = Float64Array.of(3, -4, 0.5)
    clipByValue(g, all, 1)
    expect(Array.from(g)).toEqual([1, -1, 0.5])
    const h = Float64Array.of(3, -4, 0)
    expect(clipByNorm(h, all, 1)).toBe(5)
    expect(Array.from(h).map((v) => +v.toFixed(12))).toEqual([0.6, -0.8, 0])
    const small = Float64Array.of(0.3, 0.4, 0)
    clipByNorm(small, all, 1)
    expect(Array.from(small)).toEqual([0.3, 0.4, 0])
  })
})
