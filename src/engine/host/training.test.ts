/**
 * The run controller, driven directly (no worker) through a fake `EngineHostIo` that records
 * every snapshot and can hold deliveries back to play a slow screen.
 */
import { describe, expect, it } from 'vitest'
import { dense, engineSpec } from '../train'
import type { EngineSpec } from '../spec'
import { createEngineApi } from './api'
import type { TrainingData } from './trainingTypes'
import { fakeHost, settle } from '../../../test/fakeEngineHost'
import { createPredictor, parseModel } from '../model'
import { trainedValuesOf } from '../experiments/runHistory'
import { autoSpeed } from './runPacing'

const mazurSpec: EngineSpec = engineSpec(
  {
    inputSize: 2,
    layers: [
      dense('h', 2, 'sigmoid', { weights: [[0.15, 0.2], [0.25, 0.3]], biases: [0.35, 0.35], trainBiases: false }),
      dense('o', 2, 'sigmoid', { weights: [[0.4, 0.45], [0.5, 0.55]], biases: [0.6, 0.6], trainBiases: false }),
    ],
    loss: { id: 'halfSse', reduction: 'mean' },
  },
  { optimizer: { id: 'sgd', learningRate: 0.5 } },
)
const mazurData: TrainingData = { kind: 'inline', inputs: [[0.05, 0.1]], targets: [[0.01, 0.99]] }

const encoderSpec: EngineSpec = engineSpec(
  {
    inputSize: 8,
    layers: [dense('hidden', 3, 'sigmoid'), dense('out', 8, 'sigmoid')],
    loss: { id: 'halfSse', reduction: 'mean' },
  },
  {
    seed: 42,
    optimizer: { id: 'momentum', learningRate: 0.5, momentum: 0.9 },
    training: { batch: { mode: 'online' }, maxEpochs: 3000, shuffle: true, validationFraction: 0 },
  },
)

const xorSpec: EngineSpec = engineSpec(
  {
    inputSize: 2,
    layers: [dense('h', 2, 'sigmoid', { weightInit: { id: 'uniform', low: -1, high: 1 } }), dense('o', 1, 'sigmoid', { weightInit: { id: 'uniform', low: -1, high: 1 } })],
    loss: { id: 'halfSse', reduction: 'mean' },
  },
  { seed: 3, optimizer: { id: 'sgd', learningRate: 2 }, training: { batch: { mode: 'full' }, maxEpochs: 3000, shuffle: false, validationFraction: 0 } },
)

describe('training API: step-through', () => {
  it("reproduces lecture 001's w5⁺ = 0.35891648 and numbers the weights w1…w8", async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('m', mazurSpec, mazurData)
    const t = await api.trace('m', 0)
    const [h, o] = t.layers
    expect(h.firstWeight).toBe(1)
    expect(o.firstWeight).toBe(5)
    expect(h.units).toEqual(['h1', 'h2'])
    expect(o.units).toEqual(['o1', 'o2'])
    expect(Number(o.weightsAfter[0][0].toFixed(8))).toBe(0.35891648)
    expect(Number(h.weightsAfter[0][0].toFixed(9))).toBe(0.149780716)
    expect(Number(t.trace.loss.toFixed(9))).toBe(0.298371109)
    // Without apply the session is unchanged; E after the update is smaller.
    expect(host.last().iteration).toBe(0)
    expect(t.lossAfter).toBeLessThan(t.trace.loss)
    const again = await api.trace('m', 0)
    expect(again.layers[1].weightsAfter).toEqual(o.weightsAfter)
  })

  it('with apply, takes the update: the next snapshot holds w5⁺', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('m', mazurSpec, mazurData)
    await api.trace('m', 0, { apply: true })
    const out = host.last().views.weights![1]
    expect(host.last().iteration).toBe(1)
    expect(out.weights[0]).toBeCloseTo(0.35891648, 6)
  })

  it('with apply, counts the example it trained on and draws its point on the curve (it was Examples 0, no point)', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('m', mazurSpec, mazurData)
    await api.trace('m', 0, { apply: true })
    expect(host.last()).toMatchObject({ epoch: 0, iteration: 1, examples: 1, position: 0 })
    const points = host.snapshots.flatMap((s) => s.points)
    expect(points).toHaveLength(1)
    expect(points[0]).toMatchObject({ iteration: 1, examples: 1, epoch: 0 })
    expect(Number(points[0].loss.toFixed(9))).toBe(0.298371109)
    // An epoch after it counts on from there; a reset forgets it.
    expect(await api.step('m', 'epoch')).toMatchObject({ epoch: 1, iteration: 2, examples: 2 })
    expect(host.snapshots.flatMap((s) => s.points).map((p) => p.examples)).toEqual([1, 2])
    expect(await api.reset('m')).toMatchObject({ iteration: 0, examples: 0 })
  })

  it('with apply on a classifier, the point says whether the example was right before the update', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('x', xorSpec, { kind: 'inline', inputs: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [[0], [1], [1], [0]] })
    const t = await api.trace('x', 1, { apply: true })
    const right = (t.trace.output[0] >= 0.5 ? 1 : 0) === 1 ? 1 : 0
    expect(host.snapshots.flatMap((s) => s.points)).toEqual([expect.objectContaining({ iteration: 1, examples: 1, accuracy: right })])
  })

  it('rejects a row outside the data', async () => {
    const api = createEngineApi(fakeHost().io)
    await api.startRun('m', mazurSpec, mazurData)
    await expect(api.trace('m', 3)).rejects.toThrow(RangeError)
  })
})

