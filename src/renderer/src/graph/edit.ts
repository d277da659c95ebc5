/**
 * Edits of a project, as pure functions: each takes a `Project` and returns a new one
 * (unchanged parts shared), so the store can keep every version for undo.
 */
import {
  NODE_KINDS,
  createNode,
  type NodeKind,
  type Position,
  type Project,
  type ProjectEdge,
  type ProjectNode,
} from '../../../engine/project'
import { connectionProblem } from './connection'

/** Horizontal and vertical spacing of auto-layout, in canvas pixels (room for a `784 → 100` edge label). */
export const LAYOUT_DX = 250
/** Row spacing: room for a dense node grown by its live weight view while training. */
export const LAYOUT_DY = 260

/** A new id `kind-N` not yet used in the project (ids read well in files and messages). */
export function freshNodeId(project: Project, kind: NodeKind, taken: Set<string> = new Set()): string {
  const used = new Set([...project.nodes.map((n) => n.id), ...taken])
  let i = 1
  while (used.has(`${kind}-${i}`)) i++
  return `${kind}-${i}`
}

export function freshEdgeId(project: Project, source: string, target: string, taken: Set<string> = new Set()): string {
  const used = new Set([...project.edges.map((e) => e.id), ...taken])
  let id = `${source}->${target}`
  for (let i = 2; used.has(id); i++) id = `${source}->${target}#${i}`
  return id
}

/** Adds a node of `kind` with default parameters at `position`; returns it with its id. */
export function addNode(project: Project, kind: NodeKind, position: Position): { project: Project; id: string } {
  const id = freshNodeId(project, kind)
  const node = createNode(kind, id, { x: Math.round(position.x), y: Math.round(position.y) })
  return { project: { ...project, nodes: [...project.nodes, node] }, id }
}

/**
 * Where click-to-add puts a node: right of the last node of the chain (or of the last node
 * drawn), so pressing the palette buttons in order builds a readable row.
 */
export function nextFreePosition(project: Project): Position {
  if (project.nodes.length === 0) return { x: 0, y: 0 }
  const last = project.nodes[project.nodes.length - 1]
  let pos = { x: last.position.x + LAYOUT_DX, y: last.position.y }
  while (project.nodes.some((n) => Math.abs(n.position.x - pos.x) < 60 && Math.abs(n.position.y - pos.y) < 60)) pos = { x: pos.x, y: pos.y + LAYOUT_DY }
  return pos
}

/** Moves nodes to new positions (ids not in the project are ignored). */
export function moveNodes(project: Project, moves: Record<string, Position>): Project {
  if (!project.nodes.some((n) => moves[n.id])) return project
  return {
    ...project,
    nodes: project.nodes.map((n) => (moves[n.id] ? ({ ...n, position: { x: moves[n.id].x, y: moves[n.id].y } } as ProjectNode) : n)),
  }
}

/** Deletes nodes (with every edge touching them) and edges. */
export function deleteElements(project: Project, nodeIds: readonly string[], edgeIds: readonly string[]): Project {
  const nodes = new Set(nodeIds)
  const edges = new Set(edgeIds)
  if (nodes.size === 0 && edges.size === 0) return project
  return {
    ...project,
    nodes: project.nodes.filter((n) => !nodes.has(n.id)),
    edges: project.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
  }
}

/** Connects `source` → `target` if `connectionProblem` allows it; else returns the problem. */
export function connectNodes(project: Project, source: string, target: string): { project: Project; id: string } | { problem: string } {
  const problem = connectionProblem(project, source, target)
  if (problem) return { problem }
  const id = freshEdgeId(project, source, target)
  return { project: { ...project, edges: [...project.edges, { id, source, target }] }, id }
}

/** Sets some parameters of a node (a shallow merge; `undefined` removes a key, e.g. weights). */
export function updateParams(project: Project, nodeId: string, patch: Record<string, unknown>): Project {
  return {
    ...project,
    nodes: project.nodes.map((n) => {
      if (n.id !== nodeId) return n
      const params: Record<string, unknown> = { ...n.params, ...patch }
      for (const [k, v] of Object.entries(patch)) if (v === undefined) delete params[k]
      return { ...n, params } as unknown as ProjectNode
    }),
  }
}

/** Sets or clears (empty text) a node's label. */
export function setNodeLabel(project: Project, nodeId: string, label: string): Project {
  return {
    ...project,
    nodes: project.nodes.map((n) => {
      if (n.id !== nodeId) return n
      const { label: _old, ...rest } = n
      return (label.trim() ? { ...rest, label } : rest) as ProjectNode
    }),
  }
}

/** What copy puts on the clipboard: nodes and the edges between them. */
export interface Clipboard {
  nodes: ProjectNode[]
  edges: ProjectEdge[]
}

