/**
 * docs/architecture.md's recipes stay honest: every file a recipe lists exists, and the files
 * that name the recipe's worked example (batchNorm for a layer kind, softplus for an activation,
 * the hidden-codes view for a live view) are exactly the ones listed, so a new place that must
 * change for every kind is caught here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ACTIVATION_PARAMS } from '../src/engine/nn/activations'

const root = join(import.meta.dirname, '..')
const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8')

/** The files in the bullet list after `<!-- recipe:name … -->`. */
function recipe(name: string): string[] {
  const start = doc.indexOf(`<!-- recipe:${name} `)
  if (start < 0) throw new Error(`docs/architecture.md has no recipe:${name}`)
  const lines = doc.slice(start).split('\n').slice(1)
  const list = lines.slice(0, lines.findIndex((l) => !l.startsWith('- ') && !l.startsWith('  ')))
  return list.flatMap((l) => [...l.matchAll(/`([\w./-]+\.\w+)`/g)].map((m) => m[1])).filter((f) => f.includes('/'))
}

/** Non-test files under src/ and docs/ whose text contains `word` (besides this recipe's own page). */
function filesNaming(word: string): string[] {
  const found: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (!/\.test\.tsx?$/.test(name) && /\.(ts|tsx|json|md|py)$/.test(name) && readFileSync(path, 'utf8').includes(word)) found.push(relative(root, path))
    }
  }
  walk(join(root, 'src'))
  walk(join(root, 'docs'))
  return found.filter((f) => f !== 'docs/architecture.md').sort()
}

describe('architecture recipes', () => {
  it.each(['activation', 'activation-outside', 'layer', 'view'])('recipe:%s lists files that exist', (name) => {
    const files = recipe(name)
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) expect(existsSync(join(root, f)), f).toBe(true)
  })

  it('adding a layer kind: the files that name batchNorm are the recipe’s list', () => {
    expect(filesNaming('batchNorm')).toEqual([...recipe('layer')].sort())
  })

  it('adding an activation: the files that name softplus are the recipe’s two lists', () => {
    // losses.ts uses the softplus function for binary cross-entropy from logits, not as an activation.
    const expected = [...recipe('activation'), ...recipe('activation-outside'), 'src/engine/nn/losses.ts'].filter((f) => !f.endsWith('.test.ts'))
    expect(filesNaming('softplus')).toEqual(expected.sort())
  })

  it('adding a live view: the files that name the hidden-codes view (engine and component) are the recipe’s list', () => {
    expect([...new Set([...filesNaming('hiddenCodesView'), ...filesNaming('HiddenCodes')])].sort()).toEqual([...recipe('view')].sort())
  })

  it.each(Object.entries(ACTIVATION_PARAMS))('the activation parameter %s is declared once (ACTIVATION_PARAMS), the published project schema aside', (_key, declared) => {
    expect(filesNaming(declared.description)).toEqual(['src/engine/nn/activations.ts', 'src/engine/project/project.schema.json'])
  })
})
