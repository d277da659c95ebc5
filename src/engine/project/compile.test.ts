import { describe, expect, it } from 'vitest'
import { compileGraph } from './compile'
import type { DiagnosticCode } from './diagnostics'
import { createNode } from './nodeKinds'
import { drawProject } from '../../../test/projectBuilder'
import type { Project, ProjectNode } from './types'

/** A valid 2-2-1 sigmoid XOR chain: input → h → sig → o → sig2 → loss → opt. */
function xorProject(): Project {
  return drawProject([['input', 'in'], ['dense', 'h', { units: 2 }], ['activation', 'sig'], ['dense', 'o', { units: 1 }], ['activation', 'sig2'], ['loss', 'loss'], ['optimizer', 'opt']], { title: 'xor' })
}

const node = (p: Project, id: string): ProjectNode => p.nodes.find((n) => n.id === id)!
const params = (p: Project, id: string): Record<string, unknown> => node(p, id).params as unknown as Record<string, unknown>
const edge = (p: Project, source: string) => p.edges.find((e) => e.source === source)!
/** Replaces the chain edge leaving `source` so it goes to `target`. */
const rewire = (p: Project, source: string, target: string): void => {
  edge(p, source).target = target
}
const remove = (p: Project, id: string): void => {
  const before = p.edges.find((e) => e.target === id)
  const after = p.edges.find((e) => e.source === id)
  p.nodes = p.nodes.filter((n) => n.id !== id)
  p.edges = p.edges.filter((e) => e !== after)
  if (before && after) before.target = after.target
  else if (before) p.edges = p.edges.filter((e) => e !== before)
}

