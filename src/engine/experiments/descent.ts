/**
 * Gradient descent on a function of one or two variables, for the optimizer playground
 * (Assignment 6, Q1). The updates are the engine's own optimizers (`nn/optimizers.ts`, the
 * same code that trains networks, look-ahead included), applied to a parameter vector of
 * length 1 or 2. Rows record f and ∇f at the point itself.
 *
 *   const f = compileExpression('x^4/4 - 3x^3 + 7x - 5')
 *   descend(f, [0], { id: 'sgd', learningRate: 0.05 }, 30).rows[30].f   // f(x₃₀)
 */
import type { OptimizerSpec } from '../spec'
import { createOptimizer } from '../nn/optimizers'
import type { CompiledExpression } from './expression'

/** One row of the iteration table: the point after `iteration` updates, f there and ∇f there. */
export interface DescentRow {
  iteration: number
  point: number[]
  f: number
  gradient: number[]
}

export interface DescentPath {
  optimizer: OptimizerSpec
  /** Row 0 is the start; row n the point after n updates (fewer rows when it diverged). */
  rows: DescentRow[]
  /** True when f or the point stopped being finite or ran past `DIVERGED_AT`. */
  diverged: boolean
}

/** A point this far from the origin counts as diverged (the plot and the table stop there). */
export const DIVERGED_AT = 1e8

/** Most iterations a playground run may ask for. */
export const MAX_DESCENT_ITERATIONS = 10_000

/**
 * `iterations` updates of `optimizer` on f from `start`: w ← update(w, ∇f(w)).
 * @throws RangeError for a start of the wrong length or a bad iteration count.
 */
export function descend(f: CompiledExpression, start: readonly number[], optimizer: OptimizerSpec, iterations: number): DescentPath {
  if (start.length !== f.variables.length || !start.every(Number.isFinite)) throw new RangeError(`The start needs ${f.variables.length} finite number${f.variables.length > 1 ? 's' : ''} (${f.variables.join(', ')}).`)
  if (!Number.isInteger(iterations) || iterations < 0 || iterations > MAX_DESCENT_ITERATIONS) throw new RangeError(`The number of iterations must be a whole number from 0 to ${MAX_DESCENT_ITERATIONS}.`)
  if (!(optimizer.learningRate > 0) || !Number.isFinite(optimizer.learningRate)) throw new RangeError(`The learning rate η must be a positive number, got ${optimizer.learningRate}.`)
  const w = Float64Array.from(start)
  const g = new Float64Array(w.length)
  const opt = createOptimizer(optimizer, w.length)
  const ranges = [{ offset: 0, length: w.length }]
  const row = (iteration: number): DescentRow => {
    const gradient = f.gradient(Array.from(w))
    return { iteration, point: Array.from(w), f: f.value(Array.from(w)), gradient }
  }
  const rows = [row(0)]
  let diverged = !isSane(rows[0])
  for (let n = 1; n <= iterations && !diverged; n++) {
    // A look-ahead rule (Nesterov, lecture form) takes its gradient at w − α·v, as in training.
    opt.beginBatch(w, ranges)
    g.set(f.gradient(Array.from(w)))
    opt.step(w, g, optimizer.learningRate, ranges)
    const r = row(n)
    rows.push(r)
    diverged = !isSane(r)
  }
  return { optimizer: { ...optimizer }, rows, diverged }
}

function isSane(r: DescentRow): boolean {
  return Number.isFinite(r.f) && r.point.every((v) => Number.isFinite(v) && Math.abs(v) < DIVERGED_AT) && r.gradient.every(Number.isFinite)
}
