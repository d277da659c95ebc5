import { memo } from 'react'
import { divergingColor } from './colors'
import { maxAbs as maxAbsOf } from './lut'

/**
 * Weights `[units][nIn]` as a small heatmap (row j = unit j, column k = input k), biases as
 * an extra column, on the blue ↔ orange scale.
 */
function WeightGridView({ weights, biases, cell = 12 }: { weights: readonly (readonly number[])[]; biases?: readonly number[]; cell?: number }) {
  const maxAbs = maxAbsOf((biases ? [...weights, biases] : weights).flat())
  const cols = weights[0]?.length ?? 0
  return (
    <div className="weight-grid" aria-label="weights heatmap" style={{ gridTemplateColumns: `repeat(${cols}, ${cell}px)${biases ? ` 4px ${cell}px` : ''}` }}>
      {weights.map((row, j) => [
        ...row.map((w, k) => <span key={`${j}-${k}`} title={`w${j + 1}${k + 1} = ${w}`} style={{ background: divergingColor(w, maxAbs), height: cell }} />),
        ...(biases ? [<i key={`${j}-gap`} />, <span key={`${j}-b`} title={`b${j + 1} = ${biases[j]}`} className="bias-cell" style={{ background: divergingColor(biases[j] ?? 0, maxAbs), height: cell }} />] : []),
      ])}
    </div>
  )
}

export const WeightGrid = memo(WeightGridView)
