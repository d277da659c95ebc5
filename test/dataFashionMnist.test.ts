/**
 * Integration: the real Fashion-MNIST files from Debian's dataset-fashion-mnist package, and the
 * sample shipped in resources/data/fashion-sample. Expected numbers were computed independently
 * with /usr/bin/python3 (numpy + gzip), e.g.
 *   np.frombuffer(gzip.open(f).read(), np.uint8, offset=16).reshape(-1, 784)[0, 406]  → 217
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { describeRequiring, FASHION_MNIST_DIR } from './requires'
import {
  FASHION_MNIST_LABELS,
  FASHION_SAMPLE_FILES,
  classBalance,
  datasetReadRow,
  fashionSampleDatasets,
  fitNormalization,
  idxToDataset,
  parseIdx,
  type IdxArray,
} from '../src/engine/data'

const dir = FASHION_MNIST_DIR
const read = (file: string): IdxArray =>
  parseIdx(new Uint8Array(readFileSync(join(dir, file))), { name: file })

describeRequiring(['fashion-mnist'], 'Fashion-MNIST from /usr/share/datasets/fashion-mnist', () => {
  // describeRequiring runs this body only where the files are present.
  const train = idxToDataset(read('train-images-idx3-ubyte.gz'), read('train-labels-idx1-ubyte.gz'), {
    labelNames: FASHION_MNIST_LABELS,
  })
  const test = idxToDataset(read('t10k-images-idx3-ubyte.gz'), read('t10k-labels-idx1-ubyte.gz'), {
    labelNames: FASHION_MNIST_LABELS,
  })

  it('has 60,000 training and 10,000 test images of 28×28, kept as bytes', () => {
    expect([train.count, train.inputSize, train.inputShape]).toEqual([60000, 784, [28, 28]])
    expect([test.count, test.inputSize]).toEqual([10000, 784])
    expect(train.inputs).toBeInstanceOf(Uint8Array)
    expect(train.inputs.length).toBe(60000 * 784)
    expect(train.inputScale).toBe(1 / 255)
    expect(train.targetSize).toBe(10)
    expect(train.labelNames).toEqual([...FASHION_MNIST_LABELS])
  })

  it('has the known pixels and labels', () => {
    const px = (i: number, p: number): number => train.inputs[i * 784 + p]
    expect([px(0, 0), px(0, 406), px(0, 400), px(1, 300), px(59999, 783), px(12345, 500)]).toEqual([
      0, 217, 0, 201, 0, 208,
    ])
    expect([
      test.inputs[406],
      test.inputs[9999 * 784 + 400],
      test.inputs[5000 * 784 + 300],
    ]).toEqual([110, 45, 251])
    expect(Array.from(train.labels!.subarray(0, 10))).toEqual([9, 0, 0, 3, 0, 2, 7, 2, 5, 5])
    expect(Array.from(train.labels!.subarray(59997))).toEqual([3, 0, 5])
    expect(Array.from(test.labels!.subarray(0, 10))).toEqual([9, 2, 1, 1, 6, 1, 4, 6, 5, 7])
    expect(Array.from(test.labels!.subarray(9997))).toEqual([8, 1, 5])
    let sum = 0
    for (let i = 0; i < train.inputs.length; i++) sum += train.inputs[i]
    expect(sum).toBe(3431114169)
  })

  it('reads pixels as x/255 and is balanced, 6,000 / 1,000 per class', () => {
    const row = new Float64Array(784)
    datasetReadRow(train, 0, row)
    expect(row[406]).toBe(217 / 255)
    expect(classBalance(train)).toEqual(new Array(10).fill(6000))
    expect(classBalance(test)).toEqual(new Array(10).fill(1000))
  })

  it('z-score fitted on the training set matches numpy (pixel 406: mean 139.1602, std 78.948…)', () => {
    const params = fitNormalization(train, 'zScore')
    expect(params.shift[406]).toBeCloseTo(139.1602, 9)
    expect(1 / params.scale[406]).toBeCloseTo(78.94867617188608, 9)
  })

  it('the shipped sample is the first 2,000 training and 500 test images, bytes and labels', () => {
    const root = join(__dirname, '..', 'resources')
    const files = Object.fromEntries(
      Object.entries(FASHION_SAMPLE_FILES).map(([key, path]) => [
        key,
        new Uint8Array(readFileSync(join(root, path))),
      ]),
    ) as Record<keyof typeof FASHION_SAMPLE_FILES, Uint8Array>
    const sample = fashionSampleDatasets(files)
    expect([sample.train.count, sample.test.count]).toEqual([2000, 500])
    // Byte comparison: toEqual on 1.5 M elements takes seconds.
    const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean =>
      Buffer.from(a as Uint8Array).equals(Buffer.from(b as Uint8Array))
    expect(same(sample.train.inputs, train.inputs.subarray(0, 2000 * 784))).toBe(true)
    expect(same(sample.train.labels!, train.labels!.subarray(0, 2000))).toBe(true)
    expect(same(sample.test.inputs, test.inputs.subarray(0, 500 * 784))).toBe(true)
    expect(same(sample.test.labels!, test.labels!.subarray(0, 500))).toBe(true)
    expect(classBalance(sample.train)).toEqual([194, 216, 202, 195, 186, 200, 194, 215, 198, 200])
    expect(sample.train.labelNames?.[9]).toBe('Ankle boot')
  })
})
