import { useMemo } from 'react'
import { comparisonRows } from '../../../engine/experiments/runDiff'
import type { RunRecord } from '../../../engine/experiments/runHistory'
import { LineChart, type Series } from '../viz/LineChart'
import { fmt, percent } from '../training/format'
import { runColors } from './runColors'
import { useDocument } from '../store/documentStore'

const num = (v: number | null | undefined): number => (v === null || v === undefined ? NaN : v)

/** A metric row: its label, each run's value, how to show it, and which way is better (none: not ranked). */
interface MetricRow {
  label: string
  values: number[]
  show: (v: number) => string
  better?: 'low' | 'high'
}

function metricRows(runs: readonly RunRecord[]): MetricRow[] {
  const rows: MetricRow[] = [
    { label: 'epochs', values: runs.map((r) => r.epochs), show: String },
    { label: 'training time', values: runs.map((r) => (r.openedFrom ? NaN : r.seconds)), show: (v) => (Number.isNaN(v) ? '–' : `${v.toFixed(1)} s`), better: 'low' },
    { label: 'final train loss', values: runs.map((r) => num(r.final.loss)), show: (v) => fmt(v), better: 'low' },
    { label: 'final train accuracy', values: runs.map((r) => num(r.final.accuracy)), show: percent, better: 'high' },
    { label: 'final validation loss', values: runs.map((r) => num(r.final.valLoss)), show: (v) => fmt(v), better: 'low' },
    { label: 'final validation accuracy', values: runs.map((r) => num(r.final.valAccuracy)), show: percent, better: 'high' },
    { label: 'best validation loss', values: runs.map((r) => num(r.best.valLoss)), show: (v) => fmt(v), better: 'low' },
    { label: 'test loss', values: runs.map((r) => num(r.test?.loss)), show: (v) => fmt(v), better: 'low' },
    { label: 'test accuracy', values: runs.map((r) => num(r.test?.accuracy)), show: (v) => (Number.isNaN(v) ? '–' : `${(100 * v).toFixed(2)}%`), better: 'high' },
  ]
  return rows.filter((row) => row.values.some((v) => !Number.isNaN(v)))
}

/** Index of the best value of a ranked row (null when unranked, fewer than two values to rank, or a tie as shown). */
function bestOf(row: MetricRow): number | null {
  const ranked = row.values.map((v, i) => ({ v, i })).filter((x) => !Number.isNaN(x.v))
  if (!row.better || ranked.length < 2) return null
  ranked.sort((a, b) => (row.better === 'low' ? a.v - b.v : b.v - a.v))
  // A tie as shown (0.3 s and 0.3 s) is no win.
  return row.show(ranked[0].v) === row.show(ranked[1].v) ? null : ranked[0].i
}

/** Each run's curve (solid) and its validation curve (dashed), in the run's colour (`colors`, one a run). */
function curveSeries(runs: readonly RunRecord[], key: 'loss' | 'accuracy', colors: readonly string[]): Series[] {
  const val = key === 'loss' ? 'valLoss' : 'valAccuracy'
  return runs.flatMap((r, i) => {
    const x = r.curves.epoch
    const y = r.curves[key]
    if (!y) return []
    const out: Series[] = [{ label: r.name, x, y: y.map(num), color: colors[i], dots: x.length < 30 }]
    const v = r.curves[val]
    if (v) out.push({ label: `${r.name} (val.)`, x, y: v.map(num), color: colors[i], dashed: true })
    return out
  })
}

/** Two or more runs side by side: the settings that differ, the metrics (best marked) and the curves overlaid. */
export function RunComparison({ runs }: { runs: RunRecord[] }) {
  const settings = useMemo(() => comparisonRows(runs.map((r) => r.network)), [runs])
  const metrics = useMemo(() => metricRows(runs), [runs])
  const history = useDocument((s) => s.project.runs)
  // Each run in its own colour, as the Sweeps tab draws it.
  const colors = useMemo(() => runColors(history ?? [], runs.map((r) => r.id)), [history, runs])
  const loss = useMemo(() => curveSeries(runs, 'loss', colors), [runs, colors])
  const accuracy = useMemo(() => curveSeries(runs, 'accuracy', colors), [runs, colors])
  const head = (
    <tr>
      <th></th>
      {runs.map((r, i) => (
        <th key={r.id} style={{ borderBottom: `3px solid ${colors[i]}` }}>
          {r.name}
        </th>
      ))}
    </tr>
  )
  return (
    <section className="run-comparison" data-testid="run-comparison">
      <h3>Settings {runs.length > 2 ? `(against ${runs[0].name})` : ''}</h3>
      {settings.length === 0 ? (
        <p className="muted" data-testid="run-compare-same">The same network, data and seed: the runs differ only in how long they trained, or not at all.</p>
      ) : (
        <table className="pg-table run-compare-table" data-testid="run-compare-settings">
          <thead>{head}</thead>
          <tbody>
            {settings.map((row) => (
              <tr key={row.key} data-setting={row.key}>
                <th scope="row">{`${row.where} · ${row.setting}`}</th>
                {row.values.map((v, i) => (
                  <td key={i} className={i > 0 && v !== row.values[0] ? 'is-changed' : ''}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Metrics</h3>
      <table className="pg-table run-compare-table" data-testid="run-compare-metrics">
        <thead>{head}</thead>
        <tbody>
          {metrics.map((row) => {
            const best = bestOf(row)
            return (
              <tr key={row.label} data-metric={row.label}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, i) => (
                  <td key={i} className={i === best ? 'is-best' : ''} data-best={i === best}>
                    {row.show(v)}
                    {i === best ? ' ★' : ''}
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
      <div className="run-compare-charts">
        <LineChart series={loss} logY xLabel="epoch" version={`${loss.length} ${colors.join()}`} height={200} testId="run-compare-loss" />
        {accuracy.length > 0 && <LineChart series={accuracy} yRange={[0, 1]} xLabel="epoch" version={`${accuracy.length} ${colors.join()}`} height={200} testId="run-compare-accuracy" />}
      </div>
    </section>
  )
}