describe('compileGraph', () => {
  it('compiles the 2-2-1 chain, folding activations into the dense layers before them', () => {
    const { spec, diagnostics, chain } = compileGraph(xorProject())
    expect(diagnostics).toEqual([])
    expect(chain).toEqual(['in', 'h', 'sig', 'o', 'sig2', 'loss', 'opt'])
    expect(spec!.model.inputSize).toBe(2)
    expect(spec!.model.layers.map((l) => (l.kind === 'dense' ? [l.nodeId, l.units, l.activation.id] : l.kind))).toEqual([
      ['h', 2, 'sigmoid'],
      ['o', 1, 'sigmoid'],
    ])
    expect(spec!.training.batch).toEqual({ mode: 'online' })
    expect(spec!.optimizer).toEqual({ id: 'sgd', learningRate: 0.5 })
  })

  it('makes a dense layer with no activation node linear, and carries dropout', () => {
    const p = xorProject()
    remove(p, 'sig')
    p.nodes.push(createNode('dropout', 'drop', { x: 0, y: 0 }))
    rewire(p, 'h', 'drop')
    p.edges.push({ id: 'ed', source: 'drop', target: 'o' })
    const { spec, diagnostics } = compileGraph(p)
    expect(diagnostics).toEqual([])
    expect(spec!.model.layers.map((l) => (l.kind === 'dense' ? l.activation.id : l.kind === 'dropout' ? `dropout ${l.rate}` : l.kind))).toEqual(['linear', 'dropout 0.5', 'sigmoid'])
  })

  it('is deterministic and does not touch its input', () => {
    const p = xorProject()
    const copy = JSON.parse(JSON.stringify(p))
    expect(compileGraph(p)).toEqual(compileGraph(p))
    expect(p).toEqual(copy)
  })

  it('allows a free-standing optimizer', () => {
    const p = xorProject()
    p.edges = p.edges.filter((e) => e.target !== 'opt')
    expect(compileGraph(p).diagnostics).toEqual([])
  })

  /** One row per diagnostic: how to break the valid project, and where the diagnostic must point. */
  const cases: { code: DiagnosticCode; break: (p: Project) => void; nodeId?: string; edgeId?: string; severity?: 'warning'; param?: string }[] = [
    { code: 'duplicate-id', break: (p) => p.nodes.push(createNode('dense', 'h', { x: 0, y: 0 })), nodeId: 'h' },
    { code: 'edge-unknown-node', break: (p) => p.edges.push({ id: 'ghost', source: 'o', target: 'nowhere' }), edgeId: 'ghost' },
    { code: 'invalid-connection', break: (p) => p.edges.push({ id: 'bad', source: 'loss', target: 'h' }), edgeId: 'bad' },
    { code: 'cycle', break: (p) => p.edges.push({ id: 'back', source: 'sig', target: 'h' }), edgeId: 'back' },
    { code: 'branch', break: (p) => { p.nodes.push(createNode('dense', 'side', { x: 0, y: 0 })); p.edges.push({ id: 'b', source: 'h', target: 'side' }) }, nodeId: 'h' },
    { code: 'dead-branch', break: (p) => { p.nodes.push(createNode('dense', 'side', { x: 0, y: 0 })); p.edges.push({ id: 'b', source: 'sig', target: 'side' }) }, nodeId: 'side' },
    { code: 'merge-inputs', break: (p) => { p.nodes.push(createNode('add', 'sum', { x: 0, y: 0 })); rewire(p, 'sig', 'sum'); p.edges.push({ id: 'x', source: 'sum', target: 'o' }) }, nodeId: 'sum' },
    { code: 'merge', break: (p) => p.edges.push({ id: 'm', source: 'in', target: 'o' }), nodeId: 'o' },
    { code: 'dangling-node', break: (p) => p.nodes.push(createNode('dense', 'lonely', { x: 0, y: 0 })), nodeId: 'lonely' },
    { code: 'missing-input', break: (p) => { p.nodes = p.nodes.filter((n) => n.id !== 'in'); p.edges = p.edges.filter((e) => e.source !== 'in') } },
    { code: 'missing-loss', break: (p) => remove(p, 'loss') },
    { code: 'missing-loss', break: (p) => { p.edges = p.edges.filter((e) => e.target !== 'loss') }, nodeId: 'sig2' },
    { code: 'missing-optimizer', break: (p) => remove(p, 'opt') },
    { code: 'duplicate-kind', break: (p) => p.nodes.push(createNode('optimizer', 'opt2', { x: 0, y: 0 })), nodeId: 'opt2' },
    { code: 'no-layers', break: (p) => { p.nodes = p.nodes.filter((n) => ['in', 'loss', 'opt'].includes(n.id)); p.edges = [{ id: 'x', source: 'in', target: 'loss' }] }, nodeId: 'in' },
    { code: 'invalid-param', break: (p) => { params(p, 'h').units = 0 }, nodeId: 'h', param: 'units' },
    { code: 'invalid-param', break: (p) => { params(p, 'h').units = 2.5 }, nodeId: 'h', param: 'units' },
    { code: 'invalid-param', break: (p) => { params(p, 'opt').learningRate = -0.1 }, nodeId: 'opt', param: 'learningRate' },
    { code: 'invalid-param', break: (p) => { params(p, 'opt').optimizer = 'momentum'; params(p, 'opt').momentum = 1.5 }, nodeId: 'opt', param: 'momentum' },
    { code: 'invalid-param', break: (p) => { params(p, 'sig').activation = 'swish' }, nodeId: 'sig', param: 'activation' },
    { code: 'invalid-param', break: (p) => { params(p, 'h').weightInit = { id: 'uniform', low: 1, high: -1 } }, nodeId: 'h', param: 'weightInit' },
    { code: 'invalid-param', break: (p) => { params(p, 'opt').schedule = { id: 'piecewise', boundaries: [10], values: [0.1] } }, nodeId: 'opt', param: 'schedule' },
    { code: 'input-size-unknown', break: (p) => { p.data = { kind: 'file', format: 'csv', path: 'x.csv', scaling: 'none' }; params(p, 'in').size = 'auto' }, nodeId: 'in' },
    { code: 'output-size-mismatch', break: (p) => { p.data = { kind: 'builtin', id: 'xor', options: { targetEncoding: 'oneHot' } } }, nodeId: 'o' },
    { code: 'input-size-mismatch', break: (p) => { params(p, 'in').size = 3 }, nodeId: 'in', param: 'size' },
    { code: 'output-size-mismatch', break: (p) => { params(p, 'o').units = 2 }, nodeId: 'o', param: 'units' },
    { code: 'data-shape', break: (p) => { (p.data as { inputs: number[][] }).inputs[2] = [1] } },
    { code: 'weights-shape', break: (p) => { params(p, 'h').weights = [[1, 2, 3], [4, 5, 6]] }, nodeId: 'h', param: 'weights' },
    { code: 'weights-shape', break: (p) => { params(p, 'o').biases = [0, 0] }, nodeId: 'o', param: 'biases' },
    { code: 'weights-shape', break: (p) => { params(p, 'o').useBias = false; params(p, 'o').biases = [0] }, nodeId: 'o', param: 'biases' },
    { code: 'activation-without-dense', break: (p) => { p.nodes.push(createNode('activation', 'early', { x: 0, y: 0 })); rewire(p, 'in', 'early'); p.edges.push({ id: 'x', source: 'early', target: 'h' }) }, nodeId: 'early' },
    { code: 'double-activation', break: (p) => { p.nodes.push(createNode('activation', 'again', { x: 0, y: 0 })); rewire(p, 'sig', 'again'); p.edges.push({ id: 'x', source: 'again', target: 'o' }) }, nodeId: 'again' },
    { code: 'softmax-one-unit', break: (p) => { params(p, 'sig2').activation = 'softmax' }, nodeId: 'sig2' },
    { code: 'loss-activation-mismatch', break: (p) => { params(p, 'loss').loss = 'bce'; params(p, 'sig2').activation = 'tanh' }, nodeId: 'loss' },
    { code: 'loss-activation-mismatch', break: (p) => { params(p, 'loss').loss = 'softmaxCrossEntropy' }, nodeId: 'loss' },
    { code: 'step-with-gradient', break: (p) => { params(p, 'sig').activation = 'step' }, nodeId: 'sig' },
    { code: 'perceptron-needs-step', break: (p) => { params(p, 'opt').optimizer = 'perceptron' }, nodeId: 'opt' },
    { code: 'early-stopping-without-validation', break: (p) => { params(p, 'opt').earlyStopping = true }, nodeId: 'opt', severity: 'warning' },
    { code: 'nothing-to-train', break: (p) => { for (const id of ['h', 'o']) { params(p, id).trainWeights = false; params(p, id).trainBiases = false } }, nodeId: 'h', severity: 'warning' },
  ]

  it.each(cases.map((c, i) => [`${c.code} #${i}`, c] as const))('%s', (_, c) => {
    const p = xorProject()
    c.break(p)
    const { spec, diagnostics } = compileGraph(p)
    const found = diagnostics.filter((d) => d.code === c.code)
    expect(found.length, JSON.stringify(diagnostics, null, 1)).toBeGreaterThan(0)
    const d = found[0]
    expect(d.severity).toBe(c.severity ?? 'error')
    if (c.nodeId) expect(d.nodeId).toBe(c.nodeId)
    if (c.edgeId) expect(d.edgeId).toBe(c.edgeId)
    if (c.param) expect(d.param).toBe(c.param)
    expect(d.message.length).toBeGreaterThan(10)
    expect(d.hint.length).toBeGreaterThan(5)
    expect(spec === null).toBe(d.severity === 'error')
  })

  it('accepts a single step layer with the perceptron rule, and softmax cross-entropy on logits', () => {
    const p = xorProject()
    remove(p, 'h')
    remove(p, 'sig')
    params(p, 'sig2').activation = 'step'
    params(p, 'opt').optimizer = 'perceptron'
    expect(compileGraph(p).diagnostics).toEqual([])

    const q = xorProject()
    q.data = { kind: 'inline', inputs: [[0, 0], [1, 1]], targets: [[1, 0], [0, 1]] }
    params(q, 'o').units = 2
    remove(q, 'sig2')
    params(q, 'loss').loss = 'softmaxCrossEntropy'
    expect(compileGraph(q).diagnostics).toEqual([])
  })

  it('checks sizes against a loaded data shape for file data', () => {
    const p = xorProject()
    p.data = { kind: 'file', format: 'csv', path: 'x.csv', scaling: 'none' }
    params(p, 'in').size = 'auto'
    expect(compileGraph(p, { dataShape: { inputSize: 2, targetSize: 1 } }).spec!.model.inputSize).toBe(2)
    const bad = compileGraph(p, { dataShape: { inputSize: 2, targetSize: 3 } })
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['output-size-mismatch'])
  })

  it('words a size mismatch as a teacher would say it: one unit, one target, one feature', () => {
    const p = xorProject()
    p.data = { kind: 'file', format: 'csv', path: 'x.csv', scaling: 'none' }
    params(p, 'in').size = 2
    params(p, 'o').units = 4
    const messages = compileGraph(p, { dataShape: { inputSize: 1, targetSize: 1 } }).diagnostics.map((d) => d.message)
    expect(messages).toContain('The input has size 2 but the data has 1 feature.')
    expect(messages).toContain('The output layer has 4 units but the data has 1 target.')
    params(p, 'o').units = 1
    const wider = compileGraph(p, { dataShape: { inputSize: 1, targetSize: 3 } }).diagnostics.map((d) => d.message)
    expect(wider).toContain('The output layer has 1 unit but the data has 3 targets.')
  })

  it('maps optimizer settings onto the spec', () => {
    const p = xorProject()
    Object.assign(params(p, 'opt'), {
      optimizer: 'adam',
      batchMode: 'mini',
      batchSize: 2,
      clipNorm: 5,
      targetLoss: 0.01,
      validationFraction: 0.25,
      earlyStopping: true,
      schedule: { id: 'step', every: 10, factor: 0.5 },
    })
    // A new optimizer node trains until solved; `until` and its target reach the spec.
    expect(params(p, 'opt').stop).toBe('solved')
    const { spec } = compileGraph(p)
    expect(spec!.optimizer).toEqual({ id: 'adam', learningRate: 0.5, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 })
    expect(spec!.regularization).toEqual({ l2: 0, l1: 0, clipNorm: 5 })
    expect(spec!.schedule).toEqual({ id: 'step', every: 10, factor: 0.5 })
    expect(spec!.training).toEqual({
      batch: { mode: 'mini', size: 2 },
      maxEpochs: 100,
      until: 'solved',
      targetAccuracy: 1,
      shuffle: true,
      targetLoss: 0.01,
      validationFraction: 0.25,
      earlyStopping: { patience: 5, minDelta: 0, restoreBest: true },
    })
  })
})
