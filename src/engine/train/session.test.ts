/** Session behaviour: update rules end to end, determinism, stopping, divergence, precision. */
import { describe, expect, it } from 'vitest'
import type { Dataset, EngineSpec } from '../spec'
import { createRng, createStreams } from '../rng'
import { createNetwork, networkForward } from '../nn/network'
import { createSession, dense, engineSpec, EngineError, tableDataset } from './index'
import { traceSample } from '../trace/trace'

function regressionData(count: number, seed = 5): Dataset {
  const rng = createRng(seed)
  const inputs: number[][] = []
  const targets: number[][] = []
  for (let i = 0; i < count; i++) {
    const x = [rng.range(-1, 1), rng.range(-1, 1), rng.range(-1, 1)]
    inputs.push(x)
    targets.push([Math.sin(x[0]) + 0.5 * x[1] * x[2], x[0] - x[2]])
  }
  return tableDataset(inputs, targets)
}

function mlpSpec(extra: Partial<EngineSpec> = {}, hidden: 'tanh' | 'noisyRelu' = 'tanh'): EngineSpec {
  return engineSpec(
    {
      inputSize: 3,
      layers: [dense('h1', 8, hidden), { kind: 'dropout', nodeId: 'drop', rate: 0.2 }, dense('out', 2, 'linear')],
      loss: { id: 'mse', reduction: 'mean' },
    },
    {
      seed: 11,
      optimizer: { id: 'adam', learningRate: 0.01 },
      training: { batch: { mode: 'mini', size: 8 }, maxEpochs: 5, shuffle: true, validationFraction: 0.25 },
      ...extra,
    },
  )
}

describe('mini-batch rule and regularisation through a session', () => {
  it('mean reduction: w ← w − η/|B|·Σ∂C_i/∂w equals the average of per-example gradients', () => {
    const data = regressionData(6)
    const spec = (batch: EngineSpec['training']['batch']) =>
      engineSpec(
        { inputSize: 3, layers: [dense('o', 2, 'linear')], loss: { id: 'halfSse', reduction: 'mean' } },
        { optimizer: { id: 'sgd', learningRate: 0.3 }, training: { batch, maxEpochs: 1, shuffle: false, validationFraction: 0 } },
      )
    const full = createSession(spec({ mode: 'full' }), data)
    const w0 = full.getFlatParams()
    full.step('batch')
    // Per-example gradients from traces (no update applied), averaged by hand.
    const probe = createSession(spec({ mode: 'online' }), data)
    const sum = new Float64Array(w0.length)
    for (let i = 0; i < 6; i++) {
      const tr = traceSample(probe, i)
      const flat = [...tr.layers[0].gradWeights!.flat(), ...tr.layers[0].gradBiases!]
      flat.forEach((g, k) => (sum[k] += g))
    }
    const expected = Array.from(w0, (w, k) => w - (0.3 / 6) * sum[k])
    Array.from(full.getFlatParams()).forEach((w, k) => expect(w).toBeCloseTo(expected[k], 14))
    expect(full.iteration).toBe(1)
    expect(full.epoch).toBe(1)
  })

  it("L2 as lecture 002: w ← (1 − ηλ/n)·w − η·g, biases not decayed", () => {
    const data = regressionData(10)
    const base = engineSpec(
      { inputSize: 3, layers: [dense('o', 2, 'linear', { biasInit: { id: 'constant', value: 0.5 } })] },
      { optimizer: { id: 'sgd', learningRate: 0.2 }, training: { batch: { mode: 'full' }, maxEpochs: 1, shuffle: false, validationFraction: 0 } },
    )
    const plain = createSession(base, data)
    const decayed = createSession({ ...base, regularization: { l2: 3, l1: 0 } }, data)
    const w0 = plain.getParams()[0]
    plain.step('batch')
    decayed.step('batch')
    const p = plain.getParams()[0]
    const d = decayed.getParams()[0]
    const factor = (0.2 * 3) / 10
    d.weights.forEach((w, k) => expect(w).toBeCloseTo(p.weights[k] - factor * w0.weights[k], 14))
    expect(Array.from(d.biases!)).toEqual(Array.from(p.biases!))
    const l1 = createSession({ ...base, regularization: { l2: 0, l1: 3 } }, data)
    l1.step('batch')
    l1.getParams()[0].weights.forEach((w, k) => expect(w).toBeCloseTo(p.weights[k] - factor * Math.sign(w0.weights[k]), 14))
  })

  it("'example' steps in a batch mode accumulate and update once per batch", () => {
    const data = regressionData(8)
    const spec = mlpSpec({ training: { batch: { mode: 'mini', size: 4 }, maxEpochs: 3, shuffle: true, validationFraction: 0 } })
    const byExample = createSession(spec, data)
    const byBatch = createSession(spec, data)
    for (let i = 0; i < 3; i++) expect(byExample.step('example').updated).toBe(false)
    expect(byExample.step('example').updated).toBe(true)
    byBatch.step('batch')
    expect(byExample.iteration).toBe(1)
    expect(byExample.position).toBe(4)
    expect(byBatch.position).toBe(4)
  })
})

