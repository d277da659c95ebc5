import { useMemo, useState } from 'react'
import { LineChart, type Series } from '../viz/LineChart'
import { useLiveTraining } from './liveSight'
import { useReplayMarker } from './timeMachine'
import { fmt, percent } from './format'
import { measuredPoints } from './measuredPoints'
import type { Curves } from './trainingStore'

/** Colour-blind-safe pair used for every train/validation curve. */
export const TRAIN_COLOR = '#0877bd'
export const VALIDATION_COLOR = '#e8710a'

/** Exponential moving average for display (the raw points stay in the store). */
function smooth(y: readonly number[], alpha: number): number[] {
  const out: number[] = []
  let m = NaN
  for (const v of y) {
    if (Number.isFinite(v)) m = Number.isNaN(m) ? v : m + alpha * (v - m)
    out.push(m)
  }
  return out
}

/** The loss and accuracy charts' lines: per iteration (the training lines smoothed) or per epoch. */
function curveSeries(curves: Curves, perEpoch: boolean): { lossSeries: Series[]; accSeries: Series[] } {
  const lossSeries: Series[] = []
  const accSeries: Series[] = []
  if (!perEpoch) {
    const alpha = Math.min(1, 20 / Math.max(20, curves.iteration.length))
    lossSeries.push({ label: 'train', x: curves.iteration, y: smooth(curves.loss, alpha), color: TRAIN_COLOR })
    const valLoss = measuredPoints(curves.iteration, curves.valLoss, curves.epochs.map((e) => ({ x: e.iterations, y: e.valLoss })))
    if (valLoss.y.length > 0) lossSeries.push({ label: 'validation', ...valLoss, color: VALIDATION_COLOR })
    accSeries.push({ label: 'train', x: curves.iteration, y: smooth(curves.accuracy, alpha), color: TRAIN_COLOR })
    const valAccuracy = measuredPoints(curves.iteration, curves.valAccuracy, curves.epochs.map((e) => ({ x: e.iterations, y: e.valAccuracy })))
    if (valAccuracy.y.length > 0) accSeries.push({ label: 'validation', ...valAccuracy, color: VALIDATION_COLOR })
    return { lossSeries, accSeries }
  }
  const epochX = curves.epochs.map((e) => e.iterations)
  lossSeries.push({ label: 'train / epoch', x: epochX, y: curves.epochs.map((e) => e.loss), color: TRAIN_COLOR, dots: true })
  accSeries.push({ label: 'train / epoch', x: epochX, y: curves.epochs.map((e) => e.accuracy ?? NaN), color: TRAIN_COLOR, dots: true })
  if (curves.epochs.some((e) => e.valLoss !== undefined)) {
    lossSeries.push({ label: 'validation / epoch', x: epochX, y: curves.epochs.map((e) => e.valLoss ?? NaN), color: VALIDATION_COLOR, dots: true })
    accSeries.push({ label: 'validation / epoch', x: epochX, y: curves.epochs.map((e) => e.valAccuracy ?? NaN), color: VALIDATION_COLOR, dots: true })
  }
  return { lossSeries, accSeries }
}

/** The lectures' "stop when the validation error gets to its minimum": where the chart marks it. */
function bestValidation(curves: Curves): { x: number; label: string } | null {
  let best: { x: number; label: string } | null = null
  let bestLoss = Infinity
  for (const e of curves.epochs) {
    if (e.valLoss !== undefined && e.valLoss < bestLoss) {
      bestLoss = e.valLoss
      best = { x: e.iterations, label: `min validation loss (epoch ${e.epoch})` }
    }
  }
  return best
}

/** Loss and accuracy: per-iteration (smoothed) and per-epoch, training vs validation; log scale. */
export function CurvesView() {
  const curves = useLiveTraining((s) => s.curves)
  const version = useLiveTraining((s) => s.version)
  const info = useLiveTraining((s) => s.info)
  const replayMarker = useReplayMarker()
  const [logY, setLogY] = useState(true)
  const [perEpoch, setPerEpoch] = useState(false)
  const view = useMemo(
    () => ({ ...curveSeries(curves, perEpoch), best: bestValidation(curves) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version, perEpoch, curves],
  )
  const last = curves.epochs.at(-1)
  const classification = info?.classification ?? false
  return (
    <section className="train-section" data-testid="curves">
      <header>
        <h3>Loss {classification && '& accuracy'}</h3>
        <label className="toggle">
          <input type="checkbox" checked={logY} onChange={(e) => setLogY(e.target.checked)} /> log
        </label>
        <label className="toggle">
          <input type="checkbox" checked={perEpoch} onChange={(e) => setPerEpoch(e.target.checked)} data-testid="curves-per-epoch" /> per epoch
        </label>
      </header>
      <dl className="metrics">
        <div>
          <dt>loss</dt>
          <dd data-testid="metric-loss">{fmt(last?.loss)}</dd>
        </div>
        {last?.valLoss !== undefined && (
          <div>
            <dt>val. loss</dt>
            <dd data-testid="metric-val-loss">{fmt(last.valLoss)}</dd>
          </div>
        )}
        {classification && (
          <div>
            <dt>accuracy</dt>
            <dd data-testid="metric-accuracy">{percent(last?.accuracy)}</dd>
          </div>
        )}
        {classification && last?.valAccuracy !== undefined && (
          <div>
            <dt>val. accuracy</dt>
            <dd data-testid="metric-val-accuracy">{percent(last.valAccuracy)}</dd>
          </div>
        )}
      </dl>
      <LineChart series={view.lossSeries} logY={logY} xLabel="iteration" version={version + (perEpoch ? 0.5 : 0)} marker={replayMarker ?? view.best} testId="chart-loss" />
      {classification && <LineChart series={view.accSeries} yRange={[0, 1]} xLabel="iteration" version={version + (perEpoch ? 0.5 : 0)} height={120} marker={replayMarker} testId="chart-accuracy" />}
    </section>
  )
}