export function copyElements(project: Project, nodeIds: readonly string[]): Clipboard {
  const ids = new Set(nodeIds)
  return JSON.parse(
    JSON.stringify({
      nodes: project.nodes.filter((n) => ids.has(n.id)),
      edges: project.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
    }),
  ) as Clipboard
}

/** A node's height for overlap checks, in canvas pixels (a dense node with its unit dots and footer). */
const NODE_HEIGHT = 130

/**
 * `offset`, moved further down in steps until the clipboard's nodes, shifted by it, cover no
 * node already on the canvas: a pasted node is never hidden under the one it copies.
 */
export function freePasteOffset(project: Project, clip: Clipboard, offset: Position): Position {
  const overlaps = (dx: number, dy: number) =>
    clip.nodes.some((c) =>
      project.nodes.some((n) => Math.abs(c.position.x + dx - n.position.x) < NODE_WIDTH + 16 && Math.abs(c.position.y + dy - n.position.y) < NODE_HEIGHT + 16),
    )
  let dy = offset.y
  for (let i = 0; i < 50 && overlaps(offset.x, dy); i++) dy += NODE_HEIGHT / 2
  return { x: offset.x, y: dy }
}

/** Pastes a clipboard with fresh ids, shifted by `offset` (further down where that would cover a node); returns the new node ids. */
export function pasteClipboard(project: Project, clip: Clipboard, wanted: Position = { x: 40, y: 40 }): { project: Project; ids: string[] } {
  const offset = freePasteOffset(project, clip, wanted)
  const idMap = new Map<string, string>()
  const taken = new Set<string>()
  const nodes = clip.nodes.map((n) => {
    const id = freshNodeId(project, n.kind, taken)
    taken.add(id)
    idMap.set(n.id, id)
    return { ...JSON.parse(JSON.stringify(n)), id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } } as ProjectNode
  })
  const takenEdges = new Set<string>()
  const edges = clip.edges.map((e) => {
    const source = idMap.get(e.source)!
    const target = idMap.get(e.target)!
    const id = freshEdgeId(project, source, target, takenEdges)
    takenEdges.add(id)
    return { id, source, target }
  })
  if (nodes.length === 0) return { project, ids: [] }
  return { project: { ...project, nodes: [...project.nodes, ...nodes], edges: [...project.edges, ...edges] }, ids: nodes.map((n) => n.id) }
}

/**
 * Lays a linear stack out left to right in chain order (input … loss), with the optimizer after
 * the loss, `perRow` nodes to a row: a long chain wraps into a second row like a line of text,
 * so it fits a narrow window at a readable zoom. Nodes off the chain go in a row below.
 */
export function layoutLinear(project: Project, chain: readonly string[], perRow = Infinity): Project {
  const order = [...chain]
  const onChain = new Set(order)
  const loss = project.nodes.find((n) => n.kind === 'loss')
  const optimizer = project.nodes.find((n) => n.kind === 'optimizer')
  if (loss && onChain.has(loss.id) && optimizer && !onChain.has(optimizer.id)) {
    order.push(optimizer.id)
    onChain.add(optimizer.id)
  }
  const rest = project.nodes.filter((n) => !onChain.has(n.id)).sort((a, b) => kindRank(a.kind) - kindRank(b.kind))
  const row = Math.max(1, Math.floor(perRow))
  const moves: Record<string, Position> = {}
  order.forEach((id, i) => (moves[id] = { x: (i % row) * LAYOUT_DX, y: Math.floor(i / row) * LAYOUT_DY }))
  const restY = order.length > 0 ? Math.ceil(order.length / row) * LAYOUT_DY : 0
  rest.forEach((n, i) => (moves[n.id] = { x: i * LAYOUT_DX, y: restY }))
  return moveNodes(project, moves)
}

/**
 * How many nodes of a `count`-long chain to put in a row so that the chain, fitted into
 * `width` screen pixels, shows at `zoom` or larger: all of them when they fit, else rows of
 * equal length (7 → 4 + 3), at most `maxRows` of them (then the fit zooms out instead).
 */
export function layoutPerRow(count: number, width: number, zoom = 0.8, maxRows = 2): number {
  const fits = Math.max(1, Math.floor((width / zoom + (LAYOUT_DX - NODE_WIDTH)) / LAYOUT_DX))
  if (count <= fits) return count
  return Math.ceil(count / Math.min(maxRows, Math.ceil(count / fits)))
}

/** The widest node, in canvas pixels (dense and input nodes; see `.layer-node` in styles.css). */
export const NODE_WIDTH = 164

const KIND_ORDER = Object.keys(NODE_KINDS) as NodeKind[]
function kindRank(kind: NodeKind): number {
  return KIND_ORDER.indexOf(kind)
}
