/**
 * JSON Schemas emitted from the zod schemas (draft-07, the shape of a file as written: fields
 * with defaults may be left out). The docs publish them; `npm run schemas` writes them beside
 * their formats and `test/schemas.test.ts` fails when a committed one differs from this output.
 */
import { z } from './z'

type JsonSchema = Record<string, unknown>

/** What zod cannot describe of a schema checked by its own function (e.g. `z.custom`), as JSON Schema. */
const ownJsonSchemas = z.registry<JsonSchema>()

/** `schema`, published as `json` (for parts zod cannot describe itself). */
export function publishedAs<S extends z.ZodType>(schema: S, json: JsonSchema): S {
  ownJsonSchemas.add(schema, json)
  return schema
}

/** A zod schema as draft-07 JSON Schema, headed by its `$id`, title and description. */
export function toJsonSchema(
  schema: z.ZodType,
  head: { $id: string; title: string; description: string },
  /** Parts zod cannot describe (checked by their own code), with the JSON Schema they publish. */
  given: [z.ZodType, JsonSchema][] = [],
): JsonSchema {
  const givenFor = new Map(given)
  const body = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const own =
        givenFor.get(zodSchema as unknown as z.ZodType) ?? ownJsonSchemas.get(zodSchema as unknown as z.ZodType)
      // A reference to a part published elsewhere in the file stands alone (draft-07 ignores $ref's siblings).
      if (own && '$ref' in own) for (const key of Object.keys(jsonSchema)) delete jsonSchema[key]
      if (own) Object.assign(jsonSchema, own)
      // z.int() states JavaScript's safe-integer range; a file's readers need not hear of it.
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum
    },
  }) as JsonSchema
  const { $schema, ...rest } = body
  return { $schema, ...head, ...rest }
}
