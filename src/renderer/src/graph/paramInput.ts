/**
 * The inspector's checks as the user types: text → value, or a plain-language problem.
 * Bounds come from the parameter descriptors in `NODE_KINDS` (min, max, exclusiveMin/Max),
 * so the inspector and `compileGraph` agree on what is allowed.
 */
import type { ParamInfo } from '../../../engine/project'

export type ParsedInput = { ok: true; value: number | null | 'auto' } | { ok: false; problem: string; value?: number }

/** Problem with a number against the descriptor's bounds, or null. */
export function boundsProblem(info: Pick<ParamInfo, 'min' | 'max' | 'exclusiveMin' | 'exclusiveMax'>, value: number, isInt: boolean): string | null {
  if (!Number.isFinite(value)) return 'Type a number.'
  if (isInt && !Number.isInteger(value)) return 'Must be a whole number.'
  if (info.min !== undefined && value < info.min) return `Must be at least ${info.min}.`
  if (info.max !== undefined && value > info.max) return `Must be at most ${info.max}.`
  if (info.exclusiveMin !== undefined && value <= info.exclusiveMin) return `Must be greater than ${info.exclusiveMin}.`
  if (info.exclusiveMax !== undefined && value >= info.exclusiveMax) return `Must be less than ${info.exclusiveMax}.`
  return null
}

/** Reads a number as people type it: "0.5", ".5", "1e-3", "−2" (typographic minus), "1,5". */
export function readNumber(text: string): number {
  const t = text.trim().replace(/\u2212/g, '-').replace(',', '.')
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return NaN
  return Number(t)
}

/**
 * Parses the text of a number-like parameter (`int`, `number`, `numberOrNull`, `sizeOrAuto`).
 * A value that parses but is out of range comes back with `ok: false` and the value, so the
 * editor may still store it (the compiler then pins a diagnostic on the node).
 */
export function parseParamInput(info: ParamInfo, text: string): ParsedInput {
  const t = text.trim()
  if (info.type === 'numberOrNull' && t === '') return { ok: true, value: null }
  if (info.type === 'sizeOrAuto' && (t === '' || t.toLowerCase() === 'auto')) return { ok: true, value: 'auto' }
  const value = readNumber(t)
  if (Number.isNaN(value)) return { ok: false, problem: info.type === 'sizeOrAuto' ? 'Type a whole number, or auto.' : info.type === 'numberOrNull' ? 'Type a number, or leave empty for off.' : 'Type a number.' }
  const problem = boundsProblem(info, value, info.type === 'int' || info.type === 'sizeOrAuto')
  return problem ? { ok: false, problem, value } : { ok: true, value }
}

/** The text an editor shows for a stored value. */
export function formatParamValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  return String(value)
}
