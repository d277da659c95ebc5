import { describe, expect, it } from 'vitest'
import { PROJECT_SETTING, bestSweepRun, experimentsProblem, sweepCsv, sweepGrid, sweepProject, sweepRunRecord, type Sweep, type SweepAxis } from './sweep'
import { parseProject, serializeProject } from '../project/parse'
import { PROJECT_FORMAT, PROJECT_VERSION, type Project } from '../project/types'

const lr: SweepAxis = { nodeId: 'opt', param: 'learningRate', values: [0.001, 0.01, 0.1] }
const act: SweepAxis = { nodeId: 'act', param: 'activation', values: ['sigmoid', 'relu'] }

function project(): Project {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    meta: { title: 'sweep', description: '' },
    seed: 1,
    precision: 'float64',
    data: { kind: 'builtin', id: 'xor' },
    edges: [],
    nodes: [
      { id: 'act', kind: 'activation', position: { x: 0, y: 0 }, params: { activation: 'tanh', slope: 1, alpha: 0.01, noiseStd: 1 } },
      { id: 'opt', kind: 'optimizer', position: { x: 0, y: 0 }, params: { learningRate: 0.5 } as never },
    ],
  }
}

const epochs = [
  { epoch: 1, loss: 1.0, accuracy: 0.5, valLoss: 1.1, valAccuracy: 0.45 },
  { epoch: 2, loss: 0.6, accuracy: 0.7, valLoss: 0.8, valAccuracy: 0.7 },
  { epoch: 3, loss: 0.4, accuracy: 0.8, valLoss: 0.9, valAccuracy: 0.68 },
]

