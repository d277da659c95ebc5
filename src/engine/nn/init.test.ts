/**
 * Every initialiser's distribution on a 50 → 30 layer (n_in = 50, n_out = 30): range and standard
 * deviation of 30,000 seeded draws. The tolerance (3%) is several standard errors wide but
 * narrower than the gaps between the initialisers (He 0.200, Glorot 0.158, 1/√n_in 0.141).
 */
import { describe, expect, it } from 'vitest'
import type { InitSpec } from '../spec'
import { createRng } from '../rng'
import { initFill } from './init'

const fan = { nIn: 50, nOut: 30 }
const N = 30_000

function draw(spec: InitSpec): { min: number; max: number; mean: number; std: number } {
  const w = new Float64Array(N)
  initFill(w, 0, N, spec, fan, createRng(11))
  let sum = 0
  for (const v of w) sum += v
  const mean = sum / N
  let sq = 0
  for (const v of w) sq += (v - mean) ** 2
  return { min: Math.min(...w), max: Math.max(...w), mean, std: Math.sqrt(sq / N) }
}

/** [spec, mean, std, uniform limit (absent: a normal)]. */
const cases: [InitSpec, number, number, [number, number]?][] = [
  [{ id: 'uniform', low: -0.3, high: 0.5 }, 0.1, 0.8 / Math.sqrt(12), [-0.3, 0.5]],
  [{ id: 'normal', mean: 2, std: 0.7 }, 2, 0.7],
  [{ id: 'standardNormal' }, 0, 1],
  [{ id: 'scaledNormal' }, 0, 1 / Math.sqrt(50)],
  [{ id: 'glorotUniform' }, 0, Math.sqrt(6 / 80) / Math.sqrt(3), [-Math.sqrt(6 / 80), Math.sqrt(6 / 80)]],
  [{ id: 'glorotNormal' }, 0, Math.sqrt(2 / 80)],
  [{ id: 'heNormal' }, 0, Math.sqrt(2 / 50)],
  [{ id: 'heUniform' }, 0, Math.sqrt(6 / 50) / Math.sqrt(3), [-Math.sqrt(6 / 50), Math.sqrt(6 / 50)]],
]

describe('initialisers', () => {
  it('zeros and constant', () => {
    expect(draw({ id: 'zeros' })).toMatchObject({ min: 0, max: 0 })
    expect(draw({ id: 'constant', value: -0.35 })).toMatchObject({ min: -0.35, max: -0.35 })
  })

  for (const [spec, mean, std, limits] of cases) {
    it(`${spec.id}: mean ${mean.toFixed(3)}, std ${std.toFixed(3)}${limits ? `, within [${limits[0].toFixed(3)}, ${limits[1].toFixed(3)}]` : ''}`, () => {
      const d = draw(spec)
      expect(Math.abs(d.mean - mean)).toBeLessThan(0.03 * std)
      expect(d.std / std).toBeGreaterThan(0.97)
      expect(d.std / std).toBeLessThan(1.03)
      if (limits) {
        expect(d.min).toBeGreaterThanOrEqual(limits[0])
        expect(d.max).toBeLessThanOrEqual(limits[1])
        // Reaches close to both ends (a narrower range would fail here).
        expect(d.min).toBeLessThan(limits[0] + 0.01 * (limits[1] - limits[0]))
        expect(d.max).toBeGreaterThan(limits[1] - 0.01 * (limits[1] - limits[0]))
      }
    })
  }

  it('the same seed gives the same weights', () => {
    const a = new Float64Array(10)
    const b = new Float64Array(10)
    initFill(a, 0, 10, { id: 'heNormal' }, fan, createRng(3))
    initFill(b, 0, 10, { id: 'heNormal' }, fan, createRng(3))
    expect(b).toEqual(a)
  })
})
