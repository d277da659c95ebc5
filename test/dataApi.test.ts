/**
 * The data part of the engine API: file bytes → preview → prepared dataset → a training run,
 * driven directly (no worker) and once through a real worker over Comlink.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Comlink from 'comlink'
import { describe, expect, it } from 'vitest'
import { dense, engineSpec } from '../src/engine/train'
import { parseIdx } from '../src/engine/data'
import type { EngineEvent } from '../src/engine/host/events'
import type { EngineHostIo } from '../src/engine/host/io'
import { createEngineApi, type EngineApi } from '../src/engine/host/api'
import type { TrainSnapshot } from '../src/engine/host/trainingTypes'
import type { DataResult } from '../src/engine/host/dataFiles'
import { startEngineWorker } from '../src/engine/host/node/startEngineWorker'

const root = join(import.meta.dirname, '..')
const sample = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(join(root, 'resources/data/fashion-sample', file)))
const text = (s: string): Uint8Array => new TextEncoder().encode(s)

function engineWithSnapshots(): { engine: EngineApi; snapshots: TrainSnapshot[] } {
  const snapshots: TrainSnapshot[] = []
  const io: EngineHostIo = {
    emit(event: EngineEvent) {
      if (event.kind === 'trainSnapshot') snapshots.push(event.snapshot)
      return Promise.resolve()
    },
    yieldToHost: () => Promise.resolve(),
  }
  return { engine: createEngineApi(io), snapshots }
}

function ok<T>(r: DataResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.value
}

/** Two Gaussian blobs per class in 3 classes, with a categorical target column and one missing cell. */
function threeClassCsv(): string {
  const lines = ['x,y,colour,class']
  const centres = [
    [0, 0],
    [3, 0],
    [0, 3],
  ]
  const names = ['a', 'b', 'c']
  for (let i = 0; i < 60; i++) {
    const c = i % 3
    // A deterministic wobble instead of random numbers.
    const dx = ((i * 37) % 11) / 11 - 0.5
    const dy = ((i * 53) % 13) / 13 - 0.5
    const colour = i === 7 ? '' : i % 2 ? 'red' : 'blue'
    lines.push(`${centres[c][0] + dx},${centres[c][1] + dy},${colour},${names[c]}`)
  }
  return lines.join('\n') + '\n'
}

