import { useMemo, useState } from 'react'
import { LineChart, type Series } from '../viz/LineChart'
import { fmt } from '../training/format'
import { optimizerRules, type OptimizerId } from '../../../engine/nn/optimizers'
import { PLAYGROUND_OPTIMIZERS, SURFACES, isAdaptive, type SurfaceId } from '../../../engine/experiments/surfaces'
import type { DescentPath } from '../../../engine/experiments/descent'
import { SERIES_COLORS, descents, parseFunction, parseIterations, parseNumber } from './playgroundModel'
import { ContourPlot } from './ContourPlot'

type Etas = Record<OptimizerId, string>

function defaultEtas(id: SurfaceId): Etas {
  const s = SURFACES[id]
  return Object.fromEntries(PLAYGROUND_OPTIMIZERS.map((o) => [o, String(isAdaptive(o) ? s.eta.adaptive : s.eta.plain)])) as Etas
}

/**
 * The optimizers side by side on a 2-D error surface: the engine's update rules from one start,
 * their trajectories on the contour plot and f per iteration, shown up to the iteration the
 * user steps to.
 */
export function Playground2d() {
  const [surfaceId, setSurfaceId] = useState<SurfaceId>('ravine')
  const surface = SURFACES[surfaceId]
  const [formula, setFormula] = useState(surface.formula)
  const [start, setStart] = useState([String(surface.start[0]), String(surface.start[1])])
  const [itersText, setItersText] = useState('100')
  const [chosen, setChosen] = useState<OptimizerId[]>(['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'])
  const [etas, setEtas] = useState<Etas>(() => defaultEtas('ravine'))
  const [shown, setShown] = useState<number | null>(null)
  const pickSurface = (id: SurfaceId) => {
    const s = SURFACES[id]
    setSurfaceId(id)
    setFormula(s.formula)
    setStart([String(s.start[0]), String(s.start[1])])
    setEtas(defaultEtas(id))
    setShown(null)
  }
  const run = useMemo(() => {
    const f = parseFunction(formula, ['x', 'y'])
    const x0 = parseNumber(start[0], 'The start x')
    const y0 = parseNumber(start[1], 'The start y')
    const iterations = parseIterations(itersText)
    const rates = chosen.map((o) => ({ o, eta: Number(etas[o]) }))
    const badRate = rates.find((r) => !(r.eta > 0) || !Number.isFinite(r.eta))
    const problem = [f, x0, y0, iterations].find((p) => !p.ok)
    if (problem && !problem.ok) return { problem: problem.message } as const
    if (badRate) return { problem: `η of ${optimizerRules[badRate.o].label} must be a positive number.` } as const
    if (!f.ok || !x0.ok || !y0.ok || !iterations.ok) return { problem: 'unreachable' } as const
    return { f: f.value, iterations: iterations.value, paths: descents(f.value, [x0.value, y0.value], rates.map((r) => ({ id: r.o, learningRate: r.eta })), iterations.value) }
  }, [formula, start, itersText, chosen, etas])
  const total = 'paths' in run ? (run.iterations ?? 0) : 0
  const at = Math.min(shown ?? total, total)
  const toggle = (o: OptimizerId) => setChosen((c) => (c.includes(o) ? c.filter((x) => x !== o) : PLAYGROUND_OPTIMIZERS.filter((x) => x === o || c.includes(x))))
  return (
    <div className="playground" data-testid="playground-2d">
      <div className="pg-inputs">
        <label>
          surface
          <select data-testid="pg2-surface" value={surfaceId} onChange={(e) => pickSurface(e.target.value as SurfaceId)}>
            {(Object.keys(SURFACES) as SurfaceId[]).map((id) => (
              <option key={id} value={id}>
                {SURFACES[id].label}
              </option>
            ))}
          </select>
        </label>
        <label className="pg-wide">
          f(x, y) =
          <input data-testid="pg2-formula" value={formula} spellCheck={false} onChange={(e) => setFormula(e.target.value)} />
        </label>
        <label>
          start
          <span className="pg-pair">
            <input data-testid="pg2-start-x" value={start[0]} size={5} onChange={(e) => setStart([e.target.value, start[1]])} />
            <input data-testid="pg2-start-y" value={start[1]} size={5} onChange={(e) => setStart([start[0], e.target.value])} />
          </span>
        </label>
        <label>
          iterations
          <input data-testid="pg2-iterations" value={itersText} size={6} onChange={(e) => setItersText(e.target.value)} />
        </label>
      </div>
      <p className="muted small">{surface.description}</p>
      <div className="pg-optimizers">
        {PLAYGROUND_OPTIMIZERS.map((o) => (
          <label key={o} title={optimizerRules[o].description} style={{ borderColor: chosen.includes(o) ? SERIES_COLORS[chosen.indexOf(o)] : undefined }}>
            <input type="checkbox" data-testid={`pg2-use-${o}`} checked={chosen.includes(o)} onChange={() => toggle(o)} /> {optimizerRules[o].label}
            <span className="pg-eta">
              η <input data-testid={`pg2-eta-${o}`} value={etas[o]} size={5} onChange={(e) => setEtas({ ...etas, [o]: e.target.value })} />
            </span>
          </label>
        ))}
      </div>
      {'problem' in run ? (
        <p className="error" role="alert" data-testid="pg2-problem">
          {run.problem}
        </p>
      ) : (
        <>
          <div className="pg-steps">
            <button type="button" data-testid="pg2-reset" onClick={() => setShown(0)}>
              « Start
            </button>
            <button type="button" data-testid="pg2-step" disabled={at >= total} onClick={() => setShown(at + 1)}>
              Step ▸
            </button>
            <input type="range" min={0} max={total} value={at} aria-label="iteration" data-testid="pg2-scrub" onChange={(e) => setShown(Number(e.target.value))} />
            <button type="button" data-testid="pg2-end" onClick={() => setShown(null)}>
              End »
            </button>
            <span data-testid="pg2-at">
              iteration {at} / {total}
            </span>
          </div>
          <div className="pg-2d-views">
            <ContourPlot f={run.f} extent={surface.extent} minimum={formula === surface.formula ? surface.minimum : null} paths={run.paths} upTo={at} colors={SERIES_COLORS} />
            <PathTable paths={run.paths} at={at} />
          </div>
          <FChart paths={run.paths} upTo={at} />
        </>
      )}
    </div>
  )
}

