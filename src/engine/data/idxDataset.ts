/**
 * Pairs an IDX images file with an IDX labels file into a `Dataset`.
 */
import type { Dataset } from '../spec'
import { DataError, formatShape } from './errors'
import type { IdxArray } from './idx'

/** Most classes a labels file may number without names (one output unit each). */
export const MAX_CLASSES = 10_000
/** Most input values of one example (a 4096×4096 image). */
export const MAX_INPUT_SIZE = 1 << 24

export interface IdxDatasetOptions {
  /** Class names, index = label (e.g. `FASHION_MNIST_LABELS`). Default "0", "1", …. */
  labelNames?: readonly string[]
}

/**
 * Images `[count][d1][d2]…` and labels `[count]` → a classification Dataset.
 *
 * - ubyte images stay bytes (`inputs` is the same `Uint8Array`, no copy) with
 *   `inputScale = 1/255`, so a pixel reads as x/255 ∈ [0, 1];
 * - other element types become `Float64Array` inputs with `inputScale = 1`;
 * - `inputSize = d1·d2·…`, `inputShape = [d1, d2, …]`;
 * - `labels` is `Uint8Array` when every label is below 256, else `Int32Array`;
 *   `targetSize = max(label)+1` (or the number of `labelNames`).
 * Without `labels` the dataset has no targets (`targetSize = 0`), e.g. for an autoencoder.
 * @throws DataError `countMismatch`, `badLabel`, `idxShape`.
 */
export function idxToDataset(images: IdxArray, labels?: IdxArray, options: IdxDatasetOptions = {}): Dataset {
  const { count, inputShape, inputSize } = imageShape(images)
  const isBytes = images.type === 'ubyte'
  const inputs = isBytes ? (images.data as Uint8Array) : Float64Array.from(images.data)
  const dataset: Dataset = { count, inputSize, inputShape, inputs, inputScale: isBytes ? 1 / 255 : 1, targetSize: 0 }
  if (labels === undefined) return dataset
  const max = checkLabels(labels, count)
  const names = options.labelNames
  checkClassCount(max, names)
  const targetSize = names?.length ?? max + 1
  dataset.labels = max < 256 ? Uint8Array.from(labels.data) : Int32Array.from(labels.data)
  dataset.targetSize = targetSize
  dataset.labelNames = names ? [...names] : Array.from({ length: targetSize }, (_, i) => String(i))
  return dataset
}

/** The number of images and one image's shape and size. @throws DataError `idxShape`. */
function imageShape(images: IdxArray): { count: number; inputShape: number[]; inputSize: number } {
  if (images.dims.length < 1) {
    throw new DataError('idxShape', 'The images file has rank 0: it holds a single number, not a list of images.', {
      hint: 'Choose an images file such as train-images-idx3-ubyte(.gz).',
    })
  }
  const count = images.dims[0]
  const inputShape = images.dims.length > 1 ? images.dims.slice(1) : [1]
  const inputSize = inputShape.reduce((a, b) => a * b, 1)
  if (count === 0 || inputSize === 0) {
    throw new DataError('idxShape', `The images file holds no data: its shape is ${formatShape(images.dims)}.`, {
      hint: 'Choose an images file with at least one image, such as train-images-idx3-ubyte(.gz).',
    })
  }
  // Per-feature work buffers (normalisation, weights) scale with one image's size, not the file's.
  if (inputSize > MAX_INPUT_SIZE) {
    throw new DataError(
      'idxShape',
      `One example of the images file has ${inputSize.toLocaleString('en-US')} values (${formatShape(inputShape)}); at most ${MAX_INPUT_SIZE.toLocaleString('en-US')} can be inputs.`,
      { hint: 'Check the file: its header announces an image size no network here can take.' },
    )
  }
  return { count, inputShape, inputSize }
}

/** The largest label, once the labels are one whole number ≥ 0 per image. @throws DataError `idxShape`, `countMismatch`, `badLabel`. */
function checkLabels(labels: IdxArray, count: number): number {
  const labelCount = labels.dims[0] ?? 1
  const perRow = labels.dims.slice(1).reduce((a, b) => a * b, 1)
  if (labels.dims.length < 1 || perRow !== 1) {
    throw new DataError(
      'idxShape',
      `The labels file has shape ${formatShape(labels.dims)}; a labels file holds one number per image (shape [count]).`,
      { hint: 'Check that the images and labels files were not swapped.' },
    )
  }
  if (labelCount !== count) {
    throw new DataError('countMismatch', `The images file has ${count} images but the labels file has ${labelCount} labels.`, {
      expected: count,
      actual: labelCount,
      hint: 'Pair files from the same set (train-images with train-labels, t10k-images with t10k-labels).',
    })
  }
  let max = 0
  for (let i = 0; i < labelCount; i++) {
    const y = labels.data[i]
    if (!Number.isInteger(y) || y < 0) {
      throw new DataError('badLabel', `Label ${i + 1} is ${y}; labels must be whole numbers 0, 1, 2, ….`, {
        hint: 'Check that the labels file really holds class numbers.',
      })
    }
    if (y > max) max = y
  }
  return max
}

/** Labels up to `max` name a class each: a given name, or (without names) one of at most `MAX_CLASSES`. @throws DataError `badLabel`. */
function checkClassCount(max: number, names: readonly string[] | undefined): void {
  if (names === undefined && max >= MAX_CLASSES) {
    throw new DataError(
      'badLabel',
      `The labels go up to ${max}; without class names at most ${MAX_CLASSES.toLocaleString('en-US')} classes (labels 0 … ${MAX_CLASSES - 1}) are read.`,
      {
        expected: MAX_CLASSES - 1,
        actual: max,
        hint: 'Check that this really is a labels file of class numbers (images and labels may be swapped).',
      },
    )
  }
  if (names !== undefined && max >= names.length) {
    throw new DataError('badLabel', `The labels go up to ${max}, but only ${names.length} class names are given.`, {
      expected: names.length - 1,
      actual: max,
      hint: 'Check that the class names belong to this dataset.',
    })
  }
}
