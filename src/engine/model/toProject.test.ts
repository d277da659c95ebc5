import { describe, expect, it } from 'vitest'
import { compileGraph, inlineDataset, parseProject, serializeProject, type InlineData, type Project } from '../project'
import { createSession } from '../train'
import { exportModel, serializeModel } from './export'
import { createPredictor, parseModel } from './import'
import { modelToProject } from './toProject'
import { drawProject } from '../../../test/projectBuilder'

const XOR: InlineData = { kind: 'inline', inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]], featureNames: ['x1', 'x2'] }
const probe = [0, 0, 0, 1, 1, 0, 1, 1, 0.3, -2.5, 7, 0.123456789]

/** A drawn project: input → dense(3) → tanh → dropout → dense(1, no bias) → sigmoid → bce → adam. */
function drawnProject(precision: 'float64' | 'float32'): Project {
  return drawProject(
    [
      ['input', 'in', { size: 2 }],
      ['dense', 'hidden', { units: 3 }],
      ['activation', 'tanh', { activation: 'tanh' }],
      ['dropout', 'drop', { rate: 0.2 }],
      ['dense', 'out', { units: 1, useBias: false }],
      ['activation', 'sig'],
      ['loss', 'loss', { loss: 'bce' }],
      ['optimizer', 'opt', { optimizer: 'adam', learningRate: 0.05, batchMode: 'full', epochs: 25, shuffle: false }],
    ],
    { title: 'XOR, drawn', seed: 11, precision, data: XOR },
  )
}

function trainedModel(precision: 'float64' | 'float32') {
  const project = drawnProject(precision)
  const { spec, diagnostics } = compileGraph(project)
  if (!spec) throw new Error(JSON.stringify(diagnostics))
  const session = createSession(spec, inlineDataset(XOR))
  session.trainToEnd()
  return { project, session, model: exportModel(session, { title: project.meta.title, data: project.data }) }
}

describe('modelToProject', () => {
  it.each(['float64', 'float32'] as const)('model → project → compile → predictions equal the model’s predictor bit for bit (%s)', (precision) => {
    const { model } = trainedModel(precision)
    // Through the file text, as the app does.
    const parsed = parseModel(serializeModel(model))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const project = modelToProject(parsed.model)
    const reopened = parseProject(serializeProject(project))
    if (!reopened.ok) throw new Error(JSON.stringify(reopened.errors))
    const { spec, diagnostics } = compileGraph(reopened.project)
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const session = createSession(spec!, inlineDataset(XOR))
    expect(session.predict(probe, 6)).toEqual(createPredictor(parsed.model).predict(probe, 6))
  })

  it('draws the chain with hand-set weights, activations, dropout and the training settings', () => {
    const { model, session } = trainedModel('float64')
    const project = modelToProject(model)
    expect(project.nodes.map((n) => `${n.id}:${n.kind}`)).toEqual(['input:input', 'hidden:dense', 'hidden-act:activation', 'drop:dropout', 'out:dense', 'out-act:activation', 'loss:loss', 'optimizer:optimizer'])
    expect(project.edges.map((e) => `${e.source}→${e.target}`)).toEqual(['input→hidden', 'hidden→hidden-act', 'hidden-act→drop', 'drop→out', 'out→out-act', 'out-act→loss', 'loss→optimizer'])
    const [hidden] = session.getParams()
    const h = project.nodes[1]
    const o = project.nodes[4]
    if (h.kind !== 'dense' || o.kind !== 'dense') throw new Error('dense expected')
    expect(Float64Array.from(h.params.weights!.flat())).toEqual(hidden.weights)
    expect(Float64Array.from(h.params.biases!)).toEqual(hidden.biases)
    expect(o.params.useBias).toBe(false)
    expect(o.params.biases).toBeUndefined()
    expect(project.nodes[2].kind === 'activation' && project.nodes[2].params.activation).toBe('tanh')
    const opt = project.nodes[7]
    expect(opt.kind === 'optimizer' && [opt.params.optimizer, opt.params.learningRate, opt.params.batchMode, opt.params.epochs]).toEqual(['adam', 0.05, 'full', 25])
    expect(project.seed).toBe(11)
    expect(project.data).toEqual(XOR)
    expect(project.meta.title).toBe('XOR, drawn')
  })

  it('without a recorded data reference, attaches one row of zeros so the project still compiles', () => {
    const { model } = trainedModel('float64')
    delete model.data
    const project = modelToProject(model)
    expect(project.data).toEqual({ kind: 'inline', inputs: [[0, 0]], targets: [[0]], featureNames: ['x1', 'x2'] })
    expect(compileGraph(project).spec).not.toBeNull()
    // Given data wins.
    expect(modelToProject(model, { data: { kind: 'builtin', id: 'xor' } }).data).toEqual({ kind: 'builtin', id: 'xor' })
  })

  it('rejects a malformed data reference with its path', () => {
    const { model } = trainedModel('float64')
    const json = JSON.parse(serializeModel(model))
    json.data = { kind: 'table' }
    const result = parseModel(JSON.stringify(json))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]).toEqual({ path: '$.data.kind', message: 'must be "inline", "builtin" or "file"' })
  })
})
