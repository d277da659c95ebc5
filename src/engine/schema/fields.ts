/**
 * Building blocks of the file-format schemas: bounded numbers that say their whole range when
 * wrong ("must be a number ≥ 0 and < 1"), ids that are the keys of an engine registry, and the
 * arrays the formats hold. Bounds are recorded so the inspector's editors can read them back.
 */
import { z } from './z'

/** Inclusive (`min`, `max`) and exclusive (`exclusiveMin`, `exclusiveMax`) bounds of a number. */
export interface Bounds {
  min?: number
  max?: number
  exclusiveMin?: number
  exclusiveMax?: number
}

/** What the schemas know about a number: its bounds and whether it must be whole. */
export interface NumberInfo extends Bounds {
  int: boolean
}

/** Bounds of the number schemas made here (looked up by `numberInfo`). */
const numbers = z.registry<NumberInfo>()

/** "a whole number ≥ 1", "a number ≥ 0 and < 1", "a whole number from 0 to 4294967295". */
export function describeNumber({ int, min, max, exclusiveMin, exclusiveMax }: NumberInfo): string {
  const what = int ? 'a whole number' : 'a number'
  if (int && min !== undefined && max !== undefined) return `${what} from ${min} to ${max}`
  const parts: string[] = []
  if (min !== undefined) parts.push(`≥ ${min}`)
  if (exclusiveMin !== undefined) parts.push(`> ${exclusiveMin}`)
  if (max !== undefined) parts.push(`≤ ${max}`)
  if (exclusiveMax !== undefined) parts.push(`< ${exclusiveMax}`)
  return parts.length === 0 ? what : `${what} ${parts.join(' and ')}`
}

function bounded(schema: z.ZodNumber, info: NumberInfo): z.ZodNumber {
  const error = `must be ${describeNumber(info)}`
  let s = schema
  if (info.min !== undefined) s = s.gte(info.min, { error })
  if (info.exclusiveMin !== undefined) s = s.gt(info.exclusiveMin, { error })
  if (info.max !== undefined) s = s.lte(info.max, { error })
  if (info.exclusiveMax !== undefined) s = s.lt(info.exclusiveMax, { error })
  numbers.add(s, info)
  return s
}

/** The message of a value that is not a number at all (or absent). */
const notANumber = (info: NumberInfo) => (issue: { input?: unknown }) =>
  issue.input === undefined
    ? `is missing (must be ${describeNumber(info)})`
    : `must be ${describeNumber(info)}`

/** Only the bounds of `o` (declarations pass labels and defaults along with them). */
function boundsOf(o: Bounds, int: boolean): NumberInfo {
  const info: NumberInfo = { int }
  for (const key of ['min', 'max', 'exclusiveMin', 'exclusiveMax'] as const)
    if (o[key] !== undefined) info[key] = o[key]
  return info
}

/** A finite number within `bounds`. */
export function number(bounds: Bounds = {}): z.ZodNumber {
  const info = boundsOf(bounds, false)
  return bounded(z.number({ error: notANumber(info) }), info)
}

/** A whole number within `bounds`. */
export function int(bounds: Bounds = {}): z.ZodNumber {
  const info = boundsOf(bounds, true)
  return bounded(z.int({ error: notANumber(info) }), info)
}

/** The bounds of a number schema made by `number`/`int` (through defaults, optionals, nullables). */
export function numberInfo(schema: z.ZodType): NumberInfo | undefined {
  let s: z.ZodType = schema
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional || s instanceof z.ZodNullable)
    s = s.unwrap() as z.ZodType
  return numbers.get(s)
}

/** One of the ids of an engine registry (its keys: the single list). */
export function registryId<K extends string>(
  registry: Record<K, unknown>,
): z.ZodEnum<{ [k in K]: k }> {
  return z.enum(Object.keys(registry) as [K, ...K[]])
}

export const numberList = z.array(z.number(), { error: 'must be an array of numbers' })
export const stringList = z.array(z.string(), { error: 'must be an array of strings' })
/** Rows of numbers, `[rows][cols]`. */
export const numberMatrix = z.array(numberList, { error: 'must be an array of rows of numbers' })
export const precision = z.enum(['float64', 'float32'])
/** A seed of the random streams: 32 bits. */
export const seed = int({ min: 0, max: 0xffffffff })
