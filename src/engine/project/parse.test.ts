import { describe, expect, it } from 'vitest'
import { compileGraph } from './compile'
import { migrateProject, ProjectFormatError } from './migrate'
import { drawProject } from '../../../test/projectBuilder'
import { parseProject, serializeProject } from './parse'
import type { Project } from './types'

/** The prototype's format: React Flow-shaped nodes, links, activation inside dense, a training block. */
const v0 = {
  format: 'axon-studio/graph',
  version: 0,
  name: 'XOR (old file)',
  notes: 'Saved by the prototype.',
  seed: 42,
  dataset: { inline: { x: [[0, 0], [0, 1], [1, 0], [1, 1]], y: [[0], [1], [1], [0]] } },
  nodes: [
    { id: 'a', type: 'input', x: 0, y: 50, data: { size: 2 } },
    { id: 'b', type: 'dense', x: 220, y: 50, data: { units: 2, activation: 'sigmoid', bias: true } },
    { id: 'c', type: 'dense', x: 440, y: 50, data: { units: 1, activation: 'sigmoid' } },
  ],
  links: [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'c' },
  ],
  training: { loss: 'sse', optimizer: 'momentum', lr: 0.3, epochs: 500, batchSize: 1 },
}

/** input → dense, on one row. */
const minimal = (): Project => drawProject([['input', 'in'], ['dense', 'd']], { data: { kind: 'inline', inputs: [[1]], targets: [[1]] } })

describe('migrateProject', () => {
  it('upgrades a version-0 file to a version-1 project that compiles to the same network', () => {
    const result = parseProject(JSON.stringify(v0))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const p = result.project
    expect(p.version).toBe(1)
    expect(p.meta).toEqual({ title: 'XOR (old file)', description: 'Saved by the prototype.' })
    expect(p.seed).toBe(42)
    expect(p.nodes.map((n) => `${n.id}:${n.kind}`)).toEqual(['a:input', 'b:dense', 'b-act:activation', 'c:dense', 'c-act:activation', 'loss:loss', 'optimizer:optimizer'])
    const { spec, diagnostics, chain } = compileGraph(p)
    expect(diagnostics).toEqual([])
    expect(chain).toEqual(['a', 'b', 'b-act', 'c', 'c-act', 'loss', 'optimizer'])
    expect(spec!.model.layers.map((l) => (l.kind === 'dense' ? [l.units, l.activation.id] : []))).toEqual([
      [2, 'sigmoid'],
      [1, 'sigmoid'],
    ])
    expect(spec!.model.loss).toEqual({ id: 'halfSse', reduction: 'mean' })
    expect(spec!.optimizer).toEqual({ id: 'momentum', learningRate: 0.3, momentum: 0.9, form: 'lecture' })
    expect(spec!.training.maxEpochs).toBe(500)
    expect(spec!.training.batch).toEqual({ mode: 'online' })
    // The loss sits 220 px right of the last node (the output's new activation, at 440 + 110).
    expect(p.nodes.find((n) => n.id === 'loss')!.position).toEqual({ x: 770, y: 50 })
  })

  it('passes version-1 files through', () => {
    const p = minimal()
    expect(migrateProject(p)).toBe(p)
  })

  it.each([
    [{ format: 'axon-studio/project', version: 2 }, /newer Axon Studio \(project version 2\)/],
    [{ format: 'axon-studio/model', version: 1 }, /trained model file/],
    [{ format: 'something-else', version: 1 }, /not an Axon Studio project/],
    [{ version: 1 }, /not an Axon Studio project/],
    [[1, 2], /not a JSON object/],
    [{ format: 'axon-studio/project', version: '1' }, /not a valid version/],
  ])('refuses %j', (json, message) => {
    expect(() => migrateProject(json)).toThrow(ProjectFormatError)
    expect(() => migrateProject(json)).toThrow(message)
  })
})

describe('parseProject', () => {
  it('fills missing parameters with defaults and round-trips through serializeProject', () => {
    const p = minimal()
    const sparse = JSON.parse(JSON.stringify(p))
    delete sparse.nodes[1].params.useBias
    delete sparse.precision
    const result = parseProject(JSON.stringify(sparse))
    expect(result).toEqual({ ok: true, project: p })
    const again = parseProject(serializeProject(p))
    expect(again).toEqual({ ok: true, project: p })
    expect(serializeProject(p)).toContain('"inputs": [\n      [1]\n    ]')
  })

  /** Broken inputs and the error path each must give. */
  const broken: [string, (j: any) => void, string, RegExp][] = [
    ['units as a string', (j) => (j.nodes[1].params.units = '2'), '$.nodes[1].params.units', /number/],
    ['unknown kind', (j) => (j.nodes[1].kind = 'conv'), '$.nodes[1].kind', /one of/],
    ['position missing y', (j) => delete j.nodes[0].position.y, '$.nodes[0].position.y', /number/],
    ['edge without target', (j) => delete j.edges[0].target, '$.edges[0].target', /string/],
    ['bad precision', (j) => (j.precision = 'float16'), '$.precision', /float64/],
    ['negative seed', (j) => (j.seed = -1), '$.seed', /whole number/],
    ['ragged weights type', (j) => (j.nodes[1].params.weights = [[1], 'x']), '$.nodes[1].params.weights[1]', /array of numbers/],
    ['unknown init', (j) => (j.nodes[1].params.weightInit = { id: 'lecun' }), '$.nodes[1].params.weightInit.id', /glorotUniform/],
    ['data kind', (j) => (j.data = { kind: 'url' }), '$.data.kind', /inline/],
    ['file without path', (j) => (j.data = { kind: 'file', format: 'idx' }), '$.data.path', /string/],
    ['nodes not an array', (j) => (j.nodes = {}), '$.nodes', /array/],
    ['no title', (j) => delete j.meta.title, '$.meta.title', /string/],
  ]
  it.each(broken)('%s', (_, breakIt, path, message) => {
    const json = JSON.parse(JSON.stringify(minimal()))
    breakIt(json)
    const result = parseProject(JSON.stringify(json))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors[0].path).toBe(path)
    expect(result.errors[0].message).toMatch(message)
  })

  it('reports JSON syntax errors and unknown formats at the root', () => {
    const syntax = parseProject('{"format": ')
    expect(syntax.ok).toBe(false)
    if (!syntax.ok) expect(syntax.errors[0]).toMatchObject({ path: '$', message: expect.stringMatching(/not valid JSON/) })
    const future = parseProject('{"format": "axon-studio/project", "version": 9}')
    expect(future.ok).toBe(false)
    if (!future.ok) expect(future.errors[0].message).toMatch(/newer/)
  })

  it('leaves range checks to the compiler (a bad value still opens)', () => {
    const json = JSON.parse(JSON.stringify(minimal()))
    json.nodes[1].params.units = -3
    expect(parseProject(JSON.stringify(json)).ok).toBe(true)
  })
})
