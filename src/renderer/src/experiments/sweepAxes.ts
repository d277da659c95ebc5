/**
 * What a sweep can vary, from the node-kind registry: each node's number, whole-number, choice
 * and yes/no settings, and the project's seed; and the values text of an axis, read and checked.
 */
import { NODE_KINDS, type ParamInfo, type Project } from '../../../engine/project'
import { PROJECT_SETTING, type SweepValue } from '../../../engine/experiments/sweep'

const SWEEPABLE = new Set<ParamInfo['type']>(['int', 'number', 'enum', 'boolean'])
const SEED: ParamInfo = { key: 'seed', label: 'Seed', description: 'The project seed: initial weights, split, shuffling.', type: 'int', min: 0, max: 0xffffffff }

/** The settings of `nodeId` a sweep can vary (the project's seed for `PROJECT_SETTING`). */
export function sweepableParams(project: Project, nodeId: string): ParamInfo[] {
  if (nodeId === PROJECT_SETTING) return [SEED]
  const node = project.nodes.find((n) => n.id === nodeId)
  return node ? NODE_KINDS[node.kind].params.filter((p) => SWEEPABLE.has(p.type)) : []
}

/** Nodes with something to sweep, as [id, label] (the project itself first). */
export function sweepableNodes(project: Project): [string, string][] {
  const nodes = project.nodes.filter((n) => sweepableParams(project, n.id).length > 0).map((n): [string, string] => [n.id, `${NODE_KINDS[n.kind].label}${n.label ? ` “${n.label}”` : ''} (${n.id})`])
  return [[PROJECT_SETTING, 'Project'], ...nodes]
}

/** A suggestion of values for a setting (the assignment's rates for η). */
export function suggestedValues(info: ParamInfo | undefined): string {
  if (!info) return ''
  if (info.key === 'learningRate') return '0.0001, 0.0005, 0.001, 0.005, 0.01'
  // Not the first three choices (linear, step, sign): step and sign have no gradient, and those runs only fail.
  if (info.key === 'activation') return 'sigmoid, tanh, relu'
  if (info.type === 'enum') return Object.keys(info.options ?? {}).slice(0, 3).join(', ')
  if (info.type === 'boolean') return 'true, false'
  if (info.key === 'seed') return '1, 2, 3'
  if (info.key === 'units') return '16, 64, 256'
  return ''
}

/** The values typed for `info`, checked against its type and bounds; or the problem. */
export function parseAxisValues(text: string, info: ParamInfo): { ok: true; values: SweepValue[] } | { ok: false; message: string } {
  const parts = text.split(/[\s,;]+/).filter(Boolean)
  if (parts.length === 0) return { ok: false, message: `Give the values of ${info.label}, separated by commas.` }
  if (parts.length > 12) return { ok: false, message: 'At most 12 values per setting.' }
  const values: SweepValue[] = []
  for (const part of parts) {
    if (info.type === 'enum') {
      if (!Object.hasOwn(info.options ?? {}, part)) return { ok: false, message: `“${part}” is not a choice of ${info.label}: ${Object.keys(info.options ?? {}).join(', ')}.` }
      values.push(part)
    } else if (info.type === 'boolean') {
      if (part !== 'true' && part !== 'false') return { ok: false, message: `${info.label} is true or false, not “${part}”.` }
      values.push(part === 'true')
    } else {
      const v = Number(part)
      const whole = info.type === 'int'
      const tooLow = (info.min !== undefined && v < info.min) || (info.exclusiveMin !== undefined && v <= info.exclusiveMin)
      const tooHigh = (info.max !== undefined && v > info.max) || (info.exclusiveMax !== undefined && v >= info.exclusiveMax)
      if (!Number.isFinite(v) || (whole && !Number.isInteger(v)) || tooLow || tooHigh) return { ok: false, message: `“${part}” is not a valid ${info.label}${whole ? ' (a whole number)' : ''}.` }
      values.push(v)
    }
  }
  if (new Set(values).size !== values.length) return { ok: false, message: `A value of ${info.label} is given twice.` }
  return { ok: true, values }
}

/** A second axis to add beside `first`: the project's seed (repeats), else a node's first setting; never `first`'s own. */
export function secondAxis(project: Project, first: { nodeId: string; param: string }): { nodeId: string; param: string; text: string } {
  for (const [nodeId] of sweepableNodes(project)) {
    const info = sweepableParams(project, nodeId).find((p) => nodeId !== first.nodeId || p.key !== first.param)
    if (info) return { nodeId, param: info.key, text: suggestedValues(info) }
  }
  return { nodeId: PROJECT_SETTING, param: SEED.key, text: suggestedValues(SEED) }
}

/** The problem of two axes on the same setting (the second's values would replace the first's), or null. */
export function sameSettingTwice(axes: { nodeId: string; param: string }[]): string | null {
  const [a, b] = axes
  return b && a.nodeId === b.nodeId && a.param === b.param ? 'Vary two different settings: both rows name the same one.' : null
}
