/**
 * The JSON Schemas the docs publish, each emitted from its format's zod schema, and where each
 * is committed. `npm run schemas` writes them; `test/schemas.test.ts` fails when one is stale.
 */
import { projectJsonSchema } from '../project/schema'
import { lessonJsonSchema } from '../lessons/format'
import { modelJsonSchema } from '../model/schema'

export interface PublishedSchema {
  /** Where it is committed, relative to the repository. */
  path: string
  schema: Record<string, unknown>
}

export function publishedSchemas(): PublishedSchema[] {
  return [
    { path: 'src/engine/project/project.schema.json', schema: projectJsonSchema() },
    { path: 'src/engine/model/model.schema.json', schema: modelJsonSchema() },
    { path: 'src/engine/lessons/lesson.schema.json', schema: lessonJsonSchema() },
  ]
}

/** The text committed for a schema: 2-space JSON and a final newline. */
export const schemaText = (schema: Record<string, unknown>): string =>
  JSON.stringify(schema, null, 2) + '\n'
