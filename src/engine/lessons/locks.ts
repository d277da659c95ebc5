/**
 * What a lesson step locks, enforced on the document: every edit of the canvas passes through
 * `applyLocks(before, after, lock)`, which puts locked things back as they were. So a lock holds
 * whatever the way in (inspector, keyboard, paste, drag, undo of an earlier step's edit).
 */
import type { Project, ProjectEdge, ProjectNode } from '../project'
import type { Lock } from './format'

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** Whether a node's settings (all, or one) are locked. */
export function isLocked(lock: Lock, nodeId: string, param?: string): boolean {
  if (lock.nodes?.includes(nodeId)) return true
  return param !== undefined && (lock.params?.includes(`${nodeId}.${param}`) ?? false)
}

/** Whether the lock holds an Input node whole: then the project's data cannot change either. */
function inputLocked(lock: Lock, project: Project): boolean {
  return project.nodes.some((n) => n.kind === 'input' && lock.nodes?.includes(n.id))
}

/** A node as `before` had it, with the locked settings of `after`'s version put back. */
function lockedNode(lock: Lock, was: ProjectNode, now: ProjectNode): ProjectNode {
  if (lock.nodes?.includes(was.id)) return was
  const params = { ...(now.params as unknown as Record<string, unknown>) }
  const old = was.params as unknown as Record<string, unknown>
  for (const key of Object.keys(old)) if (isLocked(lock, was.id, key)) params[key] = old[key]
  for (const key of Object.keys(params)) if (!(key in old) && isLocked(lock, was.id, key)) delete params[key]
  return { ...now, params } as unknown as ProjectNode
}

function edgesFor(lock: Lock, before: Project, after: Project, nodeIds: Set<string>): ProjectEdge[] {
  if (lock.structure) return before.edges
  const touchesLocked = (e: ProjectEdge): boolean => (lock.nodes ?? []).some((id) => e.source === id || e.target === id)
  // Wires of locked nodes stay as they were; other wires follow the edit (when both ends exist).
  const kept = before.edges.filter(touchesLocked)
  const others = after.edges.filter((e) => !touchesLocked(e) && nodeIds.has(e.source) && nodeIds.has(e.target))
  return [...kept, ...others]
}

/**
 * `after` with everything `lock` forbids put back as in `before`; `before` itself when nothing
 * allowed changed (so a refused edit records no undo step).
 */
export function applyLocks(before: Project, after: Project, lock: Lock): Project {
  if (!lock.nodes?.length && !lock.params?.length && !lock.structure) return after
  const afterById = new Map(after.nodes.map((n) => [n.id, n]))
  const beforeIds = new Set(before.nodes.map((n) => n.id))
  const nodes: ProjectNode[] = []
  for (const was of before.nodes) {
    const now = afterById.get(was.id)
    if (now) nodes.push(lockedNode(lock, was, now))
    else if (lock.structure || lock.nodes?.includes(was.id)) nodes.push(was) // deleting it is refused
  }
  if (!lock.structure) for (const n of after.nodes) if (!beforeIds.has(n.id)) nodes.push(n)
  // The data is what a locked Input reads: other data would leave the step's network unfit for it.
  const data = inputLocked(lock, before) ? before.data : after.data
  const next: Project = { ...after, data, nodes, edges: edgesFor(lock, before, after, new Set(nodes.map((n) => n.id))) }
  const changed = !same(next.nodes, before.nodes) || !same(next.edges, before.edges) || !same({ ...next, nodes: 0, edges: 0 }, { ...before, nodes: 0, edges: 0 })
  return changed ? next : before
}
