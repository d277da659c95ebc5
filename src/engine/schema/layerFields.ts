/**
 * Pieces of the model file's layer fields (each layer kind declares its own in `nn/`): lists of
 * numbers checked in one pass (a weight matrix may hold millions, and a row of strings is one
 * problem, not one per entry), and which widths their lengths are. The model file's cross-field
 * check (`model/widthChecks.ts`) reads those widths, so a kind's shapes are declared once.
 */
import { publishedAs } from './jsonSchema'
import { z } from './z'

const isNumberList = (x: unknown): x is number[] =>
  Array.isArray(x) && x.every((v) => typeof v === 'number' && Number.isFinite(v))

/**
 * An array of finite numbers, checked at once ("must be an array of numbers"). A wrong one does
 * not stop the checks across fields elsewhere in the file (`abort: false`; z.custom would).
 */
function numbers(description?: string): z.ZodCustom<number[]> {
  const row = z.custom<number[]>(isNumberList, {
    error: 'must be an array of numbers',
    abort: false,
    params: { wrongType: true },
  })
  // .meta() makes a new schema: the published form goes on that one.
  return publishedAs(description ? row.meta({ description }) : row, { type: 'array', items: { type: 'number' } })
}

export const numberRow = numbers()

/** Whether an issue is a `numberRow` that is no array of numbers (it does not stop other checks). */
export const isWrongNumberRow = (issue: object): boolean =>
  (issue as { params?: { wrongType?: boolean } }).params?.wrongType === true

/** What a list's length is: one entry per unit of the layer, or per input of it (its `nIn`). */
export type Width = 'units' | 'nIn'

/** The widths of a layer field's dimensions: `['units']` a vector, `['units', 'nIn']` a matrix. */
const fieldWidths = z.registry<{ widths: readonly Width[] }>()

/** `[units]` numbers: one per unit. */
export function perUnit(description: string): typeof numberRow {
  const field = numbers(`[units]: ${description}`)
  fieldWidths.add(field, { widths: ['units'] })
  return field
}

/** `[units][nIn]` numbers: one row per unit, one number per input in each. */
export function perUnitAndInput(description: string): z.ZodArray<typeof numberRow> {
  const field = z
    .array(numberRow, { error: 'must be an array of rows of numbers' })
    .meta({ description: `[units][nIn]: ${description}` })
  fieldWidths.add(field, { widths: ['units', 'nIn'] })
  return field
}

/** The declared widths of a field (through nullable and optional), if it has them. */
export function widthsOf(schema: z.ZodType): readonly Width[] | undefined {
  let s: z.ZodType = schema
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType
  return fieldWidths.get(s)?.widths
}
