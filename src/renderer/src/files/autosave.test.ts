import { describe, expect, it } from 'vitest'
import { exampleProject } from '../graph/examples'
import { AUTOSAVE_KEY, readAutosave, writeAutosave, type KeyValueStorage } from './autosave'

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>()
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) }
}

describe('autosave', () => {
  it('recovers exactly what was written', () => {
    const storage = memoryStorage()
    const project = exampleProject('mazur-2-2-2')!
    writeAutosave(storage, project, { fileName: 'mazur.axon.json', exampleId: 'mazur-2-2-2', dirty: true })
    const back = readAutosave(storage)
    expect(back?.project).toEqual(project)
    expect(back?.record).toMatchObject({ fileName: 'mazur.axon.json', exampleId: 'mazur-2-2-2', dirty: true })
  })

  it('writes a project too large for the storage without its runs’ trained values', () => {
    const storage = memoryStorage()
    const small = storage.setItem
    storage.setItem = (k, v) => (v.length > 20_000 ? (() => { throw new DOMException('quota', 'QuotaExceededError') })() : small(k, v))
    const project = exampleProject('mazur-2-2-2')!
    const run = { id: 'r', name: 'Run 1', created: '', status: 'finished' as const, note: '', epochs: 1, iterations: 1, seconds: 0, final: { loss: 1 }, best: { loss: 1 }, curves: { epoch: [1], loss: [1] }, network: { seed: 1, precision: 'float64' as const, data: project.data, nodes: [], edges: [] } }
    const big = { ...project, runs: [{ ...run, weights: { h: { biases: new Array<number>(5000).fill(0.123456) } } }] }
    writeAutosave(storage, big, { fileName: null, exampleId: null, dirty: true })
    expect(readAutosave(storage)?.project.runs).toEqual([run])
    // Without trained values to drop, the storage's error stands.
    expect(() => writeAutosave(storage, { ...project, meta: { ...project.meta, description: 'x'.repeat(30_000) } }, { fileName: null, exampleId: null, dirty: true })).toThrow('quota')
  })

  it.each([
    ['nothing saved', null],
    ['not JSON', '{oops'],
    ['a record whose project does not parse', JSON.stringify({ text: '{"format":"other"}', fileName: null, exampleId: null, dirty: false })],
  ])('gives null for %s', (_what, raw) => {
    const storage = memoryStorage()
    if (raw !== null) storage.setItem(AUTOSAVE_KEY, raw)
    expect(readAutosave(storage)).toBeNull()
  })
})
