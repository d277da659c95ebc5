/**
 * Given test files (the IDX t10k pair) are the run's test set, held out apart from validation:
 * as bytes (`idx` data) and through the data panel's handle.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dense, engineSpec } from '../src/engine/train'
import { createEngineApi } from '../src/engine/host/api'
import { resolveTrainingData } from '../src/engine/host/trainingData'
import type { TrainSnapshot } from '../src/engine/host/trainingTypes'

const sample = (file: string): Uint8Array => new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'resources/data/fashion-sample', file)))
const files = () => ({
  trainImages: sample('train-images-idx3-ubyte.gz'),
  trainLabels: sample('train-labels-idx1-ubyte.gz'),
  testImages: sample('t10k-images-idx3-ubyte.gz'),
  testLabels: sample('t10k-labels-idx1-ubyte.gz'),
})

describe('given test files', () => {
  it('are the test set of IDX bytes, not validation', () => {
    const resolved = resolveTrainingData({ kind: 'idx', ...files() })
    expect(resolved.validation).toBeUndefined()
    expect([resolved.train.count, resolved.test?.count]).toEqual([2000, 500])
  })

  it('opened in the data panel, are the run’s test set; a validation share comes from the training files', async () => {
    const snapshots: TrainSnapshot[] = []
    const api = createEngineApi({ emit: async (e) => void (e.kind === 'trainSnapshot' && snapshots.push(e.snapshot)), yieldToHost: async () => {} })
    const f = files()
    const opened = await api.openIdx([
      { name: 'train-images-idx3-ubyte.gz', bytes: f.trainImages },
      { name: 'train-labels-idx1-ubyte.gz', bytes: f.trainLabels },
      { name: 't10k-images-idx3-ubyte.gz', bytes: f.testImages },
      { name: 't10k-labels-idx1-ubyte.gz', bytes: f.testLabels },
    ])
    if (!opened.ok) throw new Error(opened.error.message)
    const prepared = await api.prepareDataset(opened.value.handle, { validation: 0.1 })
    if (!prepared.ok) throw new Error(prepared.error.message)
    const spec = engineSpec(
      { inputSize: 784, layers: [dense('o', 10, 'softmax')], loss: { id: 'softmaxCrossEntropy', reduction: 'mean' } },
      { optimizer: { id: 'sgd', learningRate: 0.1 }, training: { batch: { mode: 'mini', size: 100 }, maxEpochs: 1, shuffle: true, validationFraction: 0 } },
    )
    const info = await api.startRun('f', spec, { kind: 'handle', handle: prepared.value.handle })
    expect(info).toMatchObject({ trainCount: 1800, validationCount: 200, testCount: 500 })
    await api.step('f', 'epoch')
    const last = snapshots.at(-1)!
    expect(last.state).toBe('finished')
    expect(last.test).toMatchObject({ count: 500, epoch: 1 })
    // One epoch of softmax regression on 1,800 images already does far better than chance.
    expect(last.test!.accuracy).toBeGreaterThan(0.5)
  })
})
