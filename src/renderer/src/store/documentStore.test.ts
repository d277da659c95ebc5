import { beforeEach, describe, expect, it } from 'vitest'
import { parseProject, serializeProject } from '../../../engine/project'
import { EXAMPLES, exampleProject } from '../graph/examples'
import { LAYOUT_DX, LAYOUT_DY, NODE_WIDTH, layoutLinear, layoutPerRow } from '../graph/edit'
import { fromFlow, toFlowEdges, toFlowNodes } from '../graph/flow'
import { createEmptyProject } from '../graph/newProject'
import { historyRecord, createHistory, historyMove, historyUndo, historyRedo, HISTORY_LIMIT } from './history'
import { selectCanTrain, selectDirty, useDocument } from './documentStore'

const doc = () => useDocument.getState()
const ids = () => doc().project.nodes.map((n) => n.id)

/** Builds input → dense → activation → dense → activation → loss → optimizer through the store. */
function buildXorNetwork(): void {
  for (const kind of ['input', 'dense', 'activation', 'dense', 'activation', 'loss', 'optimizer'] as const) doc().addNode(kind)
  const [input, d1, a1, d2, a2, loss, opt] = ids()
  for (const [s, t] of [[input, d1], [d1, a1], [a1, d2], [d2, a2], [a2, loss], [loss, opt]]) expect(doc().connect(s, t)).toHaveProperty('id')
}

beforeEach(() => doc().load(createEmptyProject()))

