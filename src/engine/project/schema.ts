/**
 * The project file (`*.axon.json`), declared once. `parseProject` validates files with it,
 * `types.ts` infers the `Project` types from it, and `project.schema.json` beside this file is
 * the JSON Schema emitted from it (`npm run schemas` writes it; a test checks it is current).
 */
import { int, numberMatrix, precision, seed, stringList } from '../schema/fields'
import { heldOutFraction } from '../schema/engineSpec'
import { toJsonSchema } from '../schema/jsonSchema'
import { z } from '../schema/z'
import { nodeParams } from './nodeParams'
import { EXPERIMENTS_JSON_SCHEMA, experimentsProblem, type ProjectExperiments } from '../experiments/sweep'
import { RUN_JSON_REFS, runHistorySchema } from '../experiments/runHistory'

export const PROJECT_FORMAT = 'axon-studio/project' as const
/** The version this code writes. Older versions are upgraded by `migrateProject`. */
export const PROJECT_VERSION = 1 as const

/** Canvas position in React Flow's coordinates (px, y down). */
export const position = z.object({ x: z.number(), y: z.number() }).meta({ id: 'position' })

/**
 * Preprocessing applied to inputs when a dataset is read (the same ids as the data layer's
 * `NormalizationId`). IDX byte images are always read as x/255 first.
 * none: the numbers as they are · minMax: (x − min)/(max − min) per feature, fitted on the
 * training set · zScore: (x − mean)/std per feature, fitted on the training set · divide255:
 * raw pixel values in a CSV.
 */
export const inputScaling = z.enum(['none', 'minMax', 'zScore', 'divide255'])

/** A few patterns typed into the project itself (the lecture examples). */
export const inlineData = z
  .object({
    kind: z.literal('inline'),
    /** `[count][inputSize]`. */
    inputs: numberMatrix.min(1),
    /** `[count][targetSize]`. */
    targets: numberMatrix.min(1),
    featureNames: stringList.optional(),
    targetNames: stringList.optional(),
  })
  .meta({ description: 'A few patterns typed into the project.' })

/** A dataset shipped with the app (see `src/engine/data`), by id. */
export const builtinData = z
  .object({
    kind: z.literal('builtin'),
    id: z.string(),
    options: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
    /** Share of the generated points held out as a test set (seeded, stratified); absent = none. */
    testFraction: heldOutFraction
      .optional()
      .meta({ description: 'Share of the points held out as a test set, evaluated at the end and drawn on the decision boundary.' }),
  })
  .meta({ description: 'A dataset shipped with the app.' })

/** Data read from files, with paths relative to the project file. */
export const fileData = z
  .object({
    kind: z.literal('file'),
    format: z.enum(['csv', 'idx']),
    /** Training inputs: a CSV file, or an IDX images file (`.gz` allowed). */
    path: z.string(),
    /** IDX labels file for `path` (classification). */
    labelsPath: z.string().optional(),
    /** Optional test set, same format. */
    testPath: z.string().optional(),
    testLabelsPath: z.string().optional(),
    /** CSV: columns holding targets (names or 0-based indices); the rest are inputs. */
    targetColumns: z
      .array(z.union([z.string(), int({ min: 0 })]), {
        error: 'must be an array of column names or indices',
      })
      .optional(),
    /** CSV: whether the first row holds column names. Default: detected. */
    header: z
      .boolean()
      .optional()
      .meta({ description: 'CSV: the first row holds column names (default: detected).' }),
    /**
     * CSV: whether the first line is a preamble to skip (a title, or a row count, a feature count
     * and class names as in scikit-learn's iris.csv). Default: detected.
     */
    preamble: z
      .boolean()
      .optional()
      .meta({
        description:
          'CSV: skip a first line that is not data (a title, or a row count and class names; default: detected).',
      }),
    /**
     * Number of classes. IDX: for label files (targets become one-hot; default max label + 1).
     * CSV: the whole-number target column holds classes 0 … classes−1 (not a number to regress).
     */
    classes: int({ min: 2 })
      .optional()
      .meta({
        description: 'Number of classes (IDX labels; a CSV whole-number target column as classes).',
      }),
    /** Class names, index = class (IDX labels, or the values 0, 1, … of a CSV class column). */
    labelNames: stringList.optional().meta({ description: 'Class names, index = class.' }),
    /** CSV: numeric columns read as categories (one-hot inputs, or classes as the target). */
    categorical: stringList
      .optional()
      .meta({ description: 'CSV: numeric columns read as categories.' }),
    /** CSV: columns left out of the inputs. */
    excluded: stringList.optional().meta({ description: 'CSV: columns left out of the inputs.' }),
    /**
     * CSV: rows with missing values: refuse (`error`, the default), `drop` them, or fill in the
     * column's `mean`, `median` or `mode` computed on the training part only.
     */
    missing: z
      .enum(['error', 'drop', 'mean', 'median', 'mode'])
      .optional()
      .meta({
        description:
          'CSV: rows with missing values (fills come from the training part; default error).',
      }),
    scaling: inputScaling.default('none'),
    /** Share of the rows held out for validation (seeded split); absent = the optimizer's. */
    validationFraction: heldOutFraction
      .optional()
      .meta({ description: 'Share held out for validation (absent: the optimizer’s).' }),
    /** Share of the rows held out as a test set, evaluated once training ends. Ignored with `testPath`. */
    testFraction: heldOutFraction
      .optional()
      .meta({ description: 'Share held out as a test set, evaluated at the end.' }),
    /** Keep each class's share in the training, validation and test parts. */
    stratify: z
      .boolean()
      .optional()
      .meta({ description: 'Keep each class’s share in every part.' }),
    /** Use only the first `limit` training rows (quick experiments). */
    limit: int({ min: 1 }).optional(),
  })
  .refine((d) => (d.validationFraction ?? 0) + (d.testFraction ?? 0) < 1, {
    path: ['testFraction'],
    error: 'with validationFraction must leave rows for training (sum < 1)',
  })
  .meta({ description: 'CSV or IDX files, paths relative to the project file.' })

