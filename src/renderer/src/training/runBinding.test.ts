import { describe, expect, it } from 'vitest'
import { compileGraph, type Project } from '../../../engine/project'
import { exampleProject } from '../graph/examples'
import { updateParams } from '../graph/edit'
import { changedEpochLimit, changedOptimizerSettings, runKey } from './runBinding'

function compiled(project: Project) {
  const spec = compileGraph(project).spec
  if (!spec) throw new Error('example does not compile')
  return spec
}

const xor = exampleProject('xor-2-2-1-sigmoid')!
const optimizerId = xor.nodes.find((n) => n.kind === 'optimizer')!.id
const hiddenId = xor.nodes.find((n) => n.kind === 'dense')!.id

describe('runKey: is the run still a run of the network on the canvas?', () => {
  it('ignores η and the other live optimizer settings', () => {
    const faster = updateParams(xor, optimizerId, { learningRate: 3, momentum: 0.5 })
    expect(runKey(compiled(faster), faster.data)).toBe(runKey(compiled(xor), xor.data))
  })

  it('ignores the epoch limit (the engine takes it, or refuses one the run has gone past)', () => {
    const longer = updateParams(xor, optimizerId, { epochs: 10_000 })
    expect(runKey(compiled(longer), longer.data)).toBe(runKey(compiled(xor), xor.data))
  })

  it.each([
    ['units', hiddenId, { units: 3 }],
    ['what ends the run', optimizerId, { stop: 'stopped' }],
    ['a target loss', optimizerId, { targetLoss: 0.01 }],
    ['batch mode', optimizerId, { batchMode: 'online' }],
    ['update rule', optimizerId, { optimizer: 'adam' }],
  ])('changes with %s', (_, node, patch) => {
    const edited = updateParams(xor, node, patch)
    expect(runKey(compiled(edited), edited.data)).not.toBe(runKey(compiled(xor), xor.data))
  })

  it('changes with the data and the seed', () => {
    const data: Project['data'] = { ...xor.data, kind: 'inline', inputs: [[0, 0]], targets: [[0]] }
    expect(runKey(compiled(xor), data)).not.toBe(runKey(compiled(xor), xor.data))
    const reseeded = { ...xor, seed: xor.seed + 1 }
    expect(runKey(compiled(reseeded), xor.data)).not.toBe(runKey(compiled(xor), xor.data))
  })
})

describe('changedEpochLimit', () => {
  it('is the new limit, or null when it is the same', () => {
    const longer = updateParams(xor, optimizerId, { epochs: 10_000 })
    expect(changedEpochLimit(compiled(xor), compiled(longer))).toBe(10_000)
    expect(changedEpochLimit(compiled(xor), compiled(updateParams(xor, optimizerId, { learningRate: 3 })))).toBeNull()
  })
})

describe('changedOptimizerSettings', () => {
  it('names exactly the settings that changed', () => {
    expect(changedOptimizerSettings({ id: 'momentum', learningRate: 0.5, momentum: 0.9 }, { id: 'momentum', learningRate: 3, momentum: 0.9 })).toEqual({ learningRate: 3 })
    expect(changedOptimizerSettings({ id: 'sgd', learningRate: 0.5 }, { id: 'sgd', learningRate: 0.5 })).toBeNull()
  })
})
