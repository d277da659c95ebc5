/**
 * Projects for tests, drawn as a user draws them: nodes placed from the palette (with its
 * defaults), the params the test sets, wired left to right. One builder for every test that
 * needs a whole project.
 */
import { createNode, type InlineData, type NodeKind, type OptimizerParams, type Project, type ProjectNode } from '../src/engine/project'

/** A node to draw: its kind, its id and the params that differ from the palette's defaults. */
export type DrawnNode = readonly [kind: NodeKind, id: string, params?: Record<string, unknown>]

/** The four XOR patterns with one 0/1 target each. */
export const XOR_DATA: InlineData = { kind: 'inline', inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]] }

export interface DrawOptions {
  title?: string
  seed?: number
  precision?: Project['precision']
  /** Default: `XOR_DATA`. */
  data?: Project['data']
  /** Wires besides the chain, listed before it (a merge node reads its sources in wire order). */
  extraEdges?: Project['edges']
}

/** The nodes placed left to right, each wired to the next (`e0`, `e1`, …). */
export function drawProject(chain: readonly DrawnNode[], options: DrawOptions = {}): Project {
  const nodes = chain.map(([kind, id, params], i) => {
    const node = createNode(kind, id, { x: i * 220, y: 0 }) as ProjectNode
    Object.assign(node.params, structuredClone(params))
    return node
  })
  const chainEdges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: nodes[i].id, target: node.id }))
  return {
    format: 'axon-studio/project',
    version: 1,
    meta: { title: options.title ?? 't', description: '' },
    seed: options.seed ?? 1,
    precision: options.precision ?? 'float64',
    data: structuredClone(options.data ?? XOR_DATA),
    nodes,
    edges: [...(options.extraEdges ?? []), ...chainEdges],
  }
}

/** input → dense(hidden) → tanh → batch norm → dense(1) → sigmoid → binary cross-entropy → optimizer: a small network for whole runs. */
export function xorChainProject(options: { precision: 'float64' | 'float32'; seed: number; data: InlineData; hiddenUnits: number; optimizer: Partial<OptimizerParams> }): Project {
  return drawProject(
    [
      ['input', 'in'],
      ['dense', 'hidden', { units: options.hiddenUnits }],
      ['activation', 'tanh', { activation: 'tanh' }],
      ['batchNorm', 'norm'],
      ['dense', 'out', { units: 1 }],
      ['activation', 'sig'],
      ['loss', 'loss', { loss: 'bce' }],
      ['optimizer', 'opt', { stop: 'epochs', ...options.optimizer }],
    ],
    { title: 'XOR', seed: options.seed, precision: options.precision, data: options.data },
  )
}
