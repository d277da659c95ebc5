import { memo, useMemo } from 'react'
import { ownFloat32 } from './paint/painter'
import { PaintedCanvas } from './paint/PaintedCanvas'

export interface HeatmapProps {
  /** Row-major `rows×cols`. */
  values: ArrayLike<number>
  rows: number
  cols: number
  /** ±maxAbs is full colour. */
  maxAbs: number
  /** Offset of the first value (one unit's map inside a bigger array). */
  offset?: number
  /** Displayed size of one cell in CSS pixels. */
  cell?: number
  /** Cap on the displayed width (cells shrink to fit). */
  maxWidth?: number
  title?: string
  testId?: string
}

/** A heatmap: one canvas pixel per value through the diverging LUT (painted off the main thread), scaled up by CSS. */
function HeatmapView({ values, rows, cols, maxAbs, offset = 0, cell = 10, maxWidth = 280, title, testId }: HeatmapProps) {
  const job = useMemo(() => ({ kind: 'heatmap' as const, values: ownFloat32(values, offset, rows * cols), rows, cols, maxAbs }), [values, rows, cols, maxAbs, offset])
  const size = Math.max(1, Math.min(cell, maxWidth / Math.max(1, cols)))
  return <PaintedCanvas job={job} className="heatmap" testId={testId} title={title} style={{ width: cols * size, height: rows * size }} />
}

export const Heatmap = memo(HeatmapView)
