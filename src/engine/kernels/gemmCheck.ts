/**
 * Checks a float32 gemm kernel against `gemmReference` in float64: used by the tests on many
 * shapes, and by `installWasmKernels` as a quick self-test before trusting a backend.
 *
 * Error bound per element: |C − C_ref| ≤ 1e-6·(k + 4)·Σ|terms|, where Σ|terms| is the same
 * product taken on absolute values (float32 rounding of a k-term sum is ≲ k·6e-8 relative).
 */
import { gemmReference, type GemmArgs, type GemmF32 } from './gemm'

export interface GemmCase {
  transA: boolean
  transB: boolean
  m: number
  n: number
  k: number
  alpha: number
  beta: number
  /** Offsets of A, B and C into their buffers. */
  offsets: [number, number, number]
  /**
   * Fraction of A's entries set to 0, plus a zero run over A's first quarter (as images and ReLU
   * outputs have), so kernels that skip zeros are exercised. Default 0.
   */
  zeros?: number
}

/** Where each operand lives: from the backend's allocator ('arena') or a plain Float32Array. */
export type GemmPlacement = 'arena' | 'plain'

/** Small deterministic uniform [0, 1) generator (mulberry32) for check data. */
export function checkUniform(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Run one case through `kernel` on random data in [−1, 1) and compare with the float64
 * reference. Returns null when every element is within bound and nothing outside C's view
 * changed, else a description of the first mismatch.
 */
export function gemmCheck(
  kernel: GemmF32,
  alloc: (length: number) => Float32Array,
  c: GemmCase,
  where: [GemmPlacement, GemmPlacement, GemmPlacement],
  uniform: () => number,
): string | null {
  const { m, n, k, alpha, beta, offsets } = c
  const [ao, bo, co] = offsets
  const make = (len: number, place: GemmPlacement): Float32Array => {
    const x = place === 'arena' ? alloc(len) : new Float32Array(len)
    for (let i = 0; i < len; i++) x[i] = uniform() * 2 - 1
    return x
  }
  const A = make(ao + m * k + 5, where[0])
  const zeros = c.zeros ?? 0
  if (zeros > 0) {
    for (let i = 0; i < A.length; i++) if (uniform() < zeros) A[i] = 0
    A.fill(0, ao, ao + Math.floor((m * k) / 4))
  }
  const B = make(bo + k * n + 5, where[1])
  const C = make(co + m * n + 5, where[2])
  const shape = { transA: c.transA, transB: c.transB, m, n, k }
  const ref: GemmArgs<Float64Array> = {
    ...shape,
    alpha,
    beta,
    A: Float64Array.from(A),
    aOffset: ao,
    B: Float64Array.from(B),
    bOffset: bo,
    C: Float64Array.from(C),
    cOffset: co,
  }
  const abs = (x: Float64Array) => x.map(Math.abs)
  const bound: GemmArgs<Float64Array> = {
    ...ref,
    A: abs(ref.A),
    B: abs(ref.B),
    C: abs(ref.C),
    alpha: Math.abs(alpha),
    beta: Math.abs(beta),
  }
  gemmReference(ref)
  gemmReference(bound)
  const before = Float32Array.from(C)
  kernel({ ...shape, alpha, beta, A, aOffset: ao, B, bOffset: bo, C, cOffset: co })
  for (let i = 0; i < C.length; i++) {
    const inside = i >= co && i < co + m * n
    const ok = inside ? Math.abs(C[i] - ref.C[i]) <= 1e-6 * (k + 4) * bound.C[i] + 1e-30 : Object.is(C[i], before[i])
    if (!ok) {
      const what = inside ? `${C[i]}, expected ${ref.C[i]}` : `${C[i]} outside the view (was ${before[i]})`
      return `gemm ${JSON.stringify(c)} [${where.join(',')}]: element ${i} is ${what}`
    }
  }
  return null
}

/**
 * A few small cases over all transposes, odd sizes and alpha/beta, and a mostly-zero case per
 * mixed transpose big enough for zero skipping: null if the kernel passes.
 */
export function gemmSelfTest(kernel: GemmF32): string | null {
  const uniform = checkUniform(7)
  const plain = (length: number) => new Float32Array(length)
  let i = 0
  for (const transA of [false, true]) {
    for (const transB of [false, true]) {
      for (const [m, n, k] of [
        [5, 9, 7],
        [8, 12, 33],
      ]) {
        const c: GemmCase = { transA, transB, m, n, k, alpha: i % 2 ? -0.5 : 1, beta: i % 3 ? 0 : 0.5, offsets: [1, 2, 3] }
        const error = gemmCheck(kernel, plain, c, ['plain', 'plain', 'plain'], uniform)
        if (error) return error
        i++
      }
      if (transA === transB) continue
      // Zero skipping: contiguous rows of A (with the Bᵀ pack), and strided columns of Aᵀ.
      const sparse: GemmCase = { transA, transB, m: 17, n: 36, k: 449, alpha: 0.5, beta: 1, offsets: [2, 1, 3], zeros: 0.7 }
      const error = gemmCheck(kernel, plain, sparse, ['plain', 'plain', 'plain'], uniform)
      if (error) return error
    }
  }
  return null
}
