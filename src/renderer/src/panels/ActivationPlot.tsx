import { memo, useMemo } from 'react'
import type { ActivationParams as NodeActivationParams } from '../../../engine/project'
import { sampleActivation, X_MAX, X_MIN } from '../graph/activationSamples'

const W = 272
const H = 150
const PAD = 22
function ActivationPlotView({ params }: { params: NodeActivationParams }) {
  const { x, f, df } = useMemo(() => sampleActivation(params), [params])
  const all = [...f, ...df].filter(Number.isFinite)
  const yMin = Math.min(-0.25, ...all)
  const yMax = Math.max(1.05, ...all)
  const sx = (v: number) => PAD + ((v - X_MIN) / (X_MAX - X_MIN)) * (W - 2 * PAD)
  const sy = (v: number) => H - PAD - ((v - yMin) / (yMax - yMin)) * (H - 2 * PAD)
  const path = (ys: number[]) => {
    // Break the line at jumps (step, sign) so the plot does not draw a vertical wall.
    let d = ''
    ys.forEach((y, i) => {
      const jump = i > 0 && Math.abs(y - ys[i - 1]) > (yMax - yMin) * 0.3
      d += `${i === 0 || jump ? 'M' : 'L'}${sx(x[i]).toFixed(1)},${sy(y).toFixed(1)}`
    })
    return d
  }
  return (
    <figure className="activation-plot" data-testid="activation-plot">
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${params.activation} and its derivative`}>
        <line className="axis" x1={PAD} x2={W - PAD} y1={sy(0)} y2={sy(0)} />
        <line className="axis" x1={sx(0)} x2={sx(0)} y1={PAD / 2} y2={H - PAD} />
        <line className="grid" x1={PAD} x2={W - PAD} y1={sy(1)} y2={sy(1)} />
        <text className="tick" x={sx(0) - 4} y={sy(1) + 4} textAnchor="end">1</text>
        <text className="tick" x={sx(X_MIN)} y={H - 6}>{X_MIN}</text>
        <text className="tick" x={sx(X_MAX)} y={H - 6} textAnchor="end">{X_MAX}</text>
        <text className="tick" x={W - PAD} y={sy(0) - 4} textAnchor="end">net</text>
        <path className="curve-f" d={path(f)} />
        <path className="curve-df" d={path(df)} />
      </svg>
      <figcaption>
        <span className="key-f">— f(net)</span> <span className="key-df">- - f′(net)</span>
        {params.activation === 'softmax' && <span className="muted"> · first output of softmax(net, 0)</span>}
      </figcaption>
    </figure>
  )
}

export const ActivationPlot = memo(ActivationPlotView)
