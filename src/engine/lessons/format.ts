/**
 * The lesson file (`*.axon-lesson.json`), declared once: the parser, the types and the
 * published JSON Schema (`lesson.schema.json`, docs/lesson-format.md) all come from these zod
 * schemas. One file holds the project (with its data), and the ordered steps a student works
 * through: text, the network each step starts from, what is locked, and an optional question
 * the app checks.
 */
import { MAX_DESCENT_ITERATIONS } from '../experiments/descent'
import { int } from '../schema/fields'
import { z } from '../schema/z'

export const LESSON_FORMAT = 'axon-studio/lesson' as const
/** The version this code writes and reads. */
export const LESSON_VERSION = 1 as const

/** Most epochs the app trains to answer one question (it runs where the student clicks, so it must end). */
export const MAX_CHECK_EPOCHS = 10_000

const text = z.string()
const index = int({ min: 0 })
const nodeId = z.string().min(1).describe('The id of a node of the step’s project.')

/** How far the engine trains the step's network before it reads a quantity (nothing = as it starts). */
const progress = z
  .object({
    updates: int({ min: 0, max: 1_000_000 }).optional().describe('Weight updates (one per example when online, per batch otherwise).'),
    epochs: int({ min: 0, max: MAX_CHECK_EPOCHS }).optional().describe('Whole passes through the data, after the updates.'),
    toEnd: z.boolean().optional().describe('Train until the run stops by itself (converged, target loss, early stopping or its epochs).'),
  })
  .strict()

const after = progress.optional()

/** A number of the engine: what a number question is checked against. */
export const measureSchema = z.discriminatedUnion('quantity', [
  z.object({ quantity: z.literal('weight'), node: nodeId, unit: index, input: index, after }).strict().describe('w_jk of a dense node: from input k into unit j (0-based).'),
  z.object({ quantity: z.literal('bias'), node: nodeId, unit: index, after }).strict().describe('The bias of unit j of a dense node.'),
  z.object({ quantity: z.literal('output'), node: nodeId, unit: index, example: index, after }).strict().describe('out of unit j of a layer (after its activation) for one data row.'),
  z.object({ quantity: z.literal('net'), node: nodeId, unit: index, example: index, after }).strict().describe('net of unit j of a layer (before its activation) for one data row.'),
  z.object({ quantity: z.literal('derivative'), node: nodeId, unit: index, example: index, after }).strict().describe('f′(net) of unit j of a layer’s activation for one data row.'),
  z.object({ quantity: z.literal('delta'), node: nodeId, unit: index, example: index, after }).strict().describe('The lectures’ δ = −∂E/∂net of unit j for one data row (its error term).'),
  z.object({ quantity: z.literal('gradient'), node: nodeId, unit: index, input: index, example: index, after }).strict().describe('∂E/∂w_jk of a dense node for one data row.'),
  z.object({ quantity: z.literal('netSpread'), node: nodeId, after }).strict().describe('The standard deviation of net over every unit of a layer and every data row.'),
  z.object({ quantity: z.literal('loss'), after }).strict().describe('The loss E over the data, as the Training panel shows it.'),
  z.object({ quantity: z.literal('accuracy'), after }).strict().describe('The share of data rows classified right, from 0 to 1.'),
  z.object({ quantity: z.literal('parameters') }).strict().describe('The weights and biases the network trains (its parameter count; needs no data).'),
  z.object({ quantity: z.literal('epochs') }).strict().describe('Epochs until the run stops by itself.'),
  z.object({ quantity: z.literal('learningRate'), after }).strict().describe('The learning rate η the next update uses (after its schedule).'),
  z.object({ quantity: z.literal('updates'), after }).strict().describe('Weight updates made (after `after`): iterations per epoch × epochs.'),
  z
    .object({
      quantity: z.literal('descent'),
      function: z.string().min(1).describe('f(x), as the optimizer playground reads it, e.g. "x^4/4 - 3x^3 + 7x - 5".'),
      start: z.number(),
      learningRate: z.number().positive(),
      iterations: int({ min: 0, max: MAX_DESCENT_ITERATIONS }),
      read: z.enum(['x', 'f']).describe('The point reached, or f there.'),
    })
    .strict()
    .describe('Plain gradient descent x ← x − η·f′(x) on a function of x (no network).'),
])

