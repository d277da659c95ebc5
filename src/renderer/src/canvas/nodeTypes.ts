/**
 * React Flow's node and edge types, defined once at module scope (a new object per render
 * would remount every node). A node's `type` is its kind.
 */
import type { EdgeTypes, NodeTypes } from '@xyflow/react'
import { NODE_KIND_IDS } from '../../../engine/project'
import { LayerNode } from './LayerNode'
import { ShapeEdge } from './ShapeEdge'

/** Every kind draws as a LayerNode (which asks the registry what to show). */
export const nodeTypes: NodeTypes = Object.fromEntries(NODE_KIND_IDS.map((kind) => [kind, LayerNode]))

export const edgeTypes: EdgeTypes = { shape: ShapeEdge }

/** The drag payload type of palette items. */
export const PALETTE_MIME = 'application/reactflow'
