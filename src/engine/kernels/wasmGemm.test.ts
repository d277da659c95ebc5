import { afterEach, describe, expect, it } from 'vitest'
import { compileGemmWasmBuilds } from '../../../assembly/build'
import { base64Decode } from './base64'
import { allocFloat32, axpy, bytesToFloat, gemm } from './gemm'
import { checkUniform, gemmCheck, gemmSelfTest, type GemmCase, type GemmPlacement } from './gemmCheck'
import { installWasmKernels, uninstallWasmKernels, wasmKernelStats } from './install'
import { createWasmGemm, type WasmGemm } from './wasmGemm'
import * as committed from './wasm/gemmWasm'

const SIZES = [1, 3, 7, 8, 33]
const SCALARS: [number, number][] = [
  [1, 0],
  [0.5, 1],
  [-2, 0.25],
  [0, 0.5],
]

/** Every transpose × SIZES³, cycling alpha/beta, offsets and operand placement. Returns the case count. */
function checkGrid(kernel: WasmGemm): number {
  const uniform = checkUniform(1)
  let cases = 0
  for (const transA of [false, true]) {
    for (const transB of [false, true]) {
      for (const m of SIZES) {
        for (const n of SIZES) {
          for (const k of SIZES) {
            const [alpha, beta] = SCALARS[cases % SCALARS.length]
            const offsets: [number, number, number] = cases % 3 === 0 ? [0, 0, 0] : [1 + (cases % 5), 3, 2]
            const where: [GemmPlacement, GemmPlacement, GemmPlacement] =
              cases % 2 === 0 ? ['arena', 'arena', 'arena'] : [cases % 4 === 1 ? 'plain' : 'arena', 'plain', 'plain']
            expect(gemmCheck(kernel.gemm, kernel.alloc, { transA, transB, m, n, k, alpha, beta, offsets }, where, uniform)).toBeNull()
            cases++
          }
        }
      }
    }
  }
  return cases
}

