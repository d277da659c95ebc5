// Every build of the WebAssembly kernels that ships (SIMD and relaxed SIMD, each over a private and
// a shared memory) on the paths whose bits matter: zero skipping (Task F's hot loop), the ReLU
// passes, the bias gradients' column sums and the batch conversion of image bytes. The relaxed
// builds run on Node 20 through the V8 flag vitest.config.ts passes (Node ≥ 22, Chromium and
// Electron without one).
import { describe, expect, it } from 'vitest'
import { checkUniform, gemmCheck, type GemmCase, type GemmPlacement } from './gemmCheck'
import { createWasmGemm, type WasmKernelOptions } from './wasmGemm'
import { reluBackwardLoop, reluForwardLoop } from './relu'

const BUILDS: { name: string; options: WasmKernelOptions; variant: 'simd' | 'relaxed' }[] = [
  { name: 'SIMD', options: { fma: false }, variant: 'simd' },
  { name: 'relaxed SIMD (the default)', options: { fma: true }, variant: 'relaxed' },
  { name: 'SIMD over shared memory', options: { fma: false, threads: 2 }, variant: 'simd' },
  { name: 'relaxed SIMD over shared memory', options: { fma: true, threads: 2 }, variant: 'relaxed' },
]

/** Steps of p per block of the zero-skipping product (KS in assembly/gemm.ts). */
const KS = 128

/** The float32 a·b + c rounded once (fused), from float64 (a·b is exact there) and a tie fix. */
function fmaF32(a: number, b: number, c: number): number {
  const p = a * b
  const t = p + c
  const bb = t - p
  const err = p - (t - bb) + (c - bb)
  const r = Math.fround(t)
  if (err === 0 || r === t) return r
  // t was rounded once already; a second rounding errs only when t lies halfway between two floats.
  const f = new Float32Array([r])
  const u = new Int32Array(f.buffer)
  u[0] += (t > r) === r > 0 ? 1 : -1
  const other = f[0]
  if (t !== (r + other) / 2) return r
  return err > 0 === other > r ? other : r
}

/**
 * What the zero-skipping product computes, element by element: C ← beta·C, then per block of KS
 * steps of p, s = Σ op(A)[i,p]·op(B)[p,j] over the non-zero op(A)[i,p] in order of p (float32,
 * fused or not), added as C += alpha·s where the row has any non-zero in the block (the last
 * n mod 4 columns: always, accumulated unfused).
 */
function sparseProductModel(
  g: { transA: boolean; transB: boolean; m: number; n: number; k: number; alpha: number; beta: number; A: Float32Array; B: Float32Array; C: Float32Array },
  fused: boolean,
): Float32Array {
  const { m, n, k, A, B, C } = g
  const f = Math.fround
  const alpha = f(g.alpha)
  const beta = f(g.beta)
  const opA = (i: number, p: number) => (g.transA ? A[p * m + i] : A[i * k + p])
  const opB = (p: number, j: number) => (g.transB ? B[j * k + p] : B[p * n + j])
  const vectorColumns = n & ~3
  for (let q = 0; q < m * n; q++) C[q] = beta === 1 ? C[q] : beta === 0 ? 0 : f(C[q] * beta)
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const lane = j < vectorColumns
      let c = C[i * n + j]
      for (let p0 = 0; p0 < k; p0 += KS) {
        let s = 0
        let terms = 0
        for (let p = p0; p < Math.min(p0 + KS, k); p++) {
          const x = opA(i, p)
          if (x === 0) continue
          s = lane && fused ? fmaF32(x, opB(p, j), s) : f(s + f(x * opB(p, j)))
          terms++
        }
        if (terms > 0 || !lane) c = f(c + f(s * alpha))
      }
      C[i * n + j] = c
    }
  }
  return C
}

const bits = (x: Float32Array) => Array.from(new Uint32Array(x.buffer, x.byteOffset, x.length))

/** x filled in place (a typed array's map() would return a copy outside the kernel's arena). */
function filled(x: Float32Array, value: () => number): Float32Array {
  for (let i = 0; i < x.length; i++) x[i] = value()
  return x
}

