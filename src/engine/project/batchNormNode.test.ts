/** Batch normalisation from the canvas: drawn, compiled, trained, exported and reopened. */
import { describe, expect, it } from 'vitest'
import { compileGraph } from './compile'
import { createNode, NODE_KINDS } from './nodeKinds'
import { inlineDataset } from './projectDataset'
import type { InlineData, Project } from './types'
import { createSession } from '../train'
import { createPredictor, exportModel, modelToProject, parseModel, serializeModel } from '../model'

const XOR: InlineData = { kind: 'inline', inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]] }

/** input → dense(4) → tanh → batch norm → dense(1) → sigmoid → bce → adam (full batch). */
function drawn(batchMode: 'full' | 'online' = 'full'): Project {
  const nodes = [
    createNode('input', 'in', { x: 0, y: 0 }),
    createNode('dense', 'h', { x: 1, y: 0 }),
    createNode('activation', 'tanh', { x: 2, y: 0 }),
    createNode('batchNorm', 'bn', { x: 3, y: 0 }),
    createNode('dense', 'o', { x: 4, y: 0 }),
    createNode('activation', 'sig', { x: 5, y: 0 }),
    createNode('loss', 'loss', { x: 6, y: 0 }),
    createNode('optimizer', 'opt', { x: 7, y: 0 }),
  ]
  const [input, h, tanh, , o, , loss, opt] = nodes
  if (input.kind === 'input') input.params.size = 2
  if (h.kind === 'dense') h.params.units = 4
  if (tanh.kind === 'activation') tanh.params.activation = 'tanh'
  if (o.kind === 'dense') o.params.units = 1
  if (loss.kind === 'loss') loss.params.loss = 'bce'
  if (opt.kind === 'optimizer') Object.assign(opt.params, { optimizer: 'adam', learningRate: 0.05, batchMode, epochs: 30, shuffle: false })
  return {
    format: 'axon-studio/project',
    version: 1,
    meta: { title: 'XOR with batch norm', description: '' },
    seed: 5,
    precision: 'float64',
    data: XOR,
    nodes,
    edges: nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i].id, target: n.id })),
  }
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
