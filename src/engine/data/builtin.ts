/**
 * Built-in datasets: the lectures' truth tables and the 8-3-8 encoder, seeded 2-D point sets
 * (as in TensorFlow Playground), and the Fashion-MNIST sample shipped in `resources/`.
 */
import { cutText, quoteUser } from './userText'
import type { Dataset } from '../spec'
import { createRng, type Rng } from '../rng'
import { DataError } from './errors'
import { parseIdx } from './idx'
import { idxToDataset } from './idxDataset'
import { FASHION_MNIST_LABELS } from './labels'

export type BuiltinDatasetId =
  'and' | 'or' | 'xor' | 'identity838' | 'circles' | 'spirals' | 'clusters' | 'xorClouds'

/** How a two-class target is written: one-hot `labels` (2 outputs), 0/1 or −1/+1 in one output. */
export type TargetEncoding = 'oneHot' | 'binary' | 'signed'

export interface BuiltinOptions {
  /** Points to generate (2-D sets). Default 200. */
  count?: number
  /** Standard deviation of the Gaussian noise added to each coordinate (2-D sets; for clusters and XOR clouds, their spread). */
  noise?: number
  /** Seed of the generator. Default 1. Same seed → same points. */
  seed?: number
  /** Number of clusters (`clusters` only, 2…8). Default 2. */
  classes?: number
  /** Two-class target encoding. Default `binary` for the truth tables, `oneHot` for 2-D sets. */
  targetEncoding?: TargetEncoding
}

export interface BuiltinInfo {
  title: string
  description: string
  /** `table`: fixed rows; `points2d`: generated points in [−1, 1]² (plus noise). */
  kind: 'table' | 'points2d'
  /** Default noise for the 2-D sets. */
  defaultNoise: number
  make: (options: BuiltinOptions) => Dataset
}

const BITS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
]

/** A truth table over the four inputs 00, 01, 10, 11 (the lectures' order). */
function truthTable(name: string, outputs: number[], options: BuiltinOptions): Dataset {
  return twoClass(
    Float64Array.from(BITS.flat()),
    Uint8Array.from(outputs),
    2,
    ['0', '1'],
    options.targetEncoding ?? 'binary',
    [`x1 ${name} x2`],
  )
}

/** Labels 0/1 → the chosen encoding. */
function twoClass(
  inputs: Float64Array,
  labels: Uint8Array,
  inputSize: number,
  labelNames: string[],
  encoding: TargetEncoding,
  targetNames: string[],
): Dataset {
  const count = labels.length
  const base: Dataset = {
    count,
    inputSize,
    inputs,
    inputScale: 1,
    inputShape: [inputSize],
    featureNames: ['x1', 'x2'],
    targetSize: 2,
    labelNames,
  }
  if (encoding === 'oneHot') return { ...base, labels }
  const targets = Float64Array.from(labels, (y) => (encoding === 'signed' ? 2 * y - 1 : y))
  return { ...base, targetSize: 1, targets, targetNames }
}

/** The 8-3-8 encoder: eight one-hot patterns, each its own target (and class). */
function identity838(): Dataset {
  const inputs = new Float64Array(64)
  for (let i = 0; i < 8; i++) inputs[i * 8 + i] = 1
  const names = Array.from({ length: 8 }, (_, i) => '0'.repeat(i) + '1' + '0'.repeat(7 - i))
  return {
    count: 8,
    inputSize: 8,
    inputs,
    inputScale: 1,
    inputShape: [8],
    featureNames: names.map((_, i) => `x${i + 1}`),
    targetSize: 8,
    targets: inputs.slice(),
    labels: Uint8Array.from({ length: 8 }, (_, i) => i),
    labelNames: names,
  }
}

/** Builds a 2-D point set from a per-point generator `(i, rng) → [x, y, label]`. */
/** Most points a generated 2-D set may have. */
export const MAX_POINTS = 1_000_000

