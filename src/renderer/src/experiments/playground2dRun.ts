/**
 * The 2-D playground's inputs as the user types them → one descent per chosen optimizer, or the
 * first problem to show. Pure: `Playground2d` only keeps the text and draws what this returns.
 */
import { optimizerRules, type OptimizerId } from '../../../engine/nn/optimizers'
import { PLAYGROUND_OPTIMIZERS, SURFACES, isAdaptive, type SurfaceId } from '../../../engine/experiments/surfaces'
import type { CompiledExpression } from '../../../engine/experiments/expression'
import type { DescentPath } from '../../../engine/experiments/descent'
import { descents, parseFunction, parseIterations, parseNumber } from './playgroundModel'

/** The learning rate typed for each optimizer. */
export type Etas = Record<OptimizerId, string>

/** What the user has typed and ticked. */
export interface Playground2dInputs {
  formula: string
  start: [string, string]
  iterations: string
  chosen: readonly OptimizerId[]
  etas: Etas
}

export type Playground2dRun = { problem: string } | { f: CompiledExpression; iterations: number; paths: DescentPath[] }

/** The surface's suggested η for every optimizer (one for the plain rules, one for the adaptive). */
export function defaultEtas(id: SurfaceId): Etas {
  const s = SURFACES[id]
  return Object.fromEntries(PLAYGROUND_OPTIMIZERS.map((o) => [o, String(isAdaptive(o) ? s.eta.adaptive : s.eta.plain)])) as Etas
}

/** Descends from the start with every chosen optimizer, or says what in the inputs cannot be read. */
export function runPlayground2d(inputs: Playground2dInputs): Playground2dRun {
  const f = parseFunction(inputs.formula, ['x', 'y'])
  const x0 = parseNumber(inputs.start[0], 'The start x')
  const y0 = parseNumber(inputs.start[1], 'The start y')
  const iterations = parseIterations(inputs.iterations)
  if (!f.ok) return { problem: f.message }
  if (!x0.ok) return { problem: x0.message }
  if (!y0.ok) return { problem: y0.message }
  if (!iterations.ok) return { problem: iterations.message }
  const rates = inputs.chosen.map((id) => ({ id, learningRate: Number(inputs.etas[id]) }))
  const badRate = rates.find((r) => !(r.learningRate > 0) || !Number.isFinite(r.learningRate))
  if (badRate) return { problem: `η of ${optimizerRules[badRate.id].label} must be a positive number.` }
  return { f: f.value, iterations: iterations.value, paths: descents(f.value, [x0.value, y0.value], rates, iterations.value) }
}

/** Ticks or unticks an optimizer, keeping the playground's order (so colours stay put). */
export function toggleOptimizer(chosen: readonly OptimizerId[], id: OptimizerId): OptimizerId[] {
  return chosen.includes(id) ? chosen.filter((x) => x !== id) : PLAYGROUND_OPTIMIZERS.filter((x) => x === id || chosen.includes(x))
}
