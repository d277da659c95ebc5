import { describe, expect, it } from 'vitest'
import { compileGraph, parseProjectOrThrow } from '../../../engine/project'
import { parameterCount } from '../../../engine/nn/network'
import { EXAMPLES } from './examples'
import { graphShapes } from './shapes'

describe('graphShapes', () => {
  it('gives the 8-3-8 encoder its sizes, edge labels and 59 parameters', () => {
    const p = EXAMPLES.find((e) => e.id === 'encoder-8-3-8')!.project
    const s = graphShapes(p)
    expect(s.byNode['input'].outSize).toBe(8)
    expect(s.byNode['hidden']).toMatchObject({ inSize: 8, outSize: 3, weightCount: 24, biasCount: 3, paramCount: 27 })
    // 8·3 + 3 + 3·8 + 8
    expect(s.totalParams).toBe(59)
    expect(Object.values(s.edgeLabel)).toEqual(expect.arrayContaining(['8 → 3', '3', '3 → 8', '8', 'E']))
  })

  it.each(EXAMPLES.map((e) => [e.id, e.project] as const))('%s: total agrees with the engine’s parameterCount', (_id, project) => {
    const spec = compileGraph(project).spec
    expect(spec).not.toBeNull()
    const s = graphShapes(project)
    expect(s.totalIncomplete).toBe(false)
    expect(s.totalParams).toBe(parameterCount(spec!.model))
  })

  it('Nielsen 784-30-10 labels its first edge 784 → 30', () => {
    const p = EXAMPLES.find((e) => e.id === 'nielsen-784-30-10')!.project
    const s = graphShapes(p)
    const first = p.edges.find((e) => e.source === p.nodes.find((n) => n.kind === 'input')!.id)!
    expect(s.edgeLabel[first.id]).toBe('784 → 30')
    expect(s.totalParams).toBe(784 * 30 + 30 + 30 * 10 + 10)
  })

  it('leaves unknown sizes null on an unfinished drawing and survives a loop', () => {
    const p = parseProjectOrThrow(
      JSON.stringify({
        format: 'axon-studio/project',
        version: 1,
        meta: { title: 't' },
        seed: 1,
        data: { kind: 'builtin', id: 'x' },
        nodes: [
          { id: 'i', kind: 'input', position: { x: 0, y: 0 }, params: { size: 'auto' } },
          { id: 'd', kind: 'dense', position: { x: 0, y: 0 }, params: { units: 4 } },
          { id: 'a', kind: 'activation', position: { x: 0, y: 0 } },
          { id: 'd2', kind: 'dense', position: { x: 0, y: 0 }, params: { units: 2 } },
        ],
        edges: [
          { id: 'e1', source: 'i', target: 'd' },
          { id: 'e2', source: 'd2', target: 'a' },
          { id: 'e3', source: 'a', target: 'd2' },
        ],
      }),
    )
    const s = graphShapes(p)
    expect(s.byNode['i'].outSize).toBeNull()
    expect(s.byNode['d']).toMatchObject({ outSize: 4, paramCount: null })
    expect(s.byNode['a'].outSize).toBe(2)
    expect(s.edgeLabel['e1']).toBe('? → 4')
    expect(s.totalIncomplete).toBe(true)
  })
})
