import { useMemo } from 'react'
import { LineChart, type Series } from '../viz/LineChart'
import { count, fmt, percent } from '../training/format'
import { useDocument } from '../store/documentStore'
import { PROJECT_SETTING, bestSweepRun, sweepCsv, sweepScore, type Sweep, type SweepRunRecord } from '../../../engine/experiments/sweep'
import { SERIES_COLORS } from './playgroundModel'
import { downloadText } from '../files/download'

const axisName = (a: Sweep['axes'][number]) => (a.nodeId === PROJECT_SETTING ? a.param : `${a.nodeId}.${a.param}`)
const runName = (sweep: Sweep, r: SweepRunRecord) => sweep.axes.map((a, i) => `${a.param} ${r.values[i]}`).join(', ')

/** Puts a run's node settings onto the canvas (one undo step each; the seed stays the project's). */
function restoreRun(sweep: Sweep, r: SweepRunRecord): void {
  const doc = useDocument.getState()
  sweep.axes.forEach((a, i) => {
    if (a.nodeId !== PROJECT_SETTING) doc.updateParams(a.nodeId, { [a.param]: r.values[i] })
  })
}

/** One sweep's results: the table (best marked), the curves overlaid, CSV export, restore a run. */
export function SweepResults({ sweep }: { sweep: Sweep }) {
  const best = bestSweepRun(sweep.runs)
  const metric = best !== null ? sweepScore(sweep.runs[best]).label : null
  const hasVal = sweep.runs.some((r) => r.final.valLoss !== undefined)
  const hasTest = sweep.runs.some((r) => r.test)
  const hasAcc = sweep.runs.some((r) => r.final.accuracy !== undefined)
  const series = useMemo<Series[]>(
    () =>
      sweep.runs.flatMap((r, i) => {
        const x = r.curves.loss.map((_, e) => e + 1)
        const color = SERIES_COLORS[i % SERIES_COLORS.length]
        const out: Series[] = [{ label: runName(sweep, r), x, y: r.curves.loss, color, dots: x.length < 30 }]
        if (r.curves.valLoss) out.push({ label: `${runName(sweep, r)} (val.)`, x, y: r.curves.valLoss, color, dashed: true })
        return out
      }),
    [sweep],
  )
  const removeSweep = () => {
    const doc = useDocument.getState()
    doc.setExperiments({ sweeps: (doc.project.experiments?.sweeps ?? []).filter((s) => s.id !== sweep.id) })
  }
  return (
    <section className="sweep-result" data-testid={`sweep-${sweep.id}`} data-runs={sweep.runs.length}>
      <header>
        <h3>
          Sweep of {sweep.axes.map(axisName).join(' × ')} <span className="muted">({count(sweep.runs.length)} runs{metric ? `, best by ${metric}` : ''})</span>
        </h3>
        <button type="button" data-testid="sweep-csv" onClick={() => downloadText(`${sweep.id}.csv`, sweepCsv(sweep), 'text/csv')}>
          Export CSV
        </button>
        <button type="button" data-testid="sweep-delete" onClick={removeSweep} title="Remove this sweep and its results from the project">
          Delete
        </button>
      </header>
      <div className="pg-table-wrap">
        <table className="pg-table sweep-table" data-testid="sweep-table">
          <thead>
            <tr>
              {sweep.axes.map((a) => (
                <th key={axisName(a)}>{axisName(a)}</th>
              ))}
              <th>epochs</th>
              <th>train loss</th>
              {hasAcc && <th>train acc.</th>}
              {hasVal && <th>best val. loss (epoch)</th>}
              {hasVal && hasAcc && <th>val. acc.</th>}
              {hasTest && <th>test loss</th>}
              {hasTest && hasAcc && <th>test acc.</th>}
              <th>time</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {sweep.runs.map((r, i) => (
              <tr key={i} data-testid={`sweep-row-${i}`} data-best={i === best} data-test-accuracy={r.test?.accuracy ?? ''} data-seconds={r.seconds} className={i === best ? 'is-best' : ''}>
                {r.values.map((v, k) => (
                  <td key={k} style={k === 0 ? { borderLeft: `4px solid ${SERIES_COLORS[i % SERIES_COLORS.length]}` } : undefined}>
                    {String(v)}
                  </td>
                ))}
                <td>{r.status === 'finished' ? r.epochs : <span className="error" title={r.note}>{r.status}</span>}</td>
                <td>{fmt(r.final.loss)}</td>
                {hasAcc && <td>{percent(r.final.accuracy)}</td>}
                {hasVal && <td>{r.best.valLoss !== undefined ? `${fmt(r.best.valLoss)} (${r.best.valEpoch})` : '–'}</td>}
                {hasVal && hasAcc && <td>{percent(r.best.valAccuracy)}</td>}
                {hasTest && <td>{fmt(r.test?.loss)}</td>}
                {hasTest && hasAcc && <td data-testid={`sweep-test-accuracy-${i}`}>{r.test?.accuracy !== undefined ? `${(100 * r.test.accuracy).toFixed(2)}%` : '–'}</td>}
                <td data-testid={`sweep-time-${i}`}>{r.seconds.toFixed(1)} s</td>
                <td>
                  {i === best && <span className="pg-best" data-testid="sweep-best">★ best </span>}
                  <button type="button" data-testid={`sweep-restore-${i}`} onClick={() => restoreRun(sweep, r)} title="Put this run's settings on the canvas (a swept seed stays the project's)">
                    Use
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {series.length > 0 && <LineChart series={series} logY xLabel="epoch" version={series.length} height={180} testId="sweep-chart" />}
    </section>
  )
}
