import { describe, expect, it } from 'vitest'
import { compileGraph, inlineDataset, type InlineData, type Project } from '../project'
import { createSession, type Session } from '../train'
import { framesFor, TimeMachine } from './timeMachine'
import { xorChainProject } from '../../../test/projectBuilder'

const DATA: InlineData = { kind: 'inline', inputs: [[0, 0], [0, 1], [1, 0], [1, 1], [0.5, 0.2], [0.1, 0.9]], targets: [[0], [1], [1], [0], [1], [1]] }

/** input → dense(4) → tanh → batch norm → dense(1) → sigmoid → bce; momentum, mini-batches of 2, shuffled. */
const project = (precision: 'float64' | 'float32', epochs: number): Project =>
  xorChainProject({ precision, seed: 5, data: DATA, hiddenUnits: 4, optimizer: { optimizer: 'momentum', learningRate: 0.3, batchMode: 'mini', batchSize: 2, shuffle: true, epochs } })

function session(precision: 'float64' | 'float32', epochs: number): Session {
  const { spec, diagnostics } = compileGraph(project(precision, epochs))
  if (!spec) throw new Error(JSON.stringify(diagnostics))
  return createSession(spec, inlineDataset(DATA))
}

const at = (s: Session) => ({ epoch: s.epoch, iteration: s.iteration, restored: s.restoredEpoch !== null })

describe('training time machine', () => {
  it.each(['float64', 'float32'] as const)('replayed weights at epoch k are bit-identical to a rerun with the same seed stopped at epoch k (%s)', (precision) => {
    const s = session(precision, 20)
    const machine = new TimeMachine(4)
    machine.observe(s.network, at(s))
    while (!s.stopped) {
      s.step('epoch')
      machine.observe(s.network, at(s))
    }
    // 20 epochs in at most 4 copies: thinned evenly, the start always kept.
    expect(machine.epochs()).toEqual([0, 8, 16])
    for (const k of machine.epochs()) {
      const rerun = session(precision, Math.max(k, 1))
      if (k > 0) expect(rerun.trainToEnd()).toBe('maxEpochs')
      const frame = machine.frame(k)
      expect(frame.params).toEqual(k > 0 ? rerun.network.params : session(precision, 1).network.params)
      if (k > 0) expect(frame.state).toEqual(rerun.network.state)
      if (k > 0) expect(frame.grads).toEqual(rerun.network.grads)
    }
  })

  it('replays an epoch and puts the present back exactly', () => {
    const s = session('float64', 6)
    const machine = new TimeMachine(10)
    machine.observe(s.network, at(s))
    s.step('epoch')
    machine.observe(s.network, at(s))
    const epoch1 = s.predict([0, 1, 1, 0], 2)
    s.trainToEnd()
    const present = { params: s.network.params.slice(), state: s.network.state.slice(), grads: s.network.grads.slice() }
    expect(machine.replay(s.network, 1, () => s.predict([0, 1, 1, 0], 2))).toEqual(epoch1)
    expect(s.network.params).toEqual(present.params)
    expect(s.network.state).toEqual(present.state)
    expect(s.network.grads).toEqual(present.grads)
    expect(() => machine.replay(s.network, 3, () => 0)).toThrow('Epoch 3 was not recorded (recorded: 0, 1).')
  })

  it('records each epoch once, skips restored weights, and starts again after a restart', () => {
    const s = session('float64', 3)
    const machine = new TimeMachine(5)
    machine.observe(s.network, at(s))
    machine.observe(s.network, at(s))
    s.step('epoch')
    machine.observe(s.network, { ...at(s), restored: true })
    expect(machine.epochs()).toEqual([0])
    machine.restart()
    expect(machine.epochs()).toEqual([])
    expect(() => new TimeMachine(1)).toThrow(RangeError)
  })

  it('keeps fewer copies of a big network (at least two)', () => {
    const net = (n: number) => ({ params: new Float64Array(n), state: new Float64Array(0), grads: new Float64Array(n) }) as unknown as Parameters<typeof framesFor>[0]
    expect(framesFor(net(10), { frames: 100, bytes: 64e6 })).toBe(100)
    expect(framesFor(net(1_000_000), { frames: 100, bytes: 64e6 })).toBe(4)
    expect(framesFor(net(100_000_000), { frames: 100, bytes: 64e6 })).toBe(2)
  })
})
