/**
 * How a run at full speed is paced: slices of a few milliseconds of work between yields to the
 * host, and the loss curve's points as fine as before within them.
 */
import { describe, expect, it } from 'vitest'
import { dense, engineSpec } from '../train'
import { createEngineApi } from './api'
import { runPacing } from './runPacing'
import { fakeHost, settle } from '../../../test/fakeEngineHost'

const minibatch = (size: number) => ({ batch: { mode: 'mini' as const, size }, maxEpochs: 1, shuffle: false, validationFraction: 0 })

describe('run pacing', () => {
  it('gives a mid-sized net slices of many updates, its curve a point every few (a 784-30-10 net yielded every 5 updates)', () => {
    // Nielsen's 784-30-10: 23,860 parameters, batches of 10.
    expect(runPacing(minibatch(10), 23_860, 50_000)).toMatchObject({ batchSize: 10, sliceIterations: 69, pointIterations: 5 })
    // Fashion-MNIST's 784-100-10, batches of 300: one update is already a slice and a point.
    expect(runPacing(minibatch(300), 79_510, 60_000)).toMatchObject({ sliceIterations: 1, pointIterations: 1 })
    // XOR's 9 parameters, the full batch of 4: both at the cap.
    expect(runPacing({ ...minibatch(4), batch: { mode: 'full' } }, 9, 4)).toMatchObject({ sliceIterations: 500, pointIterations: 500 })
  })

  it('yields to the host once a slice, not once a curve point (the points stay where they were)', async () => {
    // 64-32-8 sigmoid, batches of 10 on 2,000 rows: 200 updates an epoch, 71,280 multiply-adds each.
    const rows = 2000
    const inputs = Array.from({ length: rows }, (_, i) => Array.from({ length: 64 }, (_, j) => ((i * 31 + j * 17) % 97) / 97))
    const targets = Array.from({ length: rows }, (_, i) => Array.from({ length: 8 }, (_, k) => (i % 8 === k ? 1 : 0)))
    const spec = engineSpec(
      { inputSize: 64, layers: [dense('h', 32, 'sigmoid'), dense('o', 8, 'sigmoid')], loss: { id: 'halfSse', reduction: 'mean' } },
      { seed: 1, optimizer: { id: 'sgd', learningRate: 0.5 }, training: { ...minibatch(10), maxEpochs: 10 } },
    )
    const pacing = runPacing(spec.training, 64 * 32 + 32 + 32 * 8 + 8, rows)
    expect(pacing).toMatchObject({ sliceIterations: 500, pointIterations: 56 })
    const host = fakeHost()
    const api = createEngineApi(host.io)
    await api.startRun('m', spec, { kind: 'inline', inputs, targets }, { speed: 0, autoStart: true })
    for (let i = 0; i < 2000 && host.last().state !== 'finished'; i++) await settle(20)
    expect(host.last()).toMatchObject({ state: 'finished', iteration: 2000 })
    // 2,000 updates in slices of 500: a handful of yields (one every 56 updates before).
    expect(host.yields).toBeLessThanOrEqual(8)
    // A point every 56 updates within each epoch of 200, and one at its end, as before.
    const expected = Array.from({ length: 10 }, (_, e) => [56, 112, 168, 200].map((k) => e * 200 + k)).flat()
    expect(host.snapshots.flatMap((s) => s.points).map((p) => p.iteration)).toEqual(expected)
  })
})
