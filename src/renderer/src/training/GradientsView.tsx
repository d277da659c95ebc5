import { useMemo } from 'react'
import { LineChart, type Series } from '../viz/LineChart'
import { useLiveTraining } from './liveSight'
import { fmt } from './format'

/** Colour-blind-safe line colours for layers (Okabe–Ito; its black as the text's colour, seen on the dark theme too). */
const LAYER_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', 'currentColor']

/** ‖∂E/∂(W, b)‖₂ per dense layer over time, log scale: vanishing gradients show as a gap between lines. */
export function GradientsView() {
  const curves = useLiveTraining((s) => s.curves)
  const version = useLiveTraining((s) => s.version)
  const snapshot = useLiveTraining((s) => s.snapshot)
  const info = useLiveTraining((s) => s.info)
  const series = useMemo<Series[]>(
    () =>
      (info?.layers ?? []).map((l, i, all) => ({
        label: i === all.length - 1 ? 'output' : `hidden ${i + 1}`,
        x: curves.gradIteration,
        y: curves.gradNorms[i] ?? [],
        color: LAYER_COLORS[i % LAYER_COLORS.length],
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [info, curves, version],
  )
  if (!snapshot || !info) return null
  return (
    <section className="train-section" data-testid="gradients">
      <header>
        <h3>Gradient norms</h3>
        <span className="muted">‖∂E/∂(W, b)‖ per layer</span>
      </header>
      <LineChart series={series} logY xLabel="iteration" version={version} height={130} testId="chart-gradients" />
      <p className="muted small">
        now: {snapshot.gradNorms.map((norm, i) => `${i === snapshot.gradNorms.length - 1 ? 'output' : `hidden ${i + 1}`} ${fmt(norm, 3)}`).join(' · ')}
      </p>
    </section>
  )
}
