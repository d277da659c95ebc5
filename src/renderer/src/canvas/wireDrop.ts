import type { FinalConnectionState } from '@xyflow/react'
import { connectionProblem } from '../graph/connection'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { wireEnds } from './ConnectionLine'

/** The canvas node under a screen point, if any. */
function nodeAt(x: number, y: number): string | null {
  const el = document.elementFromPoint(x, y)?.closest('.react-flow__node')
  return el?.getAttribute('data-id') ?? null
}

function pointOf(event: MouseEvent | TouchEvent): { x: number; y: number } {
  if ('changedTouches' in event) return { x: event.changedTouches[0]?.clientX ?? 0, y: event.changedTouches[0]?.clientY ?? 0 }
  return { x: event.clientX, y: event.clientY }
}

/**
 * Where a wire drag ended. Over a handle that refused it: the reason at that node. Over a node's
 * body (not a handle): connect when allowed, else the reason. A valid drop on a handle is
 * `onConnect`'s; a drop on empty canvas does nothing.
 */
export function wireDropped(event: MouseEvent | TouchEvent, state: FinalConnectionState): void {
  if (!state.fromNode || !state.fromHandle || state.isValid) return
  const at = pointOf(event)
  const other = state.toNode?.id ?? nodeAt(at.x, at.y)
  if (!other || other === state.fromNode.id) return
  const { source, target } = wireEnds(state.fromNode.id, state.fromHandle.type, other)
  const problem = connectionProblem(useDocument.getState().project, source, target)
  if (problem === null) {
    useDocument.getState().connect(source, target)
    return
  }
  useUi.getState().setRefusal({ nodeId: other, side: other === target ? 'in' : 'out', text: problem })
}
