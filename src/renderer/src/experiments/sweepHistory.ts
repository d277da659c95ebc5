/**
 * A sweep's runs in the project's run history, beside the ▶ Train runs: each grid point that
 * trained is recorded with the network it trained (the canvas's with the point's settings), its
 * epochs, test result, time and trained values, named after its point and its sweep
 * ("η = 0.01 (sweep 2)"), so any two can be compared and restored like any run; the sweep's
 * title and chart use the same names.
 */
import type { Project } from '../../../engine/project'
import { addRun, createRunRecord, runNetworkOf, type RunEnd } from '../../../engine/experiments/runHistory'
import { PROJECT_SETTING, type Sweep, type SweepAxis, type SweepValue } from '../../../engine/experiments/sweep'
import { useDocument } from '../store/documentStore'
import { sweepableParams } from './sweepAxes'

const SWEEP_OF_RUN = /\(sweep (\d+)\)$/

/** The number of a new sweep: one more than any sweep so far (kept or named in the run history). */
export function nextSweepNumber(project: Project): number {
  const sweeps = project.experiments?.sweeps ?? []
  const named = (project.runs ?? []).map((r) => Number(SWEEP_OF_RUN.exec(r.name)?.[1] ?? 0))
  return Math.max(sweeps.length, ...sweeps.map((s) => s.number ?? 0), ...named) + 1
}

/**
 * A setting as a run's name shows it: its symbol where its label ends in one ("Learning rate η"
 * → η), else its label; an activation node's function (labelled "Function" beside the node) as
 * "Activation", which says what it is away from the node.
 */
function settingName(project: Project, axis: SweepAxis): string {
  if (axis.param === 'activation') return 'Activation'
  const label = sweepableParams(project, axis.nodeId).find((p) => p.key === axis.param)?.label ?? (axis.nodeId === PROJECT_SETTING ? axis.param : `${axis.nodeId}.${axis.param}`)
  const symbol = /^[A-Z][a-z]+(?: [a-z]+)* ([^\x20-\x7e])$/u.exec(label)?.[1]
  return symbol ?? label
}

/**
 * The names of a sweep's settings as its title, table, curves and runs show them ("η",
 * "Activation"); two that would read alike are told apart by their node ("hidden · Units").
 */
export function sweepAxisNames(project: Project, axes: readonly SweepAxis[]): string[] {
  const names = axes.map((a) => settingName(project, a))
  return names.length === 2 && names[0] === names[1] ? axes.map((a, i) => `${a.nodeId} · ${names[i]}`) : names
}

/** "η = 0.01, Units = 64": a point's settings (its curve's name in the sweep's chart). */
export function sweepPointName(project: Project, axes: readonly SweepAxis[], values: readonly SweepValue[]): string {
  const names = sweepAxisNames(project, axes)
  return axes.map((_, i) => `${names[i]} = ${String(values[i])}`).join(', ')
}

/** "η = 0.01, Units = 64 (sweep 2)": the point's settings and its sweep. */
export function sweepRunName(project: Project, axes: readonly SweepAxis[], values: readonly SweepValue[], sweepNumber: number): string {
  return `${sweepPointName(project, axes, values)} (sweep ${sweepNumber})`
}

/**
 * "Sweep 2 of η × Units": the sweep's number (the one its runs' names carry), so two sweeps of
 * the same settings read apart; a sweep kept before numbers were takes its place in the list.
 */
export function sweepTitle(project: Project, sweep: Sweep, place: number): string {
  return `Sweep ${sweep.number ?? place} of ${sweepAxisNames(project, sweep.axes).join(' × ')}`
}

/** How a grid point's run ended, as the history records it. */
export type SweepPointEnd = Omit<RunEnd, 'id' | 'name' | 'created' | 'network'>

let serial = 0

/**
 * Adds the run of one grid point (`pointProject`: the canvas's project with the point's
 * settings) to the run history of the document it was started on, within the history's bounds.
 */
export function recordSweepRun(loadSerial: number, pointProject: Project, name: string, end: SweepPointEnd): void {
  const doc = useDocument.getState()
  if (doc.loadSerial !== loadSerial) return
  const record = createRunRecord({ ...end, id: `run-${Date.now().toString(36)}-s${++serial}`, name, created: new Date().toISOString(), network: runNetworkOf(pointProject) })
  doc.setRuns(addRun(doc.project.runs ?? [], record))
}