describe('DataApi: CSV', () => {
  it('previews a CSV: kinds, statistics, head rows with their file lines', async () => {
    const { engine } = engineWithSnapshots()
    const { handle, preview } = ok(await engine.openCsv('blobs.csv', text(threeClassCsv())))
    expect(handle).toMatch(/^data-\d+$/)
    expect(preview).toMatchObject({
      kind: 'csv',
      name: 'blobs.csv',
      rowCount: 60,
      delimiter: ',',
      header: true,
      suggestedTarget: 'class',
    })
    expect(preview.columns.map((c) => [c.name, c.kind])).toEqual([
      ['x', 'numeric'],
      ['y', 'numeric'],
      ['colour', 'categorical'],
      ['class', 'categorical'],
    ])
    const x = preview.columns[0]
    if (x.kind !== 'numeric') throw new Error('x is numeric')
    expect(x.stats.count).toBe(60)
    expect(x.stats.min).toBeCloseTo(-0.5, 1)
    const colour = preview.columns[2]
    if (colour.kind !== 'categorical') throw new Error('colour is categorical')
    expect(colour.missing).toBe(1)
    expect(colour.top.map(([name]) => name).sort()).toEqual(['blue', 'red'])
    expect(preview.head).toHaveLength(20)
    expect(preview.head[7][2]).toBe('')
    expect(preview.headLines.slice(0, 3)).toEqual([2, 3, 4])
  })

  it('prepares with a target, missing-value policy, z-score and a stratified split; the summary adds up', async () => {
    const { engine } = engineWithSnapshots()
    const { handle } = ok(await engine.openCsv('blobs.csv', text(threeClassCsv())))
    // The missing colour must be dealt with: the default refuses and says where.
    const refused = await engine.prepareDataset(handle, { targets: ['class'] })
    expect(refused.ok).toBe(false)
    if (!refused.ok)
      expect(refused.error).toMatchObject({
        name: 'DataError',
        code: 'missingValues',
        line: 9,
        column: 'colour',
      })

    const p = ok(
      await engine.prepareDataset(handle, {
        targets: ['class'],
        missing: 'drop',
        normalization: 'zScore',
        validation: 0.2,
        test: 0.1,
        stratify: true,
        seed: 3,
      }),
    )
    expect(p).toMatchObject({
      inputSize: 4,
      targetSize: 3,
      classification: true,
      labelNames: ['a', 'b', 'c'],
      givenTest: false,
    })
    expect(p.featureNames).toEqual(['x', 'y', 'colour=blue', 'colour=red'])
    expect(p.report?.droppedLines).toEqual([9])
    expect(p.counts.train + p.counts.validation + p.counts.test).toBe(59)
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
    expect(sum(p.classBalance!.train)).toBe(p.counts.train)
    expect(sum(p.classBalance!.validation)).toBe(p.counts.validation)
    // Stratified: each class keeps its share in validation (20 rows per class → 4 each, the one dropped row aside).
    expect(p.classBalance!.validation.every((n) => n === 4)).toBe(true)
    // z-score fitted on the training part: shift = mean of x over training rows.
    expect(p.normalization.id).toBe('zScore')
    expect(p.normalization.shift).toHaveLength(4)
  })

  it('trains on the prepared handle through a run: the loss goes down', async () => {
    const { engine, snapshots } = engineWithSnapshots()
    const { handle } = ok(await engine.openCsv('blobs.csv', text(threeClassCsv())))
    const p = ok(
      await engine.prepareDataset(handle, {
        targets: ['class'],
        features: ['x', 'y'],
        normalization: 'zScore',
        validation: 0.25,
        seed: 1,
      }),
    )
    const spec = engineSpec(
      {
        inputSize: p.inputSize,
        layers: [dense('h', 8, 'tanh'), dense('out', p.targetSize, 'softmax')],
        loss: { id: 'softmaxCrossEntropy', reduction: 'mean' },
      },
      {
        seed: 5,
        optimizer: { id: 'sgd', learningRate: 1 },
        training: { batch: { mode: 'full' }, maxEpochs: 60, shuffle: false, validationFraction: 0 },
      },
    )
    const info = await engine.startRun('csv-run', spec, { kind: 'handle', handle })
    expect(info).toMatchObject({
      inputSize: 2,
      outputSize: 3,
      trainCount: 45,
      validationCount: 15,
      classification: true,
      labelNames: ['a', 'b', 'c'],
    })
    const first = snapshots.at(-1)!
    await engine.step('csv-run', 'epoch')
    for (let i = 0; i < 59; i++) await engine.step('csv-run', 'epoch')
    const last = snapshots.at(-1)!
    const epochs = snapshots.flatMap((s) => s.epochs)
    expect(first.iteration).toBe(0)
    expect(epochs.at(-1)!.loss).toBeLessThan(epochs[0].loss / 4)
    expect(epochs.at(-1)!.accuracy).toBeGreaterThan(0.95)
    expect(epochs.at(-1)!.valAccuracy).toBeGreaterThan(0.9)
    expect(last.epoch).toBe(60)
    await engine.stop('csv-run')
  })

  it('keeps each preparation under its own handle, so an earlier choice still trains as it was', async () => {
    const { engine } = engineWithSnapshots()
    const { handle } = ok(await engine.openCsv('blobs.csv', text(threeClassCsv())))
    const first = ok(
      await engine.prepareDataset(handle, { targets: ['class'], features: ['x', 'y'] }),
    )
    const second = ok(
      await engine.prepareDataset(handle, { targets: ['class'], features: ['x'], validation: 0.5 }),
    )
    expect(first.handle).toBe(`${handle}/1`)
    expect(second.handle).toBe(`${handle}/2`)
    const spec = (inputSize: number) =>
      engineSpec({
        inputSize,
        layers: [dense('o', 3, 'softmax')],
        loss: { id: 'softmaxCrossEntropy', reduction: 'mean' },
      })
    expect(
      await engine.startRun('a', spec(2), { kind: 'handle', handle: first.handle }),
    ).toMatchObject({ inputSize: 2, trainCount: 60, validationCount: 0 })
    expect(
      await engine.startRun('b', spec(1), { kind: 'handle', handle: second.handle }),
    ).toMatchObject({ inputSize: 1, trainCount: 30, validationCount: 30 })
    // The source handle trains on its latest preparation.
    expect(await engine.startRun('c', spec(1), { kind: 'handle', handle })).toMatchObject({
      inputSize: 1,
      trainCount: 30,
    })
    for (const id of ['a', 'b', 'c']) await engine.stop(id)
    for (let i = 0; i < 4; i++)
      ok(await engine.prepareDataset(handle, { targets: ['class'], missing: 'drop' }))
    const evicted = engine.startRun('d', spec(2), { kind: 'handle', handle: first.handle })
    await expect(evicted).rejects.toThrow(/no longer kept/)
    engine.closeData(handle)
    expect((await engine.prepareDataset(handle, {})).ok).toBe(false)
  })

  it('returns each broken file’s DataError with its line instead of throwing', async () => {
    const { engine } = engineWithSnapshots()
    const ragged = await engine.openCsv('ragged.csv', text('a,b,c\n1,2,3\n4,5\n'))
    expect(ragged).toEqual({
      ok: false,
      error: expect.objectContaining({
        name: 'DataError',
        code: 'raggedRow',
        line: 3,
        message: expect.stringMatching(/Line 3 has 2 values but line 1 has 3/),
        hint: expect.any(String),
      }),
    })
    const empty = await engine.openCsv('empty.csv', new Uint8Array(0))
    expect(empty.ok === false && empty.error.code).toBe('emptyFile')
    const binary = await engine.openCsv('x.csv', sample('t10k-labels-idx1-ubyte.gz'))
    expect(binary.ok === false && binary.error.code).toBe('binaryFile')
    const { handle } = ok(await engine.openCsv('ok.csv', text('a,b\n1,2\n3,4\n')))
    const unknown = await engine.prepareDataset(handle, { targets: ['nope'] })
    expect(unknown.ok === false && unknown.error.code).toBe('unknownColumn')
    const gone = await engine.prepareDataset('data-999999', {})
    expect(gone.ok === false && gone.error.message).toMatch(/no longer loaded/)
    await expect(
      engine.startRun(
        'x',
        engineSpec({
          inputSize: 1,
          layers: [dense('o', 1, 'linear')],
          loss: { id: 'mse', reduction: 'mean' },
        }),
        { kind: 'handle', handle: 'data-999999' },
      ),
    ).rejects.toThrow(/no longer loaded/)
  })
})

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
        labelNames: [
          'T-shirt/top',
          'Trouser',
          'Pullover',
          'Dress',
          'Coat',
          'Sandal',
          'Shirt',
          'Sneaker',
          'Bag',
          'Ankle boot',
        ],
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
