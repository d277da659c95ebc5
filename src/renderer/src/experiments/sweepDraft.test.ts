import { describe, expect, it } from 'vitest'
import type { Project } from '../../../engine/project'
import { axisOnNode, defaultAxis, readSweepDraft, savedDraft } from './sweepDraft'

const project = { nodes: [{ id: 'dense1', kind: 'dense' }, { id: 'optimizer', kind: 'optimizer' }] } as unknown as Project

describe('the sweep being composed', () => {
  it('offers the learning rate first, and reads two axes into their grid of runs', () => {
    const first = defaultAxis(project)
    expect(first).toEqual({ nodeId: 'optimizer', param: 'learningRate', text: '0.0001, 0.0005, 0.001, 0.005, 0.01' })
    const reading = readSweepDraft(project, [first, { nodeId: 'dense1', param: 'units', text: '16, 64' }])
    expect(reading).toEqual({
      axes: [
        { nodeId: 'optimizer', param: 'learningRate', values: [0.0001, 0.0005, 0.001, 0.005, 0.01] },
        { nodeId: 'dense1', param: 'units', values: [16, 64] },
      ],
      runs: 10,
      problem: null,
    })
    expect(defaultAxis({ nodes: [] } as unknown as Project)).toEqual({ nodeId: '(project)', param: 'seed', text: '1, 2, 3' })
  })

  it('says the first problem and the row it is in, with no count of runs, while an axis cannot be read', () => {
    expect(readSweepDraft(project, [{ nodeId: 'dense1', param: 'units', text: '16, x' }])).toEqual({ axes: null, problem: '“x” is not a valid Units (a whole number).', axis: 0 })
    expect(readSweepDraft(project, [{ nodeId: 'dense1', param: 'nope', text: '1' }])).toEqual({ axes: null, problem: 'Choose a setting of “dense1”.', axis: 0 })
    expect(readSweepDraft(project, [defaultAxis(project), { nodeId: '(project)', param: 'seed', text: '1, 1' }])).toEqual({ axes: null, problem: 'A value of Seed is given twice.', axis: 1 })
    const twice = { nodeId: 'dense1', param: 'units', text: '16' }
    expect(readSweepDraft(project, [twice, twice])).toEqual({ axes: null, problem: expect.stringMatching(/two different settings/), axis: 1 })
  })

  it('comes back as saved with the project, typed values that do not parse included; axes whose setting is gone give way to the default', () => {
    const typed = [{ nodeId: 'dense1', param: 'units', text: '8, 1x' }, { nodeId: '(project)', param: 'seed', text: '4 5' }]
    expect(savedDraft({ ...project, experiments: { sweeps: [], draft: typed } } as Project)).toEqual(typed)
    expect(savedDraft({ ...project, experiments: { sweeps: [], draft: [{ nodeId: 'gone', param: 'units', text: '1' }, typed[1]] } } as Project)).toEqual([typed[1]])
    expect(savedDraft({ ...project, experiments: { sweeps: [], draft: [{ nodeId: 'dense1', param: 'nope', text: '1' }] } } as Project)).toEqual([defaultAxis(project)])
    expect(savedDraft(project)).toEqual([defaultAxis(project)])
  })

  it('moves an axis to another node’s first setting', () => {
    expect(axisOnNode(project, '(project)')).toEqual({ nodeId: '(project)', param: 'seed', text: '1, 2, 3' })
    expect(axisOnNode(project, 'dense1').nodeId).toBe('dense1')
  })
})
