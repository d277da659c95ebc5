/** The input-features node from the canvas: drawn, compiled, checked on the node, saved and trained. */
import { describe, expect, it } from 'vitest'
import { compileGraph } from './compile'
import { isValidConnection, NODE_KINDS } from './nodeKinds'
import { parseProject } from './parse'
import { projectDataset } from './projectDataset'
import type { InlineData, Project } from './types'
import { drawProject } from '../../../test/projectBuilder'
import { createSession } from '../train'

/** input → features → dense(1) → sigmoid → bce → sgd, on the XOR clouds (one 0/1 output). */
function drawn(features: string[] = ['x1', 'x2', 'x1x2']): Project {
  return drawProject(
    [
      ['input', 'in'],
      ['features', 'feat', { features }],
      ['dense', 'o', { units: 1 }],
      ['activation', 'sig'],
      ['loss', 'loss', { loss: 'bce' }],
      ['optimizer', 'opt', { optimizer: 'sgd', learningRate: 1, batchMode: 'full', stop: 'epochs', epochs: 200, shuffle: false }],
    ],
    { title: 'XOR clouds with x1·x2', seed: 3, data: { kind: 'builtin', id: 'xorClouds', options: { targetEncoding: 'binary', count: 100 } } },
  )
}

describe('the input features node', () => {
  it('is in the palette’s data group, between the input and the first layer, picking x₁ and x₂ by default', () => {
    expect(NODE_KINDS.features.group).toBe('data')
    expect(NODE_KINDS.features.defaults).toEqual({ features: ['x1', 'x2'] })
    expect(NODE_KINDS.features.params[0]).toMatchObject({ key: 'features', type: 'choices' })
    expect(Object.values(NODE_KINDS.features.params[0].options!).map((o) => o.label)).toEqual(['x₁', 'x₂', 'x₁²', 'x₂²', 'x₁x₂', 'sin x₁', 'sin x₂'])
    expect(isValidConnection('input', 'features')).toBe(true)
    expect(isValidConnection('features', 'dense')).toBe(true)
    expect(isValidConnection('dense', 'features')).toBe(false)
  })

  it('compiles to a features layer the first dense layer reads (its width follows the picked features), and trains', () => {
    const project = drawn()
    const { spec, diagnostics } = compileGraph(project)
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(spec!.model.inputSize).toBe(2)
    expect(spec!.model.layers[0]).toEqual({ kind: 'features', nodeId: 'feat', features: ['x1', 'x2', 'x1x2'] })
    const data = projectDataset(project)!
    const session = createSession(spec!, data)
    expect(session.getFlatParams().length).toBe(3 + 1)
    session.trainToEnd()
    expect(session.evaluate(data).accuracy).toBeGreaterThanOrEqual(0.95)
  })

  it('is saved in the project file and read back as it was', () => {
    const project = drawn(['x1Squared', 'x2Squared'])
    const parsed = parseProject(JSON.stringify(project))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(parsed.project.nodes[1]).toMatchObject({ kind: 'features', params: { features: ['x1Squared', 'x2Squared'] } })
  })

  it('opens a repeated feature and says so on the node; refuses an empty list or an unknown feature, saying where', () => {
    const withFeatures = (features: unknown) => {
      const file = JSON.parse(JSON.stringify(drawn()))
      file.nodes[1].params.features = features
      return parseProject(JSON.stringify(file))
    }
    const repeated = withFeatures(['x1', 'x1'])
    if (!repeated.ok) throw new Error(JSON.stringify(repeated.errors))
    expect(compileGraph(repeated.project).diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', nodeId: 'feat', message: expect.stringMatching(/once/) }))
    expect(withFeatures([])).toEqual({ ok: false, errors: [{ path: '$.nodes[1].params.features', message: 'must pick at least one' }] })
    const unknown = withFeatures(['x1', 'tanX1'])
    expect(unknown.ok).toBe(false)
    if (!unknown.ok) expect(unknown.errors).toContainEqual({ path: '$.nodes[1].params.features[1]', message: expect.stringMatching(/must be one of x1, x2, x1Squared/) })
  })

  it('points at itself when the data is not 2-D', () => {
    const project = drawn()
    const data: InlineData = { kind: 'inline', inputs: [[0, 0, 1], [1, 1, 0]], targets: [[0], [1]] }
    const { spec, diagnostics } = compileGraph({ ...project, data })
    expect(spec).toBeNull()
    expect(diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', nodeId: 'feat', message: expect.stringMatching(/two inputs x₁ and x₂, but this layer reads 3/) }))
  })
})
