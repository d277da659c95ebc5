import { describe, expect, it } from 'vitest'
import { compileExpression } from './expression'
import { descend } from './descent'
import { PLAYGROUND_OPTIMIZERS, SURFACES, isAdaptive, surfaceGrid, type SurfaceId } from './surfaces'

describe('the playground surfaces', () => {
  it('parse, have their stated minimum (zero gradient there) and start inside the plot', () => {
    for (const [id, s] of Object.entries(SURFACES)) {
      const f = compileExpression(s.formula, ['x', 'y'])
      if (s.minimum) expect(f.gradient(s.minimum).map((g) => Math.abs(g) < 1e-12), id).toEqual([true, true])
      const { xMin, xMax, yMin, yMax } = s.extent
      expect(s.start[0] > xMin && s.start[0] < xMax && s.start[1] > yMin && s.start[1] < yMax, id).toBe(true)
    }
  })

  it('every optimizer gets closer to the minimum on every surface with the suggested η (none diverges)', () => {
    for (const id of Object.keys(SURFACES) as SurfaceId[]) {
      const s = SURFACES[id]
      const f = compileExpression(s.formula, ['x', 'y'])
      for (const opt of PLAYGROUND_OPTIMIZERS) {
        const path = descend(f, s.start, { id: opt, learningRate: isAdaptive(opt) ? s.eta.adaptive : s.eta.plain }, 200)
        expect(path.diverged, `${opt} on ${id}`).toBe(false)
        expect(path.rows.at(-1)!.f, `${opt} on ${id}`).toBeLessThan(path.rows[0].f)
      }
    }
  })

  it('shows what it says: on the ravine momentum beats plain descent; at the saddle plain descent lingers and momentum escapes; on Rosenbrock Adam beats it', () => {
    const after = (id: SurfaceId, opt: 'sgd' | 'momentum' | 'adam', n: number): number => {
      const s = SURFACES[id]
      return descend(compileExpression(s.formula, ['x', 'y']), s.start, { id: opt, learningRate: isAdaptive(opt) ? s.eta.adaptive : s.eta.plain }, n).rows[n].f
    }
    expect(after('ravine', 'momentum', 100)).toBeLessThan(after('ravine', 'sgd', 100) / 10)
    // The saddle's f is 0, each minimum's −1: after 50 steps plain descent is still near the saddle.
    expect(after('saddle', 'sgd', 50)).toBeGreaterThan(-0.1)
    expect(after('saddle', 'momentum', 50)).toBeLessThan(-0.9)
    expect(after('rosenbrock', 'adam', 500)).toBeLessThan(after('rosenbrock', 'sgd', 500))
  })

  it('grids f with row 0 at the top (y = yMax)', () => {
    const g = surfaceGrid(([x, y]) => 10 * x + y, { xMin: 0, xMax: 1, yMin: 0, yMax: 2 }, 3)
    expect(Array.from(g)).toEqual([2, 7, 12, 1, 6, 11, 0, 5, 10])
  })
})
