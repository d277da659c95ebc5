/**
 * The project file (`*.axon.json`): what the canvas saves and opens.
 *
 * A project is the user's drawing (nodes with positions and parameters, edges between them)
 * plus the data, the seed and the precision. `compileGraph` turns it into an `EngineSpec`.
 * Everything here is plain JSON; React Flow's node shape (`id`, `type`, `position`, `data`)
 * maps one to one onto ours (`id`, `kind`, `position`, `params`).
 *
 * The types are inferred from the file's schema (`schema.ts`, node parameters in
 * `nodeParams.ts`), which the parser validates with; the full description, with an example,
 * is in `docs/project-format.md`, the JSON Schema in `project.schema.json` beside this file.
 */
import type { z } from '../schema/z'
import type { nodeParams } from './nodeParams'
import type {
  builtinData,
  dataSource,
  fileData,
  inlineData,
  inputScaling,
  position,
  projectEdge,
  projectFile,
  projectMeta,
  projectNode,
} from './schema'

export { PROJECT_FORMAT, PROJECT_VERSION } from './schema'

/** The kinds of node the canvas draws (the keys of `nodeParams`). */
export type NodeKind = keyof typeof nodeParams

/** Each kind's parameters, defaults filled in. */
export type NodeParamsByKind = { [K in NodeKind]: z.output<(typeof nodeParams)[K]> }

export type DenseParams = NodeParamsByKind['dense']
export type ActivationParams = NodeParamsByKind['activation']
/** The optimizer node holds every training setting: the update rule, schedule, regularisation, batching, epochs and stopping. */
export type OptimizerParams = NodeParamsByKind['optimizer']
/** A merge node's (add, concatenate) parameters: none. */
export type MergeParams = NodeParamsByKind['add']
export type BatchMode = OptimizerParams['batchMode']

/** Canvas position in React Flow's coordinates (px, y down). */
export type Position = z.output<typeof position>

/** One node of the drawing, discriminated by `kind`. */
export type ProjectNode = z.output<typeof projectNode>
export type ProjectNodeOf<K extends NodeKind> = Extract<ProjectNode, { kind: K }>

/** A directed edge: data flows from `source` to `target`. */
export type ProjectEdge = z.output<typeof projectEdge>

/** Preprocessing of the inputs when a dataset is read: none, minMax, zScore or divide255. */
export type InputScaling = z.output<typeof inputScaling>
/** A few patterns typed into the project itself (the lecture examples). */
export type InlineData = z.output<typeof inlineData>
/** A dataset shipped with the app (see `src/engine/data`), by id. */
export type BuiltinData = z.output<typeof builtinData>
/** Data read from files, with paths relative to the project file. */
export type FileData = z.output<typeof fileData>
export type DataSource = z.output<typeof dataSource>

export type ProjectMeta = z.output<typeof projectMeta>

/** A project file, version 1. */
export type Project = z.output<typeof projectFile>
