/**
 * Seeded train / validation / test split, optionally stratified by class.
 */
import type { Dataset } from '../spec'
import { createRng, streamSeed } from '../rng'
import { datasetClassOf, datasetSubset } from './datasetRows'
import { DataError } from './errors'

export interface SplitOptions {
  /** Fraction of rows for validation, 0 ≤ validation. */
  validation: number
  /** Fraction of rows for test, 0 ≤ test, validation + test < 1. */
  test: number
  /** Project seed; the split draws from its `split` stream only. */
  seed: number
  /** Keep each class's share in every part (classification datasets). Default false. */
  stratify?: boolean
}

export interface DatasetSplit {
  train: Dataset
  validation: Dataset
  test: Dataset
  /** Row numbers of the source dataset in each part, ascending. */
  indices: { train: Int32Array; validation: Int32Array; test: Int32Array }
}

/** The random stream of the data split for a project seed (the engine's `split` stream). */
export function splitRng(seed: number) {
  return createRng(streamSeed(seed, 'split'))
}

/**
 * Splits `ds` into train / validation / test. Rows are shuffled with the seed's `split`
 * stream; then the first round(n·test) go to test, the next round(n·validation) to validation,
 * the rest to train. Stratified: the same per class (n = that class's count).
 * Same dataset + same options → the same split, bit for bit.
 * @throws DataError `badOption` for fractions outside [0, 1) or summing to ≥ 1.
 */
export function splitDataset(ds: Dataset, options: SplitOptions): DatasetSplit {
  const { validation, test } = options
  if (!(validation >= 0 && test >= 0 && validation + test < 1)) {
    throw new DataError(
      'badOption',
      `A split of ${validation} validation and ${test} test leaves no training data.`,
      {
        hint: 'Choose validation and test fractions that are at least 0 and add up to less than 1.',
      },
    )
  }
  const rng = splitRng(options.seed)
  const groups: number[][] = []
  if (options.stratify && ds.targetSize > 0 && datasetClassOf(ds, 0) >= 0) {
    for (let i = 0; i < ds.count; i++) (groups[datasetClassOf(ds, i)] ??= []).push(i)
  } else {
    groups.push(Array.from({ length: ds.count }, (_, i) => i))
  }
  const parts = { train: [] as number[], validation: [] as number[], test: [] as number[] }
  for (const group of groups) {
    if (!group) continue
    rng.shuffle(group)
    const nTest = Math.round(group.length * test)
    const nVal = Math.round(group.length * validation)
    // A loop, not push(...slice): spreading 60,000 arguments can overflow the stack.
    for (let r = 0; r < group.length; r++) {
      const part = r < nTest ? parts.test : r < nTest + nVal ? parts.validation : parts.train
      part.push(group[r])
    }
  }
  const indices = {
    train: Int32Array.from(parts.train).sort(),
    validation: Int32Array.from(parts.validation).sort(),
    test: Int32Array.from(parts.test).sort(),
  }
  return {
    train: datasetSubset(ds, indices.train),
    validation: datasetSubset(ds, indices.validation),
    test: datasetSubset(ds, indices.test),
    indices,
  }
}

/**
 * A generated data set with a share of its points held out as a test set (a built-in 2-D set's
 * train/test ratio, as TensorFlow Playground's): stratified by class, drawn from the seed's
 * `split` stream, so the same seed and fraction always hold out the same points. No fraction
 * (or 0): every point trains.
 */
export function holdOutTest(ds: Dataset, fraction: number | undefined, seed: number): { train: Dataset; test?: Dataset } {
  if (!fraction) return { train: ds }
  const { train, test } = splitDataset(ds, { validation: 0, test: fraction, seed, stratify: true })
  return { train, test }
}
