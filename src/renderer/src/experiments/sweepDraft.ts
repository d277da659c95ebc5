/**
 * The sweep the user is composing: one or two axes as typed (node, setting, values text), read
 * into the axes a sweep runs, the number of runs, or the first problem to show. Pure.
 */
import type { Project } from '../../../engine/project'
import { PROJECT_SETTING, type SweepAxis } from '../../../engine/experiments/sweep'
import { parseAxisValues, sameSettingTwice, suggestedValues, sweepableNodes, sweepableParams } from './sweepAxes'

/** One axis as typed. */
export interface AxisDraft {
  nodeId: string
  param: string
  text: string
}

/** The axes read: ready to run (with how many runs), or the first problem and the row (`axis`) to show it in. */
export type SweepDraftReading = { axes: SweepAxis[]; runs: number; problem: null } | { axes: null; problem: string; axis: number }

/** The first axis offered: the optimizer's learning rate (the assignment's sweep), else the seed. */
export function defaultAxis(project: Project): AxisDraft {
  const optimizer = project.nodes.find((n) => n.kind === 'optimizer')
  if (optimizer) return { nodeId: optimizer.id, param: 'learningRate', text: suggestedValues(sweepableParams(project, optimizer.id).find((p) => p.key === 'learningRate')) }
  return { nodeId: sweepableNodes(project)[0][0], param: 'seed', text: '1, 2, 3' }
}

/**
 * The form as saved with the project (`experiments.draft`), its axes whose node and setting the
 * network still has; else the default axis. Typed values that do not parse are kept as typed.
 */
export function savedDraft(project: Project): AxisDraft[] {
  const saved = (project.experiments?.draft ?? []).filter((a) => sweepableParams(project, a.nodeId).some((p) => p.key === a.param))
  return saved.length > 0 ? saved.slice(0, 2).map(({ nodeId, param, text }) => ({ nodeId, param, text })) : [defaultAxis(project)]
}

/** The axis moved to another node: its first setting, with suggested values. */
export function axisOnNode(project: Project, nodeId: string): AxisDraft {
  const first = sweepableParams(project, nodeId)[0]
  return { nodeId, param: first?.key ?? '', text: suggestedValues(first) }
}

/** Every axis read against its node's setting. */
export function readSweepDraft(project: Project, drafts: readonly AxisDraft[]): SweepDraftReading {
  const parsed = drafts.map((a) => {
    const info = sweepableParams(project, a.nodeId).find((p) => p.key === a.param)
    if (!info) return { ok: false as const, message: `Choose a setting of ${a.nodeId === PROJECT_SETTING ? 'the project' : `“${a.nodeId}”`}.` }
    return parseAxisValues(a.text, info)
  })
  const axes: SweepAxis[] = []
  for (const [i, p] of parsed.entries()) {
    if (!p.ok) return { axes: null, problem: p.message, axis: i }
    axes.push({ nodeId: drafts[i].nodeId, param: drafts[i].param, values: p.values })
  }
  const twice = sameSettingTwice([...drafts])
  if (twice) return { axes: null, problem: twice, axis: 1 }
  return { axes, runs: axes.reduce((n, a) => n * a.values.length, 1), problem: null }
}