describe('training API: controls', () => {
  it('starts paused with a first snapshot, and step advances exactly one example', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    const info = await api.startRun('e', encoderSpec, { kind: 'builtin', id: 'identity838' })
    expect(info.probe?.count).toBe(8)
    expect(info.layers.map((l) => l.units)).toEqual([3, 8])
    expect(host.snapshots).toHaveLength(1)
    expect(host.last()).toMatchObject({ state: 'paused', epoch: 0, iteration: 0, examples: 0 })
    const p = await api.step('e', 'example')
    expect(p).toMatchObject({ iteration: 1, examples: 1, epoch: 0 })
    expect(host.last()).toMatchObject({ iteration: 1, examples: 1 })
    await api.step('e', 'epoch')
    expect(host.last()).toMatchObject({ epoch: 1, iteration: 8, examples: 8 })
    expect(host.last().epochs).toHaveLength(1)
    expect(host.last().epochs[0].confusion).toHaveLength(8)
  })

  it('pause stops the counters; resume continues them', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('e', encoderSpec, { kind: 'builtin', id: 'identity838' }, { speed: 5 })
    await api.resume('e')
    await settle()
    const paused = await api.pause('e')
    expect(paused.state).toBe('paused')
    expect(paused.iteration).toBeGreaterThan(0)
    expect(paused.iteration % 5).toBe(0)
    const count = host.snapshots.length
    await settle()
    expect(host.snapshots.length).toBe(count)
    expect(host.last()).toMatchObject({ state: 'paused', iteration: paused.iteration })
    await api.resume('e')
    await settle()
    expect((await api.pause('e')).iteration).toBeGreaterThan(paused.iteration)
  })

  it('paced speed n applies n updates per delivered snapshot', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('x', xorSpec, { kind: 'builtin', id: 'xor' }, { speed: 7 })
    await api.resume('x')
    await settle()
    await api.pause('x')
    const running = host.snapshots.filter((s) => s.state === 'running')
    expect(running.length).toBeGreaterThan(2)
    running.forEach((s, i) => expect(s.iteration).toBe(7 * (i + 1)))
    // One curve point per update (full batch = one update per epoch).
    expect(running[1].points.map((p) => p.iteration)).toEqual([8, 9, 10, 11, 12, 13, 14])
  })

  it('full speed is latest-wins: one snapshot in flight, training goes on, the next one is fresh', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    const long = { ...xorSpec, training: { ...xorSpec.training, maxEpochs: 1e9 } }
    await api.startRun('x', long, { kind: 'builtin', id: 'xor' }, { speed: 0 })
    host.setHold(true)
    await api.resume('x')
    await settle(60)
    expect(host.inFlight()).toBe(1)
    const held = host.last()
    const before = host.snapshots.length
    await settle(60)
    // Still one in flight, none built meanwhile, yet training went on.
    expect(host.snapshots.length).toBe(before)
    host.setHold(false)
    host.release()
    await settle(4)
    const fresh = host.snapshots[before]
    expect(fresh.seq).toBe(held.seq + 1)
    expect(fresh.iteration).toBeGreaterThan(held.iteration)
    // Curve points are never lost: they join the next delivered snapshot.
    await api.pause('x')
    const iterations = host.snapshots.flatMap((s) => s.points).map((p) => p.iteration)
    expect(iterations).toEqual(Array.from({ length: iterations.length }, (_, i) => i + 1))
  })

  it('trains the 8-3-8 encoder to 100% with 8 distinct hidden codes, then reports finished', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('e', encoderSpec, { kind: 'builtin', id: 'identity838' }, { speed: 0, autoStart: true })
    for (let i = 0; i < 5000 && host.last().state !== 'finished'; i++) await settle(20)
    const last = host.last()
    expect(last.state).toBe('finished')
    expect(last.stopReason).toBe('maxEpochs')
    expect(last.epoch).toBe(3000)
    const epochs = host.snapshots.flatMap((s) => s.epochs)
    expect(epochs).toHaveLength(3000)
    expect(epochs[epochs.length - 1].accuracy).toBe(1)
    const hidden = last.views.codes![0]
    expect(hidden.units).toBe(3)
    expect(hidden.distinctCodes).toBe(8)
    expect(hidden.out).toBeInstanceOf(Float32Array)
  })

  it('a run started at once says running in its first snapshot; one started paused says paused', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('go', xorSpec, { kind: 'builtin', id: 'xor' }, { speed: 1, autoStart: true })
    // A big network's first slice takes seconds: "paused" until then read "Ready: press Train".
    expect(host.snapshots[0]).toMatchObject({ state: 'running', iteration: 0 })
    await api.stop('go')
    const held = fakeHost()
    await createEngineApi(held.io).startRun('wait', xorSpec, { kind: 'builtin', id: 'xor' }, { speed: 1 })
    expect(held.snapshots[0]).toMatchObject({ state: 'paused', iteration: 0 })
  })

  it('reset re-initialises from the seed: the same weights as at the start, counters at 0', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('x', xorSpec, { kind: 'builtin', id: 'xor' })
    const initial = Array.from(host.last().views.weights![0].weights)
    await api.step('x', 'epoch')
    await api.step('x', 'epoch')
    expect(Array.from(host.last().views.weights![0].weights)).not.toEqual(initial)
    await api.reset('x')
    expect(host.last()).toMatchObject({ generation: 1, iteration: 0, epoch: 0, examples: 0 })
    expect(Array.from(host.last().views.weights![0].weights)).toEqual(initial)
  })

  it('the learning rate changes mid-run and the next updates use it', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('m', mazurSpec, mazurData)
    await api.setOptimizerSettings('m', { learningRate: 0.25 })
    expect(host.last().learningRate).toBe(0.25)
    const t = await api.trace('m', 0)
    // w5⁺ = w5 − η·∂E/∂w5 with η = 0.25 and ∂E/∂w5 = 0.082167041.
    expect(t.layers[1].weightsAfter[0][0]).toBeCloseTo(0.4 - 0.25 * 0.082167041, 9)
    await expect(api.setOptimizerSettings('m', { learningRate: -1 })).rejects.toThrow('learningRate must be a number ≥ 0.')
  })

  it('the decision-boundary picture for XOR changes while it trains', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    const info = await api.startRun('x', xorSpec, { kind: 'builtin', id: 'xor' }, { gridSize: 16 })
    expect(info.plane).toMatchObject({ size: 16 })
    const before = Array.from(host.last().views.boundary!.score)
    for (let i = 0; i < 50; i++) await api.step('x', 'epoch')
    const plane = host.last().views.boundary!
    expect(Array.from(plane.score)).not.toEqual(before)
    expect(plane.hidden[0]).toMatchObject({ nodeId: 'h', units: 2 })
    expect(plane.hidden[0].values).toHaveLength(2 * 16 * 16)
  })

  it('is deterministic: two runs with one seed give bit-identical weights', async () => {
    const weightsAfter = async () => {
      const host = fakeHost()
      const api = createEngineApi(host.io)
      await api.startRun('e', encoderSpec, { kind: 'builtin', id: 'identity838' })
      for (let i = 0; i < 20; i++) await api.step('e', 'epoch')
      return host.last().views.weights!.map((l) => Array.from(l.weights))
    }
    expect(await weightsAfter()).toEqual(await weightsAfter())
  })

  it('cancel(runId) stops a running run; stop forgets it', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('x', xorSpec, { kind: 'builtin', id: 'xor' }, { speed: 1, autoStart: true })
    await settle()
    api.cancel('x')
    await settle()
    expect(host.last().state).toBe('stopped')
    await api.stop('x')
    await expect(api.pause('x')).rejects.toThrow(/no training run/)
  })

  it('streams weights and gradients as transferable Float32Arrays with per-layer gradient norms', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('m', mazurSpec, mazurData)
    await api.step('m', 'example')
    const [h, o] = host.last().views.weights!
    expect(o.gradWeights).toBeInstanceOf(Float32Array)
    expect(o.gradWeights[0]).toBeCloseTo(0.082167041, 6)
    expect(h.gradWeights[0]).toBeCloseTo(0.000438568, 6)
    const [hNorm, oNorm] = host.last().gradNorms
    expect(oNorm).toBeGreaterThan(hNorm)
    expect(oNorm).toBeCloseTo(Math.hypot(...o.gradWeights, ...o.gradBiases!), 5)
  })
})

