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
