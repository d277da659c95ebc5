/**
 * The ReLU passes of a dense layer over a range [from, end) of its row-major buffers:
 *
 *   forward   out[p] = net[p] > 0 ? net[p] : 0
 *   backward  delta[p] = gradOut[p] · (net[p] > 0 ? 1 : 0)
 *
 * The loops here are exact in any precision; a float32 backend may register faster ones
 * (`setReluF32`, the WebAssembly SIMD kernel) that must give the same bits.
 */
import type { FloatArray } from './gemm'

/** ReLU forward and backward over [from, end) of float32 buffers (in a backend's memory or not). */
export interface ReluF32 {
  forward(net: Float32Array, out: Float32Array, from: number, end: number): void
  backward(net: Float32Array, gradOut: Float32Array, delta: Float32Array, from: number, end: number): void
}

let fastReluF32: ReluF32 | null = null

/** Install (or remove, with null) faster float32 ReLU passes. */
export function setReluF32(kernel: ReluF32 | null): void {
  fastReluF32 = kernel
}

/** out[p] = max(net[p], 0) for p in [from, end) (NaN and −0 give +0). */
export function reluForward(net: FloatArray, out: FloatArray, from: number, end: number): void {
  if (fastReluF32 && net instanceof Float32Array && out instanceof Float32Array) fastReluF32.forward(net, out, from, end)
  else reluForwardLoop(net, out, from, end)
}

/** delta[p] = gradOut[p] · f'(net[p]) with f' = 1 where net > 0, else 0, for p in [from, end). */
export function reluBackward(net: FloatArray, gradOut: FloatArray, delta: FloatArray, from: number, end: number): void {
  if (fastReluF32 && net instanceof Float32Array && gradOut instanceof Float32Array && delta instanceof Float32Array) {
    fastReluF32.backward(net, gradOut, delta, from, end)
  } else reluBackwardLoop(net, gradOut, delta, from, end)
}

/** The plain forward loop (any precision; the reference for faster kernels). */
export function reluForwardLoop(net: FloatArray, out: FloatArray, from: number, end: number): void {
  for (let p = from; p < end; p++) {
    const x = net[p]
    out[p] = x > 0 ? x : 0
  }
}

/** The plain backward loop (any precision; the reference for faster kernels). */
export function reluBackwardLoop(net: FloatArray, gradOut: FloatArray, delta: FloatArray, from: number, end: number): void {
  for (let p = from; p < end; p++) delta[p] = gradOut[p] * (net[p] > 0 ? 1 : 0)
}
