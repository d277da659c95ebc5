/**
 * Which sessions split their mini-batches across threads. Data parallelism needs every row of a
 * chunk to be independent of the others and of the order they are computed in, so it is off
 * where a layer draws random numbers while training (dropout, noisy ReLU: one stream, drawn row
 * by row), needs the whole batch (batch normalisation), merges branches (Add, Concatenate: not
 * split yet), or the update is the perceptron rule;
 * float64 networks (the lecture examples, exact to the printed digits) stay on one thread too.
 */
import type { ModelSpec } from '../spec'
import { PERCEPTRON } from '../nn/perceptron'

/** Multiply-adds per row and parameter: forward, ∂E/∂W and ∂E/∂X when training; forward only when evaluating. */
const PASSES = { train: 3, evaluate: 1 } as const

/**
 * A chunk is split only when it has at least this many multiply-adds (rows × parameters ×
 * passes): below it, handing a share to a helper and waiting for it costs more than it saves.
 * Measured on the busy 2-core VM of bench/README.md ("Two threads, round 2"), 784-100-10: 2
 * threads lost at mini-batches of 16 and 32 (3.8 M and 7.6 M), won from 64 (15 M) on ...
 */
export const PARALLEL_MIN_WORK = 8 << 20
/** ... and at least this many rows per thread. */
export const PARALLEL_MIN_ROWS = 4

/** Why a model trains on one thread whatever the thread setting, or null if it can use more. */
export function singleThreadReason(model: ModelSpec, optimizerId: string): string | null {
  if (model.precision !== 'float32') return 'float64 networks train on one thread (exact arithmetic)'
  if (optimizerId === PERCEPTRON) return 'the perceptron rule trains on one thread'
  for (const layer of model.layers) {
    if (layer.kind !== 'dense') return `a ${layer.kind} layer trains on one thread`
    if (layer.activation.id === 'noisyRelu') return 'noisy ReLU draws its noise on one thread'
  }
  return null
}

/** Whether a chunk of `rows` rows of a network of `params` parameters is worth splitting over `threads`. */
export function worthSplitting(rows: number, params: number, threads: number, pass: keyof typeof PASSES): boolean {
  return threads > 1 && rows >= threads * PARALLEL_MIN_ROWS && rows * params * PASSES[pass] >= PARALLEL_MIN_WORK
}
