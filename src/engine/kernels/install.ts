/**
 * Start-up wiring of the fast float32 kernels: hosts call `installWasmKernels()` once, before
 * creating sessions, so that every later `allocFloat32` buffer lives in WebAssembly memory and
 * every float32 `gemm` (and `axpy`, `addColumnSums`, `bytesToFloat`, the ReLU passes) runs the SIMD kernel without copying.
 */
import { setAffineBytesRowsToF32, setAxpyF32, setBytesRowsToF32, setBytesToF32, setColumnSumsF32, setFloat32Allocator, setGemmF32, setZeroF32 } from './gemm'
import { setReluF32 } from './relu'
import { gemmSelfTest } from './gemmCheck'
import { createWasmGemm, type WasmGemm, type WasmGemmStats, type WasmKernelOptions } from './wasmGemm'

let installed: WasmGemm | null = null

/**
 * Install the WebAssembly SIMD gemm and its allocator. Returns false, leaving the pure
 * TypeScript `gemmReference` in place, when the host lacks WebAssembly SIMD or the kernel fails
 * a quick self-test against the reference. Idempotent: a second call keeps the first instance
 * (buffers already handed out stay zero-copy).
 *
 * With `threads` > 1 the memory is laid out for that many threads and shared, so data-parallel
 * helpers can join it (src/engine/parallel/); where memory cannot be shared (no
 * SharedArrayBuffer: a page without cross-origin isolation) it falls back to one thread's.
 */
export function installWasmKernels(options?: WasmKernelOptions): boolean {
  if (installed) return true
  const wantsShared = (options?.threads ?? 1) > 1 && !options?.join
  const canShare = typeof (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer === 'function'
  const kernel = createWasmGemm(wantsShared && !canShare ? { ...options, threads: 1 } : options) ?? (wantsShared ? createWasmGemm({ ...options, threads: 1 }) : null)
  if (!kernel || gemmSelfTest(kernel.gemm) !== null) return false
  installed = kernel
  setGemmF32(kernel.gemm)
  setAxpyF32(kernel.axpy)
  setColumnSumsF32(kernel.columnSums)
  setZeroF32(kernel.zero)
  setBytesToF32(kernel.bytesToF32)
  setBytesRowsToF32(kernel.bytesRowsToF32)
  setAffineBytesRowsToF32(kernel.affineBytesRowsToF32)
  setReluF32(kernel.relu)
  setFloat32Allocator(kernel.alloc)
  return true
}

/** Back to the pure TypeScript kernel and plain Float32Arrays (tests, benchmarks). */
export function uninstallWasmKernels(): void {
  installed = null
  setGemmF32(null)
  setAxpyF32(null)
  setColumnSumsF32(null)
  setZeroF32(null)
  setBytesToF32(null)
  setBytesRowsToF32(null)
  setAffineBytesRowsToF32(null)
  setReluF32(null)
  setFloat32Allocator(null)
}

/** The installed kernel (null when none is): its memory, layout and views, for the parallel helpers. */
export function installedWasmKernel(): WasmGemm | null {
  return installed
}

/** Counters of the installed kernel (null when none is installed). */
export function wasmKernelStats(): WasmGemmStats | null {
  return installed ? installed.stats() : null
}

/**
 * Reuse the float32 arena from the start (zeroed). Call only when no buffer from an earlier
 * `allocFloat32` is in use any more (e.g. the host disposed its only session); otherwise old
 * and new buffers would share memory. Without it, a long-lived engine that creates many
 * sessions fills the arena, after which buffers are ordinary arrays that gemm copies.
 */
export function resetFloat32Arena(): void {
  installed?.resetArena()
}
