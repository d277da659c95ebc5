/** compileGraph on graphs: residual blocks and two branches compile, train, and their mistakes point at the node. */
import { describe, expect, it } from 'vitest'
import { compileGraph } from './compile'
import type { DiagnosticCode } from './diagnostics'
import { createNode } from './nodeKinds'
import { drawProject } from '../../../test/projectBuilder'
import { parseProject } from './parse'
import type { Project } from './types'
import { createSession } from '../train/session'
import { projectDataset } from './projectDataset'

/**
 * XOR through a residual block: in → h1 → relu → h2 → sum ← in, then tanh → o → sig → loss → opt.
 * Edges are listed in drawing order, so `sum` reads the input first, then h2.
 */
function residualProject(): Project {
  return drawProject(
    [
      ['input', 'in'],
      ['dense', 'h1', { units: 4 }],
      ['activation', 'relu', { activation: 'relu' }],
      ['dense', 'h2', { units: 2 }],
      ['add', 'sum'],
      ['activation', 'tanh', { activation: 'tanh' }],
      ['dense', 'o', { units: 1 }],
      ['activation', 'sig'],
      ['loss', 'loss'],
      ['optimizer', 'opt', { optimizer: 'adam', learningRate: 0.05, batchMode: 'full', epochs: 400, stop: 'epochs' }],
    ],
    { title: 'residual xor', seed: 3, extraEdges: [{ id: 'skip', source: 'in', target: 'sum' }] },
  )
}

const params = (p: Project, id: string) => p.nodes.find((n) => n.id === id)!.params as unknown as Record<string, unknown>
const codes = (p: Project) => compileGraph(p).diagnostics.map((d) => [d.code, d.nodeId])

describe('compileGraph on graphs of layers', () => {
  it('compiles a residual block: the sum names its sources, activations fold into the layers before them', () => {
    const { spec, diagnostics, chain } = compileGraph(residualProject())
    expect(diagnostics).toEqual([])
    expect(chain).toEqual(['in', 'h1', 'relu', 'h2', 'sum', 'tanh', 'o', 'sig', 'loss', 'opt'])
    const layers = spec!.model.layers
    expect(layers.map((l) => [l.kind, l.nodeId, l.inputs])).toEqual([
      ['dense', 'h1', undefined],
      ['dense', 'h2', undefined],
      ['add', 'sum', ['$input', 'h2']],
      ['dense', 'o', undefined],
    ])
    expect(layers[2]).toEqual({ kind: 'add', nodeId: 'sum', inputs: ['$input', 'h2'], activation: { id: 'tanh' } })
  })

  it('a residual network drawn on the canvas trains: XOR’s loss falls', () => {
    const p = residualProject()
    const session = createSession(compileGraph(p).spec!, projectDataset(p)!)
    session.trainToEnd()
    expect(session.history.at(-1)!.loss).toBeLessThan(0.3 * session.history[0].loss)
  })

  it('two branches into Concatenate: widths add up, sources read through activations, in drawing order', () => {
    const p = residualProject()
    p.nodes.find((n) => n.id === 'sum')!.kind = 'concat'
    params(p, 'o').weights = [[1, 2, 3, 4]]
    const { spec, diagnostics } = compileGraph(p)
    expect(diagnostics).toEqual([])
    expect(spec!.model.layers[2]).toEqual({ kind: 'concat', nodeId: 'sum', inputs: ['$input', 'h2'], activation: { id: 'tanh' } })
    params(p, 'o').weights = [[1, 2]]
    expect(codes(p)).toEqual([['weights-shape', 'o']])
  })

  it('a branch read from an activation: both readers get the activated layer', () => {
    const p = residualProject()
    p.edges = p.edges.filter((e) => e.id !== 'skip')
    p.edges.push({ id: 'skip2', source: 'relu', target: 'sum' })
    params(p, 'h1').units = 2
    expect(compileGraph(p).spec!.model.layers[2]).toMatchObject({ inputs: ['h2', 'h1'] })
  })

  it('the project file with merge nodes opens and round-trips', () => {
    const p = residualProject()
    const parsed = parseProject(JSON.stringify(p))
    expect(parsed.ok && parsed.project.nodes.find((n) => n.id === 'sum')).toMatchObject({ kind: 'add', params: {} })
  })

  const cases: [string, (p: Project) => void, DiagnosticCode, string, RegExp][] = [
    ['Add over branches of different widths', (p) => (params(p, 'h2').units = 3), 'merge-width-mismatch', 'sum', /widths differ \(the input 2, “h2” 3\)/],
    ['a loop through the merge', (p) => p.edges.push({ id: 'back', source: 'tanh', target: 'h1' }), 'cycle', 'sum', /closes a loop back to Add/],
    ['a second input into a dense layer', (p) => p.edges.push({ id: 'two', source: 'in', target: 'h2' }), 'merge', 'h2', /only Add and Concatenate nodes join several/],
    ['a merge with one input', (p) => (p.edges = p.edges.filter((e) => e.id !== 'skip')), 'merge-inputs', 'sum', /only one is connected/],
    ['a branch that leads nowhere', (p) => { p.nodes.push(createNode('dense', 'stray', { x: 0, y: 300 })); p.edges.push({ id: 's', source: 'relu', target: 'stray' }) }, 'dead-branch', 'stray', /does not lead to the loss/],
    ['a dense layer feeding its activation and another layer', (p) => p.edges.push({ id: 'pre', source: 'h1', target: 'sum' }), 'branch', 'h1', /feeds an activation and 1 other node/],
    ['a merge read by the loss', (p) => { p.edges = p.edges.filter((e) => e.source !== 'tanh' && e.target !== 'loss'); p.edges.push({ id: 'l', source: 'tanh', target: 'loss' }) }, 'output-not-dense', 'sum', /output must be a dense layer/],
  ]
  it.each(cases)('%s', (_name, breakIt, code, nodeId, message) => {
    const p = residualProject()
    breakIt(p)
    const { spec, diagnostics } = compileGraph(p)
    const d = diagnostics.find((x) => x.code === code)
    expect(d, JSON.stringify(diagnostics, null, 1)).toBeDefined()
    expect(d!.nodeId).toBe(nodeId)
    expect(d!.message).toMatch(message)
    expect(spec).toBeNull()
  })
})
