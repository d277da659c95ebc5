import { LineChart, type Series } from '../viz/LineChart'
import { fmt } from '../training/format'
import { optimizerRules } from '../../../engine/nn/optimizers'
import type { DescentPath } from '../../../engine/experiments/descent'
import { SERIES_COLORS } from './playgroundModel'

/** Significant digits of every number in the table: x, y and f read alike (f at six beside x at five mixed "1.2677e−70" with "5.98165e−7"). */
const DIGITS = 5

/** Where each optimizer stands at iteration `at`: its η, (x, y) and f, or that it diverged (`axes`: the names of x, y and f). */
export function PathTable({ paths, at, axes = ['x', 'y', 'f'] }: { paths: DescentPath[]; at: number; axes?: readonly [string, string, string] }) {
  return (
    <table className="pg-table" data-testid="pg2-table">
      <thead>
        <tr>
          <th>optimizer</th>
          <th>η</th>
          <th>{axes[0]}</th>
          <th>{axes[1]}</th>
          <th>{axes[2]}</th>
        </tr>
      </thead>
      <tbody>
        {paths.map((p, i) => {
          const r = p.rows[Math.min(at, p.rows.length - 1)]
          return (
            <tr key={p.optimizer.id} data-testid={`pg2-row-${p.optimizer.id}`} data-f={r.f}>
              {/* The name in the text's colour, its path's colour beside it: Adam's sky blue and Momentum's orange as text read 2.3:1 on white. */}
              <th className="pg-series" style={{ borderLeftColor: SERIES_COLORS[i] }}>
                {optimizerRules[p.optimizer.id].label}
              </th>
              <td>{p.optimizer.learningRate}</td>
              <td>{fmt(r.point[0], DIGITS)}</td>
              <td>{fmt(r.point[1], DIGITS)}</td>
              <td>{p.diverged && at >= p.rows.length - 1 ? <span className="error">diverged</span> : fmt(r.f, DIGITS)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** f (or what `name` says) per iteration for every optimizer up to `upTo`, on a log scale while every value is positive. */
export function FChart({ paths, upTo, name = 'f' }: { paths: DescentPath[]; upTo: number; name?: string }) {
  const series: Series[] = paths.map((p, i) => {
    const rows = p.rows.slice(0, upTo + 1)
    return { label: optimizerRules[p.optimizer.id].label, x: rows.map((r) => r.iteration), y: rows.map((r) => r.f), color: SERIES_COLORS[i] }
  })
  const positive = series.every((s) => s.y.every((v) => v > 0))
  return (
    <section className="pg-chart">
      <h3>{name} per iteration{positive ? ' (log scale)' : ''}</h3>
      <LineChart series={series} logY={positive} xLabel="iteration" version={upTo * 31 + series.length} height={200} testId="pg2-chart" />
    </section>
  )
}
