/**
 * The playground's inputs as the user types them → descent paths, with the problem (and where)
 * when the text cannot be read. Pure: the components only draw what this returns.
 */
import { compileExpression, ExpressionError, type CompiledExpression } from '../../../engine/experiments/expression'
import { descend, MAX_DESCENT_ITERATIONS, type DescentPath } from '../../../engine/experiments/descent'
import type { OptimizerSpec } from '../../../engine/spec'

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

/** f compiled, or the parser's message with the column it points at. */
export function parseFunction(text: string, variables: readonly string[]): Parsed<CompiledExpression> {
  try {
    return { ok: true, value: compileExpression(text, variables) }
  } catch (e) {
    if (e instanceof ExpressionError) return { ok: false, message: `${e.message} (at character ${e.position + 1})` }
    throw e
  }
}

/** A list of positive learning rates: "0.01, 0.05 0.1" → [0.01, 0.05, 0.1]. */
export function parseRates(text: string): Parsed<number[]> {
  const parts = text.split(/[\s,;]+/).filter(Boolean)
  if (parts.length === 0) return { ok: false, message: 'Give at least one learning rate, e.g. 0.01, 0.05, 0.1.' }
  if (parts.length > 8) return { ok: false, message: 'At most 8 learning rates at once.' }
  const rates = parts.map(Number)
  const bad = parts.find((p, i) => !(rates[i] > 0) || !Number.isFinite(rates[i]))
  if (bad !== undefined) return { ok: false, message: `“${bad}” is not a positive number.` }
  return { ok: true, value: rates }
}

/** A whole number of iterations in [1, MAX_DESCENT_ITERATIONS]. */
export function parseIterations(text: string): Parsed<number> {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1 || n > MAX_DESCENT_ITERATIONS) return { ok: false, message: `Iterations: a whole number from 1 to ${MAX_DESCENT_ITERATIONS.toLocaleString('en-US')}.` }
  return { ok: true, value: n }
}

/** A finite number (a start coordinate). */
export function parseNumber(text: string, name: string): Parsed<number> {
  const v = Number(text.replace('−', '-'))
  return text.trim() !== '' && Number.isFinite(v) ? { ok: true, value: v } : { ok: false, message: `${name} must be a number.` }
}

/** One descent per optimizer setting, from `start`. */
export function descents(f: CompiledExpression, start: number[], optimizers: OptimizerSpec[], iterations: number): DescentPath[] {
  return optimizers.map((o) => descend(f, start, o, iterations))
}

/** Index of the path with the lowest final f (null when all diverged). */
export function bestPath(paths: readonly DescentPath[]): number | null {
  let best: number | null = null
  paths.forEach((p, i) => {
    if (p.diverged) return
    if (best === null || p.rows.at(-1)!.f < paths[best].rows.at(-1)!.f) best = i
  })
  return best
}

/**
 * Colours for up to 8 series, colour-blind safe (Okabe–Ito). The last, Okabe–Ito's black, is
 * the text's colour (`currentColor`, which SVG and the charts' canvas both resolve): black on
 * the light theme, near-white on the dark one, where a black curve could not be seen.
 */
export const SERIES_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#7f7f00', 'currentColor']
