/**
 * What the canvas does with React Flow's events: moves, resizes and selections go to the
 * document and UI stores; a connection is made or refused; a palette block dropped becomes a node.
 */
import type { DragEvent } from 'react'
import type { Connection, EdgeChange, NodeChange, XYPosition } from '@xyflow/react'
import type { NodeKind, Position } from '../../../engine/project'
import { connectionProblem } from '../graph/connection'
import type { FlowEdge, FlowNode } from '../graph/flow'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { PALETTE_MIME } from './nodeTypes'

export interface PalettePayload {
  kind: NodeKind
  preset?: Record<string, unknown>
}

export function onNodesChange(changes: NodeChange<FlowNode>[]): void {
  const moves: Record<string, Position> = {}
  let moved = false
  let selection: Set<string> | null = null
  for (const c of changes) {
    if (c.type === 'position' && c.position) {
      moves[c.id] = { x: Math.round(c.position.x), y: Math.round(c.position.y) }
      moved = true
    } else if (c.type === 'dimensions' && c.dimensions) {
      const old = useUi.getState().nodeSizes[c.id]
      if (!old || old.width !== c.dimensions.width || old.height !== c.dimensions.height) useUi.getState().setNodeSize(c.id, c.dimensions)
    } else if (c.type === 'select') {
      selection ??= new Set(useUi.getState().selectedNodes)
      if (c.selected) selection.add(c.id)
      else selection.delete(c.id)
    }
  }
  if (moved) useDocument.getState().moveNodesLive(moves)
  if (selection) useUi.getState().select([...selection], useUi.getState().selectedEdges)
}

export function onEdgesChange(changes: EdgeChange<FlowEdge>[]): void {
  let selection: Set<string> | null = null
  for (const c of changes) {
    if (c.type === 'select') {
      selection ??= new Set(useUi.getState().selectedEdges)
      if (c.selected) selection.add(c.id)
      else selection.delete(c.id)
    }
  }
  if (selection) useUi.getState().select(useUi.getState().selectedNodes, [...selection])
}

export function onConnect(c: Connection): void {
  const result = useDocument.getState().connect(c.source, c.target)
  if ('problem' in result) useUi.getState().notify({ kind: 'error', text: result.problem })
}

export const clearRefusal = (): void => useUi.getState().setRefusal(null)

/** Clicking a node shows its settings: the side panel switches to the Inspector. */
export function onNodeClick(): void {
  const ui = useUi.getState()
  ui.setRefusal(null)
  if (ui.sideTab !== 'inspector') ui.setSideTab('inspector')
  // A compact window's inspector is a drawer: a node clicked shows its settings.
  if (ui.compact && ui.drawer !== 'side') ui.setSidePanelOpen(true)
}

/** A click on the empty canvas: the refused wire's reason goes, and so does a drawer over the canvas. */
export function onPaneClick(): void {
  clearRefusal()
  if (useUi.getState().drawer) useUi.setState({ drawer: null })
}

export const isValidConnection = (c: Connection | FlowEdge): boolean => connectionProblem(useDocument.getState().project, c.source, c.target) === null

export function onDragOver(event: DragEvent): void {
  event.preventDefault()
  event.dataTransfer.dropEffect = 'copy'
}

/** A palette block dropped at the pointer becomes a node there, selected. */
export function dropPaletteBlock(event: DragEvent, screenToFlowPosition: (p: XYPosition) => XYPosition): void {
  event.preventDefault()
  const raw = event.dataTransfer.getData(PALETTE_MIME)
  if (!raw) return
  const payload = JSON.parse(raw) as PalettePayload
  const at = screenToFlowPosition({ x: event.clientX, y: event.clientY })
  // Centre the node on the pointer (nodes are about 180 × 90).
  const id = useDocument.getState().addNode(payload.kind, { x: at.x - 90, y: at.y - 40 }, payload.preset)
  useUi.getState().select([id])
}

export const beginMove = (): void => useDocument.getState().beginMove()
export const endMove = (): void => useDocument.getState().endMove()
