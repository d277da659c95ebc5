import { beforeEach, describe, expect, it } from 'vitest'
import { exampleProject } from '../graph/examples'
import { runNetworkOf, type RunRecord } from '../../../engine/experiments/runHistory'
import { sweepRunRecord, type Sweep } from '../../../engine/experiments/sweep'
import { selectDirty, useDocument } from './documentStore'

const doc = () => useDocument.getState()

function run(id: string): RunRecord {
  return { id, name: id, created: '', status: 'finished', note: '', epochs: 1, iterations: 1, seconds: 0, final: { loss: 1 }, best: { loss: 1 }, curves: { epoch: [1], loss: [1] }, network: runNetworkOf(doc().project) }
}

beforeEach(() => doc().load(exampleProject('xor-2-2-1-sigmoid')!))

describe('document store: run history', () => {
  it('keeps the run history through undo and redo, without an undo step of its own', () => {
    const hidden = doc().project.nodes.find((n) => n.kind === 'dense')!.id
    doc().updateParams(hidden, { units: 3 })
    const compiled = doc().compiled
    doc().setRuns([run('a')])
    expect(doc().compiled).toBe(compiled)
    expect(selectDirty(doc())).toBe(true)
    doc().undo()
    expect(doc().project.runs?.map((r) => r.id)).toEqual(['a'])
    expect(doc().project.nodes.find((n) => n.id === hidden)!.params).toMatchObject({ units: 2 })
    doc().redo()
    expect(doc().project.runs?.map((r) => r.id)).toEqual(['a'])
    expect(doc().history.past.length).toBe(1)
  })

  it('restores a network as one undoable edit, the history kept', () => {
    const before = doc().project
    doc().setRuns([run('a')])
    const hidden = before.nodes.find((n) => n.kind === 'dense')!
    const nodes = before.nodes.map((n) => (n.id === hidden.id ? ({ ...n, params: { ...n.params, weights: [[1, 2], [3, 4]], biases: [0.5, -0.5] } } as typeof n) : n))
    doc().restoreNetwork({ seed: 99, precision: before.precision, data: before.data, nodes, edges: before.edges })
    expect(doc().project.seed).toBe(99)
    expect(doc().project.nodes.find((n) => n.id === hidden.id)!.params).toMatchObject({ weights: [[1, 2], [3, 4]], biases: [0.5, -0.5] })
    doc().undo()
    expect(doc().project.seed).toBe(before.seed)
    expect(doc().project.nodes).toEqual(before.nodes)
    expect(doc().project.runs?.map((r) => r.id)).toEqual(['a'])
  })

  it('records a sweep’s results in every step: undo mid-sweep takes back the user’s edit, not the newest run, and redo stays', () => {
    const hidden = doc().project.nodes.find((n) => n.kind === 'dense')!.id
    doc().updateParams(hidden, { units: 3 })
    const axes = [{ nodeId: 'optimizer', param: 'learningRate', values: [0.5, 1, 2] }]
    const sweep = (n: number): Sweep => ({ id: 'sweep-a', created: '', axes, runs: [0.5, 1, 2].slice(0, n).map((v) => sweepRunRecord([v], [], { status: 'finished', note: '', seconds: 0 })) })
    doc().recordSweep(sweep(1))
    doc().undo()
    expect(doc().project.nodes.find((n) => n.id === hidden)!.params).toMatchObject({ units: 2 })
    expect(doc().project.experiments?.sweeps[0].runs).toHaveLength(1)
    // The next run ends after the undo: it lands in place of the sweep, and redo is still there.
    doc().recordSweep(sweep(2))
    expect(doc().project.experiments?.sweeps).toHaveLength(1)
    doc().redo()
    expect(doc().project.nodes.find((n) => n.id === hidden)!.params).toMatchObject({ units: 3 })
    expect(doc().project.experiments?.sweeps[0].runs).toHaveLength(2)
    expect(selectDirty(doc())).toBe(true)
  })
})

describe('document store: a document put back as it was', () => {
  it('load with its history and saved version: undo, redo and the unsaved state are as they were', () => {
    const hidden = doc().project.nodes.find((n) => n.kind === 'dense')!.id
    doc().updateParams(hidden, { units: 3 })
    doc().updateParams(hidden, { units: 4 })
    const before = { project: doc().project, history: doc().history, savedProject: doc().savedProject }
    doc().load(exampleProject('mazur-2-2-2')!)
    doc().load(before.project, { history: before.history, savedProject: before.savedProject })
    expect(selectDirty(doc())).toBe(true)
    doc().undo()
    doc().undo()
    expect(selectDirty(doc())).toBe(false)
    const units = (p: { nodes: Array<{ id: string; params: object }> }) => (p.nodes.find((n) => n.id === hidden)!.params as { units: number }).units
    expect(units(doc().project)).toBe(units(exampleProject('xor-2-2-1-sigmoid')!))
    doc().redo()
    expect(units(doc().project)).toBe(3)
    // A history that is not the project's own is not taken: undo starts afresh.
    doc().load(exampleProject('mazur-2-2-2')!, { history: before.history })
    expect(doc().history.present).toBe(doc().project)
  })
})
