import { describe, expect, it } from 'vitest'
import { compileGraph, inlineDataset, parseProject, serializeProject, type InlineData, type Project } from '../project'
import { createSession } from '../train'
import { exportModel, serializeModel } from '../model/export'
import { parseModel } from '../model/import'
import { xorChainProject } from '../../../test/projectBuilder'
import { addRun, boundRunHistory, createRunRecord, evenIndices, RUN_LIMITS, nextRunName, runNetworkOf, runNodesWithWeights, trainedValuesOf, weightCount, withoutRunWeights, withRunColors, type RunRecord } from './runHistory'

const XOR: InlineData = { kind: 'inline', inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]] }
const probe = [0, 0, 0, 1, 1, 0, 1, 1, 0.3, -2.5]

/** input → dense(3) → tanh → batch norm → dense(1) → sigmoid → bce → adam, 30 epochs. */
const xorProject = (precision: 'float64' | 'float32'): Project =>
  xorChainProject({ precision, seed: 7, data: XOR, hiddenUnits: 3, optimizer: { optimizer: 'adam', learningRate: 0.05, batchMode: 'full', epochs: 30, shuffle: false } })

function trainedRun(project: Project): { record: RunRecord; session: ReturnType<typeof createSession> } {
  const session = createSession(compileGraph(project).spec!, inlineDataset(XOR))
  session.trainToEnd()
  // Through the model file's text, as the app gets it from the engine.
  const parsed = parseModel(serializeModel(exportModel(session, { title: 'XOR' })))
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const record = createRunRecord({ id: 'r1', name: 'Run 1', created: '2026-11-30T03:00:00.000Z', status: 'finished', note: 'maxEpochs', seconds: 0.5, iterations: session.iteration, epochs: session.history, network: runNetworkOf(project), weights: trainedValuesOf(parsed.model) })
  return { record, session }
}