describe('WebAssembly SIMD gemm', () => {
  afterEach(() => uninstallWasmKernels())

  it('carries exactly the bytes a fresh compile of assembly/gemm.ts produces (all four builds)', async () => {
    const fresh = await compileGemmWasmBuilds()
    for (const [name, bytes] of Object.entries(fresh)) expect(base64Decode(committed[name as keyof typeof committed]), name).toEqual(bytes)
  })

  it('runs on this host (Node has WebAssembly SIMD) and passes the self-test', () => {
    const kernel = createWasmGemm({ fma: false })
    expect(kernel?.stats().variant).toBe('simd')
    expect(gemmSelfTest(kernel!.gemm)).toBeNull()
  })

  it('matches gemmReference on all transposes, odd sizes, alpha/beta and offsets', () => {
    const kernel = createWasmGemm({ fma: false, arenaBytes: 16 << 20, scratchBytes: 4 << 20 })!
    const cases = checkGrid(kernel)
    const s = kernel.stats()
    expect(s.zeroCopyCalls).toBe(cases / 2)
    expect(s.copiedCalls).toBe(cases / 2)
    expect(s.referenceCalls).toBe(0)
  })

  it('matches at the dense-layer shapes of a 784-100-10 network (k up to 784)', () => {
    const kernel = createWasmGemm({ fma: false, arenaBytes: 16 << 20, scratchBytes: 4 << 20 })!
    const uniform = checkUniform(2)
    const shapes: GemmCase[] = [
      // net = X·Wᵀ, ∂E/∂W = Δᵀ·X, ∂E/∂X = Δ·W (batch 37, 784 → 100)
      { transA: false, transB: true, m: 37, n: 100, k: 784, alpha: 1, beta: 0, offsets: [0, 0, 0] },
      { transA: true, transB: false, m: 100, n: 784, k: 37, alpha: -0.5 / 37, beta: 1, offsets: [0, 0, 0] },
      { transA: false, transB: false, m: 37, n: 784, k: 100, alpha: 1, beta: 0, offsets: [0, 0, 0] },
      { transA: true, transB: true, m: 33, n: 7, k: 784, alpha: 1.5, beta: -1, offsets: [4, 1, 9] },
    ]
    for (const c of shapes) {
      expect(gemmCheck(kernel.gemm, kernel.alloc, c, ['arena', 'arena', 'arena'], uniform)).toBeNull()
      expect(gemmCheck(kernel.gemm, kernel.alloc, c, ['plain', 'plain', 'plain'], uniform)).toBeNull()
    }
  })

  it('falls back to gemmReference when operands do not fit in scratch', () => {
    const kernel = createWasmGemm({ arenaBytes: 1 << 16, scratchBytes: 1 << 16 })!
    const c: GemmCase = { transA: false, transB: true, m: 40, n: 50, k: 300, alpha: 1, beta: 0, offsets: [0, 0, 0] }
    expect(gemmCheck(kernel.gemm, kernel.alloc, c, ['plain', 'plain', 'plain'], checkUniform(3))).toBeNull()
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
    expect(() => kernel.gemm({ transA: false, transB: false, m: 2, n: 2, k: 3, alpha: 1, A, B, beta: 0, C })).toThrow(RangeError)
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
    b.fill(7)
    kernel.resetArena()
    const again = kernel.alloc(8)
    expect(again.byteOffset).toBe(a.byteOffset)
    expect(Array.from(again)).toEqual([0, 0, 0, 0, 0, 0, 0, 0])
    expect(kernel.stats().arenaUsedBytes).toBe(32)
  })

  it('axpy: y += alpha·x in the arena (SIMD) and outside it, odd lengths and offsets', () => {
    const kernel = createWasmGemm({ fma: false, arenaBytes: 1 << 16, scratchBytes: 1 << 16 })!
    const u = checkUniform(9)
    for (const n of [0, 1, 3, 4, 7, 16, 33, 101, 1000]) {
      for (const arena of [true, false]) {
        // Filled in place: a typed array's map() would return a copy outside the arena.
        const make = (len: number) => {
          const v = arena ? kernel.alloc(len) : new Float32Array(len)
          v.forEach((_, i) => (v[i] = u() - 0.5))
          return v
        }
        const x = make(n + 2)
        const y = make(n + 3)
        expect(kernel.owns(x) && kernel.owns(y)).toBe(arena)
        const before = Float32Array.from(y)
        kernel.axpy(n, -0.75, x, 2, y, 1)
        for (let i = 0; i < y.length; i++) {
          const inside = i >= 1 && i < 1 + n
          const exact = inside ? before[i] - 0.75 * x[i + 1] : before[i]
          // float32 rounding of the product and of the sum: ≤ 2⁻²³ of the magnitudes involved.
          expect(Math.abs(y[i] - exact)).toBeLessThanOrEqual(inside ? 2 ** -23 * (Math.abs(before[i]) + Math.abs(x[i + 1])) : 0)
        }
      }
    }
    expect(() => kernel.axpy(5, 1, kernel.alloc(4), 0, kernel.alloc(5), 0)).toThrow(RangeError)
  })

  it('bytesToF32 gives exactly the bits of the TypeScript loop (float64 product, one rounding)', () => {
    const kernel = createWasmGemm({ fma: false, arenaBytes: 1 << 16, scratchBytes: 1 << 16 })!
    const src = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256)
    for (const n of [0, 1, 3, 4, 5, 8, 255, 299]) {
      for (const scale of [1 / 255, 1, 0.1]) {
        const dst = kernel.alloc(n + 3).fill(-1)
        const expected = new Float32Array(n + 3).fill(-1)
        for (let i = 0; i < n; i++) expected[2 + i] = src[1 + i] * scale
        kernel.bytesToF32(n, scale, src, 1, dst, 2)
        expect(dst).toEqual(expected)
      }
    }
    // Bytes already in the kernel's memory (staged rows) convert in place, with the same bits.
    const inMemory = kernel.alloc(75)
    const staged = new Uint8Array(inMemory.buffer, inMemory.byteOffset, 300)
    staged.set(src)
    const dst = kernel.alloc(300)
    kernel.bytesToF32(299, 1 / 255, staged, 1, dst, 1)
    expect(dst[0]).toBe(0)
    for (let i = 0; i < 299; i++) expect(dst[1 + i]).toBe(Math.fround(src[1 + i] * (1 / 255)))
    const plain = new Float32Array(4)
    kernel.bytesToF32(4, 0.5, src, 0, plain, 0)
    expect(Array.from(plain)).toEqual([0, 18.5, 37, 55.5])
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
    axpy(4, -0.5, C, 0, C, 0)
    expect(Array.from(C)).toEqual([3, 3, 3, 3])
    bytesToFloat(4, 0.25, Uint8Array.of(4, 8, 12, 16), 0, C, 0)
    expect(Array.from(C)).toEqual([1, 2, 3, 4])
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
