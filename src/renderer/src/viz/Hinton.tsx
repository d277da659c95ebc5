import { memo } from 'react'
import { lutColor } from './lut'

/**
 * A Hinton diagram: one square per weight, its area proportional to |w| (side ∝ √|w|), blue
 * for positive and orange for negative. Rows are units j, columns inputs k.
 */
function HintonView({ values, rows, cols, maxAbs, cell = 14 }: { values: ArrayLike<number>; rows: number; cols: number; maxAbs: number; cell?: number }) {
  const squares = []
  for (let j = 0; j < rows; j++) {
    for (let k = 0; k < cols; k++) {
      const w = values[j * cols + k]
      const side = Math.sqrt(Math.min(1, Math.abs(w) / maxAbs)) * (cell - 2)
      squares.push(
        <rect key={`${j}-${k}`} x={k * cell + (cell - side) / 2} y={j * cell + (cell - side) / 2} width={side} height={side} fill={lutColor(Math.sign(w) * maxAbs, maxAbs)}>
          <title>{`w${j + 1},${k + 1} = ${w.toPrecision(4)}`}</title>
        </rect>,
      )
    }
  }
  return (
    <svg className="hinton" width={cols * cell} height={rows * cell} data-testid="hinton">
      <rect width={cols * cell} height={rows * cell} fill="var(--hinton-bg, #808890)" />
      {squares}
    </svg>
  )
}

export const Hinton = memo(HintonView)