export const dataSource = z.discriminatedUnion('kind', [inlineData, builtinData, fileData])

export const projectMeta = z.object({
  title: z.string(),
  /** One paragraph: what the network shows and what to look for. */
  description: z
    .string()
    .default('')
    .meta({ description: 'One paragraph: what the network shows.' }),
  /** Where the example comes from (e.g. "Lecture 001, Mazur's worked example"). */
  source: z.string().optional(),
})

type NodeKindId = keyof typeof nodeParams

type NodeSchema<K extends NodeKindId> = z.ZodObject<{
  id: z.ZodString
  kind: z.ZodLiteral<K>
  position: typeof position
  label: z.ZodOptional<z.ZodString>
  params: z.ZodPrefault<(typeof nodeParams)[K]>
}>

/** One node of the drawing of kind `kind`; missing parameters take their defaults. */
function nodeOf<K extends NodeKindId>(kind: K): NodeSchema<K> {
  const params = nodeParams[kind] as z.ZodObject
  return z.object({
    id: z.string(),
    kind: z.literal(kind),
    position,
    /** Optional user label shown on the canvas (e.g. "hidden", "h1 h2"). */
    label: z.string().optional(),
    params: params.prefault({}).meta({ description: 'Missing parameters take their defaults.' }),
  }) as unknown as NodeSchema<K>
}

type AnyNodeSchema = { [K in NodeKindId]: NodeSchema<K> }[NodeKindId]
export const projectNode = z.discriminatedUnion(
  'kind',
  (Object.keys(nodeParams) as NodeKindId[]).map(nodeOf) as unknown as [
    AnyNodeSchema,
    ...AnyNodeSchema[],
  ],
)

/** A directed edge: data flows from `source` to `target`. */
export const projectEdge = z.object({ id: z.string(), source: z.string(), target: z.string() })

/**
 * Sweeps run on this network, with their results: checked by `experiments/sweep.ts`, which also
 * gives their JSON Schema (merged into the published one by `projectJsonSchema`).
 */
const projectExperiments = z.custom<ProjectExperiments>().superRefine((value, ctx) => {
  const problem = experimentsProblem(value)
  if (!problem) return
  const path = [...problem.path.matchAll(/\.(\w+)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])))
  ctx.addIssue({ code: 'custom', message: problem.message, path, input: value })
})

/** Training runs of this network with their metrics, curves and trained values (`experiments/runHistory.ts`). */
const projectRuns = runHistorySchema({ node: projectNode, edge: projectEdge, data: dataSource })

/** A project file, version 1. */
export const projectFile = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  meta: projectMeta,
  /** One seed: init, split, shuffle and dropout streams derive from it. */
  seed,
  precision: precision.default('float64'),
  data: dataSource,
  nodes: z.array(projectNode),
  edges: z.array(projectEdge),
  /** Canvas viewport, restored on open. */
  viewport: z.object({ x: z.number(), y: z.number(), zoom: z.number() }).optional(),
  /** Sweeps run on this network, with their results (`src/engine/experiments/sweep.ts`). */
  experiments: projectExperiments.optional(),
  /** Training runs, oldest first, with what each trained and reached (`experiments/runHistory.ts`). */
  runs: projectRuns.optional(),
})

/** The project file's JSON Schema (draft-07), as committed in `project.schema.json`. */
export function projectJsonSchema(): Record<string, unknown> {
  return toJsonSchema(projectFile, {
    $id: 'https://axon-studio.example/schemas/project-v1.json',
    title: 'Axon Studio project (*.axon.json)',
    description:
      'A network drawn on the canvas, its data and its training settings. See docs/project-format.md.',
  }, [[projectExperiments, EXPERIMENTS_JSON_SCHEMA], ...RUN_JSON_REFS])
}
