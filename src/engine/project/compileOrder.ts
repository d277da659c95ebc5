/**
 * Which nodes make the network, in what order: those reached from the input that lead on to the
 * loss, sorted topologically (Kahn's algorithm, ties in the order of `project.nodes`, so the
 * order is deterministic and a chain comes out as drawn). Nodes the input does not reach are
 * dangling; nodes it reaches that do not lead to the loss are dead branches.
 */
import type { Links } from './compileWalk'
import { nameOf, type Diagnostics } from './compileDiagnostics'
import type { Project, ProjectNode, ProjectNodeOf } from './types'

/** Ids reachable from `start` along `edges` (successors or predecessors). */
function reach(start: string, edges: Links['next'], end: 'target' | 'source'): Set<string> {
  const seen = new Set<string>([start])
  const stack = [start]
  while (stack.length > 0) {
    for (const e of edges.get(stack.pop()!) ?? []) {
      if (!seen.has(e[end])) {
        seen.add(e[end])
        stack.push(e[end])
      }
    }
  }
  return seen
}

/** The ids of `keep` in topological order (nodes on a loop are left out: the loop is reported). */
function topological(project: Project, links: Links, keep: Set<string>): ProjectNode[] {
  const indegree = new Map<string, number>()
  for (const id of keep) indegree.set(id, (links.prev.get(id) ?? []).filter((e) => keep.has(e.source)).length)
  const order: ProjectNode[] = []
  const done = new Set<string>()
  let progress = true
  while (progress) {
    progress = false
    for (const node of project.nodes) {
      if (!keep.has(node.id) || done.has(node.id) || indegree.get(node.id) !== 0 || links.byId.get(node.id) !== node) continue
      done.add(node.id)
      order.push(node)
      for (const e of links.next.get(node.id) ?? []) if (keep.has(e.target)) indegree.set(e.target, indegree.get(e.target)! - 1)
      progress = true
      break
    }
  }
  return order
}

/** The network's nodes in order; dangling nodes, dead branches and a missing loss reported. */
export function networkOrder(
  project: Project,
  links: Links,
  input: ProjectNodeOf<'input'> | undefined,
  lossNode: ProjectNodeOf<'loss'> | undefined,
  optimizerNode: ProjectNodeOf<'optimizer'> | undefined,
  diag: Diagnostics,
): ProjectNode[] {
  const reached = input ? reach(input.id, links.next, 'target') : new Set<string>()
  const lossReached = lossNode !== undefined && reached.has(lossNode.id)
  const leadsToLoss = lossReached ? reach(lossNode.id, links.prev, 'source') : reached
  const onNetwork = new Set([...reached].filter((id) => leadsToLoss.has(id) || links.byId.get(id) === optimizerNode))
  const order = topological(project, links, onNetwork)
  for (const node of project.nodes) {
    if (links.byId.get(node.id) !== node || node.kind === 'input' || node === lossNode) continue // a second input: duplicate-kind
    // The optimizer may be free-standing or hang off the loss.
    if (node === optimizerNode && (links.prev.get(node.id) ?? []).every((e) => links.byId.get(e.source)?.kind === 'loss')) continue
    if (!reached.has(node.id)) {
      diag.error('dangling-node', { nodeId: node.id }, `${nameOf(node)} is not connected to the network.`, 'Connect it between the input and the loss, or delete it.')
    } else if (!onNetwork.has(node.id)) {
      diag.error('dead-branch', { nodeId: node.id }, `${nameOf(node)} is on a branch that does not lead to the loss.`, 'Join the branch back in with an Add or Concatenate node, or delete it.')
    }
  }
  if (input && lossNode && !lossReached) {
    const ends = order.filter((n) => (links.next.get(n.id) ?? []).every((e) => !onNetwork.has(e.target)))
    for (const end of ends.length > 0 ? ends : [input]) {
      diag.error('missing-loss', { nodeId: end.id }, `The ${ends.length > 1 ? 'branch' : 'chain'} from the input ends at ${nameOf(end)} without reaching the loss.`, 'Connect the last layer (or its activation) to the Loss node.')
    }
  }
  return order
}
