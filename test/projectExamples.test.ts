/**
 * The lecture examples in resources/examples: each parses, validates against the published JSON
 * Schema (emitted from the zod schema, test/schemas.test.ts),
 * compiles with zero diagnostics, and has a readable left→right layout.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { compileGraph, parseProject, serializeProject } from '../src/engine/project'

const dir = join(import.meta.dirname, '../resources/examples')
const schemaPath = join(import.meta.dirname, '../src/engine/project/project.schema.json')
const files = readdirSync(dir).filter((f) => f.endsWith('.axon.json')).sort()

const EXPECTED = [
  'encoder-8-3-8',
  'fashion-784-100-10',
  'mazur-2-2-2',
  'nielsen-784-30-10',
  'perceptron-and',
  'perceptron-or',
  'perceptron-xor',
  'residual-circles',
  'sjtu-exercise',
  'xor-2-2-1-sigmoid',
  'xor-relu-handset',
]

describe('examples', () => {
  const ajv = new Ajv({ allErrors: true, strict: false })
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')))

  it('are all there', () => {
    expect(files.map((f) => f.replace('.axon.json', ''))).toEqual(EXPECTED)
  })

  it.each(files)('%s parses, validates, compiles cleanly and is laid out left to right', (file) => {
    const text = readFileSync(join(dir, file), 'utf8')
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true)
    const result = parseProject(text)
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    const project = result.project
    expect(serializeProject(project)).toBe(text)
    expect(project.meta.description.length).toBeGreaterThan(150)
    const { spec, diagnostics, chain } = compileGraph(project)
    expect(diagnostics).toEqual([])
    expect(spec).not.toBeNull()
    // Every node is on the chain, each one 220 px right of the one before.
    expect(chain.length).toBe(project.nodes.length)
    const xs = chain.map((id) => project.nodes.find((n) => n.id === id)!.position.x)
    xs.slice(1).forEach((x, i) => expect(x - xs[i]).toBe(220))
  })
})
