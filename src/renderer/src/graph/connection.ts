/**
 * Which connections the canvas accepts while the user drags a wire, and why the others are
 * refused. Only meaningful links: kinds that may follow each other (from
 * `NODE_KINDS[kind].connectsTo`), no self-loops, no cycles, no duplicates; a second wire into a
 * node only where it joins branches (Add, Concatenate); a branch out of a layer, but not beside
 * its activation (the activation applies to the whole layer: branch after it). `compileGraph`
 * checks the same again and is the authority. The reasons are shown at the handle while dragging
 * and after a drop.
 */
import { NODE_KINDS, isValidConnection, type NodeKind, type Project } from '../../../engine/project'

const label = (kind: NodeKind) => NODE_KINDS[kind].label

/** "A, B or C". */
function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
}

/** Why `from` cannot feed `to` (kinds only), saying what would be right instead. */
function kindProblem(from: NodeKind, to: NodeKind): string {
  const refused = `${label(from)} cannot connect to ${label(to)}`
  if (from === 'optimizer') return `${refused}: the Optimizer is the end of the diagram, nothing comes after it.`
  if (to === 'input') return `${refused}: the Input is where the data enters, nothing connects into it.`
  if (to === 'optimizer') return `${refused}: only the Loss connects to the Optimizer (it updates the weights from the Loss).`
  if (isValidConnection(to, from)) return `${refused}: wires run from a node’s output (right) into the next node’s input (left). Connect ${label(to)} → ${label(from)} instead.`
  if (from === 'loss') return `${refused}: the Loss ends the network, it connects only to an Optimizer.`
  return `${refused}: after ${label(from)} comes ${orList(NODE_KINDS[from].connectsTo.map(label))}.`
}

/** Why a wire from `source` to `target` is refused, in plain words; null if it is fine. */
export function connectionProblem(project: Project, source: string, target: string): string | null {
  const from = project.nodes.find((n) => n.id === source)
  const to = project.nodes.find((n) => n.id === target)
  if (!from || !to) return 'Both ends must be nodes on the canvas.'
  if (source === target) return 'A node cannot feed itself.'
  if (!isValidConnection(from.kind, to.kind)) return kindProblem(from.kind, to.kind)
  if (project.edges.some((e) => e.source === source && e.target === target)) return 'These nodes are already connected.'
  const into = project.edges.find((e) => e.target === target)
  if (into && !NODE_KINDS[to.kind].merge) return `${label(to.kind)} already takes its input from ${nodeName(project, into.source)}: only Add and Concatenate join several inputs. Delete that wire first, or join the branches with an Add or Concatenate node.`
  const outs = project.edges.filter((e) => e.source === source)
  const activation = outs.find((e) => project.nodes.find((n) => n.id === e.target)?.kind === 'activation')
  if (activation) return `${label(from.kind)} already feeds ${nodeName(project, activation.target)}, which applies to the whole layer: start the branch from the activation instead.`
  if (outs.length > 0 && to.kind === 'activation') return `${label(from.kind)} already feeds ${nodeName(project, outs[0].target)}: an activation applies to the whole layer, so put it before the branches.`
  if (from.kind === 'loss' && outs.length > 0) return `The Loss already feeds ${nodeName(project, outs[0].target)}.`
  if (reaches(project, target, source)) return 'This connection would close a loop.'
  return null
}

/** "Dense layer “hidden”" or "Dense layer dense-1", for messages. */
function nodeName(project: Project, id: string): string {
  const node = project.nodes.find((n) => n.id === id)
  if (!node) return id
  return `${label(node.kind)} ${node.label ? `“${node.label}”` : id}`
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
