import { describe, expect, it } from 'vitest'
import { createNode, type NodeKind, type Project } from '../../../engine/project'
import { createEmptyProject } from './newProject'
import { connectionProblem } from './connection'

/** input-1 → dense-1 → activation-1 → loss-1, plus a free dense-2, dropout-1, optimizer-1, activation-2 and input-2. */
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
    ['input-2', 'input'],
  ]
  p.nodes = kinds.map(([id, kind], i) => createNode(kind, id, { x: i * 100, y: 0 }))
  p.nodes[1] = { ...p.nodes[1], label: 'hidden' }
  p.edges = [
    { id: 'e1', source: 'input-1', target: 'dense-1' },
    { id: 'e2', source: 'dense-1', target: 'activation-1' },
    { id: 'e3', source: 'activation-1', target: 'loss-1' },
  ]
  return p
}

describe('connectionProblem: the reason shown at the handle', () => {
  it.each([
    // Allowed links.
    ['loss-1', 'optimizer-1', null],
    ['dense-2', 'activation-2', null],
    ['activation-2', 'dropout-1', null],
    ['dropout-1', 'dense-2', null],
    ['input-2', 'dense-2', null],
    // The three refusals a class meets first (issue 9).
    ['loss-1', 'dense-2', 'Loss cannot connect to Dense layer: wires run from a node’s output (right) into the next node’s input (left). Connect Dense layer → Loss instead.'],
    ['input-2', 'dense-1', 'Dense layer already takes its input from Input input-1: only Add and Concatenate join several inputs. Delete that wire first, or join the branches with an Add or Concatenate node.'],
    ['dense-2', 'optimizer-1', 'Dense layer cannot connect to Optimizer: only the Loss connects to the Optimizer (it updates the weights from the Loss).'],
    // The rest.
    ['input-1', 'input-1', 'A node cannot feed itself.'],
    ['optimizer-1', 'dense-2', 'Optimizer cannot connect to Dense layer: the Optimizer is the end of the diagram, nothing comes after it.'],
    ['dense-2', 'input-1', 'Dense layer cannot connect to Input: the Input is where the data enters, nothing connects into it.'],
    ['input-1', 'activation-2', 'Input cannot connect to Activation: after Input comes Input features, Dense layer, Dropout, Batch norm, Add or Concatenate.'],
    ['loss-1', 'activation-2', 'Loss cannot connect to Activation: wires run from a node’s output (right) into the next node’s input (left). Connect Activation → Loss instead.'],
    ['input-1', 'dense-1', 'These nodes are already connected.'],
    ['dense-1', 'dense-2', 'Dense layer already feeds Activation activation-1, which applies to the whole layer: start the branch from the activation instead.'],
    ['activation-1', 'loss-1', 'These nodes are already connected.'],
    ['dense-2', 'activation-1', 'Activation already takes its input from Dense layer “hidden”: only Add and Concatenate join several inputs. Delete that wire first, or join the branches with an Add or Concatenate node.'],
    // Branches: a layer's activation (or the input) may feed several nodes; not a layer beside its activation.
    ['activation-1', 'dense-2', null],
    ['input-1', 'dense-2', null],
    ['nope', 'dense-1', 'Both ends must be nodes on the canvas.'],
  ])('%s → %s', (source, target, expected) => {
    expect(connectionProblem(project(), source, target)).toBe(expected)
  })

  it('lets Add and Concatenate take several inputs, and refuses a second wire beside an activation', () => {
    for (const kind of ['add', 'concat'] as const) {
      const p = project()
      p.nodes.push(createNode(kind, 'join', { x: 0, y: 200 }))
      p.edges.push({ id: 'a', source: 'input-1', target: 'join' })
      expect(connectionProblem(p, 'activation-1', 'join')).toBeNull()
      expect(connectionProblem(p, 'dense-2', 'join')).toBeNull()
      expect(connectionProblem(p, 'input-1', 'join')).toBe('These nodes are already connected.')
    }
    const p = project()
    p.edges.push({ id: 'a', source: 'dense-2', target: 'dropout-1' })
    expect(connectionProblem(p, 'dense-2', 'activation-2')).toBe('Dense layer already feeds Dropout dropout-1: an activation applies to the whole layer, so put it before the branches.')
  })

  it('refuses a connection that would close a loop', () => {
    const p = project()
    // dense-2 → activation-2 → dense-3 → ... back into dense-2 would be a loop.
    p.nodes.push(createNode('dense', 'dense-3', { x: 0, y: 200 }))
    p.edges.push({ id: 'a', source: 'dense-2', target: 'activation-2' }, { id: 'b', source: 'activation-2', target: 'dense-3' })
    expect(connectionProblem(p, 'dense-3', 'dense-2')).toBe('This connection would close a loop.')
  })
})
