import { memo, useMemo } from 'react'
import { ownFloat32 } from './paint/painter'
import { PaintedCanvas } from './paint/PaintedCanvas'

export interface PlaneViewProps {
  values: ArrayLike<number>
  size: number
  offset?: number
  /** Value drawn neutral, and the half-range that is full colour. */
  mid?: number
  halfRange?: number
  classes?: Uint8Array | null
  /** Training points `[n×2]` in data coordinates, with their classes. */
  points?: Float32Array | null
  pointClasses?: Int32Array | null
  /** 1 marks a point held out for validation: drawn as a hollow diamond, training points as filled dots. */
  held?: Uint8Array | null
  /** The held-out test set's points `[n×2]` and classes, drawn as triangles (null: none or hidden). */
  test?: { points: Float32Array; classes: Int32Array | null } | null
  extent: { xMin: number; xMax: number; yMin: number; yMax: number }
  px: number
  testId?: string
  title?: string
}

/**
 * The input plane: the network's output (or one hidden unit) over a grid, as the engine
 * computed it, with the training points on top (blue = class 1, orange = class 0); painted off
 * the main thread (`paint/`).
 */
function PlaneViewImpl({ values, size, offset = 0, mid = 0, halfRange = 1, classes = null, points = null, pointClasses = null, held = null, test = null, extent, px, testId, title }: PlaneViewProps) {
  const job = useMemo(
    () => ({ kind: 'plane' as const, values: ownFloat32(values, offset, size * size), size, mid, halfRange, classes, points, pointClasses, held, test, extent, px }),
    [values, size, offset, mid, halfRange, classes, points, pointClasses, held, test, extent, px],
  )
  return <PaintedCanvas job={job} className="plane" testId={testId} title={title} style={{ width: px, height: px }} />
}

export const PlaneView = memo(PlaneViewImpl)
