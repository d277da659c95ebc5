/**
 * Shapes and parameter counts of a drawing, for the canvas: what each node outputs, what each
 * edge carries, and how many weights and biases each dense layer holds.
 *
 * Pure and total: it works on any drawing, finished or not (a node whose size cannot be known
 * yet gets `null`), so the canvas can show numbers while the user is still building.
 */
import { NODE_KINDS, type DataShape, type Project, type ProjectNode } from '../../../engine/project'
import { layerKinds } from '../../../engine/nn/layers'

export interface NodeShape {
  /** Number of values the node outputs per example; `null` when not known yet. */
  outSize: number | null
  /** Number of values flowing into the node (summed over a merge node's incoming edges). */
  inSize: number | null
  /** Weights + biases of a dense layer (0 for other kinds; null when nIn is unknown). */
  paramCount: number | null
  weightCount: number | null
  biasCount: number
}

export interface GraphShapes {
  byNode: Record<string, NodeShape>
  /** Label for each edge: the size it carries, or `nIn → units` into a dense layer. */
  edgeLabel: Record<string, string>
  /** Sum of the known dense parameter counts. */
  totalParams: number
  /** True when some dense layer's count is unknown (so the total is a lower bound). */
  totalIncomplete: boolean
}

/** The data's shape: inline data is measured, otherwise the given (loaded) shape is used. */
export function dataShapeOf(project: Project, loaded?: DataShape): DataShape | undefined {
  const data = project.data
  if (data.kind === 'inline' && data.inputs.length > 0 && data.targets.length > 0) {
    return { inputSize: data.inputs[0].length, targetSize: data.targets[0].length }
  }
  return loaded
}

/**
 * Output size of every node: input → its size (or the data's for `auto`), dense → units,
 * activation and dropout → their input's size, loss → 1 (the error E), optimizer → null.
 * A dense layer has units·nIn weights and, with bias, units biases.
 */
export function graphShapes(project: Project, loaded?: DataShape): GraphShapes {
  const data = dataShapeOf(project, loaded)
  const byId = new Map(project.nodes.map((n) => [n.id, n]))
  const incoming = sourcesByNode(project, byId)
  // The sizes flowing into a node, or null while one is unknown.
  const inSizes = (node: ProjectNode): number[] | null => allKnown((incoming.get(node.id) ?? []).map((src) => outSize(byId.get(src)!)))

  const out = new Map<string, number | null>()
  const visiting = new Set<string>()
  const outSize = (node: ProjectNode): number | null => {
    if (out.has(node.id)) return out.get(node.id)!
    if (visiting.has(node.id)) return null // a loop: sizes are undefined
    visiting.add(node.id)
    // Only pass-through kinds depend on their input (so a loop cannot poison other sizes).
    const inSize = (): number | null => sum(inSizes(node))
    let size: number | null
    switch (node.kind) {
      case 'input':
        size = node.params.size === 'auto' ? (data?.inputSize ?? null) : validSize(node.params.size)
        break
      case 'dense':
        size = validSize(node.params.units)
        break
      case 'activation':
        size = inSize()
        break
      case 'loss':
        size = 1
        break
      case 'optimizer':
        size = null
        break
      default: {
        // A node that is its engine layer: the engine's registry knows its width.
        const sizes = inSizes(node)
        size = sizes === null ? null : layerKinds[node.kind].units(node.params as never, sum(sizes)!, sizes)
      }
    }
    visiting.delete(node.id)
    out.set(node.id, size)
    return size
  }

  const byNode: Record<string, NodeShape> = {}
  let totalParams = 0
  let totalIncomplete = false
  for (const node of project.nodes) {
    const inSize = sum(inSizes(node))
    const shape: NodeShape = { outSize: outSize(node), inSize, paramCount: 0, weightCount: 0, biasCount: 0 }
    if (node.kind === 'dense') {
      const units = validSize(node.params.units) ?? 0
      shape.biasCount = node.params.useBias ? units : 0
      shape.weightCount = inSize === null ? null : units * inSize
      shape.paramCount = shape.weightCount === null ? null : shape.weightCount + shape.biasCount
      if (shape.paramCount === null) totalIncomplete = true
      else totalParams += shape.paramCount
    } else if (NODE_KINDS[node.kind].engineLayer) {
      const kind = layerKinds[node.kind as keyof typeof layerKinds]
      shape.paramCount = inSize === null ? null : kind.paramCount(node.params as never, inSize)
      if (shape.paramCount === null) totalIncomplete = true
      else totalParams += shape.paramCount
    }
    byNode[node.id] = shape
  }

  const edgeLabel: Record<string, string> = {}
  for (const e of project.edges) {
    const source = byId.get(e.source)
    const target = byId.get(e.target)
    if (!source || !target) continue
    const size = byNode[source.id].outSize
    if (source.kind === 'loss') edgeLabel[e.id] = 'E'
    else if (target.kind === 'dense') edgeLabel[e.id] = `${size ?? '?'} → ${validSize(target.params.units) ?? '?'}`
    else edgeLabel[e.id] = size === null ? '?' : String(size)
  }
  return { byNode, edgeLabel, totalParams, totalIncomplete }
}

/** Each node's sources in edge order: one for most kinds, several for Add and Concatenate. */
function sourcesByNode(project: Project, byId: Map<string, ProjectNode>): Map<string, string[]> {
  const incoming = new Map<string, string[]>()
  for (const e of project.edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue
    const sources = incoming.get(e.target) ?? []
    if (sources.length === 0 || NODE_KINDS[byId.get(e.target)!.kind].merge) incoming.set(e.target, [...sources, e.source])
  }
  return incoming
}

/** The sizes when there are some and all are known, else null. */
function allKnown(sizes: (number | null)[]): number[] | null {
  return sizes.length > 0 && sizes.every((n) => n !== null) ? (sizes as number[]) : null
}

const sum = (sizes: number[] | null): number | null => (sizes ? sizes.reduce((a, b) => a + b, 0) : null)

function validSize(n: unknown): number | null {
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null
}
