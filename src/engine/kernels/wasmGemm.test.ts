import { afterEach, describe, expect, it } from 'vitest'
import { compileGemmWasm } from '../../../assembly/build'
import { base64Decode } from './base64'
import { allocFloat32, gemm, gemmReference, type GemmArgs } from './gemm'
import { installWasmKernels, uninstallWasmKernels, wasmKernelStats } from './install'
import { createWasmGemm, type WasmGemm } from './wasmGemm'
import { gemmWasmBase64 } from './wasm/gemmWasm'

/** Small deterministic generator (mulberry32) for test data. */
function makeUniform(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Placement = 'arena' | 'plain'

interface Case {
  transA: boolean
  transB: boolean
  m: number
  n: number
  k: number
  alpha: number
  beta: number
  offsets: [number, number, number]
}

/**
 * Run one case through `kernel` and compare with float64 `gemmReference` on the same float32
 * inputs. The error bound is float32 rounding of a k-term sum: |err| ≤ 1e-6·(k+4)·Σ|terms|.
 */
function check(kernel: WasmGemm, c: Case, where: [Placement, Placement, Placement], next: () => number): void {
  const { m, n, k, alpha, beta, offsets } = c
  const [ao, bo, co] = offsets
  const make = (len: number, place: Placement): Float32Array => {
    const x = place === 'arena' ? kernel.alloc(len) : new Float32Array(len)
    for (let i = 0; i < len; i++) x[i] = next() * 2 - 1
    return x
  }
  const A = make(ao + m * k + 5, where[0])
  const B = make(bo + k * n + 5, where[1])
  const C = make(co + m * n + 5, where[2])
  const args64: GemmArgs<Float64Array> = {
    ...c,
    A: Float64Array.from(A),
    aOffset: ao,
    B: Float64Array.from(B),
    bOffset: bo,
    C: Float64Array.from(C),
    cOffset: co,
  }
  // Σ|terms| per element: the same product on absolute values.
  const abs = (x: Float64Array) => x.map(Math.abs)
  const scale: GemmArgs<Float64Array> = {
    ...args64,
    A: abs(args64.A),
    B: abs(args64.B),
    C: abs(args64.C),
    alpha: Math.abs(alpha),
    beta: Math.abs(beta),
  }
  gemmReference(args64)
  gemmReference(scale)
  const before = Float32Array.from(C)
  kernel.gemm({ ...c, A, aOffset: ao, B, bOffset: bo, C, cOffset: co })
  for (let i = 0; i < C.length; i++) {
    if (i < co || i >= co + m * n) {
      expect(C[i]).toBe(before[i]) // untouched outside the view
      continue
    }
    const tol = 1e-6 * (k + 4) * scale.C[i] + 1e-30
    const err = Math.abs(C[i] - args64.C[i])
    if (!(err <= tol)) {
      throw new Error(`mismatch at ${i} for ${JSON.stringify(c)} ${where}: ${C[i]} vs ${args64.C[i]} (tol ${tol})`)
    }
  }
}

const SIZES = [1, 3, 7, 8, 33]
const SCALARS: [number, number][] = [
  [1, 0],
  [0.5, 1],
  [-2, 0.25],
  [0, 0.5],
]

describe('WebAssembly SIMD gemm', () => {
  afterEach(() => uninstallWasmKernels())

  it('carries exactly the bytes a fresh compile of assembly/gemm.ts produces', async () => {
    const fresh = await compileGemmWasm()
    expect(base64Decode(gemmWasmBase64)).toEqual(fresh)
  })

  it('runs on this host (Node has WebAssembly SIMD)', () => {
    expect(createWasmGemm()).not.toBeNull()
  })

  it('matches gemmReference on all transposes, odd sizes, alpha/beta and offsets', () => {
    const kernel = createWasmGemm({ arenaBytes: 16 << 20, scratchBytes: 4 << 20 })!
    const next = makeUniform(1)
    let cases = 0
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const m of SIZES) {
          for (const n of SIZES) {
            for (const k of SIZES) {
              const [alpha, beta] = SCALARS[cases % SCALARS.length]
              const offsets: [number, number, number] = cases % 3 === 0 ? [0, 0, 0] : [1 + (cases % 5), 3, 2]
              const where: [Placement, Placement, Placement] =
                cases % 2 === 0 ? ['arena', 'arena', 'arena'] : [cases % 4 === 1 ? 'plain' : 'arena', 'plain', 'plain']
              check(kernel, { transA, transB, m, n, k, alpha, beta, offsets }, where, next)
              cases++
            }
          }
        }
      }
    }
    const s = kernel.stats()
    expect(s.zeroCopyCalls).toBe(cases / 2)
    expect(s.copiedCalls).toBe(cases / 2)
    expect(s.referenceCalls).toBe(0)
  })

  it('matches at the dense-layer shapes of a 784-100-10 network (k up to 784)', () => {
    const kernel = createWasmGemm({ arenaBytes: 16 << 20, scratchBytes: 4 << 20 })!
    const next = makeUniform(2)
    const shapes: Case[] = [
      // net = X·Wᵀ, ∂E/∂W = Δᵀ·X, ∂E/∂X = Δ·W (batch 37, 784 → 100)
      { transA: false, transB: true, m: 37, n: 100, k: 784, alpha: 1, beta: 0, offsets: [0, 0, 0] },
      { transA: true, transB: false, m: 100, n: 784, k: 37, alpha: -0.5 / 37, beta: 1, offsets: [0, 0, 0] },
      { transA: false, transB: false, m: 37, n: 784, k: 100, alpha: 1, beta: 0, offsets: [0, 0, 0] },
      { transA: true, transB: true, m: 33, n: 7, k: 784, alpha: 1.5, beta: -1, offsets: [4, 1, 9] },
    ]
    for (const c of shapes) {
      check(kernel, c, ['arena', 'arena', 'arena'], next)
      check(kernel, c, ['plain', 'plain', 'plain'], next)
    }
  })

  it('falls back to gemmReference when operands do not fit in scratch', () => {
    const kernel = createWasmGemm({ arenaBytes: 1 << 16, scratchBytes: 1 << 16 })!
    const next = makeUniform(3)
    check(kernel, { transA: false, transB: true, m: 40, n: 50, k: 300, alpha: 1, beta: 0, offsets: [0, 0, 0] }, ['plain', 'plain', 'plain'], next)
    expect(kernel.stats().referenceCalls).toBe(1)
  })

  it('beta = 0 overwrites C, NaNs included; k = 0 only scales C', () => {
    const kernel = createWasmGemm({ arenaBytes: 1 << 16, scratchBytes: 1 << 16 })!
    const A = kernel.alloc(6).fill(1)
    const B = kernel.alloc(6).fill(2)
    const C = kernel.alloc(4).fill(NaN)
    kernel.gemm({ transA: false, transB: false, m: 2, n: 2, k: 3, alpha: 1, A, B, beta: 0, C })
    expect(Array.from(C)).toEqual([6, 6, 6, 6])
    kernel.gemm({ transA: false, transB: false, m: 2, n: 2, k: 0, alpha: 1, A, B, beta: 0.5, C })
    expect(Array.from(C)).toEqual([3, 3, 3, 3])
  })

  it('rejects operands shorter than the shape instead of touching other buffers', () => {
    const kernel = createWasmGemm({ arenaBytes: 1 << 16, scratchBytes: 1 << 16 })!
    const A = kernel.alloc(6)
    const B = kernel.alloc(6)
    const C = kernel.alloc(3)
    expect(() => kernel.gemm({ transA: false, transB: false, m: 2, n: 2, k: 3, alpha: 1, A, B, beta: 0, C })).toThrow(
      RangeError,
    )
  })

  it('allocates zeroed, 16-byte aligned views in its memory, then plain arrays when the arena is full', () => {
    const kernel = createWasmGemm({ arenaBytes: 1 << 16, scratchBytes: 1 << 16 })!
    const a = kernel.alloc(3)
    const b = kernel.alloc(5)
    expect(a.buffer).toBe(b.buffer)
    expect(b.byteOffset - a.byteOffset).toBe(16)
    expect(Array.from(b)).toEqual([0, 0, 0, 0, 0])
    const big = kernel.alloc(1 << 15) // 128 KiB > arena
    expect(big.buffer).not.toBe(a.buffer)
    expect(kernel.stats().allocOutsideArena).toBe(1)
  })

  it('installWasmKernels routes gemm and allocFloat32 through the kernel', () => {
    expect(installWasmKernels({ arenaBytes: 1 << 20, scratchBytes: 1 << 20 })).toBe(true)
    expect(installWasmKernels()).toBe(true) // idempotent
    const A = allocFloat32(6).fill(1)
    const B = allocFloat32(6).fill(2)
    const C = allocFloat32(4)
    gemm({ transA: false, transB: true, m: 2, n: 2, k: 3, alpha: 1, A, B, beta: 0, C })
    expect(Array.from(C)).toEqual([6, 6, 6, 6])
    expect(wasmKernelStats()?.zeroCopyCalls).toBe(1)
    uninstallWasmKernels()
    expect(wasmKernelStats()).toBeNull()
    expect(allocFloat32(2).buffer.byteLength).toBe(8)
  })
})

describe('base64Decode', () => {
  it('decodes with and without padding', () => {
    expect(Array.from(base64Decode('AAECAwQ='))).toEqual([0, 1, 2, 3, 4])
    expect(Array.from(base64Decode('AAECAwQ'))).toEqual([0, 1, 2, 3, 4])
    expect(Array.from(base64Decode('/+8='))).toEqual([255, 239])
    expect(Array.from(base64Decode(''))).toEqual([])
    expect(() => base64Decode('A*A=')).toThrow()
  })
})
