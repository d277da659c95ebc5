import { describe, expect, it } from 'vitest'
import { exampleProject } from '../graph/examples'
import { createEmptyProject } from '../graph/newProject'
import type { Project } from '../../../engine/project'
import { memoryStorage } from '../../../../test/memoryStorage'
import { LEGACY_AUTOSAVE_KEY, readAutosave, readAutosaveRecord, writeAutosave, type AutosaveMeta } from './autosave'
import { adoptedKey, companionKey, copyCompanions, holdCompanions, keptWork, removeSlot, setAsideSlot, shrinkKeptWork, SLOT_COMPANIONS, startingSlot, TAB_SLOT_KEY, tabCompanion } from './autosaveSlots'

const mazur = exampleProject('mazur-2-2-2')!
const xor = exampleProject('xor-2-2-1-sigmoid')!
const meta = (savedAt: number, closed = false): AutosaveMeta => ({ fileName: null, exampleId: null, dirty: true, savedAt, closed })
let ids = 0
const randomId = () => `t${++ids}`
const titleIn = (storage: ReturnType<typeof memoryStorage>, key: string) => readAutosave(storage, key)?.project.meta.title

/** Two tabs, each started fresh and autosaving its own network. */
function twoTabs() {
  const storage = memoryStorage()
  const a = startingSlot(storage, null, randomId)
  const b = startingSlot(storage, null, randomId)
  writeAutosave(storage, a.key, mazur, meta(1))
  writeAutosave(storage, b.key, xor, meta(2))
  return { storage, a: a.key, b: b.key }
}

describe('autosave slots: one per tab', () => {
  it('gives two tabs two slots, and a reload of either recovers its own work, not the tab written last', () => {
    const { storage, a, b } = twoTabs()
    expect(a).not.toBe(b)
    expect(startingSlot(storage, a, randomId)).toMatchObject({ key: a })
    expect(titleIn(storage, startingSlot(storage, a, randomId).key)).toBe(mazur.meta.title)
    expect(titleIn(storage, startingSlot(storage, b, randomId).key)).toBe(xor.meta.title)
  })

  it('a new tab takes over the work of the tab closed last; the other closed tab’s work is kept, not overwritten', () => {
    const { storage, a, b } = twoTabs()
    writeAutosave(storage, a, mazur, meta(3, true))
    writeAutosave(storage, b, xor, meta(4, true))
    const c = startingSlot(storage, null, randomId)
    expect(c.key).toBe(b)
    expect(autosavedTitle(c.recovered?.text)).toBe(xor.meta.title)
    expect(keptWork(storage, c.key, null).map((w) => w.key)).toEqual([a])
  })

  it('“Open” cycles through every kept work, putting the canvas’s aside each time', () => {
    const storage = memoryStorage()
    const keys = ['axon:autosave:x', 'axon:autosave:y', 'axon:autosave:z']
    keys.forEach((k, i) => writeAutosave(storage, k, { ...mazur, meta: { ...mazur.meta, title: k } }, meta(i, true)))
    let own = startingSlot(storage, null, randomId).key
    const seen = [own]
    for (let step = 0; step < 5; step++) {
      const [next] = keptWork(storage, own, null)
      setAsideSlot(storage, own, 100 + step)
      own = adoptedKey(storage, next, randomId)
      writeAutosave(storage, own, readAutosave(storage, own)!.project, meta(200 + step))
      seen.push(own)
    }
    expect(seen).toEqual(['axon:autosave:z', 'axon:autosave:y', 'axon:autosave:x', 'axon:autosave:z', 'axon:autosave:y', 'axon:autosave:x'])
    expect(storage.map.size).toBe(3)
  })

  it('counts a slot whose tab is gone without closing (a crash) once the live tabs are known, never a live one', () => {
    const { storage, a, b } = twoTabs()
    const c = startingSlot(storage, null, randomId)
    expect(c.recovered).toBeNull()
    expect(keptWork(storage, c.key, null)).toEqual([])
    expect(keptWork(storage, c.key, new Set([a])).map((w) => w.key)).toEqual([b])
    expect(keptWork(storage, c.key, new Set([a, b]))).toEqual([])
  })

  it('reads the slot older versions shared as a closed tab’s work and moves it to a tab’s slot', () => {
    const storage = memoryStorage()
    storage.setItem(LEGACY_AUTOSAVE_KEY, JSON.stringify({ text: JSON.stringify(mazur), fileName: 'm.axon.json', exampleId: null, dirty: false }))
    const start = startingSlot(storage, null, randomId)
    expect(start.key).toMatch(/^axon:autosave:t\d+$/)
    expect(readAutosave(storage, start.key)?.project).toEqual(mazur)
    expect(storage.getItem(LEGACY_AUTOSAVE_KEY)).toBeNull()
  })

  it('putting aside an empty, saved canvas keeps nothing', () => {
    const storage = memoryStorage()
    writeAutosave(storage, 'axon:autosave:e', createEmptyProject(), { ...meta(1), dirty: false })
    setAsideSlot(storage, 'axon:autosave:e', 5)
    expect(storage.map.size).toBe(0)
  })

  it('makes room in a full storage by dropping kept work’s trained values, never the tab’s own', () => {
    const storage = memoryStorage()
    const run = { id: 'r', name: 'Run 1', color: 0, created: '', status: 'finished' as const, note: '', epochs: 1, iterations: 1, seconds: 0, final: { loss: 1 }, best: { loss: 1 }, curves: { epoch: [1], loss: [1] }, network: { seed: 1, precision: 'float64' as const, data: mazur.data, nodes: [], edges: [] } }
    const trained: Project = { ...mazur, runs: [{ ...run, weights: { h: { biases: [0.5, 0.25] } } }] }
    writeAutosave(storage, 'axon:autosave:gone', trained, meta(1, true))
    writeAutosave(storage, 'axon:autosave:own', trained, meta(2))
    expect(shrinkKeptWork(storage, 'axon:autosave:own')).toBe(true)
    expect(readAutosave(storage, 'axon:autosave:gone')?.project.runs).toEqual([run])
    expect(readAutosave(storage, 'axon:autosave:own')?.project.runs).toEqual(trained.runs)
    expect(readAutosaveRecord(storage, 'axon:autosave:gone')).toMatchObject({ closed: true, savedAt: 1 })
    expect(shrinkKeptWork(storage, 'axon:autosave:own')).toBe(false)
  })
})