describe('run history', () => {
  it('trainedValuesOf copies the model’s values (the model file may be reused or changed afterwards)', () => {
    const model = { architecture: { layers: [{ nodeId: 'h', weights: [[0.1, 0.2]], biases: [0.3], activation: 'relu' }, { nodeId: 'd' }] } } as unknown as Parameters<typeof trainedValuesOf>[0]
    const values = trainedValuesOf(model)
    expect(values).toEqual({ h: { weights: [[0.1, 0.2]], biases: [0.3] } })
    const layer = model.architecture.layers[0] as unknown as { weights: number[][]; biases: number[] }
    layer.weights[0][0] = 9
    layer.biases[0] = 9
    expect(values.h).toEqual({ weights: [[0.1, 0.2]], biases: [0.3] })
  })

  it.each(['float64', 'float32'] as const)('a run saved in the project and read back puts its trained network on the canvas bit for bit (%s)', (precision) => {
    const project = xorProject(precision)
    const { record, session } = trainedRun(project)
    const reopened = parseProject(serializeProject({ ...project, runs: [record] }))
    if (!reopened.ok) throw new Error(JSON.stringify(reopened.errors))
    const run = reopened.project.runs![0]
    expect(run.epochs).toBe(30)
    expect(run.curves.epoch).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
    expect(run.curves.loss).toEqual(session.history.map((e) => e.loss))
    expect(run.final.accuracy).toBe(session.history[29].accuracy)
    // The restored nodes carry the trained weights, biases and batch-norm values as hand-set values.
    const restored: Project = { ...reopened.project, nodes: runNodesWithWeights(run), runs: undefined }
    expect(Object.keys(run.weights!)).toEqual(['hidden', 'norm', 'out'])
    expect(Object.keys(run.weights!.norm).sort()).toEqual(['beta', 'gamma', 'runningMean', 'runningVar'])
    const again = createSession(compileGraph(restored).spec!, inlineDataset(XOR))
    expect(again.predict(probe, 5)).toEqual(session.predict(probe, 5))
  })

  it('keeps the network without its hand-set values, naming the nodes that had them', () => {
    const project = xorProject('float64')
    const hidden = project.nodes[1]
    if (hidden.kind !== 'dense') throw new Error('dense expected')
    hidden.params.weights = [[1, 2], [3, 4], [5, 6]]
    const network = runNetworkOf(project)
    expect(network.handSet).toEqual(['hidden'])
    expect('weights' in network.nodes[1].params).toBe(false)
    expect(hidden.params.weights).toEqual([[1, 2], [3, 4], [5, 6]])
  })

  it('thins long curves evenly, keeping the first and last epoch, and saves NaN as null', () => {
    expect(evenIndices(5, 10)).toEqual([0, 1, 2, 3, 4])
    expect(evenIndices(1000, 5)).toEqual([0, 250, 500, 749, 999])
    const epochs = Array.from({ length: 1000 }, (_, i) => ({ epoch: i + 1, loss: i === 999 ? NaN : 1 / (i + 1) }))
    const r = createRunRecord({ id: 'x', name: 'Run 1', created: '', status: 'failed', note: 'diverged', seconds: 1, iterations: 1000, epochs, network: runNetworkOf(xorProject('float64')) })
    expect(r.curves.epoch.length).toBe(400)
    expect(r.curves.epoch[0]).toBe(1)
    expect(r.curves.epoch.at(-1)).toBe(1000)
    expect(r.curves.loss.at(-1)).toBeNull()
    expect(r.final.loss).toBeNull()
    expect(r.epochs).toBe(1000)
  })

  it('names runs one past the highest number', () => {
    expect(nextRunName([])).toBe('Run 1')
    const named = (name: string) => ({ name }) as RunRecord
    expect(nextRunName([named('Run 2'), named('my best'), named('Run 9')])).toBe('Run 10')
  })

  it('is bounded: oldest unpinned runs dropped, trained values kept for pinned and the newest few within the budget', () => {
    const run = (i: number, numbers: number, pinned = false): RunRecord => ({ ...({ id: `r${i}`, name: `Run ${i}` } as RunRecord), ...(pinned ? { pinned } : {}), weights: { d: { biases: new Array<number>(numbers).fill(i) } } })
    const runs = [run(0, 10, true), ...Array.from({ length: 9 }, (_, i) => run(i + 1, 10))]
    const bounded = boundRunHistory(runs, { runs: 6, models: 2, modelNumbers: 1000 })
    // r1…r4 dropped (oldest unpinned), the pinned r0 stays first.
    expect(bounded.map((r) => r.id)).toEqual(['r0', 'r5', 'r6', 'r7', 'r8', 'r9'])
    expect(bounded.map((r) => weightCount(r.weights))).toEqual([10, 0, 0, 0, 10, 10])
    // A budget of 25 numbers: the pinned run (10) and the newest (10) fit, the next does not.
    expect(boundRunHistory(runs, { runs: 10, models: 5, modelNumbers: 25 }).map((r) => weightCount(r.weights))).toEqual([10, 0, 0, 0, 0, 0, 0, 0, 0, 10])
    // The newest keeps its own even when it alone is over the budget.
    expect(boundRunHistory([run(1, 10), run(2, 50)], { runs: 10, models: 5, modelNumbers: 20 }).map((r) => weightCount(r.weights))).toEqual([0, 50])
    // Strict (the autosave's budget): not even the newest goes over it; an older one that fits keeps its own.
    expect(boundRunHistory([run(1, 10), run(2, 50)], { runs: 10, models: 5, modelNumbers: 20, strict: true }).map((r) => weightCount(r.weights))).toEqual([10, 0])
    expect(addRun(runs.slice(0, 2), run(10, 3)).map((r) => r.id)).toEqual(['r0', 'r1', 'r10'])
    expect(withoutRunWeights(runs).every((r) => r.weights === undefined)).toBe(true)
  })

  it('gives each run its own colour, one after the run before it, kept when runs are deleted or dropped', () => {
    const run = (i: number): RunRecord => ({ id: `r${i}`, name: `Run ${i}` }) as RunRecord
    let runs: RunRecord[] = []
    for (let i = 0; i < 3; i++) runs = addRun(runs, run(i))
    expect(runs.map((r) => r.color)).toEqual([0, 1, 2])
    // Deleted or dropped, the others keep theirs; the next run takes the one after the newest.
    runs = addRun(runs.filter((r) => r.id !== 'r1'), run(3))
    expect(runs.map((r) => [r.id, r.color])).toEqual([['r0', 0], ['r2', 2], ['r3', 3]])
    expect(boundRunHistory(runs, { ...RUN_LIMITS, runs: 2 }).map((r) => [r.id, r.color])).toEqual([['r2', 2], ['r3', 3]])
    // A run taken again (trained on past its end) comes last with its own colour; the next new one takes one no run has.
    runs = addRun(runs.filter((r) => r.id !== 'r0'), { ...run(0), color: 0 })
    runs = addRun(runs, run(4))
    expect(runs.map((r) => [r.id, r.color])).toEqual([['r2', 2], ['r3', 3], ['r0', 0], ['r4', 4]])
    // Runs of an older file, recorded before runs had colours, take their places (as the views coloured them), once and for all.
    const older = [run(0), run(1), run(2)]
    expect(boundRunHistory(older, { ...RUN_LIMITS, runs: 2 }).map((r) => [r.id, r.color])).toEqual([['r1', 1], ['r2', 2]])
    expect(withRunColors([run(0), { ...run(1), color: 5 }, run(2)]).map((r) => r.color)).toEqual([0, 5, 6])
  })

  it('refuses a broken run record with its path', () => {
    const project = xorProject('float64')
    const { record } = trainedRun(project)
    const bad = JSON.parse(serializeProject({ ...project, runs: [record] })) as { runs: Record<string, unknown>[] }
    ;(bad.runs[0].curves as { loss: number[] }).loss.pop()
    const parsed = parseProject(JSON.stringify(bad))
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.errors[0]).toEqual({ path: '$.runs[0].curves', message: 'every curve must have one value per epoch listed' })
    bad.runs[0].status = 'done'
    const again = parseProject(JSON.stringify(bad))
    expect(!again.ok && again.errors.map((e) => e.path)).toContain('$.runs[0].status')
  })
})
