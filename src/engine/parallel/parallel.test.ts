import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installWasmKernels, installedWasmKernel } from '../kernels/install'
import { startNodeGradientPool } from '../host/node/gradientPool'
import { createSession, dense, engineSpec, merge } from '../train'
import { createRng } from '../rng'
import { NETWORK_INPUT, type Dataset, type EngineSpec } from '../spec'
import { gradientPool, installGradientPool, splitRows, type GradientPool } from './index'
import { PARALLEL_MIN_WORK, singleThreadReason, worthSplitting } from './eligible'
import { GradientTeam, type TeamPool } from './team'
import { parameterCount } from '../nn/network'

/** 900 rows of 100 "pixels"; the class is the brightest of three bands, so a network can learn it. */
function bandsDataset(count = 900, inputSize = 100): Dataset {
  const rng = createRng(7)
  const inputs = new Uint8Array(count * inputSize)
  const labels = new Uint8Array(count)
  for (let i = 0; i < count; i++) {
    const sums = [0, 0, 0]
    for (let k = 0; k < inputSize; k++) {
      const v = rng.uniform() < 0.5 ? 0 : rng.int(256)
      inputs[i * inputSize + k] = v
      sums[Math.min(2, Math.floor((3 * k) / inputSize))] += v
    }
    labels[i] = sums.indexOf(Math.max(...sums))
  }
  return { count, inputSize, inputs, inputScale: 1 / 255, targetSize: 3, labels }
}

function spec(batch = 300, hidden = 100): EngineSpec {
  return engineSpec(
    {
      inputSize: 100,
      layers: [dense('hidden', hidden, 'relu', { weightInit: { id: 'heNormal' } }), dense('output', 3, 'softmax')],
      loss: { id: 'softmaxCrossEntropy', reduction: 'mean' },
      precision: 'float32',
    },
    { seed: 3, optimizer: { id: 'sgd', learningRate: 0.5 }, training: { batch: { mode: 'mini', size: batch }, maxEpochs: 3, shuffle: true, validationFraction: 0 } },
  )
}

/** Train 3 epochs with `threads` threads; the final parameters, losses and the threads used. */
function train(pool: GradientPool, threads: number, ds: Dataset, batch = 300) {
  pool.setThreads(threads)
  const session = createSession(spec(batch), ds)
  const losses: number[] = []
  for (let e = 0; e < 3; e++) losses.push(session.runEpoch()!.loss)
  return { params: session.getFlatParams(), losses, threads: session.parallel.threads, split: session.parallel.splitChunks, accuracy: session.history[2].accuracy! }
}

