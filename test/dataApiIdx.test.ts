/**
 * The data part of the engine API for IDX files and built-in datasets, and once through a real
 * worker over Comlink. CSV files: dataApi.test.ts.
 */
import * as Comlink from 'comlink'
import { describe, expect, it } from 'vitest'
import { dense, engineSpec } from '../src/engine/train'
import { FASHION_MNIST_LABELS, parseIdx } from '../src/engine/data'
import type { TrainSnapshot } from '../src/engine/host/trainingTypes'
import { startEngineWorker } from '../src/engine/host/node/startEngineWorker'
import { engineWithSnapshots, ok, sample, text } from './dataApiFixtures'

describe('DataApi: IDX and built-ins', () => {
  it('opens the Fashion-MNIST sample in any order, pairs train and test, previews an image grid by class', async () => {
    const { engine } = engineWithSnapshots()
    const files = [
      't10k-labels-idx1-ubyte.gz',
      'train-images-idx3-ubyte.gz',
      't10k-images-idx3-ubyte.gz',
      'train-labels-idx1-ubyte.gz',
    ].map((name) => ({ name, bytes: sample(name) }))
    const { handle, preview } = ok(
      await engine.openIdx(files, {
        labelNames: [...FASHION_MNIST_LABELS],
      }),
    )
    expect(preview).toMatchObject({
      kind: 'idx',
      name: 'train-images-idx3-ubyte.gz',
      labelsName: 'train-labels-idx1-ubyte.gz',
      count: 2000,
      testCount: 500,
      inputShape: [28, 28],
      elementType: 'ubyte',
    })
    expect(preview.classBalance).toHaveLength(10)
    expect(preview.classBalance!.reduce((a, b) => a + b, 0)).toBe(2000)
    const grid = preview.grid!
    expect(grid).toMatchObject({ width: 28, height: 28, count: 60 })
    expect(grid.pixels).toHaveLength(60 * 784)
    // Six of each class, sorted by class; each thumbnail is the file's own bytes.
    expect(grid.labels).toEqual(Array.from({ length: 60 }, (_, i) => Math.floor(i / 6)))
    const images = parseIdx(sample('train-images-idx3-ubyte.gz'))
    for (const r of [0, 17, 59]) {
      const row = grid.rows[r]
      expect(Array.from(grid.pixels.subarray(r * 784, (r + 1) * 784))).toEqual(
        Array.from(images.data.subarray(row * 784, (row + 1) * 784)),
      )
    }
    const p = ok(await engine.prepareDataset(handle, { normalization: 'none' }))
    expect(p).toMatchObject({
      inputSize: 784,
      inputShape: [28, 28],
      targetSize: 10,
      classification: true,
      givenTest: true,
      counts: { train: 2000, validation: 0, test: 500 },
    })
    // Pixels read as x/255 (the dataset's own scale) with `none`.
    expect(p.normalization.scale[0]).toBeCloseTo(1 / 255, 12)
  })

  it('reports a labels file chosen alone, and images and labels of different counts', async () => {
    const { engine } = engineWithSnapshots()
    const alone = await engine.openIdx([
      { name: 'train-labels-idx1-ubyte.gz', bytes: sample('train-labels-idx1-ubyte.gz') },
    ])
    expect(alone.ok === false && alone.error).toMatchObject({
      code: 'idxShape',
      message: expect.stringMatching(/labels, not images/),
    })
    const mismatch = await engine.openIdx([
      { name: 'train-images-idx3-ubyte.gz', bytes: sample('train-images-idx3-ubyte.gz') },
      { name: 't10k-labels-idx1-ubyte.gz', bytes: sample('t10k-labels-idx1-ubyte.gz') },
    ])
    expect(mismatch.ok === false && mismatch.error).toMatchObject({
      code: 'countMismatch',
      expected: 2000,
      actual: 500,
    })
    const magic = await engine.openIdx([
      { name: 'x.idx', bytes: Uint8Array.from([1, 2, 8, 1, 0, 0, 0, 1, 5]) },
    ])
    expect(magic.ok === false && magic.error).toMatchObject({ code: 'badIdxMagic', byteOffset: 0 })
  })

  it('refuses to prepare images opened without their labels (a network fitted to them would get 0 outputs)', async () => {
    const { engine } = engineWithSnapshots()
    const opened = ok(await engine.openIdx([{ name: 't10k-images-idx3-ubyte.gz', bytes: sample('t10k-images-idx3-ubyte.gz') }]))
    expect(opened.preview).toMatchObject({ kind: 'idx', count: 500 })
    const prepared = await engine.prepareDataset(opened.handle, { normalization: 'none' })
    expect(prepared.ok === false && prepared.error).toMatchObject({
      code: 'noTarget',
      message: 'The images have no labels: there is nothing for the network to predict.',
      hint: expect.stringContaining('together with its labels file'),
    })
  })

  it('previews built-ins: a table for XOR, points and classes for the spirals', async () => {
    const { engine } = engineWithSnapshots()
    const xor = ok(await engine.openBuiltin('xor')).preview
    expect(xor.rows).toEqual([
      { inputs: [0, 0], targets: [0] },
      { inputs: [0, 1], targets: [1] },
      { inputs: [1, 0], targets: [1] },
      { inputs: [1, 1], targets: [0] },
    ])
    const spirals = ok(await engine.openBuiltin('spirals', { count: 100, noise: 0.1 })).preview
    expect(spirals).toMatchObject({
      count: 100,
      inputSize: 2,
      targetSize: 2,
      classBalance: [50, 50],
    })
    expect(spirals.points).toHaveLength(200)
    expect(Array.from(spirals.classes!.slice(0, 4))).toEqual([0, 1, 0, 1])
    const bad = await engine.openBuiltin('nope')
    expect(bad.ok === false && bad.error.code).toBe('badOption')
  })
})

describe('DataApi over Comlink (worker_threads host)', () => {
  it('takes transferred bytes, returns the preview and trains on the handle', async () => {
    const snapshots: TrainSnapshot[] = []
    const host = startEngineWorker((event) => {
      if (event.kind === 'trainSnapshot') snapshots.push(event.snapshot)
    })
    try {
      const bytes = text('x1;x2;t\n0;0;0\n0;1;1\n1;0;1\n1;1;1\n')
      const opened = ok(
        await host.engine.openCsv('or.csv', Comlink.transfer(bytes, [bytes.buffer])),
      )
      expect(bytes.byteLength).toBe(0) // moved, not copied
      expect(opened.preview).toMatchObject({ delimiter: ';', rowCount: 4 })
      const p = ok(await host.engine.prepareDataset(opened.handle, { targets: ['t'] }))
      expect(p).toMatchObject({ inputSize: 2, targetSize: 1, classification: false })
      const spec = engineSpec(
        {
          inputSize: 2,
          layers: [dense('o', 1, 'sigmoid')],
          loss: { id: 'halfSse', reduction: 'mean' },
        },
        {
          seed: 1,
          optimizer: { id: 'sgd', learningRate: 2 },
          training: {
            batch: { mode: 'full' },
            maxEpochs: 300,
            shuffle: false,
            validationFraction: 0,
          },
        },
      )
      const info = await host.engine.startRun('or', spec, { kind: 'handle', handle: opened.handle })
      expect(info.trainCount).toBe(4)
      for (let i = 0; i < 300; i++) await host.engine.step('or', 'epoch')
      await host.engine.pause('or')
      const epochs = snapshots.flatMap((s) => s.epochs)
      expect(epochs.at(-1)!.loss).toBeLessThan(epochs[0].loss / 4)
    } finally {
      await host.close()
    }
  }, 30_000)
})
