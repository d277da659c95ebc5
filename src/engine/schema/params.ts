/**
 * Node parameters: each declared once as a zod field that carries what the inspector shows
 * (label, one-line description, editor, bounds, when it applies) and its default. The project
 * file's schema, its types, the compiler's checks, the inspector's editors and the published
 * JSON Schema all read these declarations.
 */
import type { Described } from '../nn/registry'
import { initSpec, scheduleSpec } from './engineSpec'
import { describeNumber, int, number, numberInfo, numberList, numberMatrix, type Bounds } from './fields'
import { z } from './z'

/** A choice in an enum parameter. */
export type OptionInfo = Described

/** Which editor the inspector shows for a parameter. */
export type ParamType =
  | 'int'
  | 'number'
  | 'boolean'
  /** One of `options`. */
  | 'enum'
  /** A number, or null for "off". */
  | 'numberOrNull'
  /** A positive integer, or `'auto'`. */
  | 'sizeOrAuto'
  /** An `InitSpec`. */
  | 'init'
  /** A `ScheduleSpec`. */
  | 'schedule'
  /** Optional `number[][]`, `[units][nIn]`. */
  | 'matrix'
  /** Optional `number[]`. */
  | 'vector'
  /** Some of `options` (checkboxes): an array of their keys, each at most once. */
  | 'choices'

/** Show a parameter only when another parameter of the same node has one of these values. */
export interface ParamWhen {
  key: string
  in: readonly (string | boolean)[]
}

/** A parameter as the inspector sees it (plain data: it crosses Comlink). */
export interface ParamInfo extends Bounds {
  key: string
  label: string
  /** One line for the inspector's tooltip. */
  description: string
  type: ParamType
  options?: Record<string, OptionInfo>
  when?: ParamWhen
  /** May be absent from the params. */
  optional?: boolean
}

/** What every parameter declaration gives besides its value's schema. */
interface ParamText {
  label: string
  description: string
  when?: ParamWhen
}

/** The inspector's view of each declared parameter field. */
const declared = z.registry<Omit<ParamInfo, 'key'>>()

function declare<S extends z.ZodType>(
  schema: S,
  type: ParamType,
  text: ParamText,
  extra: Partial<ParamInfo> = {},
  /** The number schema whose bounds the inspector shows (where `schema` is more than a number). */
  numberPart: z.ZodType = schema,
): S {
  const field = schema.meta({ title: text.label, description: text.description }) as S
  const bounds = numberInfo(numberPart)
  const info: Omit<ParamInfo, 'key'> = {
    label: text.label,
    description: text.description,
    type,
    ...extra,
  }
  if (bounds)
    for (const key of ['min', 'max', 'exclusiveMin', 'exclusiveMax'] as const)
      if (bounds[key] !== undefined) info[key] = bounds[key]
  if (text.when) info.when = text.when
  declared.add(field, info)
  return field
}

/** Builders of parameter fields, one per editor. */
export const param = {
  int: (o: ParamText & Bounds & { default: number }) =>
    declare(int(o).default(o.default), 'int', o),
  number: (o: ParamText & Bounds & { default: number }) =>
    declare(number(o).default(o.default), 'number', o),
  /** A number, or null for "off" (clipping, target loss). */
  numberOrNull: (o: ParamText & Bounds) =>
    declare(number(o).nullable().default(null), 'numberOrNull', o),
  boolean: (o: ParamText & { default: boolean }) =>
    declare(z.boolean().default(o.default), 'boolean', o),
  /** One of the keys of `options` (an engine registry's labels, or a few fixed choices). */
  choice: <K extends string>(
    o: ParamText & { options: Record<K, OptionInfo>; default: NoInfer<K> },
  ) =>
    declare(z.enum(Object.keys(o.options) as [K, ...K[]]).default(o.default), 'enum', o, {
      options: o.options,
    }),
  /** One or more of the keys of `options`, each at most once, in the order given (checkboxes). */
  choices: <K extends string>(
    o: ParamText & { options: Record<K, OptionInfo>; default: NoInfer<K>[] },
  ) => {
    const keys = Object.keys(o.options) as [K, ...K[]]
    const list = z
      .array(z.enum(keys, { error: `must be one of ${keys.join(', ')}` }), { error: 'must be an array of choices' })
      .min(1, { error: 'must pick at least one' })
      .refine((a) => new Set(a).size === a.length, { error: 'must not pick one twice' })
    return declare(list.default(() => [...o.default]), 'choices', o, { options: o.options })
  },
  sizeOrAuto: (o: ParamText & Bounds) => {
    const size = int(o)
    const error = `must be ${describeNumber(numberInfo(size)!)} or "auto"`
    return declare(z.union([z.literal('auto'), size], { error }).default('auto'), 'sizeOrAuto', o, {}, size)
  },
  init: (
    o: ParamText & { options: Record<string, OptionInfo>; default: z.input<typeof initSpec> },
  ) => declare(initSpec.prefault(o.default), 'init', o, { options: o.options }),
  schedule: (o: ParamText & { options: Record<string, OptionInfo> }) =>
    declare(scheduleSpec.prefault({ id: 'constant' }), 'schedule', o, { options: o.options }),
  /** Hand-set values `[rows][cols]` (absent: the initialiser's). */
  matrix: (o: ParamText) => declare(numberMatrix.optional(), 'matrix', o, { optional: true }),
  vector: (o: ParamText) => declare(numberList.optional(), 'vector', o, { optional: true }),
}

/** The inspector's list of a node's parameters, in declaration order. */
export function paramInfos(params: z.ZodObject): ParamInfo[] {
  return Object.entries(params.shape).map(([key, field]) => {
    const info = declared.get(field as z.ZodType)
    if (!info) throw new Error(`Parameter ${key} was not declared with param.*`)
    return { key, ...info }
  })
}

/** Every parameter's default (optional ones left out). */
export function paramDefaults<S extends z.ZodObject>(params: S): z.output<S> {
  return params.parse({})
}
