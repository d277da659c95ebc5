import { useMemo } from 'react'
import { LineChart, type Series } from '../viz/LineChart'
import { count } from '../training/format'
import { useDocument } from '../store/documentStore'
import { bestSweepRun, sweepCsv, sweepGrid, sweepScore, type Sweep, type SweepRunRecord } from '../../../engine/experiments/sweep'
import { useSweepProgress } from './sweepRunner'
import { SERIES_COLORS } from './playgroundModel'
import { downloadText } from '../files/download'
import { SweepRunsTable, axisName } from './SweepRunsTable'

const runName = (sweep: Sweep, r: SweepRunRecord) => sweep.axes.map((a, i) => `${a.param} ${r.values[i]}`).join(', ')

/** Each run's training loss per epoch, and its validation loss dashed in the same colour. */
function sweepSeries(sweep: Sweep): Series[] {
  return sweep.runs.flatMap((r, i) => {
    const x = r.curves.loss.map((_, e) => e + 1)
    const color = SERIES_COLORS[i % SERIES_COLORS.length]
    const out: Series[] = [{ label: runName(sweep, r), x, y: r.curves.loss, color, dots: x.length < 30 }]
    if (r.curves.valLoss) out.push({ label: `${runName(sweep, r)} (val.)`, x, y: r.curves.valLoss, color, dashed: true })
    return out
  })
}

function removeSweep(id: string): void {
  const doc = useDocument.getState()
  doc.setExperiments({ sweeps: (doc.project.experiments?.sweeps ?? []).filter((s) => s.id !== id) })
}

/** One sweep's results: the table (best marked), the curves overlaid, CSV export, restore a run. */
export function SweepResults({ sweep }: { sweep: Sweep }) {
  const running = useSweepProgress((s) => s.sweepId === sweep.id)
  const planned = useMemo(() => sweepGrid(sweep.axes).length, [sweep.axes])
  // A sweep stopped, or cut short by a reload, says so: its table is not the whole grid.
  const cutShort = !running && sweep.runs.length < planned
  const best = bestSweepRun(sweep.runs)
  const metric = best !== null ? sweepScore(sweep.runs[best]).label : null
  const series = useMemo(() => sweepSeries(sweep), [sweep])
  return (
    <section className="sweep-result" data-testid={`sweep-${sweep.id}`} data-runs={sweep.runs.length}>
      <header>
        <h3>
          Sweep of {sweep.axes.map(axisName).join(' × ')} <span className="muted" data-testid="sweep-runs-count">
            ({cutShort ? `${count(sweep.runs.length)} of ${count(planned)} runs: stopped before the other ${count(planned - sweep.runs.length)} ran` : `${count(sweep.runs.length)} runs`}
            {metric ? `, best by ${metric}` : ''})
          </span>
        </h3>
        <button type="button" data-testid="sweep-csv" onClick={() => downloadText(`${sweep.id}.csv`, sweepCsv(sweep), 'text/csv')}>
          Export CSV
        </button>
        <button type="button" data-testid="sweep-delete" disabled={running} onClick={() => removeSweep(sweep.id)} title={running ? 'Stop the sweep first: its runs under way would add it back' : 'Remove this sweep and its results from the project'}>
          Delete
        </button>
      </header>
      <SweepRunsTable sweep={sweep} best={best} />
      {series.length > 0 && <LineChart series={series} logY xLabel="epoch" version={series.length} height={180} testId="sweep-chart" />}
    </section>
  )
}