describe('sweeps', () => {
  it('grid: every combination, first axis slowest', () => {
    expect(sweepGrid([lr, act])).toEqual([[0.001, 'sigmoid'], [0.001, 'relu'], [0.01, 'sigmoid'], [0.01, 'relu'], [0.1, 'sigmoid'], [0.1, 'relu']])
    expect(sweepGrid([lr])).toEqual([[0.001], [0.01], [0.1]])
  })

  it('a run’s project replaces exactly the swept settings (the base is untouched); a bad axis is named', () => {
    const base = project()
    const p = sweepProject(base, [lr, act, { nodeId: PROJECT_SETTING, param: 'seed', values: [7] }], [0.01, 'relu', 7])
    expect(p.nodes.map((n) => n.params)).toMatchObject([{ activation: 'relu' }, { learningRate: 0.01 }])
    expect(p.seed).toBe(7)
    expect(base.nodes[1].params).toMatchObject({ learningRate: 0.5 })
    expect(sweepProject({ ...base, runs: [] }, [lr], [0.1])).not.toHaveProperty('runs')
    expect(() => sweepProject(base, [{ nodeId: 'gone', param: 'units', values: [3] }], [3])).toThrow('The node “gone” of the sweep is not in the network.')
    expect(() => sweepProject(base, [{ nodeId: 'act', param: 'units', values: [3] }], [3])).toThrow('The node “act” has no setting “units”.')
  })

  it('a record keeps the last epoch, the best validation epoch, the test and the curves', () => {
    const r = sweepRunRecord([0.01], epochs, { status: 'finished', note: 'maxEpochs', seconds: 2.5, test: { loss: 0.85, accuracy: 0.69, count: 100 } })
    expect(r).toEqual({
      values: [0.01], status: 'finished', note: 'maxEpochs', epochs: 3, seconds: 2.5,
      final: { loss: 0.4, accuracy: 0.8, valLoss: 0.9, valAccuracy: 0.68 },
      best: { loss: 0.4, valLoss: 0.8, valAccuracy: 0.7, valEpoch: 2 },
      test: { loss: 0.85, accuracy: 0.69, count: 100 },
      curves: { loss: [1, 0.6, 0.4], accuracy: [0.5, 0.7, 0.8], valLoss: [1.1, 0.8, 0.9], valAccuracy: [0.45, 0.7, 0.68] },
    })
  })

  it('the best run is the highest test accuracy among finished runs; CSV marks it', () => {
    const rec = (v: number, acc: number, status: 'finished' | 'failed' = 'finished') => sweepRunRecord([v], epochs, { status, note: '', seconds: 1, test: { loss: 1 - acc, accuracy: acc, count: 10 } })
    const runs = [rec(0.001, 0.6), rec(0.01, 0.8), rec(0.1, 0.9, 'failed')]
    expect(bestSweepRun(runs)).toBe(1)
    const sweep: Sweep = { id: 's1', created: '2026-11-30T00:00:00Z', axes: [lr], runs }
    const csv = sweepCsv(sweep).trim().split('\n')
    expect(csv[0]).toBe('opt.learningRate,status,epochs,seconds,final_loss,final_accuracy,final_val_loss,final_val_accuracy,best_val_loss,best_val_epoch,test_loss,test_accuracy,best')
    expect(csv[2]).toBe('0.01,finished,3,1.00,0.4,0.8,0.9,0.68,0.8,2,0.19999999999999996,0.8,yes')
    expect(csv.filter((l) => l.endsWith(',yes'))).toHaveLength(1)
  })

  it('is saved in the project file and read back; a broken section is refused with its path', () => {
    const sweep: Sweep = { id: 's1', number: 2, created: 'now', axes: [lr], runs: [sweepRunRecord([0.01], epochs, { status: 'finished', note: '', seconds: 1 })] }
    const p = { ...project(), experiments: { sweeps: [sweep] } }
    const back = parseProject(serializeProject(p))
    expect(back.ok && back.project.experiments).toEqual({ sweeps: [sweep] })
    expect(experimentsProblem({ sweeps: [{ id: 's', axes: [lr], runs: [{ values: [1, 2], final: {}, curves: {} }] }] })).toEqual({ path: '.sweeps[0].runs[0]', message: 'must have one value per axis, final metrics and curves' })
    expect(experimentsProblem({ sweeps: [{ id: 's', number: 0, axes: [lr], runs: [] }] })).toEqual({ path: '.sweeps[0].number', message: 'must be a whole number from 1' })
    const broken = parseProject(serializeProject({ ...p, experiments: { sweeps: 'no' } as never }))
    expect(broken.ok === false && broken.errors[0]).toEqual({ path: '$.experiments', message: 'must be an object with a list of sweeps' })
  })

  it('keeps the sweep form as typed (even values that do not parse yet); a file without it still opens; a broken form is refused with its path', () => {
    const draft = [{ nodeId: 'opt', param: 'learningRate', text: '0.3, 0.03, 0.0x' }, { nodeId: PROJECT_SETTING, param: 'seed', text: '7 8' }]
    const back = parseProject(serializeProject({ ...project(), experiments: { sweeps: [], draft } }))
    expect(back.ok && back.project.experiments).toEqual({ sweeps: [], draft })
    const old = parseProject(serializeProject({ ...project(), experiments: { sweeps: [] } }))
    expect(old.ok && old.project.experiments).toEqual({ sweeps: [] })
    const refused = (d: unknown) => {
      const r = parseProject(serializeProject({ ...project(), experiments: { sweeps: [], draft: d } as never }))
      return r.ok ? null : r.errors[0]
    }
    expect(refused([])).toEqual({ path: '$.experiments.draft', message: 'must be a list of one or two settings' })
    expect(refused([...draft, draft[0]])).toEqual({ path: '$.experiments.draft', message: 'must be a list of one or two settings' })
    expect(refused([{ nodeId: 'opt', param: 'learningRate', text: 3 }])).toEqual({ path: '$.experiments.draft[0]', message: 'must name a node, a setting and the values text' })
    expect(refused([{ nodeId: 'opt', param: 'learningRate', text: '1,'.repeat(600) }])).toEqual({ path: '$.experiments.draft[0].text', message: 'must be at most 1000 characters' })
  })

  it('a run the table could not show is refused with its path; a failed run (NaN saved as null) reads back', () => {
    const good = sweepRunRecord([0.01], epochs, { status: 'finished', note: '', seconds: 1 })
    const failed = sweepRunRecord([0.1], [], { status: 'failed', note: 'diverged', seconds: 0 })
    const saved = (runs: unknown[]) => parseProject(serializeProject({ ...project(), experiments: { sweeps: [{ id: 's', created: 'now', axes: [lr], runs }] } as never }))
    expect(saved([good, failed]).ok).toBe(true)
    const problem = (edit: (r: Record<string, any>) => void) => {
      const r = JSON.parse(JSON.stringify(good))
      edit(r)
      const back = saved([r])
      return back.ok ? null : back.errors[0]
    }
    expect(problem((r) => delete r.seconds)).toEqual({ path: '$.experiments.sweeps[0].runs[0].seconds', message: 'must be a number ≥ 0' })
    expect(problem((r) => delete r.best)).toEqual({ path: '$.experiments.sweeps[0].runs[0].best', message: 'must be an object of metrics' })
    expect(problem((r) => (r.final.accuracy = '90%'))).toEqual({ path: '$.experiments.sweeps[0].runs[0].final.accuracy', message: 'must be a number (or null)' })
    expect(problem((r) => (r.test = { loss: 1, accuracy: 'high', count: 3 }))).toMatchObject({ path: '$.experiments.sweeps[0].runs[0].test.accuracy' })
    expect(problem((r) => delete r.curves.loss)).toMatchObject({ path: '$.experiments.sweeps[0].runs[0].curves.loss' })
    expect(problem((r) => (r.status = 'done'))).toMatchObject({ path: '$.experiments.sweeps[0].runs[0].status' })
    const axes = (a: unknown[]) => {
      const back = parseProject(serializeProject({ ...project(), experiments: { sweeps: [{ id: 's', created: 'now', axes: a, runs: [] }] } as never }))
      return back.ok ? null : back.errors[0]
    }
    expect(axes([])).toEqual({ path: '$.experiments.sweeps[0].axes', message: 'must have one or two settings (has 0)' })
    expect(axes([lr, lr, lr])).toMatchObject({ path: '$.experiments.sweeps[0].axes' })
    expect(axes([{ ...lr, values: [] }])).toMatchObject({ path: '$.experiments.sweeps[0].axes[0].values' })
    expect(axes([{ ...lr, values: [{}] }])).toMatchObject({ path: '$.experiments.sweeps[0].axes[0].values' })
  })
})
