import { describe, expect, it } from 'vitest'
import { exampleProject } from '../graph/examples'
import type { Project } from '../../../engine/project'
import { boundRunHistory, weightCount, type RunRecord } from '../../../engine/experiments/runHistory'
import { memoryStorage } from '../../../../test/memoryStorage'
import { AUTOSAVE_MODEL_NUMBERS, readAutosave, writeAutosave } from './autosave'

const KEY = 'axon:autosave:tab-1'

describe('autosave', () => {
  it('recovers exactly what was written', () => {
    const storage = memoryStorage()
    const project = exampleProject('mazur-2-2-2')!
    writeAutosave(storage, KEY, project, { fileName: 'mazur.axon.json', exampleId: 'mazur-2-2-2', dirty: true })
    const back = readAutosave(storage, KEY)
    expect(back?.project).toEqual(project)
    expect(back?.record).toMatchObject({ fileName: 'mazur.axon.json', exampleId: 'mazur-2-2-2', dirty: true })
  })

  it('writes a project too large for the storage without its runs’ trained values', () => {
    const storage = memoryStorage()
    const small = storage.setItem
    storage.setItem = (k, v) => (v.length > 20_000 ? (() => { throw new DOMException('quota', 'QuotaExceededError') })() : small(k, v))
    const project = exampleProject('mazur-2-2-2')!
    const run = { id: 'r', name: 'Run 1', color: 0, created: '', status: 'finished' as const, note: '', epochs: 1, iterations: 1, seconds: 0, final: { loss: 1 }, best: { loss: 1 }, curves: { epoch: [1], loss: [1] }, network: { seed: 1, precision: 'float64' as const, data: project.data, nodes: [], edges: [] } }
    const big = { ...project, runs: [{ ...run, weights: { h: { biases: new Array<number>(5000).fill(0.123456) } } }] }
    writeAutosave(storage, KEY, big, { fileName: null, exampleId: null, dirty: true })
    expect(readAutosave(storage, KEY)?.project.runs).toEqual([run])
    // Without trained values to drop, the storage's error stands.
    expect(() => writeAutosave(storage, KEY, { ...project, meta: { ...project.meta, description: 'x'.repeat(30_000) } }, { fileName: null, exampleId: null, dirty: true })).toThrow('quota')
  })

  it.each([
    ['nothing saved', null],
    ['not JSON', '{oops'],
    ['a record whose project does not parse', JSON.stringify({ text: '{"format":"other"}', fileName: null, exampleId: null, dirty: false })],
  ])('gives null for %s', (_what, raw) => {
    const storage = memoryStorage()
    if (raw !== null) storage.setItem(KEY, raw)
    expect(readAutosave(storage, KEY)).toBeNull()
  })
})

describe('autosave of a long run history', () => {
  /** Five runs of a Fashion-MNIST 784-100-10 network, each with its 79,510 trained values (the history's bounds allow them all). */
  function fashionHistory(project: Project): RunRecord[] {
    const run = (i: number): RunRecord => ({
      id: `r${i}`, name: `Run ${i}`, color: i - 1, created: '', status: 'finished', note: '', epochs: 2, iterations: 400, seconds: 3, final: { loss: 0.5 }, best: { loss: 0.5 }, curves: { epoch: [1, 2], loss: [0.7, 0.5] },
      network: { seed: 1, precision: 'float32', data: project.data, nodes: [], edges: [] },
      weights: { hidden: { weights: Array.from({ length: 100 }, (_, j) => new Array<number>(784).fill(-0.0123456789 * (i + j))), biases: new Array<number>(100).fill(0.1) }, out: { weights: Array.from({ length: 10 }, () => new Array<number>(100).fill(0.0234567891)), biases: new Array<number>(10).fill(0) } },
    })
    return boundRunHistory([1, 2, 3, 4, 5].map(run))
  }

  it('writes once, within the storage, keeping the newest runs’ trained values that fit its budget', () => {
    const storage = memoryStorage()
    const writes: number[] = []
    const set = storage.setItem
    // Chromium's localStorage holds about 5.2 M characters per site.
    storage.setItem = (k, v) => {
      writes.push(v.length)
      if (v.length > 5_200_000) throw new DOMException('quota', 'QuotaExceededError')
      set(k, v)
    }
    const project = exampleProject('mazur-2-2-2')!
    const runs = fashionHistory(project)
    expect(runs.map((r) => weightCount(r.weights))).toEqual([79_510, 79_510, 79_510, 79_510, 79_510])
    writeAutosave(storage, KEY, { ...project, runs }, { fileName: null, exampleId: null, dirty: true })
    expect(writes).toHaveLength(1)
    expect(writes[0]).toBeLessThan(2_500_000)
    const back = readAutosave(storage, KEY)!.project.runs!
    expect(back.map((r) => weightCount(r.weights))).toEqual([0, 0, 0, 0, 79_510])
    expect(back[4].weights).toEqual(runs[4].weights)
    expect(weightCount(runs[4].weights)).toBeLessThanOrEqual(AUTOSAVE_MODEL_NUMBERS)
  })
})