describe('document store', () => {
  it('adds nodes with fresh ids in a readable row', () => {
    const a = doc().addNode('dense')
    const b = doc().addNode('dense')
    expect([a, b]).toEqual(['dense-1', 'dense-2'])
    expect(doc().project.nodes[1].position.x).toBeGreaterThan(doc().project.nodes[0].position.x)
  })

  it('builds a network that compiles once the output size matches the data', () => {
    buildXorNetwork()
    expect(selectCanTrain(doc())).toBe(false)
    expect(doc().pinned.byNode['dense-2'].map((d) => d.code)).toEqual(['output-size-mismatch'])
    doc().updateParams('dense-2', { units: 1 })
    expect(doc().compiled.diagnostics).toEqual([])
    expect(selectCanTrain(doc())).toBe(true)
    // A new dense layer has 4 units (2-4-1 solves XOR from any seed).
    expect(doc().shapes.totalParams).toBe(2 * 4 + 4 + 4 * 1 + 1)
  })

  it('pins a wrong input size on the input node', () => {
    buildXorNetwork()
    doc().updateParams('input-1', { size: 3 })
    expect(doc().pinned.byNode['input-1'].map((d) => d.code)).toContain('input-size-mismatch')
  })

  it('refuses meaningless connections and records nothing', () => {
    doc().addNode('loss')
    doc().addNode('dense')
    const before = doc().history
    expect(doc().connect('loss-1', 'dense-1')).toEqual({ problem: expect.stringMatching(/cannot connect/) })
    expect(doc().history).toBe(before)
  })

  it('undoes and redoes every step, back to the empty canvas', () => {
    const snapshots = [doc().project]
    buildXorNetwork()
    const steps = doc().history.past.length
    expect(steps).toBe(13) // 7 nodes and 6 connections
    const final = doc().project
    for (let i = 0; i < steps; i++) doc().undo()
    expect(doc().project).toEqual(snapshots[0])
    for (let i = 0; i < steps; i++) doc().redo()
    expect(doc().project).toBe(final)
  })

  it('click-to-add appends and wires after the selected node in one step', () => {
    const input = doc().appendNode('input', null)
    const dense = doc().appendNode('dense', input)
    const act = doc().appendNode('activation', dense, { activation: 'tanh' })
    const loss = doc().appendNode('loss', act)
    doc().appendNode('dense', loss) // loss → dense is refused: added, not wired
    expect(doc().project.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['input-1>dense-1', 'dense-1>activation-1', 'activation-1>loss-1'])
    expect(doc().project.nodes.find((n) => n.id === act)!.params).toMatchObject({ activation: 'tanh' })
    expect(doc().project.nodes.map((n) => n.position.x)).toEqual([0, 1, 2, 3, 4].map((i) => i * LAYOUT_DX))
    doc().undo()
    doc().undo()
    expect(ids()).toEqual([input, dense, act])
    expect(doc().project.edges).toHaveLength(2)
  })

  it('Tidy wraps a long chain into two rows, in chain order, and keeps a short one in a row', () => {
    const project = exampleProject('encoder-8-3-8')!
    doc().load(project)
    const chain = [...doc().compiled.chain]
    const optimizer = project.nodes.find((n) => n.kind === 'optimizer')!.id
    doc().autoLayout(4)
    const at = (id: string) => doc().project.nodes.find((n) => n.id === id)!.position
    const order = [...new Set([...chain, optimizer])]
    expect(order).toHaveLength(7)
    expect(order.map(at)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => ({ x: (i % 4) * LAYOUT_DX, y: Math.floor(i / 4) * LAYOUT_DY })))
    doc().undo()
    expect(doc().project).toBe(project)
    expect(layoutLinear(project, chain).nodes.every((n) => n.position.y === 0)).toBe(true)
  })

  it('layoutPerRow: one row when it reads at the zoom, else two even rows (never more)', () => {
    const oneRow = (n: number) => (n - 1) * LAYOUT_DX + NODE_WIDTH
    expect(layoutPerRow(7, oneRow(7) * 0.8, 0.8)).toBe(7)
    expect(layoutPerRow(7, oneRow(7) * 0.8 - 1, 0.8)).toBe(4)
    expect(layoutPerRow(7, oneRow(4) * 0.8, 0.8)).toBe(4)
    expect(layoutPerRow(7, 300, 0.8)).toBe(4)
    expect(layoutPerRow(3, 300, 0.8)).toBe(2)
  })

  it('records a whole drag as one step', () => {
    doc().addNode('dense')
    doc().beginMove()
    for (let x = 0; x < 50; x += 10) doc().moveNodesLive({ 'dense-1': { x, y: x } })
    doc().endMove()
    expect(doc().project.nodes[0].position).toEqual({ x: 40, y: 40 })
    doc().undo()
    expect(doc().project.nodes[0].position).toEqual({ x: 0, y: 0 })
  })

  it('coalesces typing into one field into one undo step', () => {
    doc().addNode('dense')
    doc().updateParams('dense-1', { units: 3 }, 'dense-1:units')
    doc().updateParams('dense-1', { units: 30 }, 'dense-1:units')
    doc().updateParams('dense-1', { useBias: false }, 'dense-1:useBias')
    doc().undo()
    expect(doc().project.nodes[0].params).toMatchObject({ units: 30, useBias: true })
    doc().undo()
    expect(doc().project.nodes[0].params).toMatchObject({ units: 4 })
  })

  it('after a seal (a run started), typing into the same field again is a step of its own', () => {
    doc().addNode('dense')
    doc().updateParams('dense-1', { units: 30 }, 'dense-1:units')
    doc().sealHistory()
    doc().updateParams('dense-1', { units: 31 }, 'dense-1:units')
    doc().updateParams('dense-1', { units: 310 }, 'dense-1:units')
    doc().undo()
    expect(doc().project.nodes[0].params).toMatchObject({ units: 30 })
    doc().undo()
    expect(doc().project.nodes[0].params).toMatchObject({ units: 4 })
  })

  it('deletes nodes with their edges in one step', () => {
    buildXorNetwork()
    doc().deleteElements(['dense-2'], [])
    expect(ids()).not.toContain('dense-2')
    expect(doc().project.edges.some((e) => e.source === 'dense-2' || e.target === 'dense-2')).toBe(false)
    expect(doc().project.edges).toHaveLength(4)
    doc().undo()
    expect(doc().project.edges).toHaveLength(6)
  })

  it('copies and pastes nodes with the edges between them, under fresh ids', () => {
    buildXorNetwork()
    doc().copy(['dense-1', 'activation-1', 'loss-1'])
    const pasted = doc().paste({ x: 0, y: 200 })
    expect(pasted).toEqual(['dense-3', 'activation-3', 'loss-2'])
    const newEdges = doc().project.edges.filter((e) => pasted.includes(e.source))
    expect(newEdges).toEqual([{ id: 'dense-3->activation-3', source: 'dense-3', target: 'activation-3' }])
    expect(doc().project.nodes.find((n) => n.id === 'dense-3')!.position.y).toBe(doc().project.nodes.find((n) => n.id === 'dense-1')!.position.y + 200)
    doc().undo()
    expect(ids()).not.toContain('dense-3')
  })

  it('duplicates a node with its settings', () => {
    doc().addNode('dense')
    doc().updateParams('dense-1', { units: 7, weights: undefined })
    expect(doc().duplicate(['dense-1'])).toEqual(['dense-2'])
    expect(doc().project.nodes[1].params).toEqual(doc().project.nodes[0].params)
  })

  it('marks unsaved changes and clears the mark on save or undo to the saved state', () => {
    expect(selectDirty(doc())).toBe(false)
    doc().addNode('input')
    expect(selectDirty(doc())).toBe(true)
    doc().undo()
    expect(selectDirty(doc())).toBe(false)
    doc().redo()
    doc().markSaved('net.axon.json')
    expect(selectDirty(doc())).toBe(false)
    expect(doc().fileName).toBe('net.axon.json')
  })

  it('lays a linear stack out in one row in chain order', () => {
    buildXorNetwork()
    doc().moveNodesLive({ 'loss-1': { x: -500, y: 900 } })
    doc().autoLayout()
    const xs = ['input-1', 'dense-1', 'activation-1', 'dense-2', 'activation-2', 'loss-1', 'optimizer-1'].map((id) => doc().project.nodes.find((n) => n.id === id)!.position)
    expect(xs.every((p) => p.y === 0)).toBe(true)
    expect(xs.map((p) => p.x)).toEqual([...xs.map((p) => p.x)].sort((a, b) => a - b))
  })
})

