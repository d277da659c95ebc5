/**
 * A node added without the user pointing at a place (a palette click lands it right of the
 * chain) is brought into view: the canvas pans just enough to show it whole, clear of the
 * controls, problems bar and minimap, at the zoom it had.
 */
import { useEffect } from 'react'
import { useReactFlow, type Viewport } from '@xyflow/react'
import { NODE_WIDTH } from '../graph/edit'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { canvasSize, MARGIN } from './fit'
import { scheduleFit } from './fitTracking'

/** How far to move a span [lo, hi] (screen pixels) to bring it inside [min, max]: 0 when it is; its start first when it is wider. */
function shiftInto(lo: number, hi: number, min: number, max: number): number {
  if (lo < min || hi - lo > max - min) return min - lo
  return hi > max ? max - hi : 0
}

/** The viewport that shows the node `nodeId` whole, or null when it is in view already (or gone). */
export function viewportShowing(nodeId: string, viewport: Viewport): Viewport | null {
  const node = useDocument.getState().project.nodes.find((n) => n.id === nodeId)
  const { width, height } = canvasSize()
  if (!node || width === 0) return null
  const size = useUi.getState().nodeSizes[nodeId] ?? { width: NODE_WIDTH, height: 90 }
  const { x, y, zoom } = viewport
  const left = x + node.position.x * zoom
  const top = y + node.position.y * zoom
  const dx = shiftInto(left, left + size.width * zoom, MARGIN.left, width - MARGIN.right)
  const dy = shiftInto(top, top + size.height * zoom, MARGIN.top, height - MARGIN.bottom)
  return dx === 0 && dy === 0 ? null : { x: x + dx, y: y + dy, zoom }
}

export function useRevealNode(): void {
  const { getViewport, setViewport } = useReactFlow()
  const request = useUi((s) => s.revealRequest)
  useEffect(() => {
    if (!request) return
    // After the node is drawn and measured; counted as a fit (the canvas moves).
    return scheduleFit(() => {
      const next = viewportShowing(request.nodeId, getViewport())
      return next ? setViewport(next, { duration: 200 }) : undefined
    }, 30)
  }, [request, getViewport, setViewport])
}
