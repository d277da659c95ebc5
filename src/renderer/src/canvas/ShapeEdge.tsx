import { memo } from 'react'
import { BaseEdge, EdgeLabelRenderer, getBezierPath, getSmoothStepPath, type EdgeProps } from '@xyflow/react'
import { useDocument } from '../store/documentStore'
import type { FlowEdge } from '../graph/flow'
import { DiagnosticBadge } from './DiagnosticBadge'

const NO_DIAGNOSTICS: never[] = []

/** An edge labelled with the tensor it carries (e.g. `784 → 30` into a dense layer). */
function ShapeEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd }: EdgeProps<FlowEdge>) {
  const label = useDocument((s) => s.shapes.edgeLabel[id])
  const diagnostics = useDocument((s) => s.pinned.byEdge[id] ?? NO_DIAGNOSTICS)
  // A link into a node further left (a chain wrapped into a second row) runs right, down
  // between the rows and back left, instead of a bezier loop across the nodes.
  const wraps = targetX < sourceX - 10 && Math.abs(targetY - sourceY) > 40
  const [path, labelX, labelY] = wraps
    ? getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 12, offset: 24 })
    : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })
  const bad = diagnostics.some((d) => d.severity === 'error')
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={bad ? 'edge-error' : undefined} />
      <EdgeLabelRenderer>
        <div
          className={`edge-label${selected ? ' is-selected' : ''}${bad ? ' has-error' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid={`edge-label-${id}`}
        >
          {label ?? ''}
          {diagnostics.length > 0 && <DiagnosticBadge diagnostics={diagnostics} testId={`diagnostic-badge-edge-${id}`} open={selected} />}
        </div>
      </EdgeLabelRenderer>
    </>
  )
}

export const ShapeEdge = memo(ShapeEdgeView)