const numberQuestion = z
  .object({
    kind: z.literal('number'),
    prompt: text,
    measure: measureSchema,
    tolerance: z.number().positive().describe('An answer within ± this of the engine’s number is right.'),
    explanation: text.optional(),
  })
  .strict()
  .describe('The student predicts a number before the app shows it; checked against the engine.')

const choiceFields = z
  .object({
    kind: z.literal('choice'),
    prompt: text,
    options: z.array(text).min(2),
    answer: index.describe('The index of the right option (0-based).'),
    explanation: text.optional(),
  })
  .strict()
const choiceQuestion = choiceFields.refine((q) => q.answer < q.options.length, { message: 'answer must be the index of one of the options', path: ['answer'] })

/** A goal the student's own training run must reach. */
const targetQuestion = z
  .object({
    kind: z.literal('target'),
    prompt: text,
    metric: z.enum(['trainLoss', 'trainAccuracy', 'valLoss', 'valAccuracy']),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    explanation: text.optional(),
  })
  .strict()
  .refine((q) => (q.atLeast === undefined) !== (q.atMost === undefined), { message: 'needs one of atLeast or atMost' })

const questionSchema = z.discriminatedUnion('kind', [numberQuestion, choiceQuestion, targetQuestion])

/** The controls a step can hide. */
export const HIDEABLE = ['palette', 'examples', 'file', 'data', 'inspector', 'training', 'train'] as const

const lockSchema = z
  .object({
    nodes: z.array(nodeId).optional().describe('Nodes that cannot be edited, moved, deleted or rewired.'),
    params: z
      .array(z.string().regex(/^[^.\s]+\.[^.\s]+$/, 'must be "nodeId.param"'))
      .optional()
      .describe('Single settings that cannot be changed, as "nodeId.param".'),
    structure: z.boolean().optional().describe('No node or wire may be added or removed.'),
    hide: z.array(z.enum(HIDEABLE)).optional().describe('Controls the student does not see in this step.'),
  })
  .strict()

/** A project as stored (checked in full by the project parser, `parseLesson`). */
const projectJson = z.record(z.string(), z.unknown()).describe('An Axon Studio project (project.schema.json) with inline or built-in data.')

const stepSchema = z
  .object({
    title: text.min(1),
    text: text.describe('Markdown; $…$ and $$…$$ hold TeX formulas.'),
    project: projectJson.optional().describe('The network this step starts from; without it, the lesson’s project.'),
    lock: lockSchema.optional(),
    question: questionSchema.optional(),
  })
  .strict()

/**
 * A step of a lesson still being written (teacher mode keeps it on the machine between
 * sessions): the file's step with its network and locks always present, and what the teacher
 * may not have filled in yet allowed (an empty title, a choice with fewer than two options).
 */
export const draftStepSchema = stepSchema.safeExtend({
  title: text,
  project: projectJson,
  lock: lockSchema,
  question: z.discriminatedUnion('kind', [numberQuestion, choiceFields.safeExtend({ options: z.array(text) }), targetQuestion]).optional(),
})

export const lessonSchema = z
  .object({
    format: z.literal(LESSON_FORMAT),
    version: z.literal(LESSON_VERSION),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes').describe('Names the lesson in progress records.'),
    title: text.min(1),
    description: text.optional(),
    source: text.optional().describe('The lecture it follows.'),
    project: projectJson,
    steps: z.array(stepSchema).min(1, 'must have at least 1 step'),
  })
  .strict()

export type Measure = z.infer<typeof measureSchema>
export type Question = z.infer<typeof questionSchema>
export type Lock = z.infer<typeof lockSchema>
export type Hideable = (typeof HIDEABLE)[number]
export type LessonStepFile = z.infer<typeof stepSchema>
export type LessonFile = z.infer<typeof lessonSchema>

/** The published JSON Schema of lesson files. */
export function lessonJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(lessonSchema, { target: 'draft-7' }),
    $id: 'https://axon-studio.example/schemas/lesson-v1.json',
    title: 'Axon Studio lesson (*.axon-lesson.json)',
  }
}
