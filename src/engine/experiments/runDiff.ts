/**
 * What differs between the networks of two runs, in the words of the inspector: "hidden ·
 * Units: 2 → 4", "optimizer · Learning rate η: 0.1 → 0.5", "project · Seed: 1 → 2". Used for a
 * run's changes against the run before it and for the side-by-side comparison of runs.
 */
import { NODE_KINDS } from '../project/nodeKinds'
import type { ProjectNode } from '../project/types'
import type { RunNetwork } from './runHistory'

/** One setting that differs: where (a node's label, `project`, `data`, `wiring`), which, and its values as text. */
export interface SettingChange {
  /** Stable key across runs: `nodeId.param`, `project.seed`, `data.path` … */
  key: string
  where: string
  setting: string
  before: string
  after: string
}

/** A value as the inspector would say it: 0.1, on/off, "uniform(low −0.5, high 0.5)", "absent". */
export function settingText(value: unknown): string {
  if (value === undefined) return 'absent'
  if (value === null) return 'off'
  if (typeof value === 'boolean') return value ? 'on' : 'off'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return Array.isArray(value[0]) ? `${value.length}×${(value[0] as unknown[]).length} values` : `${value.length} values`
  if (typeof value === 'object') {
    const { id, ...rest } = value as Record<string, unknown>
    const args = Object.entries(rest).map(([k, v]) => `${k} ${settingText(v)}`)
    if (id === undefined) return args.join(', ')
    return args.length > 0 ? `${settingText(id)}(${args.join(', ')})` : settingText(id)
  }
  return String(value)
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
const nodeName = (n: ProjectNode): string => n.label || n.id

/** The inspector's label of a node's parameter (its key when it has none). */
function paramLabel(node: ProjectNode, key: string): string {
  return NODE_KINDS[node.kind]?.params.find((p) => p.key === key)?.label ?? key
}

/** Changes of one node kept by both networks: every parameter that differs, and its label. */
function nodeChanges(a: ProjectNode, b: ProjectNode): SettingChange[] {
  const out: SettingChange[] = []
  const where = nodeName(b)
  if (a.kind !== b.kind) out.push({ key: `${b.id}.kind`, where, setting: 'kind', before: a.kind, after: b.kind })
  if ((a.label ?? '') !== (b.label ?? '')) out.push({ key: `${b.id}.label`, where, setting: 'label', before: a.label || '–', after: b.label || '–' })
  const pa = a.params as Record<string, unknown>
  const pb = b.params as Record<string, unknown>
  for (const key of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
    if (!same(pa[key], pb[key])) out.push({ key: `${b.id}.${key}`, where, setting: paramLabel(b, key), before: settingText(pa[key]), after: settingText(pb[key]) })
  }
  return out
}

/** The data reference's fields that differ (inline rows counted, not listed). */
function dataChanges(a: RunNetwork['data'], b: RunNetwork['data']): SettingChange[] {
  const fields = (d: RunNetwork['data']): Record<string, unknown> =>
    d.kind === 'inline' ? { kind: 'inline', rows: d.inputs.length, inputs: d.inputs, targets: d.targets } : (d as Record<string, unknown>)
  const fa = fields(a)
  const fb = fields(b)
  const out: SettingChange[] = []
  for (const key of new Set([...Object.keys(fa), ...Object.keys(fb)])) {
    if (same(fa[key], fb[key])) continue
    const text = (v: unknown) => (key === 'inputs' || key === 'targets' ? (Array.isArray(v) ? 'other values' : 'absent') : settingText(v))
    out.push({ key: `data.${key}`, where: 'data', setting: key, before: text(fa[key]), after: text(fb[key]) })
  }
  // Changed inline values say so once, not once per table.
  return out.filter((c, i) => c.key !== 'data.targets' || !out.slice(0, i).some((o) => o.key === 'data.inputs'))
}

/** Connections only one of the networks has, as "a → b" lists. */
function wiringChanges(a: RunNetwork, b: RunNetwork): SettingChange[] {
  const links = (n: RunNetwork) => new Set(n.edges.map((e) => `${e.source} → ${e.target}`))
  const la = links(a)
  const lb = links(b)
  const gone = [...la].filter((l) => !lb.has(l))
  const added = [...lb].filter((l) => !la.has(l))
  if (gone.length === 0 && added.length === 0) return []
  return [{ key: 'wiring', where: 'wiring', setting: 'connections', before: gone.join(', ') || '–', after: added.join(', ') || '–' }]
}

/** Every setting in which `after` differs from `before`: project, data, nodes (added, removed, changed), wiring. */
export function runNetworkDiff(before: RunNetwork, after: RunNetwork): SettingChange[] {
  const out: SettingChange[] = []
  if (before.seed !== after.seed) out.push({ key: 'project.seed', where: 'project', setting: 'Seed', before: String(before.seed), after: String(after.seed) })
  if (before.precision !== after.precision) out.push({ key: 'project.precision', where: 'project', setting: 'Precision', before: before.precision, after: after.precision })
  out.push(...dataChanges(before.data, after.data))
  const byId = new Map(before.nodes.map((n) => [n.id, n]))
  const startsA = new Set(before.handSet ?? [])
  const startsB = new Set(after.handSet ?? [])
  for (const node of after.nodes) {
    const old = byId.get(node.id)
    if (!old) out.push({ key: `${node.id}.node`, where: nodeName(node), setting: 'node', before: 'absent', after: NODE_KINDS[node.kind]?.label ?? node.kind })
    else out.push(...nodeChanges(old, node))
    if (old && startsA.has(node.id) !== startsB.has(node.id)) {
      const start = (s: Set<string>) => (s.has(node.id) ? 'hand-set values' : 'the initialiser')
      out.push({ key: `${node.id}.start`, where: nodeName(node), setting: 'starts from', before: start(startsA), after: start(startsB) })
    }
  }
  const kept = new Set(after.nodes.map((n) => n.id))
  for (const node of before.nodes) if (!kept.has(node.id)) out.push({ key: `${node.id}.node`, where: nodeName(node), setting: 'node', before: NODE_KINDS[node.kind]?.label ?? node.kind, after: 'absent' })
  out.push(...wiringChanges(before, after))
  return out
}

/** A short summary of a diff for a table cell: "Units 2 → 4; Learning rate η 0.1 → 0.5" (first `max`). */
export function diffSummary(changes: readonly SettingChange[], max = 3): string {
  if (changes.length === 0) return 'same settings'
  const shown = changes.slice(0, max).map((c) => `${c.setting} ${c.before} → ${c.after}`)
  return changes.length > max ? `${shown.join('; ')}; +${changes.length - max} more` : shown.join('; ')
}

/**
 * The settings that differ anywhere among `networks`, each with its value per network: the
 * rows of the side-by-side comparison (the first network is the base).
 */
export function comparisonRows(networks: readonly RunNetwork[]): { key: string; where: string; setting: string; values: string[] }[] {
  const base = networks[0]
  const diffs = networks.map((n, i) => (i === 0 ? [] : runNetworkDiff(base, n)))
  const rows = new Map<string, { key: string; where: string; setting: string; values: string[] }>()
  for (const c of diffs.flat()) if (!rows.has(c.key)) rows.set(c.key, { key: c.key, where: c.where, setting: c.setting, values: [] })
  // A run's value is its diff's `after`, else the base's value (any diff's `before`).
  for (const row of rows.values()) {
    const found = diffs.map((d) => d.find((c) => c.key === row.key))
    const baseValue = found.find(Boolean)?.before ?? '–'
    row.values = found.map((c, i) => (i === 0 ? baseValue : (c?.after ?? baseValue)))
  }
  return [...rows.values()]
}
