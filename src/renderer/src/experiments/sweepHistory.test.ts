import { beforeEach, describe, expect, it } from 'vitest'
import { compileGraph, inlineDataset, type InlineData, type Project } from '../../../engine/project'
import { createSession } from '../../../engine/train'
import { exportModel } from '../../../engine/model/export'
import { runNetworkDiff, diffSummary } from '../../../engine/experiments/runDiff'
import { runNodesWithWeights, RUN_LIMITS, trainedValuesOf, weightCount } from '../../../engine/experiments/runHistory'
import { PROJECT_SETTING, sweepProject, type SweepAxis } from '../../../engine/experiments/sweep'
import { exampleProject } from '../graph/examples'
import { useDocument } from '../store/documentStore'
import { nextSweepNumber, recordSweepRun, sweepAxisNames, sweepPointName, sweepRunName, sweepTitle } from './sweepHistory'

const doc = () => useDocument.getState()
const optimizerOf = (p: Project) => p.nodes.find((n) => n.kind === 'optimizer')!.id

/** Trains the point of `axes` at `values` as the engine would, and records it like the sweep runner. */
function trainAndRecord(project: Project, axes: SweepAxis[], values: (number | string)[], sweepNumber: number) {
  const point = sweepProject(project, axes, values)
  const data = point.data as InlineData
  const session = createSession(compileGraph(point).spec!, inlineDataset(data))
  session.trainToEnd()
  const weights = trainedValuesOf(exportModel(session, { title: 'point' }))
  recordSweepRun(doc().loadSerial, point, sweepRunName(project, axes, values, sweepNumber), { status: 'finished', note: 'maxEpochs', seconds: 0.2, iterations: session.iteration, epochs: session.history, weights })
  return { session, data }
}

beforeEach(() => doc().load(exampleProject('xor-2-2-1-sigmoid')!))