describe('training API: speed chosen by the engine', () => {
  it("'auto' watches the lecture nets at 20 updates per frame and trains big ones at full speed", async () => {
    const api = createEngineApi(fakeHost().io)
    expect((await api.startRun('x', xorSpec, { kind: 'builtin', id: 'xor' }, { speed: 'auto' })).speed).toBe(20)
    expect(autoSpeed(100, 20_000)).toBe(20)
    expect(autoSpeed(79_510, 1000)).toBe(0)
    // Without 'auto' the given speed stands (default full speed).
    expect((await api.startRun('y', xorSpec, { kind: 'builtin', id: 'xor' })).speed).toBe(0)
    expect((await api.startRun('z', xorSpec, { kind: 'builtin', id: 'xor' }, { speed: 5 })).speed).toBe(5)
  })
})

describe('training API: export and errors', () => {
  it('trainedValues are the values of the model export, read in the engine (the page parses no model text)', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('x', xorSpec, { kind: 'builtin', id: 'xor' })
    for (let i = 0; i < 25; i++) await api.step('x', 'epoch')
    const parsed = parseModel(await api.exportModel('x'))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const values = await api.trainedValues('x')
    expect(values).toEqual(trainedValuesOf(parsed.model))
    // Both dense layers, weights and biases, exactly as trained (float64: the text round trip is exact).
    expect(Object.keys(values)).toHaveLength(2)
    expect(Object.values(values).every((v) => Array.isArray(v.weights) && Array.isArray(v.biases))).toBe(true)
    await expect(api.trainedValues('nope')).rejects.toThrow(/no training run "nope"/)
  })

  it('exportModel gives model JSON whose predictor matches the run bit for bit, with the data reference', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('x', xorSpec, { kind: 'builtin', id: 'xor' })
    for (let i = 0; i < 40; i++) await api.step('x', 'epoch')
    const text = await api.exportModel('x', { title: 'XOR', data: { kind: 'builtin', id: 'xor' } })
    const parsed = parseModel(text)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const model = parsed.model
    expect(model).toMatchObject({ title: 'XOR', data: { kind: 'builtin', id: 'xor' }, history: { epochs: 40, iterations: 40 } })
    // The same weights the last snapshot streamed (float64 run, float32 snapshot copy).
    const h = model.architecture.layers[0]
    expect(h.kind === 'dense' && Float32Array.from(h.weights.flat())).toEqual(host.last().views.weights![0].weights)
    // Predictions of the model file equal the run's network: a step-through is a forward pass of row 1.
    const t = await api.trace('x', 1)
    const out = createPredictor(model).predict(t.trace.input, 1)
    expect(out[0]).toBe(t.trace.layers.at(-1)!.out[0])
  })

  it('a diverging run reports DivergenceError with the layer it names, and stays exportable', async () => {
    const host = fakeHost()
    const api = createEngineApi(host.io)
    // A linear output is unbounded (a sigmoid one would only saturate): η = 10⁶ blows it up.
    const huge: EngineSpec = { ...xorSpec, optimizer: { id: 'sgd', learningRate: 1e6 }, model: { ...xorSpec.model, layers: [xorSpec.model.layers[0], dense('o', 1, 'linear')] } }
    await api.startRun('d', huge, { kind: 'builtin', id: 'xor' })
    for (let i = 0; i < 200 && host.last().state !== 'failed'; i++) await api.step('d', 'epoch')
    const s = host.last()
    expect(s.state).toBe('failed')
    expect(s.errorName).toBe('DivergenceError')
    expect(['h', 'o']).toContain(s.errorNodeId)
    expect(s.error).toMatch(new RegExp(`layer "${s.errorNodeId}".*learning rate η = 1000000`))
    await api.reset('d')
    expect(host.last()).toMatchObject({ state: 'paused', error: null, errorName: null, errorNodeId: null })
  })
})