function PathTable({ paths, at }: { paths: DescentPath[]; at: number }) {
  return (
    <table className="pg-table" data-testid="pg2-table">
      <thead>
        <tr>
          <th>optimizer</th>
          <th>η</th>
          <th>x</th>
          <th>y</th>
          <th>f</th>
        </tr>
      </thead>
      <tbody>
        {paths.map((p, i) => {
          const r = p.rows[Math.min(at, p.rows.length - 1)]
          return (
            <tr key={p.optimizer.id} data-testid={`pg2-row-${p.optimizer.id}`} data-f={r.f}>
              <th style={{ color: SERIES_COLORS[i] }}>{optimizerRules[p.optimizer.id].label}</th>
              <td>{p.optimizer.learningRate}</td>
              <td>{fmt(r.point[0], 5)}</td>
              <td>{fmt(r.point[1], 5)}</td>
              <td>{p.diverged && at >= p.rows.length - 1 ? <span className="error">diverged</span> : fmt(r.f, 6)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

function FChart({ paths, upTo }: { paths: DescentPath[]; upTo: number }) {
  const series: Series[] = paths.map((p, i) => {
    const rows = p.rows.slice(0, upTo + 1)
    return { label: optimizerRules[p.optimizer.id].label, x: rows.map((r) => r.iteration), y: rows.map((r) => r.f), color: SERIES_COLORS[i] }
  })
  const positive = series.every((s) => s.y.every((v) => v > 0))
  return (
    <section className="pg-chart">
      <h3>f per iteration{positive ? ' (log scale)' : ''}</h3>
      <LineChart series={series} logY={positive} xLabel="iteration" version={upTo * 31 + series.length} height={200} testId="pg2-chart" />
    </section>
  )
}