describe('data-parallel training over worker_threads', () => {
  let pool: GradientPool
  const ds = bandsDataset()

  beforeAll(async () => {
    expect(installWasmKernels({ threads: 2 })).toBe(true)
    expect(installedWasmKernel()?.layout.threads).toBe(2)
    pool = (await startNodeGradientPool(2))!
    expect(pool).not.toBeNull()
  })
  afterAll(() => {
    gradientPool()?.close()
    installGradientPool(null)
  })

  it('splits a chunk: the session thread a little less than an even share, the helpers the rest evenly', () => {
    // The session thread (first) takes 90 % of an even share: it also stages, reduces and updates.
    expect(splitRows(300, 2)).toEqual([135, 165])
    expect(splitRows(64, 2)).toEqual([28, 36])
    expect(splitRows(300, 3)).toEqual([90, 105, 105])
    expect(splitRows(7, 3)).toEqual([2, 3, 2])
    expect(splitRows(1, 2)).toEqual([1, 0])
    expect(splitRows(5, 1)).toEqual([5])
    for (const [rows, threads] of [[300, 2], [299, 3], [8, 2], [1024, 8]]) {
      expect(splitRows(rows, threads).reduce((a, b) => a + b)).toBe(rows)
    }
  })

  it('trains with 2 threads, bit-identically on every run', () => {
    const a = train(pool, 2, ds)
    const b = train(pool, 2, ds)
    expect(a.threads).toBe(2)
    expect(a.split).toBe(9) // 3 epochs × 3 batches of 300
    expect(b.params).toEqual(a.params)
    expect(b.losses).toEqual(a.losses)
    expect(a.losses[2]).toBeLessThan(a.losses[0]) // and it learns
    expect(a.accuracy).toBeGreaterThan(0.4) // above chance (1/3) after 9 updates
  })

  it('gives the same bits when the rows come as floats (read by the session) or as bytes (staged for the helper)', () => {
    // The same pixels as float32 (byte · 1/255, one rounding, as the byte path computes them).
    const asFloats: Dataset = { ...ds, inputs: Float32Array.from(ds.inputs, (v) => v * (1 / 255)), inputScale: 1 }
    const bytes = train(pool, 2, ds)
    const floats = train(pool, 2, asFloats)
    expect(floats.split).toBe(9)
    expect(floats.params).toEqual(bytes.params)
    expect(floats.losses).toEqual(bytes.losses)
  })

  it('runs chunks below the work threshold on one thread, with the bits of a one-thread run', () => {
    const params = parameterCount(spec().model)
    expect(worthSplitting(8, params, 2, 'train')).toBe(false) // 8 rows × 10,403 parameters × 3 passes < PARALLEL_MIN_WORK
    expect(worthSplitting(300, params, 2, 'train')).toBe(true)
    expect(worthSplitting(300, params, 1, 'train')).toBe(false)
    expect(worthSplitting(Math.ceil(PARALLEL_MIN_WORK / params), params, 2, 'evaluate')).toBe(true)
    expect(worthSplitting(Math.ceil(PARALLEL_MIN_WORK / params) - 1, params, 2, 'evaluate')).toBe(false)
    const one = train(pool, 1, ds, 8)
    const two = train(pool, 2, ds, 8)
    expect(two.threads).toBe(2) // the session has its helpers ...
    expect(two.split).toBe(0) // ... but no batch of 8 is worth a second thread
    expect(two.params).toEqual(one.params)
    expect(two.losses).toEqual(one.losses)
  })

  it('computes a share itself, with the same bits, when the helper has not started it', () => {
    pool.setThreads(2)
    const session = createSession(spec(), ds)
    session.runEpoch()
    const nw = session.network
    const team = session.parallel.teamFor(300)!
    expect(team).not.toBeNull()
    const order = Int32Array.from({ length: 300 }, (_, i) => (i * 7) % ds.count)
    const gradient = (t: GradientTeam) => {
      nw.grads.fill(0)
      const losses: number[] = []
      const loss = t.processChunk(ds, order, 0, 300, 1 / 300, (l) => losses.push(l))
      return { grads: Float32Array.from(nw.grads), loss, losses }
    }
    // On a busy machine the session may take a share back here too: keep a gradient the helper computed.
    let shared = gradient(team)
    for (let tries = 0; tries < 10 && team.sharesTakenBack > 0; tries++) {
      team.sharesTakenBack = 0
      shared = gradient(team)
    }
    expect(team.sharesTakenBack).toBe(0)
    // A pool whose helper never starts a job: the session takes every share back.
    const idle: TeamPool = {
      post: () => undefined,
      claim: () => true,
      awaitDone: () => Number.NaN,
      reductionReady: () => undefined,
      claimReduction: () => true,
      awaitReduction: () => undefined,
      holds: () => true,
      splitChunks: 0,
    }
    const f32 = (length: number) => nw.alloc(length) as Float32Array
    const stages = [new Uint8Array(300 * 100), new Uint8Array(300 * 100)] as const
    const buffers = { X: f32(300 * 100), T: f32(300 * 3), out: f32(300 * 3), grads: f32(nw.grads.length), stages, stagedTargets: [f32(300 * 3), f32(300 * 3)] as const }
    const alone = new GradientTeam(idle, nw, [buffers], [1])
    const here = gradient(alone)
    expect(alone.sharesTakenBack).toBe(1)
    expect(here.grads).toEqual(shared.grads)
    expect(here.losses).toEqual(shared.losses)
    expect(here.loss).toBe(shared.loss)
    const evaluated = (t: GradientTeam) => {
      const losses: number[] = []
      const outs: number[] = []
      t.evaluateChunk(ds, order, 0, 300, (l, rows, out) => (losses.push(l), outs.push(...out.subarray(0, rows * 3))))
      return { losses, outs }
    }
    expect(evaluated(alone)).toEqual(evaluated(team))
  })

  it('splits the evaluation of a session that trains on two threads: same accuracy, deterministic loss', () => {
    pool.setThreads(2)
    const session = createSession(spec(300, 300), ds)
    session.runEpoch()
    const before = session.parallel.splitEvaluations
    const a = session.evaluate(ds)
    const b = session.evaluate(ds)
    expect(session.parallel.splitEvaluations - before).toBe(6) // 900 rows: 3 chunks of 300, twice
    expect(b).toEqual(a)
    // The same parameters evaluated on one thread (a session that never trained has no helpers).
    const single = createSession(spec(300, 300), ds)
    single.network.params.set(session.network.params)
    const c = single.evaluate(ds)
    expect(single.parallel.splitEvaluations).toBe(0)
    expect(c.accuracy).toBe(a.accuracy)
    expect(c.confusion).toEqual(a.confusion)
    expect(c.loss).toBeCloseTo(a.loss, 6) // the shares' losses are summed in another order
  })

  it('agrees with one thread to float32 rounding', () => {
    const one = train(pool, 1, ds)
    const two = train(pool, 2, ds)
    expect(one.threads).toBe(1)
    expect(one.split).toBe(0)
    let worst = 0
    for (let i = 0; i < one.params.length; i++) worst = Math.max(worst, Math.abs(one.params[i] - two.params[i]))
    expect(worst).toBeGreaterThan(0) // a different summation order, so not the same bits ...
    expect(worst).toBeLessThan(1e-4) // ... but the same numbers to float32 rounding
    two.losses.forEach((loss, e) => expect(loss).toBeCloseTo(one.losses[e], 5))
  })

  it('keeps float64 (lecture) networks, dropout and the perceptron on one thread', () => {
    pool.setThreads(2)
    const f64 = { ...spec(), model: { ...spec().model, precision: 'float64' as const } }
    expect(singleThreadReason(f64.model, 'sgd')).toMatch(/float64/)
    const session = createSession(f64, ds)
    session.runEpoch()
    expect(session.parallel.threads).toBe(1)
    expect(session.parallel.splitChunks).toBe(0)
    const dropout = { ...spec().model, layers: [spec().model.layers[0], { kind: 'dropout' as const, nodeId: 'd', rate: 0.5 }, spec().model.layers[1]] }
    expect(singleThreadReason(dropout, 'sgd')).toMatch(/dropout/)
    // Branches that merge (Add, Concatenate) are not split yet.
    const [hidden, output] = spec().model.layers
    const branches = { ...spec().model, layers: [hidden, dense('side', 100, 'relu', { inputs: [NETWORK_INPUT] }), merge('add', 'sum', ['hidden', 'side']), output] }
    expect(singleThreadReason(branches, 'sgd')).toMatch(/add/)
    expect(singleThreadReason(spec().model, 'perceptron')).toMatch(/perceptron/)
    expect(singleThreadReason(spec().model, 'sgd')).toBeNull()
  })

  it('hands the helpers to the newest session; the one before goes on with one thread', () => {
    pool.setThreads(2)
    const first = createSession(spec(), ds)
    first.runEpoch()
    expect(first.parallel.threads).toBe(2)
    const second = createSession(spec(), ds)
    second.runEpoch()
    expect(second.parallel.threads).toBe(2)
    expect(first.parallel.threads).toBe(1)
    expect(first.runEpoch()!.loss).toBeGreaterThan(0)
  })
})
