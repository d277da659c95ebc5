import { describe, expect, it } from 'vitest'
import { exampleProject } from '../graph/examples'
import type { Project } from '../../../engine/project'
import { weightCount, type RunRecord } from '../../../engine/experiments/runHistory'
import { memoryStorage } from '../../../../test/memoryStorage'
import { autosavedWeights, readAutosave, readAutosaveRecord, writeAutosave } from './autosave'
import { removeSlot, shrinkKeptWork } from './autosaveSlots'
import { AUTOSAVE_WEIGHTS_PREFIX, createAsideWeights, PART_CHARS, removeOrphanParts } from './autosaveWeights'

const KEY = 'axon:autosave:tab-1'
const meta = { fileName: null, exampleId: null, dirty: true }
const base = exampleProject('mazur-2-2-2')!

/** A run of a Fashion-MNIST 784-100-10 network: 79,510 trained values, none of them round. */
function fashionRun(i: number): RunRecord {
  const value = (j: number, k: number) => Math.sin(i * 1e5 + j * 784 + k) * 0.3
  return {
    id: `r${i}`, name: `Run ${i}`, color: i - 1, created: '', status: 'finished', note: '', epochs: 2, iterations: 400, seconds: 3, final: { loss: 0.5 }, best: { loss: 0.5 }, curves: { epoch: [1, 2], loss: [0.7, 0.5] },
    network: { seed: 1, precision: 'float32', data: base.data, nodes: [], edges: [] },
    weights: {
      hidden: { weights: Array.from({ length: 100 }, (_, j) => Array.from({ length: 784 }, (_, k) => value(j, k))), biases: Array.from({ length: 100 }, (_, j) => value(j, -1)) },
      out: { weights: Array.from({ length: 10 }, (_, j) => Array.from({ length: 100 }, (_, k) => value(j + 200, k))), biases: new Array<number>(10).fill(0) },
    },
  }
}

/** A tab's autosave as useAutosave drives it, its idle steps run by hand. */
function tab(storage: ReturnType<typeof memoryStorage>, key = KEY, idPrefix = 'id') {
  const steps: Array<() => void> = []
  let ids = 0
  const aside = createAsideWeights(storage, () => `${idPrefix}${++ids}`, (step) => void steps.push(step))
  const write = (project: Project, closed = false) => {
    aside.write(autosavedWeights(project), key, closed, () => write(project))
    aside.collect(key, writeAutosave(storage, key, project, { ...meta, closed }, (w) => aside.keysOf(w, key)))
  }
  const idle = () => {
    while (steps.length) steps.shift()!()
  }
  return { aside, write, idle, steps }
}

/** Every setItem's key and length, from now on. */
function spyWrites(storage: ReturnType<typeof memoryStorage>) {
  const writes: Array<[string, number]> = []
  const set = storage.setItem
  storage.setItem = (k, v) => (writes.push([k, v.length]), set(k, v))
  return writes
}

const parts = (storage: ReturnType<typeof memoryStorage>) => [...storage.map.keys()].filter((k) => k.startsWith(AUTOSAVE_WEIGHTS_PREFIX))

