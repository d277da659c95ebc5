/**
 * Project-file versions and their upgrades.
 *
 * - version 0 (`format: "axon-studio/graph"`, the prototype): nodes were React Flow-shaped
 *   (`type`, `x`, `y`, `data`), edges were `links` (`from`, `to`), the dense layer carried its
 *   activation, and loss and optimizer lived in a `training` block instead of nodes.
 * - version 1 (current): see `types.ts` and `docs/project-format.md`.
 *
 * `migrateProject` takes parsed JSON of any known version and returns version-1 JSON (not yet
 * validated: `parseProject` validates after migrating). Unknown or newer files are refused
 * with a `ProjectFormatError` that says why.
 */

import { cutText, describeJsonValue } from '../data/userText'
import { NODE_KINDS } from './nodeKinds'
import { PROJECT_FORMAT, PROJECT_VERSION } from './types'

/** The file is not a project this version can read. A stable name: it survives Comlink. */
export class ProjectFormatError extends Error {
  override name = 'ProjectFormatError'
}

const LEGACY_FORMAT = 'axon-studio/graph'
const MODEL_FORMAT = 'axon-studio/model'

type Json = Record<string, unknown>

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x)

/** v0 loss names → v1 `LossId`. */
const V0_LOSSES: Record<string, string> = { sse: 'halfSse', mse: 'mse', bce: 'bce', crossEntropy: 'softmaxCrossEntropy', mae: 'mae', hinge: 'hinge' }

/** Horizontal spacing of the canvas layout (px). */
const STEP_X = 220

/**
 * Version 0 → version 1. The dense layer's `activation` becomes its own activation node (put
 * halfway to the next node), and the `training` block becomes a loss node and an optimizer
 * node placed after the last node of the chain.
 */
function migrateV0toV1(v0: Json): Json {
  const oldNodes = Array.isArray(v0.nodes) ? (v0.nodes as Json[]) : []
  const oldLinks = Array.isArray(v0.links) ? (v0.links as Json[]) : []
  const nodes: Json[] = []
  const edges: Json[] = []
  // Where each old node's output now comes from (the dense node, or its new activation node).
  const outOf = new Map<string, string>()
  for (const old of oldNodes) {
    const id = String(old.id)
    const data = isObject(old.data) ? old.data : {}
    const position = { x: Number(old.x ?? 0), y: Number(old.y ?? 0) }
    outOf.set(id, id)
    if (old.type === 'input') {
      nodes.push({ id, kind: 'input', position, params: { size: data.size ?? 'auto' } })
    } else if (old.type === 'dense') {
      const params: Json = { ...NODE_KINDS.dense.defaults, units: data.units, useBias: data.bias ?? true }
      if (data.weights !== undefined) params.weights = data.weights
      if (data.biases !== undefined) params.biases = data.biases
      nodes.push({ id, kind: 'dense', position, params })
      if (typeof data.activation === 'string' && data.activation !== 'linear') {
        const actId = `${id}-act`
        nodes.push({ id: actId, kind: 'activation', position: { x: position.x + STEP_X / 2, y: position.y }, params: { ...NODE_KINDS.activation.defaults, activation: data.activation } })
        edges.push({ id: `${id}-to-${actId}`, source: id, target: actId })
        outOf.set(id, actId)
      }
    } else if (old.type === 'dropout') {
      nodes.push({ id, kind: 'dropout', position, params: { rate: data.rate ?? 0.5 } })
    } else {
      throw new ProjectFormatError(`Version 0 node ${cutText(id)} has an unknown type ${describeJsonValue(old.type)}.`)
    }
  }
  for (const link of oldLinks) {
    const source = outOf.get(String(link.from)) ?? String(link.from)
    edges.push({ id: `e-${source}-${String(link.to)}`, source, target: String(link.to) })
  }

  // The old chain ended at the node with no outgoing link: the loss goes after it.
  const training = isObject(v0.training) ? v0.training : {}
  const hasOut = new Set(edges.map((e) => e.source))
  const last = [...nodes].reverse().find((n) => !hasOut.has(n.id as string))
  const lastPos = (last?.position as { x: number; y: number } | undefined) ?? { x: 0, y: 0 }
  const lossId = 'loss'
  const optimizerId = 'optimizer'
  nodes.push({ id: lossId, kind: 'loss', position: { x: lastPos.x + STEP_X, y: lastPos.y }, params: { loss: V0_LOSSES[String(training.loss ?? 'sse')] ?? training.loss, reduction: 'mean' } })
  nodes.push({
    id: optimizerId,
    kind: 'optimizer',
    position: { x: lastPos.x + 2 * STEP_X, y: lastPos.y },
    params: {
      ...NODE_KINDS.optimizer.defaults,
      optimizer: training.optimizer ?? 'sgd',
      learningRate: training.lr ?? NODE_KINDS.optimizer.defaults.learningRate,
      epochs: training.epochs ?? NODE_KINDS.optimizer.defaults.epochs,
      ...(training.batchSize === undefined || training.batchSize === 1 ? { batchMode: 'online' } : { batchMode: 'mini', batchSize: training.batchSize }),
    },
  })
  if (last) edges.push({ id: `e-${String(last.id)}-${lossId}`, source: last.id, target: lossId })
  edges.push({ id: `e-${lossId}-${optimizerId}`, source: lossId, target: optimizerId })

  const dataset = isObject(v0.dataset) ? v0.dataset : {}
  let data: Json
  if (isObject(dataset.inline)) data = { kind: 'inline', inputs: dataset.inline.x, targets: dataset.inline.y }
  else if (typeof dataset.builtin === 'string') data = { kind: 'builtin', id: dataset.builtin }
  else if (typeof dataset.file === 'string') data = { kind: 'file', format: dataset.file.endsWith('.csv') ? 'csv' : 'idx', path: dataset.file, ...(typeof dataset.labels === 'string' ? { labelsPath: dataset.labels } : {}), scaling: 'none' }
  else throw new ProjectFormatError('Version 0 file has no dataset.')

  return {
    format: PROJECT_FORMAT,
    version: 1,
    meta: { title: String(v0.name ?? 'Untitled'), description: String(v0.notes ?? '') },
    seed: v0.seed ?? 1,
    precision: 'float64',
    data,
    nodes,
    edges,
  }
}

/**
 * Upgrades parsed project JSON of any known version to the current version's JSON.
 *
 * @throws ProjectFormatError for a model file, another format, or a newer version.
 */
export function migrateProject(json: unknown): unknown {
  if (!isObject(json)) throw new ProjectFormatError('This is not an Axon Studio project: the file is not a JSON object.')
  const { format, version } = json
  if (format === MODEL_FORMAT) throw new ProjectFormatError('This is a trained model file (axon-studio/model), not a project. Open it with “axon predict” or import it as a model.')
  if (format === LEGACY_FORMAT || (format === undefined && version === 0)) {
    if (version !== 0) throw new ProjectFormatError(`Unknown version ${describeJsonValue(version)} of the old “${LEGACY_FORMAT}” format.`)
    return migrateV0toV1(json)
  }
  if (format !== PROJECT_FORMAT) throw new ProjectFormatError(`This is not an Axon Studio project: its format is ${describeJsonValue(format)}, expected "${PROJECT_FORMAT}".`)
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new ProjectFormatError(`The project version ${describeJsonValue(version)} is not a valid version number.`)
  if (version > PROJECT_VERSION) throw new ProjectFormatError(`This project was saved by a newer Axon Studio (project version ${version}); this one reads up to version ${PROJECT_VERSION}. Update Axon Studio to open it.`)
  return json
}
