/**
 * How a session walks its data, decided once: the validation split, the batch size, how many
 * rows go through the network at once, and the class threshold of a single output.
 */
import type { Dataset, EngineSpec } from '../spec'
import type { Rng } from '../rng'
import { layerKindOf } from '../nn/layers'

/**
 * Training and validation row indices (each sorted). `valCount` rows are held out, chosen by
 * shuffling with the `split` stream, so the split never depends on anything else.
 */
export function splitIndices(count: number, valCount: number, split: Rng): { train: Int32Array; validation: Int32Array } {
  const all = new Int32Array(count)
  for (let i = 0; i < count; i++) all[i] = i
  if (valCount > 0) split.shuffle(all)
  return { train: all.slice(0, count - valCount).sort(), validation: all.slice(count - valCount).sort() }
}

export interface BatchPlan {
  /** Examples per update. */
  batchSize: number
  /** Rows per forward/backward pass (a batch is split into chunks; gradients accumulate). */
  chunk: number
  /** Rows the network's work buffers hold. */
  capacity: number
  /** A layer needs each batch whole (batch statistics), so it is never split. */
  wholeBatch: boolean
}

/** The batch plan for `n` training rows of a dataset of `count` rows, chunks of at most `maxChunk`. */
export function batchPlan(spec: EngineSpec, n: number, count: number, maxChunkOption = 1024): BatchPlan {
  const b = spec.training.batch
  const batchSize = b.mode === 'online' ? 1 : b.mode === 'full' ? n : Math.min(b.size, n)
  const wholeBatch = spec.model.layers.some((l) => layerKindOf(l).wholeBatch)
  const maxChunk = wholeBatch ? Math.max(batchSize, maxChunkOption) : maxChunkOption
  const chunk = Math.min(batchSize, maxChunk)
  return { batchSize, chunk, capacity: Math.max(chunk, Math.min(256, maxChunk, count)), wholeBatch }
}

/** Threshold for a single binary output: 0 for {−1, 1} targets, else 0.5. */
export function binaryThreshold(ds: Dataset): number {
  if (ds.targets && ds.targetSize === 1) for (let i = 0; i < ds.count; i++) if (ds.targets[i] < 0) return 0
  return 0.5
}
