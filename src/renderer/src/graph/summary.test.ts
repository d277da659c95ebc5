import { describe, expect, it } from 'vitest'
import { exampleProject } from './examples'
import { nodeSummary } from './summary'

describe('nodeSummary', () => {
  it('says "1 feature" and "1 unit" for one, as a teacher would (found: an input of one feature read "1 features")', () => {
    const project = exampleProject('xor-2-2-1-sigmoid')!
    const input = { ...project.nodes.find((n) => n.kind === 'input')! }
    const dense = { ...project.nodes.find((n) => n.kind === 'dense')! }
    expect(nodeSummary({ ...input, params: { ...input.params, size: 1 } } as typeof input)).toEqual(['1 feature'])
    expect(nodeSummary({ ...input, params: { ...input.params, size: 784 } } as typeof input)).toEqual(['784 features'])
    expect(nodeSummary({ ...dense, params: { ...dense.params, units: 1 } } as typeof dense)[0]).toBe('1 unit')
    expect(nodeSummary({ ...dense, params: { ...dense.params, units: 1000 } } as typeof dense)[0]).toBe('1,000 units')
  })
})