describe('dropout statistics', () => {
  it('inverted scaling keeps the mean; the drop rate is respected; off at evaluation', () => {
    const rate = 0.3
    const model = {
      inputSize: 1000,
      layers: [{ kind: 'dropout' as const, nodeId: 'd', rate }, dense('o', 1, 'linear')],
      loss: { id: 'halfSse' as const, reduction: 'mean' as const },
      precision: 'float64' as const,
    }
    const nw = createNetwork(model, 100, createRng(1))
    nw.X.fill(1)
    const streams = createStreams(9)
    networkForward(nw, 0, 100, { dropout: streams.dropout, noise: streams.noise })
    const out = nw.layers[0].out
    let zeros = 0
    let sum = 0
    let others = 0
    for (const v of out) {
      if (v === 0) zeros++
      else if (Math.abs(v - 1 / (1 - rate)) > 1e-12) others++
      sum += v
    }
    expect(others).toBe(0)
    expect(zeros / out.length).toBeGreaterThan(rate - 0.01)
    expect(zeros / out.length).toBeLessThan(rate + 0.01)
    expect(sum / out.length).toBeGreaterThan(0.985)
    expect(sum / out.length).toBeLessThan(1.015)
    networkForward(nw, 0, 100, null)
    expect(nw.layers[0].out.every((v) => v === 1)).toBe(true)
  })
})

describe('determinism', () => {
  it('same spec and seed give bit-identical weights after N steps (dropout, noise, shuffle, split)', () => {
    const data = regressionData(40)
    for (const hidden of ['tanh', 'noisyRelu'] as const) {
      const a = createSession(mlpSpec({}, hidden), data)
      const b = createSession(mlpSpec({}, hidden), data)
      a.trainToEnd()
      for (let i = 0; i < 100 && !b.stopped; i++) b.trainSteps(2)
      expect(b.getFlatParams()).toEqual(a.getFlatParams())
      expect(b.history).toEqual(a.history)
    }
  })

  it('changing the batch size leaves the initial weights and the split unchanged', () => {
    const data = regressionData(40)
    const a = createSession(mlpSpec(), data)
    const b = createSession(mlpSpec({ training: { batch: { mode: 'online' }, maxEpochs: 5, shuffle: true, validationFraction: 0.25 } }), data)
    expect(b.getFlatParams()).toEqual(a.getFlatParams())
    expect(b.valIndices).toEqual(a.valIndices)
    const c = createSession({ ...mlpSpec(), seed: 12 }, data)
    expect(c.getFlatParams()).not.toEqual(a.getFlatParams())
  })
})

