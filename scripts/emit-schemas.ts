/**
 * Writes the published JSON Schemas of the project, model and lesson files from their zod
 * schemas: `npm run schemas`. test/schemas.test.ts fails when a committed schema differs from
 * this output.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { publishedSchemas, schemaText } from '../src/engine/schema/published'

const root = join(import.meta.dirname, '..')
for (const { path, schema } of publishedSchemas()) {
  writeFileSync(join(root, path), schemaText(schema))
  console.log(`wrote ${path}`)
}
