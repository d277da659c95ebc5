/**
 * Writes the published JSON Schemas of the project, model and lesson files from their zod
 * schemas, and the NumPy loader's input-feature table from the engine's: `npm run schemas`.
 * test/schemas.test.ts fails when a committed file differs from this output.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { publishedSchemas, schemaText } from '../src/engine/schema/published'
import { withNumpyFeatureTable } from '../src/engine/export/pyFeatures'

const root = join(import.meta.dirname, '..')
for (const { path, schema } of publishedSchemas()) {
  writeFileSync(join(root, path), schemaText(schema))
  console.log(`wrote ${path}`)
}
const loader = join(root, 'docs/examples/load_model.py')
writeFileSync(loader, withNumpyFeatureTable(readFileSync(loader, 'utf8')))
console.log('wrote the input features of docs/examples/load_model.py')
