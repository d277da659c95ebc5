/** Batch normalisation from the canvas: drawn, compiled, trained, exported and reopened. */
import { describe, expect, it } from 'vitest'
import { compileGraph } from './compile'
import { NODE_KINDS } from './nodeKinds'
import { inlineDataset } from './projectDataset'
import type { Project } from './types'
import { drawProject, XOR_DATA } from '../../../test/projectBuilder'
import { createSession } from '../train'
import { createPredictor, exportModel, modelToProject, parseModel, serializeModel } from '../model'

const XOR = XOR_DATA

/** input → dense(4) → tanh → batch norm → dense(1) → sigmoid → bce → adam (full batch). */
function drawn(batchMode: 'full' | 'online' = 'full'): Project {
  return drawProject(
    [
      ['input', 'in', { size: 2 }],
      ['dense', 'h', { units: 4 }],
      ['activation', 'tanh', { activation: 'tanh' }],
      ['batchNorm', 'bn'],
      ['dense', 'o', { units: 1 }],
      ['activation', 'sig'],
      ['loss', 'loss', { loss: 'bce' }],
      ['optimizer', 'opt', { optimizer: 'adam', learningRate: 0.05, batchMode, epochs: 30, shuffle: false }],
    ],
    { title: 'XOR with batch norm', seed: 5 },
  )
}

describe('batch norm on the canvas', () => {
  it('is in the layer group of the registry with PyTorch’s defaults', () => {
    expect(NODE_KINDS.batchNorm.group).toBe('layers')
    expect(NODE_KINDS.batchNorm.defaults).toEqual({ momentum: 0.1, epsilon: 1e-5 })
  })

  it('compiles to a batchNorm layer, trains, and comes back from its model file predicting bit for bit', () => {
    const { spec, diagnostics } = compileGraph(drawn())
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(spec!.model.layers[1]).toEqual({ kind: 'batchNorm', nodeId: 'bn', momentum: 0.1, epsilon: 1e-5 })
    const session = createSession(spec!, inlineDataset(XOR))
    session.trainToEnd()
    const parsed = parseModel(serializeModel(exportModel(session, { title: 't', data: XOR })))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const reopened = modelToProject(parsed.model)
    const bn = reopened.nodes.find((n) => n.id === 'bn')!
    expect(bn.kind).toBe('batchNorm')
    const again = compileGraph(reopened)
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const probe = [0, 0, 1, 1, 0.25, 0.5]
    const predicted = createSession(again.spec!, inlineDataset(XOR)).predict(probe, 3)
    expect(predicted).toEqual(createPredictor(parsed.model).predict(probe, 3))
    expect(predicted).toEqual(session.predict(probe, 3))
  })

  it('says on the node when the batch is one example', () => {
    const { spec, diagnostics } = compileGraph(drawn('online'))
    expect(spec).toBeNull()
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'layer-check', nodeId: 'bn', message: expect.stringMatching(/batches of 2 or more/) }))
  })
})
