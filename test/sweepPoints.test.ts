/**
 * Sweep points on the engine's runner threads (worker_threads host): several train at once, one
 * thread each, with exactly the numbers of the same points trained one after another; the
 * threads setting says how many; cancel stops every point under way.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { dense, engineSpec } from '../src/engine/train'
import { FASHION_MNIST_LABELS } from '../src/engine/data'
import type { EngineEvent } from '../src/engine/host/events'
import type { SweepPointResult } from '../src/engine/host/sweepPoints'
import { startEngineWorker, type NodeEngine } from '../src/engine/host/node/startEngineWorker'
import { ok, sample } from './dataApiFixtures'

/** The Fashion-MNIST sample (2000 training, 500 test images) opened in the engine. */
async function fashionSample(host: NodeEngine) {
  const files = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'].map((name) => ({ name, bytes: sample(name) }))
  const { handle } = ok(await host.engine.openIdx(files, { labelNames: [...FASHION_MNIST_LABELS] }))
  ok(await host.engine.prepareDataset(handle, { normalization: 'none' }))
  return { kind: 'handle' as const, handle }
}

/** 784-16-10 in float32 (the WebAssembly kernel), mini-batches of 100, as a sweep point with η. */
const point = (learningRate: number, maxEpochs = 2) =>
  engineSpec(
    { inputSize: 784, layers: [dense('h', 16, 'relu'), dense('o', 10, 'softmax')], loss: { id: 'softmaxCrossEntropy', reduction: 'mean' }, precision: 'float32' },
    { seed: 5, optimizer: { id: 'sgd', learningRate }, training: { batch: { mode: 'mini', size: 100 }, maxEpochs, shuffle: true, validationFraction: 0 } },
  )

const RATES = [0.05, 0.2]

describe('sweep points on runner threads', () => {
  let host: NodeEngine | undefined
  afterEach(async () => {
    await host?.close()
    host = undefined
  })

  it('trains two points at once with the numbers of each trained alone', async () => {
    host = startEngineWorker(() => undefined, 2)
    const data = await fashionSample(host)
    expect((await host.engine.threads()).parallelRuns).toBe(2)
    const together = await Promise.all(RATES.map((eta, i) => host!.engine.trainSweepPoint(`together-${i}`, point(eta), data)))
    expect((await host.engine.setThreads(1)).parallelRuns).toBe(1)
    const alone: SweepPointResult[] = []
    for (const [i, eta] of RATES.entries()) alone.push(await host.engine.trainSweepPoint(`alone-${i}`, point(eta), data))

    for (const [i, r] of together.entries()) {
      expect(r.state).toBe('finished')
      expect(r.epochs).toHaveLength(2)
      expect(r.test?.count).toBe(500)
      expect(r.weights?.h.weights).toHaveLength(16)
      expect(r).toEqual(alone[i])
    }
    // Different rates, different networks (the comparison above is not of two copies).
    expect(together[0].weights).not.toEqual(together[1].weights)
  }, 180_000)

  // Both points finish an epoch before either is stopped: only possible when they train at once
  // (one after another, the first would run its 1000 epochs to the end).
  it('trains the points at once, and stops every point under way on cancel', async () => {
    const seen = new Set<string>()
    host = startEngineWorker((event: EngineEvent) => {
      if (event.kind !== 'trainSnapshot' || event.snapshot.epoch < 1 || seen.has(event.snapshot.runId)) return
      seen.add(event.snapshot.runId)
      // Cancel both once each has finished an epoch (the sweep's "Stop").
      if (seen.size === 2) for (const id of seen) void host!.engine.cancel(id)
    }, 2)
    const data = await fashionSample(host)
    const results = await Promise.all(RATES.map((eta, i) => host!.engine.trainSweepPoint(`long-${i}`, point(eta, 1000), data)))
    for (const r of results) {
      expect(r.state).toBe('stopped')
      expect(r.epochs.length).toBeGreaterThanOrEqual(1)
      expect(r.epochs.length).toBeLessThan(1000)
      expect(r.weights).toBeUndefined()
    }
  }, 180_000)
})
