/**
 * The JSON Schemas the docs publish are the zod schemas' output: a committed schema that differs
 * from what `npm run schemas` writes fails here (run it and commit the result).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { publishedSchemas, schemaText } from '../src/engine/schema/published'
import { withNumpyFeatureTable } from '../src/engine/export/pyFeatures'

const root = join(import.meta.dirname, '..')

describe('published JSON Schemas', () => {
  it.each(publishedSchemas().map((s) => [s.path, s.schema] as const))(
    '%s is the committed output of its zod schema (npm run schemas)',
    (path, schema) => {
      expect(readFileSync(join(root, path), 'utf8')).toBe(schemaText(schema))
    },
  )

  it('docs/examples/load_model.py has the engine’s input-feature table (npm run schemas)', () => {
    const loader = readFileSync(join(root, 'docs/examples/load_model.py'), 'utf8')
    expect(loader).toBe(withNumpyFeatureTable(loader))
  })
})
