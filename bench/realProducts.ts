/**
 * Task F's hidden-layer products on real operands: a session trains a few batches of real
 * Fashion-MNIST, then its last batch's X (pixels, ~half zero in patches), W₁ and Δ₁ (ReLU deltas,
 * ~90% zero) are multiplied again and again. Random zeros (bench/gemmBench.ts) do not have the
 * runs and overlaps of real images, which zero skipping's speed depends on.
 *
 *   npx tsx bench/realProducts.ts [--kernel fma|simd] [--warmup 50] [--rounds 40]
 *
 * Each figure: µs per call, best of `rounds` windows of 20 ms of this process's CPU time.
 */
import { createSession } from '../src/engine/train'
import { installWasmKernels } from '../src/engine/kernels/install'
import { allocFloat32, gemm, type GemmArgs } from '../src/engine/kernels/gemm'
import { enableRelaxedSimd } from '../src/engine/host/node/relaxedSimd'
import type { Layer } from '../src/engine/nn/layer'
import { loadFashionMnist } from './fashion'
import { taskSpec } from './tasks'
import { bestCpuMicros, parseFlags } from './util'

const flags = parseFlags(process.argv.slice(2), { kernel: 'fma', warmup: '50', rounds: '40' })
enableRelaxedSimd()
if (!installWasmKernels({ fma: flags.kernel === 'fma' })) throw new Error('WebAssembly SIMD unavailable')
const { train } = loadFashionMnist()
const session = createSession(taskSpec('F', 'float32', 1), train)
session.trainSteps(Number(flags.warmup))
const nw = session.network
const hidden = nw.layers[0] as Layer & { delta: Float32Array }
const { W, gW } = nw.weighted[0].weights
const [rows, nIn, nOut] = [300, 784, 100]
const X = nw.X as Float32Array
const delta = hidden.delta
const zeros = (x: Float32Array, n: number) => x.subarray(0, n).reduce((z, v) => z + (v === 0 ? 1 : 0), 0) / n
const net = allocFloat32(rows * nOut)

const products: [string, GemmArgs<Float32Array>][] = [
  [`net = X·W₁ᵀ (X ${(100 * zeros(X, rows * nIn)).toFixed(0)}% zero)`, { transA: false, transB: true, m: rows, n: nOut, k: nIn, alpha: 1, A: X, B: W as Float32Array, beta: 0, C: net }],
  // n = 16: one pass over the non-zeros, so mostly the gather.
  [`net = X·W₁[0:16]ᵀ (the same, 16 units: mostly gathering X's non-zeros)`, { transA: false, transB: true, m: rows, n: 16, k: nIn, alpha: 1, A: X, B: W as Float32Array, beta: 0, C: net }],
  [`∂E/∂W₁ = Δ₁ᵀ·X (Δ₁ ${(100 * zeros(delta, rows * nOut)).toFixed(0)}% zero)`, { transA: true, transB: false, m: nOut, n: nIn, k: rows, alpha: 1 / rows, A: delta, B: X, beta: 1, C: gW as Float32Array }],
]
console.log(`| product (${flags.kernel}, after ${flags.warmup} batches) | µs per call |`)
console.log('|---|---|')
for (const [name, args] of products) console.log(`| ${name} | ${bestCpuMicros(() => gemm(args), Number(flags.rounds), 20).toFixed(1)} |`)
