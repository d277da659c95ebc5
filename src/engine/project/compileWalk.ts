/**
 * The compiler's walk of the drawing: ids, edges (known ends, allowed kinds), merges and loops;
 * one input, loss and optimizer; the nodes from the input to the loss in topological order;
 * nodes left dangling and branches that lead nowhere.
 */
import { cutText } from '../data/userText'
import { NODE_KINDS, isValidConnection } from './nodeKinds'
import type { DiagnosticCode } from './diagnostics'
import type { NodeKind, Project, ProjectEdge, ProjectNode, ProjectNodeOf } from './types'
import { nameOf, type Diagnostics } from './compileDiagnostics'
import { checkParams } from './compileParams'
import { networkOrder } from './compileOrder'

export interface WalkedGraph {
  /**
   * The nodes from the input to the loss (and an optimizer hanging off the loss), in
   * topological order, ties broken by the order of `project.nodes`. A chain comes out in its
   * own order. Without a loss reached: every node reached from the input.
   */
  chain: ProjectNode[]
  /** Each node's sources, in the order of `project.edges`. */
  sourcesOf: (id: string) => ProjectNode[]
  input: ProjectNodeOf<'input'> | undefined
  lossNode: ProjectNodeOf<'loss'> | undefined
  optimizerNode: ProjectNodeOf<'optimizer'> | undefined
}

/** The drawing's nodes by id, and each node's outgoing and incoming edges. */
export interface Links {
  byId: Map<string, ProjectNode>
  next: Map<string, ProjectEdge[]>
  prev: Map<string, ProjectEdge[]>
}

/** Ids, edges (known ends, allowed kinds), branches, merges and loops; the successor/predecessor lists. */
function checkLinks(project: Project, diag: Diagnostics): Links {
  const nodes = project.nodes
  const byId = new Map<string, ProjectNode>()
  for (const node of nodes) {
    if (byId.has(node.id)) {
      diag.error('duplicate-id', { nodeId: node.id }, `Two nodes have the id “${node.id}”.`, 'Give every node its own id.')
    } else {
      byId.set(node.id, node)
    }
  }

  // Edges: known ends, allowed kinds; then successor/predecessor lists.
  const next = new Map<string, ProjectEdge[]>()
  const prev = new Map<string, ProjectEdge[]>()
  for (const edge of project.edges) {
    const source = byId.get(edge.source)
    const target = byId.get(edge.target)
    if (!source || !target) {
      const missing = !source ? edge.source : edge.target
      diag.error('edge-unknown-node', { edgeId: edge.id }, `The connection ${cutText(edge.id)} goes to or from a node “${cutText(missing)}” that does not exist.`, 'Delete this connection.')
      continue
    }
    if (!isValidConnection(source.kind, target.kind) && source.id !== target.id) {
      diag.error('invalid-connection', { edgeId: edge.id }, `${NODE_KINDS[source.kind].label} cannot connect to ${NODE_KINDS[target.kind].label}.`, `After ${NODE_KINDS[source.kind].label} comes ${NODE_KINDS[source.kind].connectsTo.map((k) => NODE_KINDS[k].label).join(', ') || 'nothing'}.`)
    }
    next.set(edge.source, [...(next.get(edge.source) ?? []), edge])
    prev.set(edge.target, [...(prev.get(edge.target) ?? []), edge])
  }

  for (const node of nodes) {
    const outs = next.get(node.id) ?? []
    const ins = prev.get(node.id) ?? []
    const activation = outs.find((e) => byId.get(e.target)?.kind === 'activation')
    if (outs.length > 1 && activation) {
      diag.error('branch', { nodeId: node.id, edgeId: activation.id }, `${nameOf(node)} feeds an activation and ${outs.length - 1} other node${outs.length > 2 ? 's' : ''}; the activation applies to the whole layer, so the branches should start after it.`, 'Connect the other branches from the activation node instead.')
    }
    if (ins.length > 1 && !NODE_KINDS[node.kind].merge) {
      diag.error('merge', { nodeId: node.id, edgeId: ins[1].id }, `${nameOf(node)} receives ${ins.length} connections; only Add and Concatenate nodes join several.`, 'Keep one incoming connection, or join the branches with an Add or Concatenate node first.')
    }
    if (ins.length < 2 && NODE_KINDS[node.kind].merge) {
      diag.error('merge-inputs', { nodeId: node.id }, `${nameOf(node)} joins two or more branches, but ${ins.length === 0 ? 'nothing is' : 'only one is'} connected to it.`, 'Connect two or more layers (or the input) to it.')
    }
  }

  // Cycles: depth-first search in node order; report the edge that closes each loop.
  const state = new Map<string, 'open' | 'done'>()
  const visit = (id: string): void => {
    state.set(id, 'open')
    for (const edge of next.get(id) ?? []) {
      const s = state.get(edge.target)
      if (s === 'open') {
        diag.error('cycle', { edgeId: edge.id, nodeId: edge.target }, `The connection ${edge.id} closes a loop back to ${nameOf(byId.get(edge.target)!)}.`, 'Data must flow one way, from the input to the loss: delete this connection.')
      } else if (s === undefined) {
        visit(edge.target)
      }
    }
    state.set(id, 'done')
  }
  for (const node of nodes) if (!state.has(node.id)) visit(node.id)
  return { byId, next, prev }
}

/** Walk the drawing, adding a diagnostic for every structural problem (and every bad parameter). */
export function walkGraph(project: Project, diag: Diagnostics): WalkedGraph {
  const nodes = project.nodes
  const { byId, next, prev } = checkLinks(project, diag)
  for (const node of nodes) checkParams(node, diag)

  // One each of input, loss and optimizer.
  const single = (kind: NodeKind, code: DiagnosticCode, hint: string): ProjectNode | undefined => {
    const found = nodes.filter((n) => n.kind === kind)
    if (found.length === 0) {
      diag.error(code, {}, `The network has no ${NODE_KINDS[kind].label} node.`, hint)
    }
    for (const extra of found.slice(1)) {
      diag.error('duplicate-kind', { nodeId: extra.id }, `There is more than one ${NODE_KINDS[kind].label} node.`, `Keep one ${NODE_KINDS[kind].label} node and delete ${nameOf(extra)}.`)
    }
    return found[0]
  }
  const input = single('input', 'missing-input', 'Drag an Input node from the palette and connect it to the first layer.') as ProjectNodeOf<'input'> | undefined
  const lossNode = single('loss', 'missing-loss', 'Drag a Loss node from the palette and connect the last layer (or its activation) to it.') as ProjectNodeOf<'loss'> | undefined
  const optimizerNode = single('optimizer', 'missing-optimizer', 'Drag an Optimizer node from the palette and connect the Loss to it.') as ProjectNodeOf<'optimizer'> | undefined

  const chain = networkOrder(project, { byId, next, prev }, input, lossNode, optimizerNode, diag)
  const sourcesOf = (id: string): ProjectNode[] => (prev.get(id) ?? []).map((e) => byId.get(e.source)!)
  return { chain, sourcesOf, input, lossNode, optimizerNode }
}
