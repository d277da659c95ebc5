import { describe, expect, it } from 'vitest'
import type { Project } from '../project'
import { drawProject } from '../../../test/projectBuilder'
import { comparisonRows, diffSummary, runNetworkDiff, settingText } from './runDiff'
import { runNetworkOf, type RunNetwork } from './runHistory'

function network(edit: (p: Project) => void = () => undefined): RunNetwork {
  const project = drawProject(
    [['input', 'in'], ['dense', 'hidden', { units: 2 }], ['dense', 'out', { units: 1 }], ['loss', 'loss'], ['optimizer', 'opt', { learningRate: 0.1 }]],
    { title: 'x', data: { kind: 'builtin', id: 'xor' } },
  )
  edit(project)
  return runNetworkOf(project)
}

const param = (p: Project, id: string, patch: Record<string, unknown>) => Object.assign(p.nodes.find((n) => n.id === id)!.params, patch)

describe('run settings diff', () => {
  it('says nothing for the same network', () => {
    expect(runNetworkDiff(network(), network())).toEqual([])
    expect(diffSummary([])).toBe('same settings')
  })

  it('names each changed setting by its inspector label, with both values', () => {
    const after = network((p) => {
      p.seed = 2
      param(p, 'hidden', { units: 4, weightInit: { id: 'uniform', low: -0.5, high: 0.5 } })
      param(p, 'opt', { learningRate: 0.5, earlyStopping: true })
      p.nodes[1].label = 'h'
    })
    const changes = runNetworkDiff(network(), after).map((c) => `${c.where} · ${c.setting}: ${c.before} → ${c.after}`)
    expect(changes).toEqual([
      'project · Seed: 1 → 2',
      'h · label: – → h',
      'h · Units: 2 → 4',
      'h · Weight init: glorotUniform → uniform(low −0.5, high 0.5)'.replace('−', '-'),
      'opt · Learning rate η: 0.1 → 0.5',
      'opt · Early stopping: off → on',
    ])
  })

  it('lists added and removed nodes, rewiring, data and hand-set starts', () => {
    const after = network((p) => {
      p.nodes.splice(1, 1)
      p.edges = [{ id: 'a', source: 'in', target: 'out' }, ...p.edges.slice(2)]
      p.data = { kind: 'builtin', id: 'circles' }
      param(p, 'out', { weights: [[1, 2]] })
    })
    const changes = runNetworkDiff(network(), after)
    expect(changes.map((c) => `${c.where} · ${c.setting}: ${c.before} → ${c.after}`)).toEqual([
      'data · id: xor → circles',
      'out · starts from: the initialiser → hand-set values',
      'hidden · node: Dense layer → absent',
      'wiring · connections: in → hidden, hidden → out → in → out',
    ])
  })

  it('formats values as the inspector says them', () => {
    expect([settingText(true), settingText(null), settingText(0.01), settingText('relu'), settingText([[1, 2], [3, 4], [5, 6]]), settingText({ id: 'step', every: 10, factor: 0.5 })]).toEqual(['on', 'off', '0.01', 'relu', '3×2 values', 'step(every 10, factor 0.5)'])
  })

  it('lines up the settings that differ among several runs, the first as the base', () => {
    const a = network()
    const b = network((p) => param(p, 'opt', { learningRate: 0.5 }))
    const c = network((p) => param(p, 'hidden', { units: 8 }))
    expect(comparisonRows([a, b, c]).map((r) => [r.where, r.setting, ...r.values])).toEqual([
      ['opt', 'Learning rate η', '0.1', '0.5', '0.1'],
      ['hidden', 'Units', '2', '2', '8'],
    ])
  })
})
