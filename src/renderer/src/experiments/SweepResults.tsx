import { useMemo } from 'react'
import { LineChart, type Series } from '../viz/LineChart'
import { count } from '../training/format'
import { useDocument } from '../store/documentStore'
import { bestSweepRun, sweepCsv, sweepGrid, sweepScore, type Sweep } from '../../../engine/experiments/sweep'
import { useSweepProgress } from './sweepRunner'
import { runColors } from './runColors'
import { downloadText } from '../files/download'
import { SweepRunsTable } from './SweepRunsTable'
import { sweepAxisNames, sweepPointName, sweepRunName, sweepTitle } from './sweepHistory'
import type { Project } from '../../../engine/project'

/**
 * The colour of each of a sweep's runs (`place`: its place in the project's list): its run's in
 * the run history, found by the name the history gives it, so the Runs tab draws it alike.
 */
function sweepColors(project: Project, sweep: Sweep, place: number): string[] {
  const history = project.runs ?? []
  const ids = sweep.runs.map((r) => history.find((h) => h.name === sweepRunName(project, sweep.axes, r.values, sweep.number ?? place))?.id ?? null)
  return runColors(history, ids)
}

/**
 * Each run's training loss per epoch, and its validation loss dashed in the same colour (a run
 * that failed at once has no curve, and no legend entry); named as the run history names them.
 */
function sweepSeries(project: Project, sweep: Sweep, colors: readonly string[]): Series[] {
  return sweep.runs.flatMap((r, i) => {
    if (r.curves.loss.length === 0) return []
    const x = r.curves.loss.map((_, e) => e + 1)
    const color = colors[i]
    const name = sweepPointName(project, sweep.axes, r.values)
    const out: Series[] = [{ label: name, x, y: r.curves.loss, color, dots: x.length < 30 }]
    if (r.curves.valLoss) out.push({ label: `${name} (val.)`, x, y: r.curves.valLoss, color, dashed: true })
    return out
  })
}

function removeSweep(id: string): void {
  const doc = useDocument.getState()
  doc.setExperiments({ ...doc.project.experiments, sweeps: (doc.project.experiments?.sweeps ?? []).filter((s) => s.id !== id) })
}

/** How many of its runs a sweep has: all, so far (under way), or the ones that ended before it was stopped or cut short by a reload. */
function runsText(done: number, planned: number, running: boolean): string {
  if (running) return `${count(done)} of ${count(planned)} runs so far`
  if (done >= planned) return `${count(done)} runs`
  if (done === 0) return `stopped before any of its ${count(planned)} runs finished`
  return `${count(done)} of ${count(planned)} runs: stopped before the other ${count(planned - done)} ran`
}

/** One sweep's results (`place`: its place in the project's list, 1 the first): the table (best marked), the curves overlaid, CSV export, restore a run. */
export function SweepResults({ sweep, place }: { sweep: Sweep; place: number }) {
  const project = useDocument((s) => s.project)
  const running = useSweepProgress((s) => s.sweepId === sweep.id)
  const planned = useMemo(() => sweepGrid(sweep.axes).length, [sweep.axes])
  const best = bestSweepRun(sweep.runs)
  const metric = best !== null ? sweepScore(sweep.runs[best]).label : null
  const colors = useMemo(() => sweepColors(project, sweep, place), [project, sweep, place])
  const series = useMemo(() => sweepSeries(project, sweep, colors), [project, sweep, colors])
  return (
    <section className="sweep-result" data-testid={`sweep-${sweep.id}`} data-runs={sweep.runs.length}>
      <header>
        <h3>
          <span data-testid="sweep-title">{sweepTitle(project, sweep, place)}</span>{' '}
          <span className="muted" data-testid="sweep-runs-count">
            ({runsText(sweep.runs.length, planned, running)}
            {metric ? `, best by ${metric}` : ''})
          </span>
        </h3>
        <button type="button" data-testid="sweep-csv" disabled={sweep.runs.length === 0} title={sweep.runs.length === 0 ? 'No run of this sweep ended: nothing to export' : 'The results table as CSV'} onClick={() => downloadText(`${sweep.id}.csv`, sweepCsv(sweep), 'text/csv')}>
          Export CSV
        </button>
        <button type="button" data-testid="sweep-delete" disabled={running} onClick={() => removeSweep(sweep.id)} title={running ? 'Stop the sweep first: its runs under way would add it back' : 'Remove this sweep and its results from the project'}>
          Delete
        </button>
      </header>
      {sweep.runs.length > 0 ? (
        <SweepRunsTable sweep={sweep} best={best} colors={colors} />
      ) : (
        <p className="muted" data-testid="sweep-planned">
          Planned: {sweepAxisNames(project, sweep.axes).map((name, i) => `${name} ${sweep.axes[i].values.map(String).join(', ')}`).join('; ')}.
        </p>
      )}
      {series.length > 0 && <LineChart series={series} logY xLabel="epoch" version={`${series.length} ${colors.join()}`} height={180} testId="sweep-chart" />}
    </section>
  )
}
