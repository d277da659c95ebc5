/**
 * The playground's error surfaces: classic two-variable functions that show what each
 * optimizer is good and bad at. Each is written in the playground's expression language, so
 * the user sees (and may edit) the very formula that is descended.
 */
import type { OptimizerId } from '../nn/optimizers'

export interface Surface {
  label: string
  /** f(x, y) in the expression language (`expression.ts`). */
  formula: string
  /** What to look for. */
  description: string
  start: [number, number]
  /** The plotted square: x in [xMin, xMax], y in [yMin, yMax]. */
  extent: { xMin: number; xMax: number; yMin: number; yMax: number }
  /** η that shows each rule well here (plain and momentum rules; adaptive rules). */
  eta: { plain: number; adaptive: number }
  /** Where the minimum is (for the plot's marker), when there is one. */
  minimum: [number, number] | null
}

// One row a surface (a table: every row has the same fields).
export const SURFACES = {
  bowl: { label: 'Bowl', formula: 'x^2 + y^2', start: [-4, 3], extent: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 }, eta: { plain: 0.1, adaptive: 0.5 }, minimum: [0, 0], description: 'Round: the gradient points at the minimum, every rule gets there.' },
  ravine: { label: 'Ravine', formula: '0.02x^2 + 4y^2', start: [-4.5, 1], extent: { xMin: -5, xMax: 5, yMin: -2, yMax: 2 }, eta: { plain: 0.15, adaptive: 0.1 }, minimum: [0, 0], description: 'Steep across, shallow along: plain descent zig-zags across the valley and crawls along it; momentum and the adaptive rules do not.' },
  saddle: { label: 'Saddle', formula: 'x^2 + y^4/4 - y^2', start: [-3, 0.001], extent: { xMin: -3.5, xMax: 3.5, yMin: -2.5, yMax: 2.5 }, eta: { plain: 0.05, adaptive: 0.1 }, minimum: [0, Math.SQRT2], description: 'A saddle point at the origin between two minima (y = ±√2): starting almost on the ridge, plain descent lingers at the saddle; momentum escapes sooner.' },
  rosenbrock: { label: 'Rosenbrock', formula: '(1 - x)^2 + 100(y - x^2)^2', start: [-1.5, 2], extent: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 }, eta: { plain: 0.001, adaptive: 0.05 }, minimum: [1, 1], description: 'A curved, flat-bottomed valley with its minimum at (1, 1): easy to reach, slow to follow.' },
} satisfies Record<string, Surface>

export type SurfaceId = keyof typeof SURFACES

/** The optimizers the playground compares side by side (the engine's rules, by id). */
export const PLAYGROUND_OPTIMIZERS = ['sgd', 'momentum', 'momentumEma', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const satisfies readonly OptimizerId[]

/** Whether a rule scales its steps per weight (its η lives on another scale). */
export function isAdaptive(id: OptimizerId): boolean {
  return id === 'adagrad' || id === 'rmsprop' || id === 'adam'
}

/**
 * f on a `size`×`size` grid over `extent` (row 0 at yMax, as drawn), for contour plots.
 * `value` is the compiled surface.
 */
export function surfaceGrid(value: (p: number[]) => number, extent: Surface['extent'], size: number): Float64Array {
  const out = new Float64Array(size * size)
  for (let r = 0; r < size; r++) {
    const y = extent.yMax - ((extent.yMax - extent.yMin) * r) / (size - 1)
    for (let c = 0; c < size; c++) out[r * size + c] = value([extent.xMin + ((extent.xMax - extent.xMin) * c) / (size - 1), y])
  }
  return out
}