describe('stopping', () => {
  it('target loss, max epochs, early stopping with restore-best', () => {
    const data = regressionData(40)
    const t = createSession(mlpSpec({ training: { batch: { mode: 'mini', size: 8 }, maxEpochs: 500, shuffle: true, validationFraction: 0, targetLoss: 0.05 } }), data)
    expect(t.trainToEnd()).toBe('targetLoss')
    expect(t.history.at(-1)!.loss).toBeLessThanOrEqual(0.05)
    const es = createSession(
      mlpSpec({
        optimizer: { id: 'sgd', learningRate: 0.5 },
        training: { batch: { mode: 'online' }, maxEpochs: 400, shuffle: true, validationFraction: 0.25, earlyStopping: { patience: 5, minDelta: 0, restoreBest: true } },
      }),
      data,
    )
    const reason = es.trainToEnd()
    expect(reason).toBe('earlyStopping')
    {
      const best = Math.min(...es.history.map((m) => m.valLoss!))
      const bestEpoch = es.history.findIndex((m) => m.valLoss === best)
      expect(es.history.length).toBe(bestEpoch + 1 + 5)
      expect(es.evaluate(es.train, es.valIndices).loss).toBeCloseTo(best, 10)
    }
  })

  /** Noisy targets on few examples: the validation loss falls, then rises as the net fits the noise. */
  function overfitting(): Dataset {
    const rng = createRng(9)
    const inputs: number[][] = []
    const targets: number[][] = []
    for (let i = 0; i < 24; i++) {
      const x = [rng.range(-1, 1), rng.range(-1, 1), rng.range(-1, 1)]
      inputs.push(x)
      targets.push([x[0] + rng.range(-1, 1), x[1] - x[2] + rng.range(-1, 1)])
    }
    return tableDataset(inputs, targets)
  }
  // Patience longer than the run: only max epochs (or the target loss) can end it.
  const overfitSpec = (restoreBest: boolean, targetLoss?: number): EngineSpec =>
    engineSpec(
      { inputSize: 3, layers: [dense('h1', 32, 'tanh'), dense('out', 2, 'linear')], loss: { id: 'mse', reduction: 'mean' } },
      {
        seed: 4,
        optimizer: { id: 'adam', learningRate: 0.03 },
        training: {
          batch: { mode: 'mini', size: 6 },
          maxEpochs: 150,
          shuffle: true,
          validationFraction: 0.25,
          ...(targetLoss !== undefined ? { targetLoss } : {}),
          earlyStopping: { patience: 1000, minDelta: 0, restoreBest },
        },
      },
    )
  /** Weights after every epoch of a run without restore-best (the same run up to its last epoch). */
  function snapshotsByEpoch(spec: EngineSpec, data: Dataset): Float64Array[] {
    const ref = createSession(spec, data)
    const snapshots: Float64Array[] = []
    while (!ref.stopped) {
      ref.runEpoch()
      snapshots.push(ref.getFlatParams())
    }
    return snapshots
  }

  it('restore-best also applies when max epochs ends an overfitting run: the final weights are the best epoch\'s, bit for bit', () => {
    const data = overfitting()
    const snapshots = snapshotsByEpoch(overfitSpec(false), data)
    const s = createSession(overfitSpec(true), data)
    expect(s.trainToEnd()).toBe('maxEpochs')
    const valLosses = s.history.map((m) => m.valLoss!)
    const bestEpoch = valLosses.indexOf(Math.min(...valLosses)) + 1
    expect(bestEpoch).toBeLessThan(100)
    expect(s.restoredEpoch).toBe(bestEpoch)
    expect(s.history.at(-1)!.restoredEpoch).toBe(bestEpoch)
    expect(s.history.slice(0, -1).every((m) => m.restoredEpoch === undefined)).toBe(true)
    expect(s.getFlatParams()).toEqual(snapshots[bestEpoch - 1])
    expect(s.evaluate(s.train, s.valIndices).loss).toBe(valLosses[bestEpoch - 1])
    // Same run without restore-best: the last epoch's weights stay.
    const keep = createSession(overfitSpec(false), data)
    expect(keep.trainToEnd()).toBe('maxEpochs')
    expect(keep.restoredEpoch).toBeNull()
    expect(keep.history.at(-1)!.restoredEpoch).toBeUndefined()
    expect(keep.getFlatParams()).toEqual(snapshots[149])
    expect(keep.evaluate(keep.train, keep.valIndices).loss).toBe(valLosses[149])
  })

  it('restore-best applies when the target loss ends the run, and not when the last epoch is the best', () => {
    const data = overfitting()
    const snapshots = snapshotsByEpoch(overfitSpec(false), data)
    const full = createSession(overfitSpec(false), data)
    full.trainToEnd()
    // A target the training loss first reaches at epoch 120, long after the best validation epoch.
    const target = Math.min(...full.history.slice(0, 120).map((m) => m.loss))
    const t = createSession(overfitSpec(true, target), data)
    expect(t.trainToEnd()).toBe('targetLoss')
    const valLosses = t.history.map((m) => m.valLoss!)
    const bestEpoch = valLosses.indexOf(Math.min(...valLosses)) + 1
    expect(bestEpoch).toBeLessThan(t.epoch)
    expect(t.restoredEpoch).toBe(bestEpoch)
    expect(t.getFlatParams()).toEqual(snapshots[bestEpoch - 1])
    // Ending on an epoch that is itself the best leaves its weights and says nothing was restored.
    const firstEpochs = createSession({ ...overfitSpec(true), training: { ...overfitSpec(true).training, maxEpochs: 2 } }, data)
    expect(firstEpochs.trainToEnd()).toBe('maxEpochs')
    expect(firstEpochs.history[1].valLoss!).toBeLessThan(firstEpochs.history[0].valLoss!)
    expect(firstEpochs.restoredEpoch).toBeNull()
    expect(firstEpochs.getFlatParams()).toEqual(snapshots[1])
  })

  it('a huge learning rate stops with a DivergenceError naming the layer and the likely cause', () => {
    const data = regressionData(20)
    const spec = engineSpec(
      { inputSize: 3, layers: [dense('hidden-7', 8, 'linear'), dense('out-3', 2, 'linear')] },
      { optimizer: { id: 'sgd', learningRate: 1e6 }, training: { batch: { mode: 'online' }, maxEpochs: 50, shuffle: false, validationFraction: 0 } },
    )
    const s = createSession(spec, data)
    let error: unknown
    try {
      s.trainToEnd()
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(EngineError)
    const e = error as EngineError
    expect(e.name).toBe('DivergenceError')
    expect(e.message).toMatch(/layer "(hidden-7|out-3)"/)
    expect(e.message).toMatch(/learning rate/)
    expect(s.stopped).toBe('diverged')
  })

  it('a batch whose loss overflows leaves no gradient behind (not the last batch\'s)', () => {
    // float32: 3e38 · 2 overflows in the forward pass, so the third example's loss is infinite.
    const data = tableDataset([[1], [0.5], [3e38]], [[0], [1], [0]])
    const spec = engineSpec(
      { inputSize: 1, precision: 'float32', layers: [dense('out', 1, 'linear', { weightInit: { id: 'constant', value: 2 } })] },
      { optimizer: { id: 'sgd', learningRate: 0.1 }, training: { batch: { mode: 'online' }, maxEpochs: 1, shuffle: false, validationFraction: 0 } },
    )
    const s = createSession(spec, data)
    s.step('batch')
    s.step('batch')
    expect(s.gradientNorms()[0].norm).toBeGreaterThan(0)
    s.step('batch')
    expect(s.stopped).toBe('diverged')
    expect(s.error?.name).toBe('DivergenceError')
    expect(s.gradientNorms()).toEqual([{ nodeId: 'out', norm: 0 }])
  })

  it('spec errors name the node', () => {
    const data = regressionData(5)
    const bad = engineSpec({ inputSize: 3, layers: [dense('h', 4, 'step'), dense('o', 2, 'linear')] })
    expect(() => createSession(bad, data)).toThrow(/zero gradient/)
    // The data has 2 targets, the layer 3 units (a try/catch alone would pass if nothing threw).
    expect(() => createSession(engineSpec({ inputSize: 3, layers: [dense('o', 3, 'linear')] }), data)).toThrow(
      expect.objectContaining({ name: 'SpecError', nodeId: 'o' }),
    )
  })
})

describe('precision', () => {
  it('a float32 session trains and agrees with float64 to float32 tolerance', () => {
    const data = regressionData(32)
    const spec64 = engineSpec(
      { inputSize: 3, layers: [dense('h', 6, 'tanh'), dense('o', 2, 'linear')], loss: { id: 'mse', reduction: 'mean' } },
      { seed: 4, optimizer: { id: 'sgd', learningRate: 0.1 }, training: { batch: { mode: 'mini', size: 8 }, maxEpochs: 10, shuffle: true, validationFraction: 0 } },
    )
    const spec32: EngineSpec = { ...spec64, model: { ...spec64.model, precision: 'float32' } }
    const a = createSession(spec64, data)
    const b = createSession(spec32, data)
    expect(b.network.params).toBeInstanceOf(Float32Array)
    expect(b.network.X).toBeInstanceOf(Float32Array)
    a.trainToEnd()
    b.trainToEnd()
    expect(b.history.at(-1)!.loss).toBeLessThan(b.history[0].loss)
    const pa = a.getFlatParams()
    const pb = b.getFlatParams()
    pa.forEach((w, k) => expect(Math.abs(pb[k] - w)).toBeLessThan(1e-4 * Math.max(1, Math.abs(w))))
    expect(Math.abs(a.history.at(-1)!.loss - b.history.at(-1)!.loss)).toBeLessThan(1e-5)
  })
})

describe('running loss and mid-run optimizer settings', () => {
  it('runningTotals and lastUpdateLoss agree with the epoch metrics', () => {
    const s = createSession(mlpSpec({ training: { batch: { mode: 'mini', size: 8 }, maxEpochs: 3, shuffle: true, validationFraction: 0 } }), regressionData(32))
    expect(Number.isNaN(s.lastUpdateLoss)).toBe(true)
    let sum = 0
    for (let b = 0; b < 4; b++) {
      s.step('batch')
      sum += s.lastUpdateLoss * 8
      expect(s.runningTotals.count).toBe(8 * (b + 1))
      expect(s.runningTotals.lossSum).toBeCloseTo(sum, 12)
    }
    const first = s.runningTotals
    expect(first.lossSum / first.count).toBeCloseTo(s.history[0].loss, 12)
    s.step('batch')
    expect(s.runningTotals).not.toBe(first)
    expect(s.runningTotals.count).toBe(8)
  })

  it('setOptimizerSettings changes η and momentum, keeps the velocity, and matches a session built with them', () => {
    const spec = (lr: number, momentum: number) =>
      mlpSpec({
        optimizer: { id: 'momentum', learningRate: lr, momentum },
        training: { batch: { mode: 'mini', size: 8 }, maxEpochs: 3, shuffle: false, validationFraction: 0 },
      })
    const data = regressionData(16)
    // Changing nothing but resupplying the same values is a no-op.
    const a = createSession(spec(0.05, 0.9), data)
    const b = createSession(spec(0.05, 0.9), data)
    a.step('batch')
    b.step('batch')
    b.setOptimizerSettings({ learningRate: 0.05, momentum: 0.9 })
    a.step('batch')
    b.step('batch')
    expect(b.getFlatParams()).toEqual(a.getFlatParams())
    // A change takes effect at the next update, with the velocity carried over.
    const c = createSession(spec(0.05, 0.9), data)
    c.step('batch')
    const before = c.getFlatParams()
    const state = c.optimizer.saveState()
    c.setOptimizerSettings({ learningRate: 0.01, momentum: 0.5 })
    expect(c.learningRate).toBe(0.01)
    expect(c.optimizer.hyper().momentum).toBe(0.5)
    expect(c.spec.optimizer.learningRate).toBe(0.01)
    c.step('batch')
    // The same second update from a session built with η = 0.01, α = 0.5 and c's state.
    const d = createSession(spec(0.01, 0.5), data)
    d.step('batch')
    d.setFlatParams(before)
    d.optimizer.restoreState(state)
    d.step('batch')
    expect(c.getFlatParams()).toEqual(d.getFlatParams())
    expect(c.getFlatParams()).not.toEqual(b.getFlatParams())
    expect(() => c.setOptimizerSettings({ learningRate: -1 })).toThrow(EngineError)
  })
})
