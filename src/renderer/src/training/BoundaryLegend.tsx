import { useEffect, useRef } from 'react'
import { CLASS_COLORS, drawHeldPoint, drawTestPoint, drawTrainingPoint, pointColor } from '../viz/paint/planeMarks'
import { divergingColor } from '../viz/colors'

export interface BoundaryLegendProps {
  /** Output units: 1 (one score), 2 (two scores) or more (a class per cell). */
  outputs: number
  /** The output activation (sigmoid/step/softmax read 0 … 1; tanh, sign, linear −1 … 1). */
  activation: string
  labelNames: string[] | null
  /** Whether some points are held out for validation. */
  held: boolean
  /** Whether the held-out test set's points are drawn. */
  test: boolean
}

/** A marker glyph as the plane draws it (same code, so the legend cannot drift). */
function Marker({ kind, color, testId }: { kind: 'train' | 'held' | 'test'; color: string; testId: string }) {
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const ctx = ref.current?.getContext('2d')
    if (!ctx) return
    ctx.clearRect(0, 0, 18, 18)
    if (kind === 'train') drawTrainingPoint(ctx, 9, 9, 6, color)
    else if (kind === 'test') drawTestPoint(ctx, 9, 10, 7, color)
    else drawHeldPoint(ctx, 9, 9, 7, color)
  }, [kind, color])
  return <canvas ref={ref} width={18} height={18} className="legend-marker" data-testid={testId} />
}

/**
 * What the decision boundary's colours and markers mean: the colour scale of the output (or one
 * swatch per class), and training points (dots) apart from held-out validation points (diamonds)
 * and test points (triangles).
 */
export function BoundaryLegend({ outputs, activation, labelNames, held, test }: BoundaryLegendProps) {
  const name = (k: number) => labelNames?.[k] ?? `class ${k}`
  const zeroToOne = ['sigmoid', 'step', 'softmax'].includes(activation)
  let scale
  if (outputs > 2) {
    scale = (
      <div className="legend-classes">
        {Array.from({ length: outputs }, (_, k) => (
          <span key={k} className="legend-class">
            <i className="swatch" style={{ background: CLASS_COLORS[k % CLASS_COLORS.length] }} /> {name(k)}
          </span>
        ))}
        <span className="muted">(paler = less sure)</span>
      </div>
    )
  } else {
    const [lo, hi] = outputs === 2 ? [`${name(0)} more likely`, `${name(1)} more likely`] : zeroToOne ? ['output 0', 'output 1'] : ['output −1', 'output +1']
    const mid = outputs === 2 ? 'even' : zeroToOne ? '0.5' : '0'
    const gradient = `linear-gradient(to right, ${divergingColor(-1, 1)}, ${divergingColor(0, 1)}, ${divergingColor(1, 1)})`
    scale = (
      <div className="legend-scale">
        <div className="legend-bar" style={{ background: gradient }} />
        <div className="legend-ticks">
          <span>{lo}</span>
          <span>{mid}</span>
          <span>{hi}</span>
        </div>
      </div>
    )
  }
  const categorical = outputs > 2
  return (
    <div className="boundary-legend" data-testid="boundary-legend">
      {scale}
      <div className="legend-markers">
        <span>
          <Marker kind="train" color={pointColor(1, categorical)} testId="legend-train-marker" /> training point
        </span>
        {held && (
          <span>
            <Marker kind="held" color={pointColor(1, categorical)} testId="legend-held-marker" /> validation point (held out, not trained on)
          </span>
        )}
        {test && (
          <span>
            <Marker kind="test" color={pointColor(1, categorical)} testId="legend-test-marker" /> test point (held out, evaluated at the end)
          </span>
        )}
      </div>
    </div>
  )
}
