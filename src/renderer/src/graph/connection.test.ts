import { describe, expect, it } from 'vitest'
import { createNode, type NodeKind, type Project } from '../../../engine/project'
import { createEmptyProject } from './newProject'
import { connectionProblem } from './connection'

/** input-1 → dense-1 → activation-1 → loss-1, plus a free dense-2, dropout-1 and optimizer-1. */
function project(): Project {
  const p = createEmptyProject()
  const kinds: [string, NodeKind][] = [
    ['input-1', 'input'],
    ['dense-1', 'dense'],
    ['activation-1', 'activation'],
    ['loss-1', 'loss'],
    ['dense-2', 'dense'],
    ['dropout-1', 'dropout'],
    ['optimizer-1', 'optimizer'],
    ['activation-2', 'activation'],
  ]
  p.nodes = kinds.map(([id, kind], i) => createNode(kind, id, { x: i * 100, y: 0 }))
  p.edges = [
    { id: 'e1', source: 'input-1', target: 'dense-1' },
    { id: 'e2', source: 'dense-1', target: 'activation-1' },
    { id: 'e3', source: 'activation-1', target: 'loss-1' },
  ]
  return p
}

describe('connectionProblem', () => {
  it.each([
    ['loss-1', 'optimizer-1', null],
    ['dense-2', 'activation-2', null],
    ['activation-2', 'dropout-1', null],
    ['dropout-1', 'dense-2', null],
    ['input-1', 'input-1', 'A node cannot feed itself.'],
    ['optimizer-1', 'dense-2', 'Optimizer cannot connect to Dense layer.'],
    ['loss-1', 'dense-2', /cannot connect/],
    ['dense-2', 'input-1', /cannot connect/],
    ['input-1', 'activation-2', /cannot connect/],
    ['input-1', 'dense-1', 'These nodes are already connected.'],
    ['input-1', 'dense-2', /already has an outgoing connection/],
    ['dense-2', 'dense-1', /already has an incoming connection/],
    ['nope', 'dense-1', 'Both ends must be nodes on the canvas.'],
  ])('%s → %s', (source, target, expected) => {
    const problem = connectionProblem(project(), source, target)
    if (expected instanceof RegExp) expect(problem).toMatch(expected)
    else expect(problem).toBe(expected)
  })

  it('refuses a connection that would close a loop', () => {
    const p = project()
    // dense-2 → activation-2 → dense-3 → ... back into dense-2 would be a loop.
    p.nodes.push(createNode('dense', 'dense-3', { x: 0, y: 200 }))
    p.edges.push({ id: 'a', source: 'dense-2', target: 'activation-2' }, { id: 'b', source: 'activation-2', target: 'dense-3' })
    expect(connectionProblem(p, 'dense-3', 'dense-2')).toBe('This connection would close a loop.')
  })
})
