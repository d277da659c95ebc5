/**
 * The two forms of momentum and Nesterov (lecture 001's cited overview vs PyTorch), against
 * hand-worked numbers; and, for every rule and form of the registry, that the formula the app
 * shows is what the engine computes.
 */
import { describe, expect, it } from 'vitest'
import type { OptimizerSpec } from '../spec'
import { createSession, dense, engineSpec, tableDataset } from '../train'
import { createOptimizer, optimizerForms, optimizerFormula, optimizerRules, optimizerUpdate, type OptimizerFormId, type OptimizerId } from './optimizers'

const ALL = [{ offset: 0, length: 1 }]

/**
 * Minimise E(w) = ½·w² (so g = w) from w = 1 for the given η per step; the gradient is taken
 * where the rule asks for it (`beginBatch`), as the session does.
 */
function descend(spec: OptimizerSpec, etas: number[]): number[] {
  const w = Float64Array.of(1)
  const opt = createOptimizer(spec, 1)
  return etas.map((eta) => {
    opt.beginBatch(w, ALL)
    const g = Float64Array.of(w[0])
    opt.step(w, g, eta, ALL)
    return w[0]
  })
}

describe('momentum: lecture form vs PyTorch form', () => {
  it('agree while η is constant (the velocities differ by the factor η)', () => {
    const lecture = descend({ id: 'momentum', learningRate: 0.1, momentum: 0.5, form: 'lecture' }, [0.1, 0.1, 0.1])
    const pytorch = descend({ id: 'momentum', learningRate: 0.1, momentum: 0.5, form: 'pytorch' }, [0.1, 0.1, 0.1])
    // v1 = 0.1·1 = 0.1, w = 0.9;  v2 = 0.05 + 0.09 = 0.14, w = 0.76;  v3 = 0.07 + 0.076 = 0.146, w = 0.614
    expect(lecture[0]).toBeCloseTo(0.9, 15)
    expect(lecture[1]).toBeCloseTo(0.76, 15)
    expect(lecture[2]).toBeCloseTo(0.614, 15)
    pytorch.forEach((w, k) => expect(w).toBeCloseTo(lecture[k], 15))
  })
  it('part when η changes: the lecture form keeps the old η in its velocity', () => {
    const lecture = descend({ id: 'momentum', learningRate: 0.1, momentum: 0.5, form: 'lecture' }, [0.1, 0.2])
    const pytorch = descend({ id: 'momentum', learningRate: 0.1, momentum: 0.5, form: 'pytorch' }, [0.1, 0.2])
    // lecture: v2 = 0.5·0.1 + 0.2·0.9 = 0.23 → w = 0.67;  pytorch: v2 = 0.5·1 + 0.9 = 1.4 → w = 0.9 − 0.28 = 0.62
    expect(lecture[1]).toBeCloseTo(0.67, 15)
    expect(pytorch[1]).toBeCloseTo(0.62, 15)
  })
})

describe('Nesterov: look-ahead (lecture) vs reformulated (PyTorch)', () => {
  it('lecture form: the gradient is taken at w − α·v', () => {
    const w = descend({ id: 'nesterov', learningRate: 0.1, momentum: 0.5, form: 'lecture' }, [0.1, 0.1, 0.1])
    // 1: look-ahead 1, g = 1, v = 0.1, w = 0.9
    // 2: look-ahead 0.9 − 0.05 = 0.85, v = 0.05 + 0.085 = 0.135, w = 0.765
    // 3: look-ahead 0.765 − 0.0675 = 0.6975, v = 0.0675 + 0.06975 = 0.13725, w = 0.62775
    expect(w[0]).toBeCloseTo(0.9, 15)
    expect(w[1]).toBeCloseTo(0.765, 15)
    expect(w[2]).toBeCloseTo(0.62775, 15)
  })
  it('PyTorch form: the gradient at w itself; its weights are the lecture form’s look-ahead points', () => {
    const w = descend({ id: 'nesterov', learningRate: 0.1, momentum: 0.5, form: 'pytorch' }, [0.1, 0.1])
    // 1: g = 1, v = 1, w = 1 − 0.1·(1 + 0.5) = 0.85;  2: g = 0.85, v = 1.35, w = 0.85 − 0.1·(0.85 + 0.675) = 0.6975
    expect(w[0]).toBeCloseTo(0.85, 15)
    expect(w[1]).toBeCloseTo(0.6975, 15)
  })
  it('a training session takes the lecture form’s gradient at the look-ahead point', () => {
    // One linear unit, no bias, x = 1, t = 0: E = ½·w², g = w, exactly the hand-worked descent.
    const spec = engineSpec(
      { inputSize: 1, layers: [dense('o', 1, 'linear', { useBias: false, weights: [[1]] })] },
      { optimizer: { id: 'nesterov', learningRate: 0.1, momentum: 0.5, form: 'lecture' }, training: { batch: { mode: 'online' }, maxEpochs: 3, shuffle: false, validationFraction: 0 } },
    )
    const session = createSession(spec, tableDataset([[1]], [[0]]))
    const seen = [1, 2, 3].map(() => (session.step('batch'), session.getParams()[0].weights[0]))
    expect(seen[0]).toBeCloseTo(0.9, 15)
    expect(seen[1]).toBeCloseTo(0.765, 15)
    expect(seen[2]).toBeCloseTo(0.62775, 15)
  })
})

