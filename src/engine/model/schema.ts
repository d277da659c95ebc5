/**
 * The model file (model JSON), declared once: `validateModel` parses with it, `format.ts` infers
 * the `ModelFile` types from it, and `model.schema.json` beside this file is the JSON Schema
 * emitted from it (`npm run schemas` writes it; a test checks it is current).
 *
 * The parts a project also has are the project's and the engine spec's schemas (activations,
 * loss, the training settings, the data reference); each layer kind declares its own fields
 * (`LayerKind.modelFields` in `nn/`), so a new kind needs nothing here. What spans fields
 * (widths through the graph, the output, one name per class) is checked in `shapeChecks.ts`.
 */
import { describeJsonValue } from '../data/userText'
import { layerKinds } from '../nn/layers'
import { dataSource } from '../project/schema'
import { lossSpec, runSettings } from '../schema/engineSpec'
import { int, number, precision, stringList } from '../schema/fields'
import { publishedAs, toJsonSchema } from '../schema/jsonSchema'
import { isWrongNumberRow, numberRow } from '../schema/layerFields'
import { z } from '../schema/z'
import { checkModelShapes } from './shapeChecks'

export const MODEL_FORMAT = 'axon-studio/model' as const
export const MODEL_VERSION = 1 as const

type KindId = keyof typeof layerKinds
type FieldsOf<K extends KindId> = (typeof layerKinds)[K]['modelFields']['shape']

/**
 * What a layer of one input reads (merge kinds declare their own `inputs`: two or more). Not
 * `.length(1)`: zod stops every check across fields at an array over its maximum length.
 */
const oneSource = publishedAs(
  z
    .array(z.string())
    .min(1, { error: 'must name one source' })
    .refine((names) => names.length === 1, { error: 'must name one source (only add and concat join several)' }),
  { maxItems: 1 },
)
const readsOne = oneSource
  .optional()
  .meta({
    description:
      'The nodeId of the earlier layer it reads, or "$input" for the network input; absent = the layer before (the first layer: the input).',
  })

/** A layer of kind `kind` in the model file: kind, node id, what it reads, the kind's own fields. */
function layerOf<K extends KindId>(kind: K) {
  const fields = layerKinds[kind].modelFields
  const head = z.object({ kind: z.literal(kind), nodeId: z.string(), inputs: readsOne })
  return head.extend(fields.shape as FieldsOf<K>).meta({ description: fields.description })
}

type LayerSchema = { [K in KindId]: ReturnType<typeof layerOf<K>> }[KindId]

export const modelLayer = z.discriminatedUnion(
  'kind',
  (Object.keys(layerKinds) as KindId[]).map(layerOf) as unknown as [LayerSchema, ...LayerSchema[]],
)

export const modelArchitecture = z.object({
  inputSize: int({ min: 1 }),
  /** Shape of one input (e.g. [28, 28]); absent = [inputSize]. */
  inputShape: z
    .array(int({ min: 1 }))
    .optional()
    .meta({ description: 'Shape of one input (e.g. [28, 28]); absent = [inputSize].' }),
  outputSize: int({ min: 1 }),
  precision,
  /** In topological order: each layer reads only earlier ones; the last is the output. */
  layers: z.array(modelLayer).min(1, { error: 'must be a non-empty array' }),
  loss: lossSpec,
})

/**
 * What to do to a raw input row before the first layer, per feature k:
 * x'_k = (x_k − shift[k]) · scalePerFeature[k] · scale (absent parts: shift 0, scale 1).
 */
export const modelPreprocessing = z
  .object({
    scale: number(),
    shift: numberRow.optional(),
    scalePerFeature: numberRow.optional(),
    featureNames: stringList.optional(),
    /** Classification: the name of each class, index = class. */
    labelNames: stringList.optional(),
    targetNames: stringList.optional(),
  })
  .meta({
    description:
      "x'_k = (x_k − shift[k]) · scalePerFeature[k] · scale; absent parts: shift 0, scale 1.",
  })

