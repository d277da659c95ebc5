/**
 * Project ⇄ React Flow: our nodes map one to one onto React Flow's (`kind` → `type`,
 * `params` inside `data`), edges keep their ids. Selection and measured sizes are UI state,
 * merged in here so React Flow can stay fully controlled by the stores.
 */
import type { Edge, Node } from '@xyflow/react'
import type { NodeKind, Project, ProjectEdge, ProjectNode } from '../../../engine/project'

export type FlowNodeData = { node: ProjectNode }
export type FlowNode = Node<FlowNodeData, NodeKind>
export type FlowEdge = Edge<Record<string, never>, 'shape'>

export function toFlowNode(node: ProjectNode, selected: boolean, size?: { width: number; height: number }): FlowNode {
  return {
    id: node.id,
    type: node.kind,
    position: node.position,
    data: { node },
    selected,
    ...(size ? { measured: size } : {}),
  }
}

export function toFlowEdge(edge: ProjectEdge, selected: boolean): FlowEdge {
  return { id: edge.id, source: edge.source, target: edge.target, type: 'shape', selected, data: {} }
}

export function toFlowNodes(project: Project, selected: readonly string[] = [], sizes: Record<string, { width: number; height: number }> = {}): FlowNode[] {
  const sel = new Set(selected)
  return project.nodes.map((n) => toFlowNode(n, sel.has(n.id), sizes[n.id]))
}

export function toFlowEdges(project: Project, selected: readonly string[] = []): FlowEdge[] {
  const sel = new Set(selected)
  return project.edges.map((e) => toFlowEdge(e, sel.has(e.id)))
}

/** Back from React Flow's nodes and edges to the project (positions as React Flow has them). */
export function fromFlow(project: Project, nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Project {
  return {
    ...project,
    nodes: nodes.map((n) => ({ ...n.data.node, position: { x: n.position.x, y: n.position.y } })),
    edges: edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  }
}
