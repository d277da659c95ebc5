import { useMemo, useState } from 'react'
import { LineChart, type Series } from '../viz/LineChart'
import { fmt } from '../training/format'
import type { DescentPath } from '../../../engine/experiments/descent'
import { SERIES_COLORS, bestPath, descents, parseFunction, parseIterations, parseNumber, parseRates } from './playgroundModel'

/** Assignment 6, Q1 as the preset. */
export const PRESET_1D = 'x^4/4 - 3x^3 + 7x - 5'

/** Rows the table shows at most (evenly spaced, the last one always). */
const MAX_TABLE_ROWS = 120

/**
 * Gradient descent on f(x) as the user types it: several learning rates from one start, the
 * convergence of f per iteration, and the iteration table (x and f for each η).
 */
export function Playground1d() {
  const [text, setText] = useState(PRESET_1D)
  const [startText, setStartText] = useState('0')
  const [ratesText, setRatesText] = useState('0.01, 0.05, 0.1')
  const [itersText, setItersText] = useState('30')
  const result = useMemo(() => {
    const f = parseFunction(text, ['x'])
    const start = parseNumber(startText, 'The start x₀')
    const rates = parseRates(ratesText)
    const iterations = parseIterations(itersText)
    const problem = [f, start, rates, iterations].find((p) => !p.ok)
    if (problem && !problem.ok) return { problem: problem.message, paths: [] as DescentPath[] }
    if (!f.ok || !start.ok || !rates.ok || !iterations.ok) return { problem: null, paths: [] }
    return { problem: null, paths: descents(f.value, [start.value], rates.value.map((learningRate) => ({ id: 'sgd' as const, learningRate })), iterations.value) }
  }, [text, startText, ratesText, itersText])
  const { paths, problem } = result
  const best = bestPath(paths)
  return (
    <div className="playground" data-testid="playground-1d">
      <p className="muted">
        Gradient descent x ← x − η·f′(x) on a function you type (f′ is computed exactly). Assignment 6, Q1: find the local minimum of ¼x⁴ − 3x³ + 7x − 5 near x = 0 with three learning rates.
      </p>
      <div className="pg-inputs">
        <label className="pg-wide">
          f(x) =
          <input data-testid="pg1-expression" value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
        </label>
        <label>
          start x₀
          <input data-testid="pg1-start" value={startText} onChange={(e) => setStartText(e.target.value)} size={6} />
        </label>
        <label>
          learning rates η
          <input data-testid="pg1-rates" value={ratesText} onChange={(e) => setRatesText(e.target.value)} size={16} />
        </label>
        <label>
          iterations
          <input data-testid="pg1-iterations" value={itersText} onChange={(e) => setItersText(e.target.value)} size={6} />
        </label>
      </div>
      {problem && (
        <p className="error" role="alert" data-testid="pg1-problem">
          {problem}
        </p>
      )}
      {paths.length > 0 && <Summary paths={paths} best={best} />}
      {paths.length > 0 && <ConvergenceChart paths={paths} />}
      {paths.length > 0 && <IterationTable paths={paths} />}
    </div>
  )
}

function Summary({ paths, best }: { paths: DescentPath[]; best: number | null }) {
  return (
    <ul className="pg-summary" data-testid="pg1-summary">
      {paths.map((p, i) => {
        const last = p.rows.at(-1)!
        return (
          <li key={i} data-testid={`pg1-summary-${i}`} data-best={i === best} style={{ borderColor: SERIES_COLORS[i] }}>
            <strong>η = {p.optimizer.learningRate}</strong>:{' '}
            {p.diverged && last.iteration === 0 ? (
              // Nothing ran: the function (or its slope) is not finite where descent starts; no η helps.
              <span className="error">
                f(x) = {fmt(last.f, 8)}, f′(x) = {fmt(last.gradient[0], 8)} at the start x = {fmt(last.point[0], 8)}: choose another start or function
              </span>
            ) : p.diverged ? (
              <span className="error">diverged after {last.iteration} iterations (η too large for this f)</span>
            ) : (
              <>
                f = {fmt(last.f, 8)} at x = {fmt(last.point[0], 8)} after {last.iteration} iterations
              </>
            )}
            {i === best && <span className="pg-best"> ★ lowest f</span>}
          </li>
        )
      })}
    </ul>
  )
}

function ConvergenceChart({ paths }: { paths: DescentPath[] }) {
  const series: Series[] = paths.map((p, i) => ({ label: `η = ${p.optimizer.learningRate}`, x: p.rows.map((r) => r.iteration), y: p.rows.map((r) => r.f), color: SERIES_COLORS[i], dots: p.rows.length <= 60 }))
  return (
    <section className="pg-chart">
      <h3>f per iteration</h3>
      <LineChart series={series} xLabel="iteration" version={series.reduce((n, s) => n + s.x.length, 0)} height={200} testId="pg1-chart" />
    </section>
  )
}

function IterationTable({ paths }: { paths: DescentPath[] }) {
  const length = Math.max(...paths.map((p) => p.rows.length))
  const step = Math.max(1, Math.ceil(length / MAX_TABLE_ROWS))
  const shown: number[] = []
  for (let n = 0; n < length; n += step) shown.push(n)
  if (shown.at(-1) !== length - 1) shown.push(length - 1)
  return (
    <div className="pg-table-wrap">
      <table className="pg-table" data-testid="pg1-table">
        <thead>
          <tr>
            <th rowSpan={2}>n</th>
            {paths.map((p, i) => (
              <th key={i} colSpan={2} className="pg-series-head" style={{ borderBottomColor: SERIES_COLORS[i] }}>
                η = {p.optimizer.learningRate}
              </th>
            ))}
          </tr>
          <tr>
            {paths.map((_, i) => [<th key={`x${i}`}>x</th>, <th key={`f${i}`}>f(x)</th>])}
          </tr>
        </thead>
        <tbody>
          {shown.map((n) => (
            <tr key={n} data-testid={`pg1-row-${n}`}>
              <th>{n}</th>
              {paths.map((p, i) => {
                const r = p.rows[n]
                return [
                  <td key={`x${i}`}>{r ? fmt(r.point[0], 8) : ''}</td>,
                  <td key={`f${i}`} data-testid={`pg1-f-${i}-${n}`} data-f={r ? r.f : ''}>
                    {r ? fmt(r.f, 8) : ''}
                  </td>,
                ]
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
