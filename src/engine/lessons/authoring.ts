/**
 * What teacher mode needs to write a lesson: the quantities a number question can measure and
 * the fields each takes (read from the measure schema, so a new quantity shows up by itself),
 * a measure built from a flat form, and the problems of a draft as its file would have them.
 */
import { cutText } from '../data/userText'
import { measureSchema, type Measure } from './format'
import { parseLesson, serializeLesson, type Lesson, type LessonProblem } from './parse'

export type MeasureQuantity = Measure['quantity']
export type MeasureField = 'node' | 'unit' | 'input' | 'example' | 'after'

/** Each quantity a teacher can pick on a network, with its description and the fields it takes (descent needs no network and is written by hand). */
export const MEASURE_CHOICES: { quantity: MeasureQuantity; description: string; fields: MeasureField[] }[] = measureSchema.options
  .map((o) => ({
    quantity: o.shape.quantity.value as MeasureQuantity,
    description: o.description ?? '',
    fields: Object.keys(o.shape).filter((k): k is MeasureField => ['node', 'unit', 'input', 'example', 'after'].includes(k)),
  }))
  .filter((c) => c.quantity !== 'descent')

/** A number question's measure as the teacher fills it in: every field, the quantity's own used. */
export interface MeasureForm {
  quantity: MeasureQuantity
  node: string
  unit: number
  input: number
  example: number
  updates: number
  epochs: number
  toEnd: boolean
}

/** The measure a form describes, or what is wrong with it. */
export function measureFromForm(form: MeasureForm): { ok: true; measure: Measure } | { ok: false; message: string } {
  const choice = MEASURE_CHOICES.find((c) => c.quantity === form.quantity)
  if (!choice) return { ok: false, message: `“${cutText(String(form.quantity))}” is not a quantity a question can measure.` }
  const value: Record<string, unknown> = { quantity: form.quantity }
  for (const f of choice.fields) {
    if (f !== 'after') value[f] = form[f]
    else if (form.updates > 0 || form.epochs > 0 || form.toEnd) value.after = { ...(form.updates > 0 ? { updates: form.updates } : {}), ...(form.epochs > 0 ? { epochs: form.epochs } : {}), ...(form.toEnd ? { toEnd: true } : {}) }
  }
  const parsed = measureSchema.safeParse(value)
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'measure'}: ${i.message}`).join('; ') }
  return { ok: true, measure: parsed.data }
}

/** A form holding `measure` (the fields it does not use at their defaults). */
export function formFromMeasure(measure: Measure | undefined, node: string): MeasureForm {
  const m = (measure ?? {}) as Partial<Record<string, unknown>> & { after?: { updates?: number; epochs?: number; toEnd?: boolean } }
  const num = (k: string): number => (typeof m[k] === 'number' ? (m[k] as number) : 0)
  return {
    quantity: (measure?.quantity as MeasureQuantity) ?? 'weight',
    node: typeof m.node === 'string' ? m.node : node,
    unit: num('unit'),
    input: num('input'),
    example: num('example'),
    updates: m.after?.updates ?? 0,
    epochs: m.after?.epochs ?? 0,
    toEnd: m.after?.toEnd ?? false,
  }
}

/** A lesson id from its title: lower-case letters, digits and dashes. */
export function lessonIdFrom(title: string): string {
  return (
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'my-lesson'
  )
}

/** The draft as its file would read: the file text, or the problems (with their JSON paths) that keep it from being one. */
export function lessonDraftFile(lesson: Lesson): { ok: true; text: string } | { ok: false; errors: LessonProblem[] } {
  if (lesson.steps.length === 0) return { ok: false, errors: [{ path: '$.steps', message: 'must have at least 1 step: record the canvas as a step first' }] }
  const text = serializeLesson(lesson)
  const parsed = parseLesson(text)
  return parsed.ok ? { ok: true, text } : { ok: false, errors: parsed.errors }
}
