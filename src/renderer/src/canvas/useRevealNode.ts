/**
 * Nodes the user did not point at are brought into view, at the zoom the canvas had when they
 * fit (panned just enough), clear of what floats over the canvas (`revealArea`):
 * - blocks added by palette clicks (they land right of the chain): the newest, the blocks added
 *   before it in a row and the node they hang from, as many as fit at a readable zoom;
 * - the step-through's current layer, stage by stage, with its badge, above the dialog docked
 *   at the bottom (zoomed out as far as it takes; in a cramped window the example card folds).
 */
import { useEffect } from 'react'
import { useReactFlow, type Viewport } from '@xyflow/react'
import { NODE_WIDTH } from '../graph/edit'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { READABLE_ZOOM, revealArea } from './fit'
import { scheduleFit } from './fitTracking'
import { unionBox, viewportShowing, type Box } from './reveal'

/** A node's box in canvas pixels (its measured size where React Flow has it), or null when it is gone. */
function nodeBox(nodeId: string): Box | null {
  const node = useDocument.getState().project.nodes.find((n) => n.id === nodeId)
  if (!node) return null
  const size = useUi.getState().nodeSizes[nodeId] ?? { width: NODE_WIDTH, height: 90 }
  return { ...node.position, ...size }
}

/** The step-through's badge over a node (8 px above it, centred), in canvas pixels, or null when it has none. */
function badgeBox(nodeId: string, node: Box): Box | null {
  const badge = document.querySelector<HTMLElement>(`[data-testid="step-focus-${CSS.escape(nodeId)}"]`)
  if (!badge) return null
  const { offsetWidth: width, offsetHeight: height } = badge
  return { x: node.x + node.width / 2 - width / 2, y: node.y - 8 - height, width, height }
}

/** The viewport that shows `boxes` (most important first) in the canvas's open area, or null when they are in view. */
function showing(boxes: Box[], viewport: Viewport): Viewport | null {
  const area = revealArea()
  return area.width === 0 ? null : viewportShowing(boxes, viewport, area, Math.min(viewport.zoom, READABLE_ZOOM))
}

/** True when the open area above the docked step-through is lower than a node at a readable zoom. */
function cramped(): boolean {
  const { height, margins } = revealArea()
  return height - margins.top - margins.bottom < 90 * READABLE_ZOOM
}

/** What moves the canvas (React Flow's). */
interface Flow {
  getViewport(): Viewport
  setViewport(viewport: Viewport, options?: { duration?: number }): Promise<boolean>
}

/**
 * The viewport that shows the step-through's current layer and its badge from `viewport` (panned
 * or zoomed out just enough), or null when there is none or they are in view there. Every fit
 * goes to `viewport` moved so (the fit alone may be too wide for the room above the docked dialog).
 */
export function stepFocusShowing(viewport: Viewport): Viewport | null {
  const focus = useUi.getState().stepFocus?.nodeId
  const box = focus ? nodeBox(focus) : null
  if (!focus || !box) return null
  return showing([unionBox([box, badgeBox(focus, box) ?? box])], viewport)
}

/** Brings the step-through's current layer and its badge into view when the layer changes. */
function revealStepFocus(flow: Flow): Promise<boolean> | undefined {
  const next = stepFocusShowing(flow.getViewport())
  return next ? flow.setViewport(next, { duration: 200 }) : undefined
}

export function useRevealNode(): void {
  const flow = useReactFlow()
  const request = useUi((s) => s.revealRequest)
  const focus = useUi((s) => s.stepFocus?.nodeId ?? null)
  useEffect(() => {
    if (!request) return
    // After the node is drawn and measured; counted as a fit (the canvas moves).
    return scheduleFit(() => {
      const boxes = request.nodeIds.map(nodeBox).filter((b): b is Box => b !== null)
      const next = showing(boxes, flow.getViewport())
      return next ? flow.setViewport(next, { duration: 200 }) : undefined
    }, 30)
  }, [request, flow])
  useEffect(() => {
    if (!focus) return
    // After the dialog has docked and the badge is drawn. In a cramped window the example card
    // folds first: the fit that follows (useAutoFit) brings the layer into view.
    return scheduleFit(() => (cramped() && !useUi.getState().cardFolded ? useUi.getState().setCardFolded(true) : revealStepFocus(flow)), 30)
  }, [focus, flow])
}
