/**
 * The compiler's checks of node parameters against their descriptors in NODE_KINDS (numbers,
 * bounds, enums, inits, schedules) and of hand-set weights against the layer's shape.
 */
import type { InitSpec } from '../spec'
import { INITS, NODE_KINDS, SCHEDULES, type ParamInfo } from './nodeKinds'
import type { ProjectNode, ProjectNodeOf } from './types'
import { nameOf, type Diagnostics } from './compileDiagnostics'

function checkNumber(info: ParamInfo, value: unknown, isInt: boolean): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a finite number'
  if (isInt && !Number.isInteger(value)) return 'must be a whole number'
  if (info.min !== undefined && value < info.min) return `must be at least ${info.min}`
  if (info.max !== undefined && value > info.max) return `must be at most ${info.max}`
  if (info.exclusiveMin !== undefined && value <= info.exclusiveMin) return `must be greater than ${info.exclusiveMin}`
  if (info.exclusiveMax !== undefined && value >= info.exclusiveMax) return `must be less than ${info.exclusiveMax}`
  return null
}

function checkInit(init: unknown): string | null {
  if (typeof init !== 'object' || init === null) return 'must be an initialiser'
  const spec = init as InitSpec
  if (!Object.hasOwn(INITS, spec.id)) return `has an unknown initialiser “${String(spec.id)}”`
  const finite = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x)
  if (spec.id === 'constant' && !finite(spec.value)) return 'needs a value for the constant initialiser'
  if (spec.id === 'uniform' && !(finite(spec.low) && finite(spec.high) && spec.low! < spec.high!)) return 'needs low < high for the uniform initialiser'
  if (spec.id === 'normal' && !(finite(spec.mean) && finite(spec.std) && spec.std! >= 0)) return 'needs a mean and a std ≥ 0 for the normal initialiser'
  return null
}

function checkSchedule(schedule: unknown): string | null {
  if (typeof schedule !== 'object' || schedule === null) return 'must be a schedule'
  const s = schedule as { id: string; every?: unknown; factor?: unknown; gamma?: unknown; boundaries?: unknown; values?: unknown }
  if (!Object.hasOwn(SCHEDULES, s.id)) return `has an unknown schedule “${String(s.id)}”`
  const positive = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x > 0
  if (s.id === 'step' && !(positive(s.every) && Number.isInteger(s.every) && positive(s.factor))) return 'needs a whole number of epochs (every) and a factor > 0'
  if (s.id === 'exponential' && !positive(s.gamma)) return 'needs γ > 0'
  if (s.id === 'piecewise') {
    const b = s.boundaries
    const v = s.values
    if (!Array.isArray(b) || !Array.isArray(v) || v.length !== b.length + 1) return 'needs one more value than boundaries'
    if (!v.every(positive) || !b.every((x, i) => positive(x) && (i === 0 || x > b[i - 1]))) return 'needs increasing boundaries and values > 0'
  }
  return null
}

/** Checks every parameter of a node against its descriptor in `NODE_KINDS`. */
export function checkParams(node: ProjectNode, diag: Diagnostics): void {
  const params = node.params as unknown as Record<string, unknown>
  for (const info of NODE_KINDS[node.kind].params) {
    const value = params[info.key]
    if (info.when && !info.when.in.includes(params[info.when.key] as string | boolean)) continue
    if (value === undefined && info.optional) continue
    let problem: string | null = null
    switch (info.type) {
      case 'int':
      case 'number':
        problem = checkNumber(info, value, info.type === 'int')
        break
      case 'numberOrNull':
        problem = value === null ? null : checkNumber(info, value, false)
        break
      case 'sizeOrAuto':
        problem = value === 'auto' ? null : checkNumber(info, value, true)
        break
      case 'boolean':
        problem = typeof value === 'boolean' ? null : 'must be true or false'
        break
      case 'enum':
        problem = typeof value === 'string' && info.options && Object.hasOwn(info.options, value) ? null : `must be one of ${Object.keys(info.options ?? {}).join(', ')}`
        break
      case 'init':
        problem = checkInit(value)
        break
      case 'schedule':
        problem = checkSchedule(value)
        break
      case 'matrix':
      case 'vector':
        break // shapes are checked once the layer sizes are known
    }
    if (problem) {
      diag.error('invalid-param', { nodeId: node.id, param: info.key }, `${info.label} of ${nameOf(node)} ${problem} (it is ${JSON.stringify(value)}).`, info.description)
    }
  }
}

/** Checks hand-set weights `[units][nIn]` and biases `[units]`. */
export function checkHandSet(node: ProjectNodeOf<'dense'>, nIn: number, diag: Diagnostics): void {
  const { weights, biases, units, useBias } = node.params
  const isNumberRow = (row: unknown, n: number): boolean =>
    Array.isArray(row) && row.length === n && row.every((x) => typeof x === 'number' && Number.isFinite(x))
  if (weights !== undefined && !(Array.isArray(weights) && weights.length === units && weights.every((row) => isNumberRow(row, nIn)))) {
    diag.error('weights-shape', { nodeId: node.id, param: 'weights' }, `The hand-set weights of ${nameOf(node)} should be ${units} rows (one per unit) of ${nIn} numbers (one per input).`, `Row j holds w_jk for every input k. Fix the table, or clear it to use the initialiser.`)
  }
  if (biases !== undefined) {
    if (!useBias) {
      diag.error('weights-shape', { nodeId: node.id, param: 'biases' }, `${nameOf(node)} has hand-set biases but no bias.`, 'Turn Bias on, or clear the biases.')
    } else if (!isNumberRow(biases, units)) {
      diag.error('weights-shape', { nodeId: node.id, param: 'biases' }, `The hand-set biases of ${nameOf(node)} should be ${units} numbers (one per unit).`, 'Give one bias per unit, or clear them to use the initialiser.')
    }
  }
}
