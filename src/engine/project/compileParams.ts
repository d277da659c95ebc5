/**
 * The compiler's checks of node parameters against their declarations (`nodeParams.ts`: types,
 * bounds, registry ids, what each initialiser and schedule needs) and of hand-set weights
 * against the layer's shape.
 */
import { checkWith } from '../schema/issues'
import { NODE_KINDS } from './nodeKinds'
import { nodeParams } from './nodeParams'
import type { ProjectNode, ProjectNodeOf } from './types'
import { nameOf, type Diagnostics } from './compileDiagnostics'

/**
 * Checks every parameter of a node against its declaration: one diagnostic per parameter,
 * pinned on the node and the parameter, skipping parameters the node's settings hide.
 */
export function checkParams(node: ProjectNode, diag: Diagnostics): void {
  const checked = checkWith(nodeParams[node.kind], node.params, '')
  if (checked.ok) return
  const params = node.params as Record<string, unknown>
  const reported = new Set<string>()
  for (const problem of checked.errors) {
    const [, key, rest] = /^\.(\w+)(.*)$/.exec(problem.path) ?? []
    const info = NODE_KINDS[node.kind].params.find((p) => p.key === key)
    if (!info || reported.has(info.key)) continue
    if (info.when && !info.when.in.includes(params[info.when.key] as string | boolean)) continue
    reported.add(info.key)
    const what = rest
      ? `${info.label} of ${nameOf(node)}: ${rest.slice(1)}`
      : `${info.label} of ${nameOf(node)}`
    diag.error(
      'invalid-param',
      { nodeId: node.id, param: info.key },
      `${what} ${problem.message} (it is ${JSON.stringify(params[info.key])}).`,
      info.description,
    )
  }
}

/** Checks hand-set weights `[units][nIn]` and biases `[units]`. */
export function checkHandSet(node: ProjectNodeOf<'dense'>, nIn: number, diag: Diagnostics): void {
  const { weights, biases, units, useBias } = node.params
  const isNumberRow = (row: unknown, n: number): boolean =>
    Array.isArray(row) &&
    row.length === n &&
    row.every((x) => typeof x === 'number' && Number.isFinite(x))
  if (
    weights !== undefined &&
    !(
      Array.isArray(weights) &&
      weights.length === units &&
      weights.every((row) => isNumberRow(row, nIn))
    )
  ) {
    diag.error(
      'weights-shape',
      { nodeId: node.id, param: 'weights' },
      `The hand-set weights of ${nameOf(node)} should be ${units} rows (one per unit) of ${nIn} numbers (one per input).`,
      `Row j holds w_jk for every input k. Fix the table, or clear it to use the initialiser.`,
    )
  }
  if (biases !== undefined) {
    if (!useBias) {
      diag.error(
        'weights-shape',
        { nodeId: node.id, param: 'biases' },
        `${nameOf(node)} has hand-set biases but no bias.`,
        'Turn Bias on, or clear the biases.',
      )
    } else if (!isNumberRow(biases, units)) {
      diag.error(
        'weights-shape',
        { nodeId: node.id, param: 'biases' },
        `The hand-set biases of ${nameOf(node)} should be ${units} numbers (one per unit).`,
        'Give one bias per unit, or clear them to use the initialiser.',
      )
    }
  }
}
