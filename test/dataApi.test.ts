/**
 * The data part of the engine API for CSV files: bytes → preview → prepared dataset → a
 * training run, driven directly (no worker). IDX, built-ins and the worker: dataApiIdx.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { dense, engineSpec } from '../src/engine/train'
import { engineWithSnapshots, ok, sample, text } from './dataApiFixtures'

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

