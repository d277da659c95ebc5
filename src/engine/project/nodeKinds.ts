/**
 * The registry of node kinds: what the palette offers and what the inspector edits.
 *
 * For every kind: a human label, a one-line description, its palette group and which kinds it
 * connects to; its parameters (defaults, editors, bounds, when each is shown) come from their
 * declarations in `nodeParams.ts`. Plain data only, so the renderer can import it and the
 * descriptors can cross Comlink. The option lists of every choice are in `options.ts`.
 */
import { optimizerFormula, type OptimizerFormId, type OptimizerId } from '../nn/optimizers'
import { paramDefaults, paramInfos, type ParamInfo } from '../schema/params'
import { nodeParams } from './nodeParams'
import type { NodeKind, NodeParamsByKind, Position, ProjectNode, ProjectNodeOf } from './types'

export * from './options'
export type { ParamInfo } from '../schema/params'

/** The update formula of an optimizer node's settings: the text of the rule the engine runs. */
export function optimizerNodeFormula(p: {
  optimizer: OptimizerId
  form?: OptimizerFormId
}): string {
  return optimizerFormula(p.optimizer, p.form)
}

/** Palette groups, in the order people think of them. */
export type PaletteGroup = 'data' | 'layers' | 'activations' | 'losses' | 'optimizers'

/** How the canvas shows a kind of node (its parameters are declared in `nodeParams.ts`). */
interface NodeKindLook {
  label: string
  description: string
  /** Where the palette lists it. */
  group: PaletteGroup
  /**
   * The node is one engine layer of the same kind whose spec fields are the node's params
   * (dropout, batch normalisation): the compiler needs no code of its own for it.
   */
  engineLayer?: boolean
  /** The node joins two or more incoming connections (add, concatenate); others take one. */
  merge?: boolean
  /** Kinds an edge from this kind may go to (the canvas refuses other connections). */
  connectsTo: readonly NodeKind[]
}

/** A merge node (add, concatenate): no settings, several incoming wires, an activation may follow. */
function mergeLook(label: string, description: string): NodeKindLook {
  return { label, description, group: 'layers', engineLayer: true, merge: true, connectsTo: ['activation', 'dense', 'dropout', 'batchNorm', 'add', 'concat'] }
}

export interface NodeKindInfo<K extends NodeKind = NodeKind> extends NodeKindLook {
  kind: K
  /** What a file's missing parameters mean (optional ones absent). */
  defaults: NodeParamsByKind[K]
  /**
   * Where a node placed on the canvas starts differently from `defaults` (which must keep
   * meaning what they meant in files written before): a new network trains until solved, with
   * enough hidden units to solve XOR from any seed.
   */
  fresh?: Partial<NodeParamsByKind[K]>
  /** The inspector's editors, in declaration order. */
  params: ParamInfo[]
}

/** Parameters a node placed on the canvas starts with, where they differ from the defaults. */
const FRESH: { [K in NodeKind]?: Partial<NodeParamsByKind[K]> } = {
  dense: { units: 4 },
  optimizer: { stop: 'solved' },
}

const LOOKS: { [K in NodeKind]: NodeKindLook } = {
  input: {
    label: 'Input',
    description: 'The features of one example enter here.',
    group: 'data',
    connectsTo: ['features', 'dense', 'dropout', 'batchNorm', 'add', 'concat'],
  },
  features: {
    label: 'Input features',
    description:
      'Computes the picked features of a 2-D input (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂): the next layer gets one input per feature.',
    group: 'data',
    engineLayer: true,
    connectsTo: ['dense', 'dropout', 'batchNorm', 'add', 'concat'],
  },
  dense: {
    label: 'Dense layer',
    description:
      'Fully-connected units: net_j = Σ_k w_jk·x_k + b_j (add an activation node after it).',
    group: 'layers',
    connectsTo: ['activation', 'dropout', 'batchNorm', 'dense', 'add', 'concat', 'loss'],
  },
  activation: {
    label: 'Activation',
    description: 'out = f(net), applied to the dense layer (or Add, Concatenate) just before it.',
    group: 'activations',
    connectsTo: ['dropout', 'batchNorm', 'dense', 'add', 'concat', 'loss'],
  },
  dropout: {
    label: 'Dropout',
    description:
      'While training, drops each unit with probability rate (and scales the rest by 1/(1−rate)).',
    group: 'layers',
    engineLayer: true,
    connectsTo: ['dense', 'batchNorm', 'add', 'concat', 'loss'],
  },
  batchNorm: {
    label: 'Batch norm',
    description:
      'Normalises each unit over the batch, (x − μ)/√(σ² + ε), then scales by γ and shifts by β (both learned).',
    group: 'layers',
    engineLayer: true,
    connectsTo: ['dense', 'dropout', 'add', 'concat'],
  },
  add: mergeLook('Add', 'Sums two or more branches of the same width element by element: a residual connection x + F(x).'),
  concat: mergeLook('Concatenate', 'Lays two or more branches side by side (widths add up), in the order they were connected.'),
  loss: {
    label: 'Loss',
    description: 'Compares the output o with the target t: what training minimises.',
    group: 'losses',
    connectsTo: ['optimizer'],
  },
  optimizer: {
    label: 'Optimizer',
    description: 'How weights are updated from the loss, and every training setting.',
    group: 'optimizers',
    connectsTo: [],
  },
}

export const NODE_KINDS = Object.fromEntries(
  (Object.keys(LOOKS) as NodeKind[]).map((kind) => [
    kind,
    {
      kind,
      ...LOOKS[kind],
      defaults: paramDefaults(nodeParams[kind]),
      fresh: FRESH[kind],
      params: paramInfos(nodeParams[kind]),
    },
  ]),
) as { [K in NodeKind]: NodeKindInfo<K> }

export const NODE_KIND_IDS = Object.keys(NODE_KINDS) as NodeKind[]

/** Whether the canvas may draw an edge from a `source` node to a `target` node. */
export function isValidConnection(source: NodeKind, target: NodeKind): boolean {
  return NODE_KINDS[source].connectsTo.includes(target)
}

/** A fresh node of `kind` with default parameters (a deep copy: safe to edit). */
export function createNode<K extends NodeKind>(
  kind: K,
  id: string,
  position: Position,
): ProjectNodeOf<K> {
  // A JSON round trip is a deep copy of plain data (structuredClone is a host API).
  const info = NODE_KINDS[kind]
  const params = JSON.parse(JSON.stringify({ ...info.defaults, ...info.fresh })) as NodeParamsByKind[K]
  return { id, kind, position: { ...position }, params } as ProjectNode as ProjectNodeOf<K>
}
