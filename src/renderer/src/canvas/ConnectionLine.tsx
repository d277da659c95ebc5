import { createPortal } from 'react-dom'
import { getBezierPath, useStore, type ConnectionLineComponentProps } from '@xyflow/react'
import { connectionProblem } from '../graph/connection'
import type { FlowNode } from '../graph/flow'
import { useDocument } from '../store/documentStore'

/** Source and target of a wire being drawn from `from` (either end may be where the drag began). */
export function wireEnds(fromNode: string, fromHandleType: 'source' | 'target', toNode: string): { source: string; target: string } {
  return fromHandleType === 'source' ? { source: fromNode, target: toNode } : { source: toNode, target: fromNode }
}

/** Width of the reason box, in screen pixels (it keeps its size at any zoom). */
const BOX_WIDTH = 280

/**
 * The wire while it is drawn: green over a handle that accepts it; red and dashed over one that
 * refuses it, with the reason written at that handle, so a wrong link is explained before the drop.
 */
export function ConnectionLine({ fromNode, fromHandle, fromX, fromY, toX, toY, fromPosition, toPosition, toNode, connectionStatus }: ConnectionLineComponentProps<FlowNode>) {
  const [tx, ty, zoom] = useStore((s) => s.transform)
  const pane = useStore((s) => s.domNode)
  const project = useDocument((s) => s.project)
  const [path] = getBezierPath({ sourceX: fromX, sourceY: fromY, sourcePosition: fromPosition, targetX: toX, targetY: toY, targetPosition: toPosition })
  const ends = toNode ? wireEnds(fromNode.id, fromHandle.type, toNode.id) : null
  const problem = ends && connectionStatus === 'invalid' ? connectionProblem(project, ends.source, ends.target) : null
  const state = connectionStatus === 'valid' ? 'valid' : problem ? 'invalid' : 'open'
  return (
    <g className={`connection-line is-${state}`} data-testid="connection-line" data-state={state}>
      <path d={path} fill="none" />
      {problem && pane && createPortal(<Reason text={problem} at={toScreen(pane, toX * zoom + tx, toY * zoom + ty)} />, document.body)}
    </g>
  )
}

/** A canvas point (in pixels of the pane) in window coordinates. */
function toScreen(pane: HTMLElement, x: number, y: number): { x: number; y: number } {
  const rect = pane.getBoundingClientRect()
  return { x: rect.left + x, y: rect.top + y }
}

/** The reason box just below-right of the handle, or below-left where the window ends. */
function Reason({ text, at }: { text: string; at: { x: number; y: number } }) {
  const left = at.x + 14 + BOX_WIDTH <= window.innerWidth - 8 ? at.x + 14 : Math.max(8, at.x - 14 - BOX_WIDTH)
  return (
    <div className="connection-reason" role="alert" data-testid="connection-problem-preview" style={{ left, top: at.y + 14, width: BOX_WIDTH }}>
      {text}
    </div>
  )
}
