// The relaxed-SIMD (fused multiply-add) build of the gemm, which Chromium, Electron and Node ≥ 22
// run without flags (Node 20 behind a V8 flag, which vitest.config.ts passes). Older Node skips,
// saying why; on Node ≥ 20 a host that fails to pick the relaxed build fails the first test.
import { beforeEach, describe, expect, it } from 'vitest'
import { checkUniform, gemmCheck, gemmSelfTest, type GemmPlacement } from '../../src/engine/kernels/gemmCheck'
import { createWasmGemm } from '../../src/engine/kernels/wasmGemm'

const nodeMajor = Number(process.versions.node.split('.')[0])

describe('relaxed-SIMD gemm', () => {
  beforeEach((ctx) => ctx.skip(nodeMajor < 20, `Node ${process.version} does not run WebAssembly relaxed SIMD: use Node ≥ 22.12 (.nvmrc)`))

  it('is picked when the host runs it, and matches gemmReference on every transpose and odd sizes', () => {
    const kernel = createWasmGemm({ fma: true, arenaBytes: 16 << 20, scratchBytes: 4 << 20 })!
    expect(kernel.stats().variant).toBe('relaxed')
    expect(gemmSelfTest(kernel.gemm)).toBeNull()
    const uniform = checkUniform(11)
    const sizes = [1, 3, 7, 8, 33, 100]
    let i = 0
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const m of sizes) {
          for (const n of sizes) {
            const k = sizes[(i * 7) % sizes.length] + (i % 2 ? 784 : 0)
            const where: [GemmPlacement, GemmPlacement, GemmPlacement] = i % 2 ? ['arena', 'arena', 'arena'] : ['plain', 'arena', 'plain']
            const c = { transA, transB, m, n, k, alpha: i % 3 ? 1 : -0.25, beta: i % 4 ? 0 : 1, offsets: [i % 3, 1, 2] as [number, number, number] }
            expect(gemmCheck(kernel.gemm, kernel.alloc, c, where, uniform)).toBeNull()
            i++
          }
        }
      }
    }
  })

  it('gives bit-identical results on repeated runs', () => {
    const kernel = createWasmGemm({ fma: true, arenaBytes: 1 << 20, scratchBytes: 1 << 20 })!
    const u = checkUniform(5)
    const A = kernel.alloc(37 * 784).map(() => u() - 0.5)
    const B = kernel.alloc(100 * 784).map(() => u() - 0.5)
    const run = () => {
      const C = kernel.alloc(37 * 100)
      kernel.gemm({ transA: false, transB: true, m: 37, n: 100, k: 784, alpha: 1, A, B, beta: 0, C })
      return C
    }
    expect(run()).toEqual(run())
  })
})