function autosavedTitle(text: string | undefined): string | undefined {
  return text ? (JSON.parse(text) as Project).meta.title : undefined
}

describe('a tab’s lesson and draft, kept beside its slot', () => {
  const session = (slot: string) => ({ getItem: (k: string) => (k === TAB_SLOT_KEY ? slot : null) })

  it('each tab reads and writes its own; the entry all tabs shared before is taken over once, by the first tab that has none', () => {
    const storage = memoryStorage()
    storage.setItem(SLOT_COMPANIONS.draft, '{"old":true}')
    const a = tabCompanion('draft', storage, session('axon:autosave:a'))
    const b = tabCompanion('draft', storage, session('axon:autosave:b'))
    expect(a.read()).toBe('{"old":true}')
    expect(b.read()).toBeNull()
    b.write('{"b":1}')
    a.write('{"a":1}')
    expect([a.read(), b.read()]).toEqual(['{"a":1}', '{"b":1}'])
    expect(storage.getItem(SLOT_COMPANIONS.draft)).toBeNull()
    a.remove()
    expect([a.read(), b.read()]).toEqual([null, '{"b":1}'])
  })

  it('held while the tab moves to other work: the lesson closing with the old network removes nothing of the new slot', () => {
    const storage = memoryStorage()
    storage.setItem(companionKey('lesson', 'axon:autosave:b'), '{"id":"perceptron-rule"}')
    const lesson = tabCompanion('lesson', storage, session('axon:autosave:b'))
    const release = holdCompanions()
    lesson.remove()
    lesson.write('{"id":"other"}')
    release()
    expect(lesson.read()).toBe('{"id":"perceptron-rule"}')
    lesson.remove()
    expect(lesson.read()).toBeNull()
  })

  it('go with the slot: copied to a tab’s new slot, removed with the slot, and a slot holding them is not removed as empty', () => {
    const storage = memoryStorage()
    writeAutosave(storage, 'axon:autosave:a', createEmptyProject(), { ...meta(1), dirty: false })
    storage.setItem(companionKey('lesson', 'axon:autosave:a'), '{"id":"perceptron-rule"}')
    setAsideSlot(storage, 'axon:autosave:a', 5)
    expect(readAutosaveRecord(storage, 'axon:autosave:a')).toMatchObject({ setAsideAt: 5 })
    copyCompanions(storage, 'axon:autosave:a', 'axon:autosave:b')
    removeSlot(storage, 'axon:autosave:a')
    expect([...storage.map.keys()]).toEqual([companionKey('lesson', 'axon:autosave:b')])
  })
})
