/**
 * React Flow's node and edge types, defined once at module scope (a new object per render
 * would remount every node). A node's `type` is its kind.
 */
import type { EdgeTypes, NodeTypes } from '@xyflow/react'
import type { NodeKind } from '../../../engine/project'
import { LayerNode } from './LayerNode'
import { ShapeEdge } from './ShapeEdge'

export const nodeTypes = {
  input: LayerNode,
  dense: LayerNode,
  activation: LayerNode,
  dropout: LayerNode,
  loss: LayerNode,
  optimizer: LayerNode,
} satisfies Record<NodeKind, unknown> as NodeTypes

export const edgeTypes: EdgeTypes = { shape: ShapeEdge }

/** The drag payload type of palette items. */
export const PALETTE_MIME = 'application/reactflow'
