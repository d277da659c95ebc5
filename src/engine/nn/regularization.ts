/**
 * Regularisation and gradient clipping, applied to the batch gradient before the optimizer.
 *
 * L2 exactly as lecture 002 (Nielsen) writes it: the cost gains λ/(2n)·Σw², so
 *   ∂C/∂w += (λ/n)·w   and plain SGD becomes  w ← (1 − ηλ/n)·w − η/|B|·Σ∂C_i/∂w,
 * with n the size of the training set; biases are not decayed.
 * L1: the cost gains λ/n·Σ|w|, so ∂C/∂w += (λ/n)·sign(w).
 * Clipping: by value (each entry to ±c) then by norm (the whole gradient rescaled to ‖g‖ ≤ c).
 */
import type { FloatArray } from '../kernels/gemm'
import type { ParamRange } from './optimizers'

/** What each term adds, as the inspector shows it: the text of what `regularizeGradient` computes. */
export const REGULARIZATION_TERMS = {
  l2: 'Weight decay as lecture 002: the cost gains λ/2n·Σw², so each weight’s gradient gains (λ/n)·w, n = training examples; biases are not decayed (0 = off).',
  l1: 'The cost gains (λ/n)·Σ|w|, so each weight’s gradient gains (λ/n)·sign(w), n = training examples; biases untouched (0 = off).',
} as const

/** Add (λ2/n)·w + (λ1/n)·sign(w) to the gradient over the weight ranges. */
export function regularizeGradient(
  params: FloatArray,
  grads: FloatArray,
  weightRanges: readonly ParamRange[],
  l2: number,
  l1: number,
  n: number,
): void {
  if (l2 === 0 && l1 === 0) return
  const a = l2 / n
  const b = l1 / n
  for (const r of weightRanges) {
    const end = r.offset + r.length
    for (let i = r.offset; i < end; i++) grads[i] += a * params[i] + b * Math.sign(params[i])
  }
}

/** The penalty term added to the cost: λ2/(2n)·Σw² + λ1/n·Σ|w|. */
export function regularizationPenalty(
  params: FloatArray,
  weightRanges: readonly ParamRange[],
  l2: number,
  l1: number,
  n: number,
): number {
  if (l2 === 0 && l1 === 0) return 0
  let sq = 0
  let abs = 0
  for (const r of weightRanges) {
    const end = r.offset + r.length
    for (let i = r.offset; i < end; i++) {
      sq += params[i] * params[i]
      abs += Math.abs(params[i])
    }
  }
  return (l2 / (2 * n)) * sq + (l1 / n) * abs
}

/** Clip each gradient entry to [−c, c]. */
export function clipByValue(grads: FloatArray, ranges: readonly ParamRange[], c: number): void {
  for (const r of ranges) {
    const end = r.offset + r.length
    for (let i = r.offset; i < end; i++) grads[i] = Math.max(-c, Math.min(c, grads[i]))
  }
}

/** L2 norm of the gradient over the ranges. */
export function gradientNorm(grads: FloatArray, ranges: readonly ParamRange[]): number {
  let s = 0
  for (const r of ranges) {
    const end = r.offset + r.length
    for (let i = r.offset; i < end; i++) s += grads[i] * grads[i]
  }
  return Math.sqrt(s)
}

/** Rescale the gradient so ‖g‖₂ ≤ c; returns the norm before clipping. */
export function clipByNorm(grads: FloatArray, ranges: readonly ParamRange[], c: number): number {
  const norm = gradientNorm(grads, ranges)
  if (norm > c && norm > 0) {
    const s = c / norm
    for (const r of ranges) {
      const end = r.offset + r.length
      for (let i = r.offset; i < end; i++) grads[i] *= s
    }
  }
  return norm
}