/** A test-set evaluation: loss, accuracy (classification), examples, at which epoch. */
export const modelTestResult = z
  .object({
    /** Examples in the test set. */
    count: int({ min: 1 }),
    /** Mean per-example loss (sum reduction: the total), in evaluation mode (no dropout or noise). */
    loss: number(),
    /** Share of test examples classified right (classification only). */
    accuracy: number({ min: 0, max: 1 }).optional(),
    /** Epochs done when it was taken. */
    epoch: int({ min: 0 }),
  })
  .meta({ description: 'The held-out test set evaluated with these weights.' })

export const modelHistory = z.object({
  epochs: int({ min: 0 }),
  iterations: int({ min: 0 }),
  /** Why training stopped, or null if the user stopped it. */
  stopReason: z.string().nullable(),
  /** The epoch whose weights these are when restore-best brought them back at the end. */
  restoredEpoch: int({ min: 1 }).optional(),
  /** Training loss per epoch. */
  loss: numberRow,
  /** Training accuracy per epoch (classification). */
  accuracy: numberRow.optional(),
  valLoss: numberRow.optional(),
  valAccuracy: numberRow.optional(),
  test: modelTestResult.optional(),
})

/** The project's data reference, so the model can be reopened as a project and trained on. */
const modelData = dataSource
  .refine((d) => d.kind !== 'inline' || d.inputs.length === d.targets.length, {
    path: ['targets'],
    error: 'must have as many rows as inputs (one target row per input row)',
  })
  .meta({
    description:
      'Optional: the project’s data reference (as in the project file), so the model can be reopened as a project.',
  })

/** `"axon-studio/model"`, or what was found (and what to do with a project file). */
function formatMessage(issue: { input?: unknown }): string {
  const hint =
    issue.input === 'axon-studio/project'
      ? ' (this is a project file: train it first, e.g. “axon train … --out model.json”)'
      : ''
  return `must be "${MODEL_FORMAT}", found ${describeJsonValue(issue.input)}${hint}`
}

function versionMessage({ input }: { input?: unknown }): string {
  return typeof input === 'number' && input > MODEL_VERSION
    ? `model version ${input} is newer than this Axon Studio reads (${MODEL_VERSION}); update Axon Studio`
    : `must be ${MODEL_VERSION}`
}

const modelObject = z.object(
  {
    format: z.literal(MODEL_FORMAT, { error: formatMessage }),
    version: z.literal(MODEL_VERSION, { error: versionMessage }),
    /** The engine that trained it (`ENGINE_VERSION`). */
    engineVersion: z.string(),
    /** Where it came from (the project's title). */
    title: z.string(),
    task: z.enum(['classification', 'regression']),
    architecture: modelArchitecture,
    preprocessing: modelPreprocessing,
    /** The settings it was trained with (the engine spec's seed, optimizer, schedule, …). */
    training: runSettings.meta({
      description:
        'The settings it was trained with (the EngineSpec’s seed, optimizer, schedule, regularization, training).',
    }),
    history: modelHistory,
    data: modelData.optional(),
  },
  { error: 'must be a JSON object' },
)

/** What says which file this is: checked first, alone (another format's fields mean nothing here). */
export const modelHeader = modelObject.pick({ format: true, version: true })

/**
 * Whether a problem leaves the architecture or preprocessing untyped (the shape checks read them).
 * Elsewhere, or a value of the right type out of range, the checks across fields still run.
 */
const untypedShapes = (issue: z.core.$ZodRawIssue): boolean =>
  (issue.continue !== true || isWrongNumberRow(issue)) &&
  (issue.path === undefined ||
    issue.path.length === 0 ||
    issue.path[0] === 'architecture' ||
    issue.path[0] === 'preprocessing')

export const modelFile = modelObject.superRefine(checkModelShapes, {
  when: (payload) => !payload.issues.some(untypedShapes),
})

/** The model file's JSON Schema (draft-07), as committed in `model.schema.json`. */
export function modelJsonSchema(): Record<string, unknown> {
  return toJsonSchema(modelFile, {
    $id: 'https://axon-studio.example/schemas/model-v1.json',
    title: 'Axon Studio model file (model JSON)',
    description:
      'A trained network: architecture, weights [out][in], biases, preprocessing, training settings and history. See docs/model-format.md.',
  })
}
