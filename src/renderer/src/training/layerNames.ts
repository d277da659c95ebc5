import type { Project } from '../../../engine/project'
import { plural } from '../plural'

/** The canvas label of a layer node, or "Dense n" (for headings). */
export function layerTitle(project: Project | undefined, nodeId: string, units: number, index: number, count: number): string {
  const node = project?.nodes.find((n) => n.id === nodeId)
  const role = index === count - 1 ? 'output' : count > 2 ? `hidden ${index + 1}` : 'hidden'
  return node?.label ? `${node.label} (${role}, ${units})` : `${role} layer (${plural(units, 'unit')})`
}
