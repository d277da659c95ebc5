/**
 * One parameter update from the gradient in `network.grads` (already reduced over the batch):
 * regularisation (L2/L1, scaled by the training-set size), clipping by value then by norm, then
 * the optimizer's step  w ← w − η·g  (or its momentum/Adam form).
 */
import type { EngineSpec } from '../spec'
import type { Network } from '../nn/network'
import type { Optimizer } from '../nn/optimizers'
import { clipByNorm, clipByValue, regularizeGradient } from '../nn/regularization'

export function applyGradientUpdate(nw: Network, optimizer: Optimizer, spec: EngineSpec, learningRate: number, trainCount: number): void {
  const reg = spec.regularization
  regularizeGradient(nw.params, nw.grads, nw.trainableWeightRanges, reg.l2, reg.l1, trainCount)
  if (reg.clipValue !== undefined) clipByValue(nw.grads, nw.trainableRanges, reg.clipValue)
  if (reg.clipNorm !== undefined) clipByNorm(nw.grads, nw.trainableRanges, reg.clipNorm)
  optimizer.step(nw.params, nw.grads, learningRate, nw.trainableRanges)
}