describe('history', () => {
  it('forgets the oldest steps past the limit', () => {
    let h = createHistory(0)
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) h = historyRecord(h, i)
    expect(h.past).toHaveLength(HISTORY_LIMIT)
    expect(historyUndo(h).present).toBe(HISTORY_LIMIT + 9)
    expect(historyRedo(historyUndo(h)).present).toBe(HISTORY_LIMIT + 10)
  })

  it('tells an undo and a redo from an edit, an edit with one redo step left included', () => {
    const h = historyRecord(historyRecord(createHistory({ n: 0 }), { n: 1 }), { n: 2 })
    const undone = historyUndo(h)
    expect(historyMove(h, undone)).toBe('undo')
    expect(historyMove(undone, historyRedo(undone))).toBe('redo')
    // The same lengths as a redo (one more step behind, none ahead), but another present.
    expect(historyMove(undone, historyRecord(undone, { n: 3 }))).toBe('edit')
    expect(historyMove(h, historyRecord(h, { n: 3 }, 'typing'))).toBe('edit')
  })
})

describe('project file round trip', () => {
  it.each(EXAMPLES.map((e) => [e.id] as const))('%s: example ⇄ canvas ⇄ file is identical and has no diagnostic', (id) => {
    const project = exampleProject(id)!
    doc().load(project)
    expect(doc().compiled.diagnostics).toEqual([])
    // canvas state (React Flow nodes and edges) → project
    const back = fromFlow(doc().project, toFlowNodes(doc().project), toFlowEdges(doc().project))
    expect(back).toEqual(project)
    // project → file text → project
    const parsed = parseProject(serializeProject(back))
    expect(parsed.ok && parsed.project).toEqual(project)
  })

  it('an edited drawing survives save and reopen', () => {
    buildXorNetwork()
    doc().updateParams('dense-2', { units: 1, weights: [[0.5, -0.25]] })
    doc().setLabel('dense-1', 'hidden')
    const text = serializeProject(doc().project)
    const saved = doc().project
    doc().load(createEmptyProject())
    const parsed = parseProject(text)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) doc().load(parsed.project)
    expect(doc().project).toEqual(saved)
  })
})
