/**
 * Which connections the canvas accepts while the user drags a wire. Only meaningful links:
 * kinds that may follow each other (from `NODE_KINDS[kind].connectsTo`), no self-loops, no
 * cycles, no duplicates, and — since the network is one chain — no second wire out of a node
 * or into a node. `compileGraph` checks the same again and is the authority.
 */
import { NODE_KINDS, isValidConnection, type Project } from '../../../engine/project'

/** Why a wire from `source` to `target` is refused, in plain words; null if it is fine. */
export function connectionProblem(project: Project, source: string, target: string): string | null {
  const from = project.nodes.find((n) => n.id === source)
  const to = project.nodes.find((n) => n.id === target)
  if (!from || !to) return 'Both ends must be nodes on the canvas.'
  if (source === target) return 'A node cannot feed itself.'
  if (!isValidConnection(from.kind, to.kind)) {
    const next = NODE_KINDS[from.kind].connectsTo.map((k) => NODE_KINDS[k].label)
    return `${NODE_KINDS[from.kind].label} cannot connect to ${NODE_KINDS[to.kind].label}${next.length ? ` (it can go to: ${next.join(', ')})` : ''}.`
  }
  if (project.edges.some((e) => e.source === source && e.target === target)) return 'These nodes are already connected.'
  if (project.edges.some((e) => e.source === source)) return `${NODE_KINDS[from.kind].label} already has an outgoing connection: the network is one chain.`
  if (project.edges.some((e) => e.target === target)) return `${NODE_KINDS[to.kind].label} already has an incoming connection: each node takes its input from one node.`
  if (reaches(project, target, source)) return 'This connection would close a loop.'
  return null
}

/** Whether following edges from `from` reaches `to`. */
export function reaches(project: Project, from: string, to: string): boolean {
  const seen = new Set<string>()
  const stack = [from]
  while (stack.length > 0) {
    const id = stack.pop()!
    if (id === to) return true
    if (seen.has(id)) continue
    seen.add(id)
    for (const e of project.edges) if (e.source === id) stack.push(e.target)
  }
  return false
}
