import { useCallback, useMemo, type DragEvent } from 'react'
import { Background, Controls, MarkerType, MiniMap, Panel, ReactFlow, useReactFlow } from '@xyflow/react'
import { toFlowEdges, toFlowNodes, type FlowEdge, type FlowNode } from '../graph/flow'
import { GROUP_OF_KIND } from '../graph/summary'
import { useDocument } from '../store/documentStore'
import { useUi } from '../store/uiStore'
import { ExampleCard } from '../panels/ExampleCard'
import { ProblemsBar } from '../panels/ProblemsBar'
import { edgeTypes, nodeTypes } from './nodeTypes'
import { CanvasTintToggle } from './CanvasTintToggle'
import { ConnectionLine } from './ConnectionLine'
import { wireDropped } from './wireDrop'
import { useAutoFit } from './useAutoFit'
import { useRevealNode } from './useRevealNode'
import './canvasPanels.css'
import {
  beginMove,
  clearRefusal,
  dropPaletteBlock,
  endMove,
  isValidConnection,
  onConnect,
  onDragOver,
  onEdgesChange,
  onNodeClick,
  onNodesChange,
  onPaneClick,
} from './flowHandlers'

const defaultViewport = { x: 60, y: 60, zoom: 1 }
const defaultEdgeOptions = { type: 'shape' as const, markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } }

/** The designer's canvas: React Flow fully controlled by the document and UI stores. */
export function Canvas() {
  const project = useDocument((s) => s.project)
  const selectedNodes = useUi((s) => s.selectedNodes)
  const selectedEdges = useUi((s) => s.selectedEdges)
  const nodeSizes = useUi((s) => s.nodeSizes)
  const theme = useUi((s) => s.theme)
  const { screenToFlowPosition } = useReactFlow()

  const nodes = useMemo(() => toFlowNodes(project, selectedNodes, nodeSizes), [project, selectedNodes, nodeSizes])
  const edges = useMemo(() => toFlowEdges(project, selectedEdges).map((e) => ({ ...e, ...defaultEdgeOptions })), [project, selectedEdges])
  useAutoFit()
  useRevealNode()
  const onDrop = useCallback((event: DragEvent) => dropPaletteBlock(event, screenToFlowPosition), [screenToFlowPosition])

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
      onPaneClick={onPaneClick}
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
      <Panel position="top-left" className="canvas-top">
        <ExampleCard />
        <CanvasTintToggle />
      </Panel>
      <Panel position="bottom-center" className="canvas-bottom">
        <ProblemsBar />
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