/**
 * Whether float32 b·hi + b·lo reproduces f32(b·scale) for every byte b, hi being scale cut to 12
 * significant bits and lo the float32 rest: the test `bytesToF32Table` makes before its fast path.
 */
function splitFits(scale: number): boolean {
  const word = new Float64Array([scale])
  const u = new BigUint64Array(word.buffer)
  u[0] &= ~((1n << 41n) - 1n)
  const f = Math.fround
  const hi = f(word[0])
  const lo = f(scale - word[0])
  return Array.from({ length: 256 }, (_, b) => f(f(b * hi) + f(b * lo))).every((v, b) => Object.is(v, f(b * scale)))
}

for (const { name, options, variant } of BUILDS) describe(`the ${name} build`, () => {
  const create = (arenaBytes: number, scratchBytes: number) => {
    const kernel = createWasmGemm({ ...options, arenaBytes, scratchBytes, helperArenaBytes: 1 << 16 })!
    expect(kernel.stats().variant).toBe(variant)
    expect(kernel.layout.threads).toBe(options.threads ?? 1)
    return kernel
  }

  it('skips zeros of op(A) (images, ReLU) and still matches, every transpose; repeats bit for bit', () => {
    const kernel = create(16 << 20, 8 << 20)
    const uniform = checkUniform(3)
    let i = 0
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const [m, n, k] of [
          [300, 100, 784],
          [100, 784, 300],
          [8, 36, 1031],
          [64, 52, 129],
          [65, 16, 256],
        ]) {
          const c: GemmCase = { transA, transB, m, n, k, alpha: i % 2 ? 1 : -0.3, beta: i % 3 ? 0 : 1, offsets: [i % 3, 1, 2], zeros: i % 2 ? 0.5 : 0.9 }
          const where: [GemmPlacement, GemmPlacement, GemmPlacement] = i % 2 ? ['arena', 'arena', 'arena'] : ['plain', 'arena', 'plain']
          expect(gemmCheck(kernel.gemm, kernel.alloc, c, where, uniform)).toBeNull()
          i++
        }
      }
    }
    expect(kernel.stats().sparseOffered).toBe(i)
    const A = kernel.alloc(300 * 784).map((_, p) => (p % 3 === 0 ? uniform() : 0))
    const B = kernel.alloc(100 * 784).map(() => uniform() - 0.5)
    const run = () => {
      const C = kernel.alloc(300 * 100)
      kernel.gemm({ transA: false, transB: true, m: 300, n: 100, k: 784, alpha: 1, A, B, beta: 0, C })
      return C
    }
    expect(run()).toEqual(run())
  })

  it('zero skipping splits C into passes of 3–5 column vectors: every width, leftover columns and empty rows match', () => {
    const kernel = create(16 << 20, 8 << 20)
    const uniform = checkUniform(4)
    // n/4 vectors: 4 → one pass of 4, 5 → 5, 7 → 4+3, 9 → 5+4, 11 → 4+4+3, 25 → 5×5; n mod 4 columns after them.
    const widths = [16, 19, 20, 28, 31, 36, 44, 47, 100]
    let i = 0
    for (const n of widths) {
      for (const transB of [false, true]) {
        // k over one block of p (KS = 128) and over several; 97% zeros leaves some rows of op(A) empty.
        const k = i % 2 ? 1031 : 300
        const zeros = i % 3 === 0 ? 0.97 : 0.5
        const c: GemmCase = { transA: i % 4 === 1, transB, m: 61, n, k, alpha: i % 2 ? 1 : -0.7, beta: i % 3 ? 0 : 1, offsets: [i % 5, 2, 1], zeros }
        expect(gemmCheck(kernel.gemm, kernel.alloc, c, ['arena', 'arena', 'arena'], uniform), `n=${n} transB=${transB}`).toBeNull()
        i++
      }
    }
    // Every product is big enough to be offered zero skipping (m·n·k ≥ 2¹⁸).
    expect(kernel.stats().sparseOffered).toBe(i)
  })

  it('zero skipping adds exactly the non-zero terms in order of p: the bits of its model, fused or not throughout', () => {
    const kernel = create(16 << 20, 8 << 20)
    const uniform = checkUniform(8)
    let i = 0
    for (const [m, n, k] of [
      [61, 100, 300],
      [37, 19, 1031],
      [300, 16, 129],
    ]) {
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          const A = kernel.alloc(m * k).map(() => (uniform() < 0.55 ? 0 : uniform() - 0.5))
          // Runs of zeros (a dark background), a −0 and a zero quad next to non-zeros.
          A.fill(0, 0, Math.min(A.length, 3 * k + 5))
          A[7 * k + 1] = -0
          const B = kernel.alloc(k * n).map(() => uniform() * 2 - 1)
          const C = kernel.alloc(m * n).map(() => uniform() - 0.5)
          const alpha = i % 2 ? 1 : -0.37
          const beta = i % 3 ? 0 : 1
          const args = { transA, transB, m, n, k, alpha, A, B, beta }
          const unfused = sparseProductModel({ ...args, C: Float32Array.from(C) }, false)
          const fused = sparseProductModel({ ...args, C: Float32Array.from(C) }, true)
          kernel.gemm({ ...args, C })
          const got = bits(C)
          const expected = variant === 'simd' || got.every((b, p) => b === bits(unfused)[p]) ? unfused : fused
          expect(got, `m=${m} n=${n} k=${k} transA=${transA} transB=${transB}`).toEqual(bits(expected))
          i++
        }
      }
    }
    expect(kernel.stats().sparseOffered).toBe(i)
  })

  it('net = X·Wᵀ gives every row and every column the same bits whether multiplied alone or among others (leftover columns 4 or 2 rows × 2 at a time)', () => {
    const kernel = create(1 << 20, 1 << 20)
    const uniform = checkUniform(12)
    // Task N's 30 hidden units and the 10 outputs leave n mod 4 = 2 columns; odd k leaves a tail.
    for (const [m, n, k] of [[10, 30, 784], [9, 10, 100], [7, 6, 33], [11, 31, 50], [5, 7, 9], [3, 2, 17]]) {
      const X = filled(kernel.alloc(m * k), () => uniform() - 0.5)
      const W = filled(kernel.alloc(n * k), () => uniform() - 0.5)
      const together = kernel.alloc(m * n).fill(0.25)
      kernel.gemm({ transA: false, transB: true, m, n, k, alpha: 0.75, A: X, B: W, beta: 1, C: together })
      const alone = kernel.alloc(m * n).fill(0.25)
      for (let r = 0; r < m; r++) kernel.gemm({ transA: false, transB: true, m: 1, n, k, alpha: 0.75, A: X, aOffset: r * k, B: W, beta: 1, C: alone, cOffset: r * n })
      expect(bits(together), `${m}×${n}×${k}, rows alone`).toEqual(bits(alone))
      const column = kernel.alloc(m)
      for (let j = 0; j < n; j++) {
        column.fill(0.25)
        kernel.gemm({ transA: false, transB: true, m, n: 1, k, alpha: 0.75, A: X, B: W, bOffset: j * k, beta: 1, C: column })
        expect(bits(column), `${m}×${n}×${k}, column ${j} alone`).toEqual(bits(Float32Array.from({ length: m }, (_, r) => together[r * n + j])))
      }
    }
  })

  it('A·B and Aᵀ·B (∂E/∂X, ∂E/∂W) give every row the same bits whether multiplied alone or among others (the last m mod 4 rows two at a time)', () => {
    const kernel = create(1 << 22, 1 << 20)
    const uniform = checkUniform(13)
    // Task N's ∂E/∂W₁ is 30 × 784 from 10 rows: 28 rows in 4 × 8 blocks, the last 2 two at a time.
    for (const [m, n, k] of [[30, 784, 10], [7, 48, 300], [3, 40, 13], [1, 24, 5]]) {
      for (const transA of [false, true]) {
        const A = filled(kernel.alloc(m * k), () => uniform() - 0.5)
        const B = filled(kernel.alloc(k * n), () => uniform() - 0.5)
        const together = kernel.alloc(m * n).fill(0.25)
        kernel.gemm({ transA, transB: false, m, n, k, alpha: -0.3, A, B, beta: 1, C: together })
        // Row i of op(A) alone, as a 1 × k matrix.
        const row = kernel.alloc(k)
        const alone = kernel.alloc(n)
        for (let i = 0; i < m; i++) {
          for (let p = 0; p < k; p++) row[p] = transA ? A[p * m + i] : A[i * k + p]
          alone.fill(0.25)
          kernel.gemm({ transA: false, transB: false, m: 1, n, k, alpha: -0.3, A: row, B, beta: 1, C: alone })
          expect(bits(alone), `${m}×${n}×${k} transA=${transA}, row ${i}`).toEqual(bits(together.subarray(i * n, (i + 1) * n)))
        }
      }
    }
  })

  it('beta = 0 writes C with the bits of adding to a zeroed C: every transpose, one and two blocks of p, −0 sums as +0, stale NaNs gone', () => {
    const kernel = create(1 << 22, 1 << 20)
    const uniform = checkUniform(17)
    // Task N's ∂E/∂W₁ (30 × 784 from 10 rows) and its ∂E/∂X-like A·B; k = 300 spans two blocks of p
    // (KC = 256); alpha −1 over zero rows makes sums of −0, which adding to +0 turns into +0.
    for (const [m, n, k] of [[30, 784, 10], [10, 100, 300], [7, 13, 5], [1, 9, 3]]) {
      for (const [transA, transB] of [[false, false], [true, false], [true, true], [false, true]]) {
        for (const alpha of [0.1, -1]) {
          const A = filled(kernel.alloc(m * k), () => (uniform() < 0.3 ? 0 : uniform() - 0.5))
          const B = filled(kernel.alloc(k * n), () => uniform() - 0.5)
          for (let p = 0; p < k; p++) A[transA ? p * m : p] = 0
          const written = kernel.alloc(m * n).fill(NaN)
          const added = kernel.alloc(m * n).fill(0)
          kernel.gemm({ transA, transB, m, n, k, alpha, A, B, beta: 0, C: written })
          kernel.gemm({ transA, transB, m, n, k, alpha, A, B, beta: 1, C: added })
          const label = `${m}×${n}×${k} transA=${transA} transB=${transB} alpha=${alpha}`
          expect(bits(written), label).toEqual(bits(added))
          expect(Object.is(written[0], 0), `${label}: an all-zero row gives +0`).toBe(true)
        }
      }
    }
  })

  it('ReLU forward and backward give exactly the bits of the TypeScript loops (odd ranges, ±0, NaN, ±∞, in and outside the arena)', () => {
    const kernel = create(1 << 20, 1 << 20)
    const uniform = checkUniform(5)
    const special = [0, -0, NaN, Infinity, -Infinity, 1e-45, -1e-45]
    const fill = (x: Float32Array) => x.forEach((_, i) => (x[i] = i % 5 === 0 ? special[i % special.length] : uniform() * 4 - 2))
    for (const [from, end] of [[0, 0], [0, 1], [3, 4], [1, 38], [0, 64], [5, 67]]) {
      for (const inArena of [true, false]) {
        const make = () => (inArena ? kernel.alloc(70) : new Float32Array(70))
        const net = make(), gradOut = make(), out = make(), delta = make()
        fill(net)
        fill(gradOut)
        const outRef = new Float32Array(70), deltaRef = new Float32Array(70)
        reluForwardLoop(net, outRef, from, end)
        reluBackwardLoop(net, gradOut, deltaRef, from, end)
        kernel.relu.forward(net, out, from, end)
        kernel.relu.backward(net, gradOut, delta, from, end)
        expect(bits(out), `forward ${from}…${end}`).toEqual(bits(outRef))
        expect(bits(delta), `backward ${from}…${end}`).toEqual(bits(deltaRef))
      }
    }
    expect(() => kernel.relu.forward(kernel.alloc(4), kernel.alloc(8), 0, 8)).toThrow(RangeError)
  })

  it('columnSums (bias gradients) gives exactly the bits of the TypeScript loop: odd widths, in and outside the arena', () => {
    const kernel = create(1 << 20, 1 << 16)
    const uniform = checkUniform(9)
    for (const [rows, n, scale] of [[300, 100, 1 / 300], [10, 30, 0.1], [7, 13, 1], [3, 1, -2.5], [0, 5, 1], [1, 0, 1]]) {
      for (const inArena of [true, false]) {
        const x = (inArena ? kernel.alloc(2 + rows * n) : new Float32Array(2 + rows * n)).map((_, i) => (i % 3 ? uniform() * 2 - 1 : 0))
        const start = Float32Array.from({ length: n }, () => uniform() - 0.5)
        const y = inArena ? kernel.alloc(n) : new Float32Array(n)
        y.set(start)
        const expected = Float32Array.from(start)
        for (let r = 0; r < rows; r++) for (let j = 0; j < n; j++) expected[j] += scale * x[2 + r * n + j]
        kernel.columnSums(rows, n, scale, x, 2, y)
        expect(bits(y), `${rows}×${n}, scale ${scale}`).toEqual(bits(expected))
      }
    }
    expect(() => kernel.columnSums(3, 4, 1, kernel.alloc(11), 0, kernel.alloc(4))).toThrow(RangeError)
  })

  it('zero sets exactly its own floats to +0 (odd lengths and offsets, in and outside the arena), leaving its neighbours', () => {
    const kernel = create(1 << 16, 1 << 16)
    for (const [offset, length] of [[0, 0], [0, 1], [1, 3], [2, 17], [3, 64]]) {
      for (const inArena of [true, false]) {
        const whole = inArena ? kernel.alloc(offset + length + 2) : new Float32Array(offset + length + 2)
        whole.forEach((_, i) => (whole[i] = i % 2 === 0 ? -0 : i + 0.5))
        const before = bits(whole)
        kernel.zero(whole.subarray(offset, offset + length))
        const after = bits(whole)
        for (let i = 0; i < whole.length; i++) {
          const inside = i >= offset && i < offset + length
          expect(after[i], `${offset}+${length}, element ${i}`).toBe(inside ? 0 : before[i])
        }
      }
    }
  })

  it('bytesRowsToF32 converts a batch of rows with exactly the bits of the TypeScript loop, in any order', () => {
    const kernel = create(1 << 20, 1 << 16)
    // Every byte value, in a view that starts 3 bytes into its buffer (as a Node Buffer's rows do).
    const src = new Uint8Array(new ArrayBuffer(3 + 40 * 13), 3).map((_, i) => (i * 89 + 7) % 256)
    const rows = [39, 0, 5, 5, 17, 38]
    // Most scales convert in float32 as b·hi + b·lo; 1/1699, 1e-40 (subnormal) and 1e39 (overflow)
    // need the table; 1/255 again after them.
    const scales = [1 / 255, 1, 0.1, -3e-5, 1 / 1699, 1e-40, 1e39]
    expect(scales.map(splitFits)).toEqual([true, true, true, true, false, false, false])
    for (const scale of [...scales, 1 / 255]) {
      for (const [start, count] of [[0, 0], [0, 1], [1, 5], [0, 6]]) {
        for (const inArena of [true, false]) {
          const dst = (inArena ? kernel.alloc(2 + 6 * 13) : new Float32Array(2 + 6 * 13)).fill(-1)
          const expected = new Float32Array(2 + 6 * 13).fill(-1)
          for (let r = 0; r < count; r++) for (let p = 0; p < 13; p++) expected[2 + r * 13 + p] = src[rows[start + r] * 13 + p] * scale
          kernel.bytesRowsToF32(13, scale, src, rows, start, count, dst, 2)
          expect(bits(dst), `scale ${scale}, rows ${start}+${count}`).toEqual(bits(expected))
        }
      }
    }
    // More rows than scratch holds: converted row by row, the same bits.
    const many = Array.from({ length: 6000 }, (_, i) => i % 40)
    const big = kernel.alloc(6000 * 13)
    kernel.bytesRowsToF32(13, 1 / 255, src, many, 0, 6000, big, 0)
    expect(big[5999 * 13 + 12]).toBe(Math.fround(src[39 * 13 + 12] * (1 / 255)))
    expect(() => kernel.bytesRowsToF32(13, 1, src, [40], 0, 1, kernel.alloc(13), 0)).toThrow(RangeError)
    expect(() => kernel.bytesRowsToF32(13, 1, src, [0, 1], 0, 2, kernel.alloc(20), 0)).toThrow(RangeError)
  })
})