function points2d(
  options: BuiltinOptions,
  defaultNoise: number,
  classes: number,
  labelNames: string[],
  point: (i: number, n: number, rng: Rng, noise: number) => [number, number, number],
): Dataset {
  const count = options.count ?? 200
  const noise = options.noise ?? defaultNoise
  if (!Number.isInteger(count) || count < 1 || count > MAX_POINTS || !(noise >= 0 && noise <= 1e6)) {
    throw new DataError('badOption', `Cannot generate ${cutText(String(count), 20)} points with noise ${cutText(String(noise), 20)}.`, {
      hint: `Use a whole number of points from 1 to ${MAX_POINTS.toLocaleString('en-US')} and a noise of 0 or more.`,
    })
  }
  const rng = createRng(options.seed ?? 1)
  const inputs = new Float64Array(count * 2)
  const labels = new Uint8Array(count)
  for (let i = 0; i < count; i++) {
    const [x, y, label] = point(i, count, rng, noise)
    inputs[2 * i] = x
    inputs[2 * i + 1] = y
    labels[i] = label
  }
  if (classes === 2)
    return twoClass(inputs, labels, 2, labelNames, options.targetEncoding ?? 'oneHot', ['class'])
  return {
    count,
    inputSize: 2,
    inputs,
    inputScale: 1,
    inputShape: [2],
    featureNames: ['x1', 'x2'],
    targetSize: classes,
    labels,
    labelNames,
  }
}

/** Inner disc (r < 0.5, label 1) inside an outer ring (0.7 < r < 1, label 0), alternating. */
function circles(options: BuiltinOptions): Dataset {
  return points2d(options, 0.05, 2, ['outer', 'inner'], (i, _n, rng, noise) => {
    const label = i % 2 === 0 ? 1 : 0
    const r = label === 1 ? rng.range(0, 0.5) : rng.range(0.7, 1)
    const t = rng.range(0, 2 * Math.PI)
    return [r * Math.sin(t) + rng.normal(0, noise), r * Math.cos(t) + rng.normal(0, noise), label]
  })
}

/** Two interleaved spirals, 1.75 turns each: r = s, θ = 3.5π·s + π·label, s ∈ [0, 1). */
function spirals(options: BuiltinOptions): Dataset {
  return points2d(options, 0.05, 2, ['spiral A', 'spiral B'], (i, n, rng, noise) => {
    const label = i % 2
    const s = Math.floor(i / 2) / Math.ceil(n / 2)
    const t = 3.5 * Math.PI * s + Math.PI * label
    return [s * Math.sin(t) + rng.normal(0, noise), s * Math.cos(t) + rng.normal(0, noise), label]
  })
}

/** `classes` Gaussian clusters, centres evenly on the circle r = 0.6, spread `noise`. */
function clusters(options: BuiltinOptions): Dataset {
  const classes = options.classes ?? 2
  if (!Number.isInteger(classes) || classes < 2 || classes > 8) {
    throw new DataError('badOption', `Cannot make ${classes} clusters.`, {
      hint: 'Choose 2 to 8 clusters.',
    })
  }
  const names = Array.from({ length: classes }, (_, c) => `cluster ${c + 1}`)
  return points2d(options, 0.2, classes, names, (i, _n, rng, noise) => {
    const label = i % classes
    // The first centre sits at (−0.6·cos 45°, −0.6·sin 45°) so two clusters lie on the diagonal.
    const t = (2 * Math.PI * label) / classes + (5 * Math.PI) / 4
    return [
      0.6 * Math.cos(t) + rng.normal(0, noise),
      0.6 * Math.sin(t) + rng.normal(0, noise),
      label,
    ]
  })
}

/** Four Gaussian clouds at (±0.5, ±0.5); label 1 where exactly one coordinate is positive (XOR). */
function xorClouds(options: BuiltinOptions): Dataset {
  return points2d(options, 0.15, 2, ['0', '1'], (i, _n, rng, noise) => {
    const a = i % 2
    const b = (i >> 1) % 2
    return [(a ? 0.5 : -0.5) + rng.normal(0, noise), (b ? 0.5 : -0.5) + rng.normal(0, noise), a ^ b]
  })
}

