/**
 * Kernel micro-benchmark: the three products of one 784-100-10 mini-batch-300 training step
 * (the hidden layer, where nearly all the arithmetic is), per kernel, in GFLOP/s.
 *
 *   net = X·Wᵀ     [300×784]·[784×100]ᵀ   (transB)
 *   ∂E/∂W = Δᵀ·X   [100×300]·[300×784]    (transA)
 *   ∂E/∂X = Δ·W    [300×100]·[100×784]    (plain; needed for every layer but the first)
 *
 * and the first two again with half of op(A) zero, as in training (the kernel skips zeros).
 *
 * Each figure is the best of many short windows of this process's CPU time: other work on the
 * (shared) machine only ever slows a window down, so the best one is the kernel's own speed.
 */
import { gemmReference, type GemmArgs, type GemmF32 } from '../src/engine/kernels/gemm'
import { checkUniform } from '../src/engine/kernels/gemmCheck'
import { bestCpuMicros } from './util'

export interface GemmShape {
  name: string
  transA: boolean
  transB: boolean
  m: number
  n: number
  k: number
  /** Fraction of op(A)'s entries set to 0 (pixels of the background, inactive ReLU units). */
  zeros?: number
}

export const STEP_SHAPES: GemmShape[] = [
  { name: 'net = X·Wᵀ (300×784·784×100)', transA: false, transB: true, m: 300, n: 100, k: 784 },
  { name: '∂E/∂W = Δᵀ·X (100×300·300×784)', transA: true, transB: false, m: 100, n: 784, k: 300 },
  { name: '∂E/∂X = Δ·W (300×100·100×784)', transA: false, transB: false, m: 300, n: 784, k: 100 },
  { name: 'net = X·Wᵀ, half of X zero (Fashion-MNIST pixels)', transA: false, transB: true, m: 300, n: 100, k: 784, zeros: 0.5 },
  { name: '∂E/∂W = Δᵀ·X, half of Δ zero (ReLU)', transA: true, transB: false, m: 100, n: 784, k: 300, zeros: 0.5 },
  { name: 'Task N: net = X·Wᵀ (10×784·784×30)', transA: false, transB: true, m: 10, n: 30, k: 784 },
  { name: 'Task N: ∂E/∂W = Δᵀ·X (30×10·10×784)', transA: true, transB: false, m: 30, n: 784, k: 10 },
]

/** GFLOP/s (2·m·n·k per call, zeros included: the dense-equivalent rate) of `kernel` on `shape`: best of `rounds` windows of `windowMs` CPU time. */
export function gemmGflops(
  kernel: GemmF32,
  alloc: (n: number) => Float32Array,
  shape: GemmShape,
  rounds = 30,
  windowMs = 5,
): number {
  const { transA, transB, m, n, k } = shape
  const u = checkUniform(3)
  const fill = (x: Float32Array) => {
    for (let i = 0; i < x.length; i++) x[i] = u() - 0.5
    return x
  }
  const args: GemmArgs<Float32Array> = {
    transA,
    transB,
    m,
    n,
    k,
    alpha: 1,
    A: fill(alloc(m * k)),
    B: fill(alloc(k * n)),
    beta: 0,
    C: alloc(m * n),
  }
  if (shape.zeros) for (let i = 0; i < args.A.length; i++) if (u() < shape.zeros) args.A[i] = 0
  kernel(args)
  return (2 * m * n * k) / (bestCpuMicros(() => kernel(args), rounds, windowMs) * 1e3)
}

/** The reference kernel as a GemmF32 (plain TypeScript loops). */
export const referenceF32: GemmF32 = (args) => gemmReference(args)
