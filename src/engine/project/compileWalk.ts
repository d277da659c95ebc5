/**
 * The compiler's walk of the drawing: ids, edges (known ends, allowed kinds), branches, merges
 * and loops; one input, loss and optimizer; the chain from the input; nodes left dangling.
 */
import { NODE_KINDS, isValidConnection } from './nodeKinds'
import type { DiagnosticCode } from './diagnostics'
import type { NodeKind, Project, ProjectEdge, ProjectNode, ProjectNodeOf } from './types'
import { nameOf, type Diagnostics } from './compileDiagnostics'
import { checkParams } from './compileParams'

export interface WalkedGraph {
  /** The nodes from the input along single connections (stops at a branch or a loop). */
  chain: ProjectNode[]
  input: ProjectNodeOf<'input'> | undefined
  lossNode: ProjectNodeOf<'loss'> | undefined
  optimizerNode: ProjectNodeOf<'optimizer'> | undefined
}

/** Walk the drawing, adding a diagnostic for every structural problem (and every bad parameter). */
interface Links {
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
      diag.error('edge-unknown-node', { edgeId: edge.id }, `The connection ${edge.id} goes to or from a node “${missing}” that does not exist.`, 'Delete this connection.')
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
    if (outs.length > 1) {
      diag.error('branch', { nodeId: node.id, edgeId: outs[1].id }, `${nameOf(node)} feeds ${outs.length} nodes; the network must be a single chain.`, 'Keep one outgoing connection and delete the others.')
    }
    if (ins.length > 1) {
      diag.error('merge', { nodeId: node.id, edgeId: ins[1].id }, `${nameOf(node)} receives ${ins.length} connections; each node takes its input from one node.`, 'Keep one incoming connection and delete the others.')
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

  // Walk the chain from the input (stops at a branch or a loop, already reported).
  const chain: ProjectNode[] = []
  if (input) {
    const seen = new Set<string>()
    let node: ProjectNode | undefined = input
    while (node && !seen.has(node.id)) {
      seen.add(node.id)
      chain.push(node)
      const outs: ProjectEdge[] = next.get(node.id) ?? []
      node = outs.length === 1 ? byId.get(outs[0].target) : undefined
    }
  }
  const onChain = new Set(chain.map((n) => n.id))
  for (const node of nodes) {
    if (onChain.has(node.id) || byId.get(node.id) !== node) continue
    if (node.kind === 'input') continue // a second input is reported as duplicate-kind
    // The optimizer may be free-standing or hang off the loss; an unreached loss is reported
    // below as missing-loss at the end of the chain.
    if (node.kind === 'optimizer' && node === optimizerNode && (prev.get(node.id) ?? []).every((e) => byId.get(e.source)?.kind === 'loss')) continue
    if (node === lossNode) continue
    diag.error('dangling-node', { nodeId: node.id }, `${nameOf(node)} is not connected to the network.`, 'Connect it between the input and the loss, or delete it.')
  }
  return { chain, input, lossNode, optimizerNode }
}
