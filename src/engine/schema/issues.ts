/**
 * Turning zod's issues into the app's messages: a JSON path (`$.nodes[2].params.units`) and a
 * short phrase that says what the value must be ("must be a whole number ≥ 1"). The parsers of
 * the project file, the model file and the compiler's parameter checks all speak through here,
 * so the same mistake reads the same everywhere.
 */
import { z } from './z'

/** A problem at a place in a JSON document. */
export interface SchemaProblem {
  /** JSON path of the offending value, `$` for the whole document. */
  path: string
  message: string
  /** A value of the right type outside its range, or failing a check across fields (not a type error). */
  outOfRange?: true
}

export type SchemaResult<T> = { ok: true; value: T } | { ok: false; errors: SchemaProblem[] }

/** `$`, then `.key` or `[index]` for each step (keys that are not identifiers are quoted). */
export function jsonPath(path: readonly PropertyKey[], root = '$'): string {
  let out = root
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`
    else if (typeof step === 'string' && /^[A-Za-z_$][\w$]*$/.test(step)) out += `.${step}`
    else out += `[${JSON.stringify(String(step))}]`
  }
  return out
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
}

/** One of the allowed values, quoted as JSON: `must be "sgd", "adam" or …`. */
function allowedValues(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v))
  return shown.length > 3 ? `must be one of ${shown.join(', ')}` : `must be ${orList(shown)}`
}

/**
 * The app's wording of a zod issue (the error map every parse uses). Schemas that know better
 * (bounded numbers, unions) carry their own message, which takes precedence.
 */
function issueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const must = `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`
      return issue.input === undefined ? `is missing (${must})` : must
    }
    case 'invalid_value':
      return allowedValues(issue.values)
    case 'invalid_union':
      if (issue.note === 'No matching discriminator')
        return allowedValues((issue as unknown as { options?: unknown[] }).options ?? [])
      return 'has none of the allowed forms'
    case 'too_small':
      if (issue.origin === 'array')
        return `must have at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`
      return `must be ${issue.inclusive ? '≥' : '>'} ${issue.minimum}`
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} items`
      return `must be ${issue.inclusive ? '≤' : '<'} ${issue.maximum}`
    default:
      return issue.message ?? 'is not valid'
  }
}

const RANGE_CODES = new Set(['too_small', 'too_big', 'not_multiple_of', 'custom'])

/** A number out of bounds, a fraction where a whole number goes, or a failed check across fields. */
function isOutOfRange(issue: z.core.$ZodIssue): boolean {
  if (issue.code === 'invalid_type')
    return issue.expected === 'int' && typeof issue.input === 'number'
  return (
    RANGE_CODES.has(issue.code) &&
    !(issue.code !== 'custom' && 'origin' in issue && issue.origin === 'array')
  )
}

/** Every issue of a failed parse as a problem with its JSON path. */
function schemaProblems(error: z.ZodError, root = '$'): SchemaProblem[] {
  return error.issues.map((issue) => ({
    path: jsonPath(issue.path, root),
    message: issue.message,
    ...(isOutOfRange(issue) && { outOfRange: true as const }),
  }))
}

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

/**
 * `output` with its object keys in the order `input` had them (keys the schema added, such as
 * defaults, after them), so a file that is opened and saved again changes only what was edited.
 */
export function inInputOrder<T>(input: unknown, output: T): T {
  if (Array.isArray(output))
    return (
      Array.isArray(input) ? output.map((item, i) => inInputOrder(input[i], item)) : output
    ) as T
  if (!isPlainObject(output) || !isPlainObject(input)) return output
  const ordered: Record<string, unknown> = {}
  for (const key of Object.keys(input))
    if (Object.hasOwn(output, key)) ordered[key] = inInputOrder(input[key], output[key])
  for (const key of Object.keys(output))
    if (!Object.hasOwn(ordered, key)) ordered[key] = output[key]
  return ordered as T
}

/**
 * Parse `value` with `schema` in the app's wording: the typed value (keys in the input's order),
 * or every problem with its path.
 */
export function checkWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  root = '$',
): SchemaResult<z.output<S>> {
  const result = schema.safeParse(value, { error: issueMessage, reportInput: true })
  return result.success
    ? { ok: true, value: inInputOrder(value, result.data) }
    : { ok: false, errors: schemaProblems(result.error, root) }
}