describe('sweep runs in the run history', () => {
  it('names a run after its point and its sweep, the setting by its symbol where it has one', () => {
    const project = doc().project
    const eta: SweepAxis = { nodeId: optimizerOf(project), param: 'learningRate', values: [0.01] }
    const seed: SweepAxis = { nodeId: PROJECT_SETTING, param: 'seed', values: [3] }
    expect(sweepRunName(project, [eta], [0.01], 1)).toBe('η = 0.01 (sweep 1)')
    expect(sweepRunName(project, [eta, seed], [0.5, 3], 2)).toBe('η = 0.5, Seed = 3 (sweep 2)')
    const hidden = project.nodes.find((n) => n.kind === 'dense')!.id
    expect(sweepRunName(project, [{ nodeId: hidden, param: 'units', values: [4] }], [4], 3)).toBe('Units = 4 (sweep 3)')
  })

  it('numbers a new sweep after every sweep kept or named in the history', () => {
    const project = doc().project
    expect(nextSweepNumber(project)).toBe(1)
    const sweeps = [{ id: 'a', created: '', axes: [], runs: [] }]
    expect(nextSweepNumber({ ...project, experiments: { sweeps } })).toBe(2)
    // A deleted sweep 4 still names runs in the history: the next is 5, not 2.
    const named = { ...({} as NonNullable<Project['runs']>[number]), name: 'η = 0.1 (sweep 4)' }
    expect(nextSweepNumber({ ...project, runs: [named], experiments: { sweeps } })).toBe(5)
    // A kept sweep's own number counts too (its runs may have left the history).
    expect(nextSweepNumber({ ...project, experiments: { sweeps: [{ ...sweeps[0], number: 7 }] } })).toBe(8)
  })

  it('titles two sweeps of the same settings apart, by the number their runs carry (they read alike before)', () => {
    const project = doc().project
    const axes: SweepAxis[] = [{ nodeId: optimizerOf(project), param: 'learningRate', values: [0.5, 4] }]
    const sweep = (number?: number) => ({ id: `s${number}`, created: '', axes, runs: [], ...(number ? { number } : {}) })
    expect(sweepTitle(project, sweep(1), 1)).toBe('Sweep 1 of η')
    expect(sweepTitle(project, sweep(3), 2)).toBe('Sweep 3 of η')
    // Kept before sweeps had a number: its place in the list.
    expect(sweepTitle(project, sweep(), 2)).toBe('Sweep 2 of η')
    expect(sweepPointName(project, axes, [0.5])).toBe('η = 0.5')
  })

  it('names the settings as the run history does (the table read "optimizer.learningRate"); two that read alike by their node too', () => {
    const project = doc().project
    const [hidden, output] = project.nodes.filter((n) => n.kind === 'dense').map((n) => n.id)
    const eta: SweepAxis = { nodeId: optimizerOf(project), param: 'learningRate', values: [0.5] }
    expect(sweepAxisNames(project, [eta, { nodeId: PROJECT_SETTING, param: 'seed', values: [1] }])).toEqual(['η', 'Seed'])
    // Found: "Sweep 1 of η × Function", its runs "η = 0.1, Function = tanh (sweep 1)".
    const act = project.nodes.find((n) => n.kind === 'activation')!.id
    expect(sweepRunName(project, [eta, { nodeId: act, param: 'activation', values: ['tanh'] }], [0.1, 'tanh'], 1)).toBe('η = 0.1, Activation = tanh (sweep 1)')
    const units = (nodeId: string): SweepAxis => ({ nodeId, param: 'units', values: [2] })
    expect(sweepAxisNames(project, [units(hidden), units(output)])).toEqual([`${hidden} · Units`, `${output} · Units`])
    expect(sweepRunName(project, [units(hidden), units(output)], [2, 4], 5)).toBe(`${hidden} · Units = 2, ${output} · Units = 4 (sweep 5)`)
  })

  it('records each point with its network, curves and trained values: two compare by their η, and a restored one predicts as it did', () => {
    const project = doc().project
    const axes: SweepAxis[] = [{ nodeId: optimizerOf(project), param: 'learningRate', values: [0.5, 2] }]
    trainAndRecord(project, axes, [0.5], 1)
    const { session, data } = trainAndRecord(project, axes, [2], 1)
    const runs = doc().project.runs!
    expect(runs.map((r) => r.name)).toEqual(['η = 0.5 (sweep 1)', 'η = 2 (sweep 1)'])
    expect(runs[1].epochs).toBe(session.epoch)
    expect(runs[1].curves.loss.at(-1)).toBe(session.history.at(-1)!.loss)
    expect(diffSummary(runNetworkDiff(runs[0].network, runs[1].network))).toBe('Learning rate η 0.5 → 2')
    // Restored: the point's network (η = 2) with its trained weights, as the ▶ Train runs are.
    const restored = { ...project, nodes: runNodesWithWeights(runs[1]), runs: undefined }
    const again = createSession(compileGraph(restored).spec!, inlineDataset(data))
    const probe = data.inputs.flat()
    expect(again.predict(probe, data.inputs.length)).toEqual(session.predict(probe, data.inputs.length))
  })

  it('keeps the history within its bounds: 40 runs, trained values for the newest only', () => {
    const project = doc().project
    const axes: SweepAxis[] = [{ nodeId: PROJECT_SETTING, param: 'seed', values: [] }]
    for (let seed = 1; seed <= RUN_LIMITS.runs + 3; seed++) trainAndRecord(project, axes, [seed], 1)
    const runs = doc().project.runs!
    expect(runs).toHaveLength(RUN_LIMITS.runs)
    expect(runs[0].name).toBe('Seed = 4 (sweep 1)')
    expect(runs.map((r) => weightCount(r.weights) > 0)).toEqual(runs.map((_, i) => i >= RUN_LIMITS.runs - RUN_LIMITS.models))
  })

  it('goes only into the document it was started on', () => {
    const project = doc().project
    const serial = doc().loadSerial
    doc().load(exampleProject('mazur-2-2-2')!)
    const point = sweepProject(project, [{ nodeId: PROJECT_SETTING, param: 'seed', values: [2] }], [2])
    recordSweepRun(serial, point, 'Seed = 2 (sweep 1)', { status: 'failed', note: 'diverged', seconds: 0, iterations: 0, epochs: [] })
    expect(doc().project.runs).toBeUndefined()
  })
})