describe('runs’ trained values autosaved beside the slot', () => {
  it('round trip: the project read back is the one written, trained values bit for bit', () => {
    const storage = memoryStorage()
    const project = { ...base, runs: [fashionRun(1)] }
    const t = tab(storage)
    t.write(project)
    t.idle()
    expect(parts(storage).length).toBe(Math.ceil(JSON.stringify(project.runs[0].weights).length / PART_CHARS))
    expect(parts(storage).length).toBeGreaterThan(1)
    const back = readAutosave(storage, KEY)!.project
    expect(back).toEqual(project)
    expect(weightCount(back.runs![0].weights)).toBe(79_510)
  })

  it('no task stores more than one part; until the last part is in, the slot holds the project without those values', () => {
    const storage = memoryStorage()
    const writes = spyWrites(storage)
    const project = { ...base, runs: [fashionRun(1)] }
    const t = tab(storage)
    t.write(project)
    const { weights: _values, ...withoutValues } = fashionRun(1)
    expect(readAutosave(storage, KEY)!.project).toEqual({ ...base, runs: [withoutValues] })
    while (t.steps.length > 1) t.steps.shift()!()
    expect(readAutosave(storage, KEY)!.project.runs![0].weights).toBeUndefined()
    t.idle()
    expect(readAutosave(storage, KEY)!.project.runs![0].weights).toEqual(project.runs[0].weights)
    expect(Math.max(...writes.map(([, n]) => n))).toBeLessThanOrEqual(PART_CHARS)
  })

  it('the page going while parts are being written: the rest is written at once, under the same keys, never a second copy', () => {
    const storage = memoryStorage()
    const project = { ...base, runs: [fashionRun(1)] }
    const t = tab(storage)
    t.write(project)
    t.steps.shift()!() // the store begins: part 0
    t.steps.shift()!() // part 1
    const before = parts(storage)
    expect(before.length).toBe(2)
    const stored = () => parts(storage).reduce((n, k) => n + storage.getItem(k)!.length, 0)
    let most = 0
    const set = storage.setItem
    storage.setItem = (k, v) => (set(k, v), (most = Math.max(most, stored())))
    t.write(project, true)
    const total = JSON.stringify(project.runs[0].weights).length
    expect(parts(storage).slice(0, 2)).toEqual(before)
    expect(parts(storage).length).toBe(Math.ceil(total / PART_CHARS))
    // At no moment more than one copy of the values (a second copy could overflow the browser's storage).
    expect(most).toBe(total)
    expect(readAutosave(storage, KEY)!.project).toEqual(project)
    const writes = spyWrites(storage)
    t.idle()
    expect(writes).toEqual([])
  })

  it('an edit after the run writes the small slot only: the values are not serialised or stored again', () => {
    const storage = memoryStorage()
    const project = { ...base, runs: [fashionRun(1)] }
    const t = tab(storage)
    t.write(project)
    t.idle()
    const writes = spyWrites(storage)
    const edited = { ...project, meta: { ...project.meta, title: 'Edited' } }
    t.write(edited)
    t.idle()
    expect(writes.map(([k]) => k)).toEqual([KEY])
    expect(writes[0][1]).toBeLessThan(20_000)
    expect(readAutosave(storage, KEY)!.project).toEqual(edited)
  })

  it('after a reload the values read back are known to be kept: the next write stores nothing again', () => {
    const storage = memoryStorage()
    const project = { ...base, runs: [fashionRun(1)] }
    const first = tab(storage)
    first.write(project)
    first.idle()
    const record = readAutosaveRecord(storage, KEY)!
    const recovered = readAutosave(storage, KEY)!.project
    const reloaded = tab(storage)
    reloaded.aside.adopt(KEY, record.text, recovered)
    const writes = spyWrites(storage)
    reloaded.write(recovered)
    reloaded.idle()
    expect(writes.map(([k]) => k)).toEqual([KEY])
    expect(readAutosave(storage, KEY)!.project).toEqual(project)
  })

  it('the page going writes the values still waiting at once, in the same task', () => {
    const storage = memoryStorage()
    const project = { ...base, runs: [fashionRun(1)] }
    const t = tab(storage)
    t.write(project)
    t.write(project, true)
    expect(readAutosave(storage, KEY)!.project).toEqual(project)
    t.idle()
    expect(readAutosave(storage, KEY)!.project).toEqual(project)
    expect(parts(storage).length).toBe(Math.ceil(JSON.stringify(project.runs[0].weights).length / PART_CHARS))
  })

  it('values no longer kept (their run dropped) are removed; so are a removed slot’s', () => {
    const storage = memoryStorage()
    const t = tab(storage)
    t.write({ ...base, runs: [fashionRun(1)] })
    t.idle()
    const firstParts = parts(storage)
    t.write({ ...base, runs: [fashionRun(2)] })
    t.idle()
    expect(parts(storage).some((k) => firstParts.includes(k))).toBe(false)
    expect(readAutosave(storage, KEY)!.project.runs![0].weights).toEqual(fashionRun(2).weights)
    removeSlot(storage, KEY)
    expect([...storage.map.keys()]).toEqual([])
  })

  it('a full storage: the slot is written without the values, and no part is left behind', () => {
    const storage = memoryStorage()
    const set = storage.setItem
    storage.setItem = (k, v) => {
      if (k.startsWith(AUTOSAVE_WEIGHTS_PREFIX) && parts(storage).length >= 2) throw new DOMException('quota', 'QuotaExceededError')
      set(k, v)
    }
    const t = tab(storage)
    t.write({ ...base, runs: [fashionRun(1)] })
    t.idle()
    expect(parts(storage)).toEqual([])
    expect(readAutosave(storage, KEY)!.project.runs![0].weights).toBeUndefined()
  })

  it('shrinking another tab’s kept work removes its values kept beside it', () => {
    const storage = memoryStorage()
    tab(storage, 'axon:autosave:gone').write({ ...base, runs: [fashionRun(1)] }, true)
    expect(parts(storage).length).toBeGreaterThan(0)
    expect(shrinkKeptWork(storage, KEY)).toBe(true)
    expect(parts(storage)).toEqual([])
    expect(readAutosave(storage, 'axon:autosave:gone')!.project.runs![0].weights).toBeUndefined()
  })

  it('removeOrphanParts: drops the parts of a slot that is gone and those a closed slot does not name; keeps the rest', () => {
    const storage = memoryStorage()
    const open = tab(storage, 'axon:autosave:open')
    open.write({ ...base, runs: [fashionRun(1)] })
    open.idle()
    const closed = tab(storage, 'axon:autosave:closed')
    closed.write({ ...base, runs: [fashionRun(2)] }, true)
    const kept = parts(storage)
    storage.setItem(`${AUTOSAVE_WEIGHTS_PREFIX}axon:autosave:closed|stray|0`, '[1]')
    storage.setItem(`${AUTOSAVE_WEIGHTS_PREFIX}axon:autosave:nobody|x|0`, '[1]')
    removeOrphanParts(storage)
    expect(parts(storage)).toEqual(kept)
    expect(readAutosave(storage, 'axon:autosave:closed')!.project.runs![0].weights).toEqual(fashionRun(2).weights)
  })

  it('two live tabs on one slot (a duplicated tab): neither removes parts the other is still writing or names', () => {
    const storage = memoryStorage()
    const a = tab(storage, KEY, 'a')
    const b = tab(storage, KEY, 'b')
    const projectA = { ...base, runs: [fashionRun(1)] }
    const projectB = { ...base, runs: [fashionRun(2)] }
    a.write(projectA)
    a.idle()
    // B starts writing its run's parts; two are in when A writes the slot again (an edit).
    b.write(projectB)
    b.steps.shift()!()
    b.steps.shift()!()
    const bWriting = parts(storage).filter((k) => k.includes('|b'))
    expect(bWriting).toHaveLength(2)
    a.write({ ...projectA, meta: { ...projectA.meta, title: 'Edited in A' } })
    expect(parts(storage).filter((k) => k.includes('|b'))).toEqual(bWriting)
    // B finishes and writes the slot naming its parts: A's parts, still A's, stay too.
    b.idle()
    expect(readAutosave(storage, KEY)!.project.runs![0].weights).toEqual(projectB.runs[0].weights)
    const aParts = parts(storage).filter((k) => k.includes('|a'))
    expect(aParts.length).toBe(Math.ceil(JSON.stringify(projectA.runs[0].weights).length / PART_CHARS))
    // A writes last: its run reads back whole, B's parts untouched by A.
    a.write(projectA)
    expect(readAutosave(storage, KEY)!.project.runs![0].weights).toEqual(projectA.runs[0].weights)
    expect(parts(storage).filter((k) => k.includes('|b')).length).toBe(Math.ceil(JSON.stringify(projectB.runs[0].weights).length / PART_CHARS))
    // Each still removes its own parts it no longer names (its run dropped).
    a.write(base)
    expect(parts(storage).filter((k) => k.includes('|a'))).toEqual([])
  })

  it('removeOrphanParts, knowing the live tabs: keeps every part of a slot a live tab writes and the parts this tab is writing; drops unnamed ones of a slot nobody writes (a crashed tab’s)', () => {
    const storage = memoryStorage()
    const other = tab(storage, 'axon:autosave:other', 'o')
    other.write({ ...base, runs: [fashionRun(1)] })
    other.steps.shift()!() // its first part is in, not named yet
    const crashed = tab(storage, 'axon:autosave:crashed', 'c')
    crashed.write({ ...base, runs: [fashionRun(2)] })
    crashed.idle()
    const named = parts(storage)
    storage.setItem(`${AUTOSAVE_WEIGHTS_PREFIX}axon:autosave:crashed|stray|0`, '[1]')
    storage.setItem(`${AUTOSAVE_WEIGHTS_PREFIX}${KEY}|mine|0`, '[1]')
    storage.setItem(`${AUTOSAVE_WEIGHTS_PREFIX}${KEY}|old|0`, '[1]')
    writeAutosave(storage, KEY, base, meta)
    removeOrphanParts(storage, { slots: new Set(['axon:autosave:other']), writing: new Set([`${AUTOSAVE_WEIGHTS_PREFIX}${KEY}|mine|0`]) })
    expect(parts(storage).sort()).toEqual([...named, `${AUTOSAVE_WEIGHTS_PREFIX}${KEY}|mine|0`].sort())
    other.idle()
    expect(readAutosave(storage, 'axon:autosave:other')!.project.runs![0].weights).toEqual(fashionRun(1).weights)
  })

  it('a marker whose part is gone reads back as the run without its values', () => {
    const storage = memoryStorage()
    const t = tab(storage)
    t.write({ ...base, runs: [fashionRun(1)] })
    t.idle()
    storage.removeItem(parts(storage)[0])
    const back = readAutosave(storage, KEY)!.project
    expect(back.runs).toHaveLength(1)
    expect(back.runs![0].weights).toBeUndefined()
  })
})
