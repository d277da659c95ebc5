/**
 * Fashion-MNIST from Debian's `dataset-fashion-mnist` (IDX .gz) through the engine's own data
 * layer: images stay bytes (`inputScale` 1/255), labels one-hot of 10 classes.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { FASHION_MNIST_LABELS, idxToDataset, parseIdx } from '../src/engine/data'
import type { Dataset } from '../src/engine/spec'

export const FMNIST_DIR = process.env.FMNIST_DIR ?? '/usr/share/datasets/fashion-mnist'

function readIdx(name: string) {
  const bytes = readFileSync(join(FMNIST_DIR, name))
  return parseIdx(bytes, { name, inflate: (gz) => gunzipSync(gz) })
}

/** Training (60,000) and test (10,000) sets. */
export function loadFashionMnist(): { train: Dataset; test: Dataset } {
  const labelNames = FASHION_MNIST_LABELS
  const train = idxToDataset(readIdx('train-images-idx3-ubyte.gz'), readIdx('train-labels-idx1-ubyte.gz'), { labelNames })
  const test = idxToDataset(readIdx('t10k-images-idx3-ubyte.gz'), readIdx('t10k-labels-idx1-ubyte.gz'), { labelNames })
  return { train, test }
}
