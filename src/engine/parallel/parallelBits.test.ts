/**
 * The bits of data-parallel training, pinned: speed work on the threads (how a helper reads the
 * parameters, how shares are staged, reduced and updated) must leave every weight as it was.
 * The plain SIMD build, whose float32 arithmetic is IEEE-exact on every machine (the relaxed
 * build may fuse multiply-adds or not, by CPU), so these fingerprints hold everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installWasmKernels, installedWasmKernel } from '../kernels/install'
import { startNodeGradientPool } from '../host/node/gradientPool'
import { createSession, dense, engineSpec } from '../train'
import { createRng } from '../rng'
import type { Dataset, EngineSpec } from '../spec'
import { gradientPool, installGradientPool, type GradientPool } from './index'

/** 1,200 rows of 196 "pixels", half of them zero (as in images); the class is the brightest of four bands. */
function bandsDataset(count = 1200, inputSize = 196): Dataset {
  const rng = createRng(11)
  const inputs = new Uint8Array(count * inputSize)
  const labels = new Uint8Array(count)
  for (let i = 0; i < count; i++) {
    const sums = [0, 0, 0, 0]
    for (let k = 0; k < inputSize; k++) {
      const v = rng.uniform() < 0.5 ? 0 : rng.int(256)
      inputs[i * inputSize + k] = v
      sums[Math.floor((4 * k) / inputSize)] += v
    }
    labels[i] = sums.indexOf(Math.max(...sums))
  }
  return { count, inputSize, inputs, inputScale: 1 / 255, targetSize: 4, labels }
}

function spec(): EngineSpec {
  return engineSpec(
    {
      inputSize: 196,
      layers: [dense('hidden', 64, 'relu', { weightInit: { id: 'heNormal' } }), dense('output', 4, 'softmax')],
      loss: { id: 'softmaxCrossEntropy', reduction: 'mean' },
      precision: 'float32',
    },
    { seed: 5, optimizer: { id: 'sgd', learningRate: 0.3 }, training: { batch: { mode: 'mini', size: 300 }, maxEpochs: 3, shuffle: true, validationFraction: 0 } },
  )
}

/** FNV-1a over the bytes of `values` (float32 weights, float64 losses), as 8 hex digits. */
function fingerprint(values: Float32Array | Float64Array): string {
  let h = 0x811c9dc5
  for (const byte of new Uint8Array(values.buffer, values.byteOffset, values.byteLength)) h = Math.imul(h ^ byte, 0x01000193) >>> 0
  return h.toString(16).padStart(8, '0')
}

function trainedFingerprint(pool: GradientPool, threads: number) {
  pool.setThreads(threads)
  const session = createSession(spec(), bandsDataset())
  const losses: number[] = []
  for (let e = 0; e < 3; e++) losses.push(session.runEpoch()!.loss)
  return { params: fingerprint(Float32Array.from(session.getFlatParams())), losses: fingerprint(Float64Array.from(losses)), threads: session.parallel.threads, split: session.parallel.splitChunks }
}

describe('data-parallel training keeps its bits (plain SIMD build)', () => {
  let pool: GradientPool

  beforeAll(async () => {
    expect(installWasmKernels({ fma: false, threads: 2 })).toBe(true)
    expect(installedWasmKernel()?.stats().variant).toBe('simd')
    pool = (await startNodeGradientPool(2))!
    expect(pool).not.toBeNull()
  })
  afterAll(() => {
    gradientPool()?.close()
    installGradientPool(null)
  })

  it('trains with 2 threads to the same weights and losses as before', () => {
    const two = trainedFingerprint(pool, 2)
    expect(two.threads).toBe(2)
    expect(two.split).toBe(12) // 3 epochs × 4 batches of 300
    expect(two).toEqual({ ...two, params: '9d2fbac5', losses: 'f2f0e467' })
  })

  it('trains with 1 thread to the same weights and losses as before', () => {
    const one = trainedFingerprint(pool, 1)
    expect(one.threads).toBe(1)
    expect(one).toEqual({ ...one, params: '6b9247b6', losses: '7f9a2a6e' })
  })
})
