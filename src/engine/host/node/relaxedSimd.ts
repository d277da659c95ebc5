/**
 * Node host: the kernels' default build uses WebAssembly relaxed SIMD (fused multiply-add), which
 * Node ≥ 22, Chromium and Electron run without flags and Node 20–21 only behind a V8 flag. Setting
 * the flag before the kernel is compiled gives the command line and the Node engine worker the
 * same build as the app, so `axon train` and the app train to the same float32 weights.
 */
import { setFlagsFromString } from 'node:v8'

/** Turn on relaxed SIMD where this Node has it behind a flag (a no-op on Node ≥ 22). */
export function enableRelaxedSimd(): void {
  const major = Number(process.versions.node.split('.')[0])
  if (major >= 20 && major < 22) setFlagsFromString('--experimental-wasm-relaxed-simd')
}