/** Every built-in dataset, keyed by id. */
export const BUILTIN_DATASETS = {
  and: {
    title: 'AND',
    description: 'The four rows of x1 AND x2: linearly separable.',
    kind: 'table',
    defaultNoise: 0,
    make: (o) => truthTable('AND', [0, 0, 0, 1], o),
  },
  or: {
    title: 'OR',
    description: 'The four rows of x1 OR x2: linearly separable.',
    kind: 'table',
    defaultNoise: 0,
    make: (o) => truthTable('OR', [0, 1, 1, 1], o),
  },
  xor: {
    title: 'XOR',
    description: 'The four rows of x1 XOR x2: not linearly separable, needs a hidden layer.',
    kind: 'table',
    defaultNoise: 0,
    make: (o) => truthTable('XOR', [0, 1, 1, 0], o),
  },
  identity838: {
    title: '8-3-8 encoder',
    description: 'Eight one-hot patterns to reproduce through a 3-unit bottleneck.',
    kind: 'table',
    defaultNoise: 0,
    make: () => identity838(),
  },
  circles: {
    title: 'Circles',
    description: 'A disc inside a ring.',
    kind: 'points2d',
    defaultNoise: 0.05,
    make: circles,
  },
  spirals: {
    title: 'Two spirals',
    description: 'Two interleaved spirals: hard for shallow networks.',
    kind: 'points2d',
    defaultNoise: 0.05,
    make: spirals,
  },
  clusters: {
    title: 'Gaussian clusters',
    description: 'Round clouds of points, one per class.',
    kind: 'points2d',
    defaultNoise: 0.2,
    make: clusters,
  },
  xorClouds: {
    title: 'XOR clouds',
    description: 'Four clouds in the quadrants, labelled like XOR.',
    kind: 'points2d',
    defaultNoise: 0.15,
    make: xorClouds,
  },
} satisfies Record<BuiltinDatasetId, BuiltinInfo>

/**
 * A built-in dataset by id. Truth tables: inputs `[4][2]` in the order 00, 01, 10, 11.
 * 2-D sets: inputs `[count][2]`, labels `[count]`, classes alternating row by row.
 */
export function builtinDataset(id: BuiltinDatasetId, options: BuiltinOptions = {}): Dataset {
  const info: BuiltinInfo | undefined = BUILTIN_DATASETS[id]
  if (!info) {
    throw new DataError('badOption', `There is no built-in dataset ${quoteUser(String(id))}.`, {
      hint: `The built-in datasets are: ${Object.keys(BUILTIN_DATASETS).join(', ')}.`,
    })
  }
  return info.make(options)
}

/**
 * The Fashion-MNIST sample shipped with the app (first 2,000 training and 500 test images of
 * Zalando's Fashion-MNIST, MIT licence), as paths relative to `resources/`. The host reads the
 * files and passes the bytes to `fashionSampleDatasets`.
 */
export const FASHION_SAMPLE_FILES = {
  trainImages: 'data/fashion-sample/train-images-idx3-ubyte.gz',
  trainLabels: 'data/fashion-sample/train-labels-idx1-ubyte.gz',
  testImages: 'data/fashion-sample/t10k-images-idx3-ubyte.gz',
  testLabels: 'data/fashion-sample/t10k-labels-idx1-ubyte.gz',
} as const

/** The shipped Fashion-MNIST sample from its four files' bytes. */
export function fashionSampleDatasets(
  files: Record<keyof typeof FASHION_SAMPLE_FILES, Uint8Array>,
): { train: Dataset; test: Dataset } {
  const labelNames = FASHION_MNIST_LABELS
  return {
    train: idxToDataset(
      parseIdx(files.trainImages, { name: 'train-images-idx3-ubyte.gz' }),
      parseIdx(files.trainLabels, { name: 'train-labels-idx1-ubyte.gz' }),
      { labelNames },
    ),
    test: idxToDataset(
      parseIdx(files.testImages, { name: 't10k-images-idx3-ubyte.gz' }),
      parseIdx(files.testLabels, { name: 't10k-labels-idx1-ubyte.gz' }),
      { labelNames },
    ),
  }
}