type Hyper = { a: number; rho: number; b1: number; b2: number; eps: number }
type Reference = (w: number, g: (w: number) => number, s: number[], eta: number, h: Hyper, t: number) => number

/**
 * Every formula the inspector shows, transcribed by hand into code: a rule whose text or whose
 * engine code changes without the other fails below. `s` is the rule's state (starts at 0).
 */
const SHOWN: Record<string, { formula: string; reference: Reference }> = {
  'sgd': { formula: 'w ← w − η·g', reference: (w, g, _s, eta) => w - eta * g(w) },
  'perceptron': { formula: 'w ← w − η·g', reference: (w, g, _s, eta) => w - eta * g(w) },
  'momentum/lecture': { formula: 'v ← α·v + η·g;  w ← w − v', reference: (w, g, s, eta, h) => ((s[0] = h.a * s[0] + eta * g(w)), w - s[0]) },
  'momentum/pytorch': { formula: 'v ← α·v + g;  w ← w − η·v', reference: (w, g, s, eta, h) => ((s[0] = h.a * s[0] + g(w)), w - eta * s[0]) },
  'momentumEma': { formula: 'v ← λ·v − (1 − λ)·g;  w ← w + η·v', reference: (w, g, s, eta, h) => ((s[0] = h.a * s[0] - (1 - h.a) * g(w)), w + eta * s[0]) },
  'nesterov/lecture': { formula: 'v ← α·v + η·∇E(w − α·v);  w ← w − v', reference: (w, g, s, eta, h) => ((s[0] = h.a * s[0] + eta * g(w - h.a * s[0])), w - s[0]) },
  'nesterov/pytorch': {
    formula: 'v ← α·v + g;  w ← w − η·(g + α·v)',
    reference: (w, g, s, eta, h) => {
      const gw = g(w)
      s[0] = h.a * s[0] + gw
      return w - eta * (gw + h.a * s[0])
    },
  },
  'adagrad': { formula: 'G ← G + g²;  w ← w − η·g/(√G + ε)', reference: (w, g, s, eta, h) => ((s[0] += g(w) ** 2), w - (eta * g(w)) / (Math.sqrt(s[0]) + h.eps)) },
  'rmsprop': { formula: 's ← ρ·s + (1 − ρ)·g²;  w ← w − η·g/(√s + ε)', reference: (w, g, s, eta, h) => ((s[0] = h.rho * s[0] + (1 - h.rho) * g(w) ** 2), w - (eta * g(w)) / (Math.sqrt(s[0]) + h.eps)) },
  'adam': {
    formula: 'm ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;  w ← w − η·(m/(1 − β1ᵗ))/(√(v/(1 − β2ᵗ)) + ε)',
    reference: (w, g, s, eta, h, t) => {
      s[0] = h.b1 * s[0] + (1 - h.b1) * g(w)
      s[1] = h.b2 * s[1] + (1 - h.b2) * g(w) ** 2
      return w - (eta * (s[0] / (1 - h.b1 ** t))) / (Math.sqrt(s[1] / (1 - h.b2 ** t)) + h.eps)
    },
  },
}

const FORMS = Object.keys(optimizerForms) as OptimizerFormId[]
const cases = (Object.keys(optimizerRules) as OptimizerId[]).flatMap((id) => {
  const forms = 'rule' in optimizerRules[id].update ? [undefined] : FORMS
  return forms.map((form) => ({ id, form, key: form ? `${id}/${form}` : id }))
})

describe('the formula shown is the update computed, for every rule and form', () => {
  it('the table covers the registry exactly', () => {
    expect(cases.map((c) => c.key).sort()).toEqual(Object.keys(SHOWN).sort())
  })
  it.each(cases)('$key', ({ id, form, key }) => {
    expect(optimizerFormula(id, form)).toBe(SHOWN[key].formula)
    expect(optimizerUpdate(id, form).formula).toBe(SHOWN[key].formula)
    // A curved error, E = w⁴/4 + w (g = w³ + 1), so the look-ahead point changes g; η varies per step.
    const grad = (w: number) => w ** 3 + 1
    const h: Hyper = { a: 0.6, rho: 0.8, b1: 0.7, b2: 0.9, eps: 0.01 }
    const etas = [0.1, 0.05, 0.2, 0.1]
    const spec: OptimizerSpec = { id, learningRate: 0.1, momentum: h.a, rho: h.rho, beta1: h.b1, beta2: h.b2, epsilon: h.eps, ...(form ? { form } : {}) }
    const engine = createOptimizer(spec, 1)
    const w = Float64Array.of(0.5)
    let ref = 0.5
    const s = [0, 0]
    etas.forEach((eta, n) => {
      engine.beginBatch(w, ALL)
      engine.step(w, Float64Array.of(grad(w[0])), eta, ALL)
      ref = SHOWN[key].reference(ref, grad, s, eta, h, n + 1)
      expect(w[0], `step ${n + 1}`).toBeCloseTo(ref, 14)
    })
  })
})
