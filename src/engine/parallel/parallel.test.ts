import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installWasmKernels, installedWasmKernel } from '../kernels/install'
import { startNodeGradientPool } from '../host/node/gradientPool'
import { createSession, dense, engineSpec, merge } from '../train'
import { createRng } from '../rng'
import { NETWORK_INPUT, type Dataset, type EngineSpec } from '../spec'
import { gradientPool, installGradientPool, splitRows, type GradientPool } from './index'
import { singleThreadReason } from './eligible'

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

function spec(): EngineSpec {
  return engineSpec(
    {
      inputSize: 100,
      layers: [dense('hidden', 100, 'relu', { weightInit: { id: 'heNormal' } }), dense('output', 3, 'softmax')],
      loss: { id: 'softmaxCrossEntropy', reduction: 'mean' },
      precision: 'float32',
    },
    { seed: 3, optimizer: { id: 'sgd', learningRate: 0.5 }, training: { batch: { mode: 'mini', size: 300 }, maxEpochs: 3, shuffle: true, validationFraction: 0 } },
  )
}

/** Train 3 epochs with `threads` threads; the final parameters, losses and the threads used. */
function train(pool: GradientPool, threads: number, ds: Dataset) {
  pool.setThreads(threads)
  const session = createSession(spec(), ds)
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

  it('splits a chunk as evenly as possible, the first shares one row longer', () => {
    expect(splitRows(300, 2)).toEqual([150, 150])
    expect(splitRows(7, 3)).toEqual([3, 2, 2])
    expect(splitRows(1, 2)).toEqual([1, 0])
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
