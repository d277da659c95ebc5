import { describe, expect, it } from 'vitest'
import { compileExpression } from './expression'
import { descend } from './descent'
import { createOptimizer } from '../nn/optimizers'

const q1 = compileExpression('x^4/4 - 3x^3 + 7x - 5')

describe('descend', () => {
  it('Assignment 6 Q1: from x = 0, η = 0.01, 0.05, 0.1 agree with x ← x − η·(x³ − 9x² + 7) by hand', () => {
    for (const eta of [0.01, 0.05, 0.1]) {
      const path = descend(q1, [0], { id: 'sgd', learningRate: eta }, 30)
      expect(path.rows).toHaveLength(31)
      let x = 0
      for (let n = 1; n <= 30; n++) {
        x -= eta * (x ** 3 - 9 * x ** 2 + 7)
        expect(path.rows[n].point[0]).toBeCloseTo(x, 12)
        expect(path.rows[n].f).toBeCloseTo(x ** 4 / 4 - 3 * x ** 3 + 7 * x - 5, 12)
      }
    }
    // The local minimum near 0: x ≈ −0.8433, f ≈ −8.9775; η = 0.05 gets there in 30 steps, 0.01 not yet.
    const f30 = [0.01, 0.05, 0.1].map((eta) => descend(q1, [0], { id: 'sgd', learningRate: eta }, 30).rows[30].f)
    expect(f30[1]).toBeCloseTo(-8.977514, 6)
    expect(f30[0]).toBeGreaterThan(f30[1] + 1e-4)
    expect(f30[2]).toBeGreaterThan(f30[1])
  })

  it('uses the engine’s own optimizer updates (Adam on a bowl, step for step)', () => {
    const bowl = compileExpression('x^2 + 10y^2', ['x', 'y'])
    const spec = { id: 'adam' as const, learningRate: 0.1 }
    const path = descend(bowl, [1, 1], spec, 20)
    const w = Float64Array.from([1, 1])
    const opt = createOptimizer(spec, 2)
    for (let n = 1; n <= 20; n++) {
      opt.step(w, Float64Array.from([2 * w[0], 20 * w[1]]), 0.1, [{ offset: 0, length: 2 }])
      expect(path.rows[n].point).toEqual(Array.from(w))
    }
  })

  it('takes Nesterov’s gradient at the look-ahead point, as training does (lecture form)', () => {
    const bowl = compileExpression('x^2 + 10y^2', ['x', 'y'])
    const spec = { id: 'nesterov' as const, learningRate: 0.02, momentum: 0.9 }
    const path = descend(bowl, [1, 1], spec, 15)
    // By hand: v ← α·v + η·∇E(w − α·v); w ← w − v.
    let w = [1, 1]
    let v = [0, 0]
    for (let n = 1; n <= 15; n++) {
      const ahead = [w[0] - 0.9 * v[0], w[1] - 0.9 * v[1]]
      v = [0.9 * v[0] + 0.02 * 2 * ahead[0], 0.9 * v[1] + 0.02 * 20 * ahead[1]]
      w = [w[0] - v[0], w[1] - v[1]]
      expect(path.rows[n].point[0]).toBeCloseTo(w[0], 14)
      expect(path.rows[n].point[1]).toBeCloseTo(w[1], 14)
    }
  })

  it('stops at divergence and refuses bad settings', () => {
    const path = descend(q1, [0], { id: 'sgd', learningRate: 2 }, 100)
    expect(path.diverged).toBe(true)
    expect(path.rows.length).toBeLessThan(101)
    expect(() => descend(q1, [0, 1], { id: 'sgd', learningRate: 0.1 }, 5)).toThrow('The start needs 1 finite number (x).')
    expect(() => descend(q1, [0], { id: 'sgd', learningRate: 0 }, 5)).toThrow(/learning rate η must be a positive number/)
    expect(() => descend(q1, [0], { id: 'sgd', learningRate: 0.1 }, 1.5)).toThrow(/whole number/)
  })
})
