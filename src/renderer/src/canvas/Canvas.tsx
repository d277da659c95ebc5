import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react'
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react'
import type { NodeKind, Position } from '../../../engine/project'
import { connectionProblem } from '../graph/connection'
import { toFlowEdges, toFlowNodes, type FlowEdge, type FlowNode } from '../graph/flow'
import { GROUP_OF_KIND } from '../graph/summary'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { ExampleCard } from '../panels/ExampleCard'
import { ProblemsBar } from '../panels/ProblemsBar'
import { edgeTypes, nodeTypes, PALETTE_MIME } from './nodeTypes'
import { cardCrowdsNetwork, fitOptions } from './fit'
import { CanvasTintToggle } from './CanvasTintToggle'
import { ConnectionLine } from './ConnectionLine'
import { wireDropped } from './wireDrop'

export interface PalettePayload {
  kind: NodeKind
  preset?: Record<string, unknown>
}

const defaultViewport = { x: 60, y: 60, zoom: 1 }
const defaultEdgeOptions = { type: 'shape' as const, markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } }

/** The designer's canvas: React Flow fully controlled by the document and UI stores. */
export function Canvas() {
  const project = useDocument((s) => s.project)
  const loadSerial = useDocument((s) => s.loadSerial)
  const selectedNodes = useUi((s) => s.selectedNodes)
  const selectedEdges = useUi((s) => s.selectedEdges)
  const nodeSizes = useUi((s) => s.nodeSizes)
  const theme = useUi((s) => s.theme)
  const { screenToFlowPosition, fitView } = useReactFlow()

  const nodes = useMemo(() => toFlowNodes(project, selectedNodes, nodeSizes), [project, selectedNodes, nodeSizes])
  const edges = useMemo(() => toFlowEdges(project, selectedEdges).map((e) => ({ ...e, ...defaultEdgeOptions })), [project, selectedEdges])

  // Fit the view whenever a project is loaded (new, open, example, recovery).
  useEffect(() => {
    if (loadSerial === 0 || useDocument.getState().project.nodes.length === 0) return
    const timer = setTimeout(() => {
      // In a cramped window the explanation folds to its title (one click brings it back).
      if (cardCrowdsNetwork()) useUi.getState().setCardFolded(true)
      else void fitView(fitOptions())
    }, 80)
    return () => clearTimeout(timer)
  }, [loadSerial, fitView])

  // Fit again when the canvas changes size because a panel folded, opened or widened, or the
  // example card folded: the network stays whole and as large as the room allows.
  const paletteOpen = useUi((s) => s.paletteOpen)
  const sidePanelOpen = useUi((s) => s.sidePanelOpen)
  const sideTab = useUi((s) => s.sideTab)
  const cardFolded = useUi((s) => s.cardFolded)
  const layoutKey = `${paletteOpen}/${sidePanelOpen}/${sideTab}/${cardFolded}`
  const firstLayout = useRef(layoutKey)
  useEffect(() => {
    if (layoutKey === firstLayout.current || useDocument.getState().project.nodes.length === 0) return
    firstLayout.current = layoutKey
    const timer = setTimeout(() => void fitView(fitOptions(200)), 60)
    return () => clearTimeout(timer)
  }, [layoutKey, fitView])

  // Fit again whenever the canvas itself changes size (the training panel widens, the window or
  // the interface zoom changes, presentation mode): whatever caused it, the network stays whole.
  useEffect(() => {
    const el = document.querySelector('.canvas')
    if (!el) return
    let last = { width: el.clientWidth, height: el.clientHeight }
    let timer: ReturnType<typeof setTimeout> | undefined
    const observer = new ResizeObserver(() => {
      const now = { width: el.clientWidth, height: el.clientHeight }
      if (Math.abs(now.width - last.width) < 2 && Math.abs(now.height - last.height) < 2) return
      last = now
      clearTimeout(timer)
      timer = setTimeout(() => {
        if (useDocument.getState().project.nodes.length > 0) void fitView(fitOptions(200))
      }, 80)
    })
    observer.observe(el)
    return () => {
      observer.disconnect()
      clearTimeout(timer)
    }
  }, [fitView])

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
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
  }, [])

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    let selection: Set<string> | null = null
    for (const c of changes) {
      if (c.type === 'select') {
        selection ??= new Set(useUi.getState().selectedEdges)
        if (c.selected) selection.add(c.id)
        else selection.delete(c.id)
      }
    }
    if (selection) useUi.getState().select(useUi.getState().selectedNodes, [...selection])
  }, [])

  const onConnect = useCallback((c: Connection) => {
    const result = useDocument.getState().connect(c.source, c.target)
    if ('problem' in result) useUi.getState().notify({ kind: 'error', text: result.problem })
  }, [])

  const clearRefusal = useCallback(() => useUi.getState().setRefusal(null), [])
  // Clicking a node shows its settings: the side panel switches to the Inspector.
  const onNodeClick = useCallback(() => {
    const ui = useUi.getState()
    ui.setRefusal(null)
    if (ui.sideTab !== 'inspector') ui.setSideTab('inspector')
  }, [])

  const isValidConnection = useCallback((c: Connection | FlowEdge) => connectionProblem(useDocument.getState().project, c.source, c.target) === null, [])

  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
  }, [])

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault()
      const raw = event.dataTransfer.getData(PALETTE_MIME)
      if (!raw) return
      const payload = JSON.parse(raw) as PalettePayload
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY })
      // Centre the node on the pointer (nodes are about 180 × 90).
      const id = useDocument.getState().addNode(payload.kind, { x: at.x - 90, y: at.y - 40 }, payload.preset)
      useUi.getState().select([id])
    },
    [screenToFlowPosition],
  )

  const beginMove = useCallback(() => useDocument.getState().beginMove(), [])
  const endMove = useCallback(() => useDocument.getState().endMove(), [])

  return (
    <ReactFlow<FlowNode, FlowEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      connectionLineComponent={ConnectionLine}
      onConnectStart={clearRefusal}
      onConnectEnd={wireDropped}
      onPaneClick={clearRefusal}
      onNodeClick={onNodeClick}
      onNodeDragStart={beginMove}
      onNodeDragStop={endMove}
      onSelectionDragStart={beginMove}
      onSelectionDragStop={endMove}
      onDrop={onDrop}
      onDragOver={onDragOver}
      deleteKeyCode={null}
      colorMode={theme}
      defaultViewport={defaultViewport}
      minZoom={0.2}
      maxZoom={2.5}
      snapToGrid
      snapGrid={[10, 10]}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={24} />
      <Controls position="bottom-left" />
      <MiniMap position="bottom-right" pannable zoomable nodeColor={miniMapColor} nodeStrokeWidth={2} style={MINIMAP_SIZE} />
      <Panel position="top-left">
        <ExampleCard />
      </Panel>
      <Panel position="bottom-center">
        <ProblemsBar />
      </Panel>
      <Panel position="top-right">
        <CanvasTintToggle />
      </Panel>
      {project.nodes.length === 0 && (
        <Panel position="top-center" className="empty-hint">
          Drag blocks from the palette onto the canvas (or click them), then connect the dots from left to right — or open an example.
        </Panel>
      )}
    </ReactFlow>
  )
}

/** Small enough to leave the network the room (React Flow's default is 200 × 150). */
const MINIMAP_SIZE = { width: 150, height: 96 }

const MINIMAP_COLORS = { data: '#6b7385', layers: '#2f6fd6', activations: '#0f9d77', losses: '#c2410c', optimizers: '#7c3aed' } as const

function miniMapColor(node: FlowNode): string {
  return MINIMAP_COLORS[GROUP_OF_KIND[node.data.node.kind]]
}
