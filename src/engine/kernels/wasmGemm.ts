/**
 * The WebAssembly SIMD float32 gemm (source: assembly/gemm.ts) and the float32 allocator that
 * places buffers in its memory.
 *
 * Memory layout (one fixed-size WebAssembly.Memory, never grown), for `threads` threads:
 *   [0, 64 KiB)                     reserved (the module's static data, if it ever has any)
 *   [64 KiB, +arenaBytes)           arena: `alloc` hands out Float32Array views here (bump pointer)
 *   [.., +helperArenaBytes) × (threads − 1)   the arena of each data-parallel helper thread
 *   [.., +scratchBytes) × threads   scratch, one per thread: per call, copies of operands that
 *                                   live elsewhere, the Bᵀ pack, and the work area of zero
 *                                   skipping (the non-zeros of op(A), gathered when mostly zeros);
 *                                   or a batch's image bytes and their conversion table
 * With more than one thread the memory is shared (a SharedArrayBuffer): every thread runs its
 * own instance of the shared build over it, so a helper multiplies the session's buffers and the
 * session reads the helper's without copying (src/engine/parallel/).
 * Growing a WebAssembly memory detaches every view into it, so the memory is reserved at its
 * full size once (untouched pages cost no RAM) and never grows. When the arena is full, `alloc`
 * returns an ordinary Float32Array; gemm then copies that operand through scratch. When an
 * operand does not fit in scratch either, gemm falls back to `gemmReference`.
 *
 * Operands must not overlap C (same contract as `gemmReference`).
 */
import { base64Decode } from './base64'
import { gemmReference, type AffineBytesRowsToF32, type AxpyF32, type BytesRowsToF32, type BytesToF32, type ColumnSumsF32, type GemmArgs, type GemmF32, type ZeroF32 } from './gemm'
import { reluBackwardLoop, reluForwardLoop, type ReluF32 } from './relu'
import { gemmWasmBase64, gemmWasmRelaxedBase64, gemmWasmRelaxedSharedBase64, gemmWasmSharedBase64 } from './wasm/gemmWasm'

/** The part of the WebAssembly JS API used here (the engine's lib is ES2023, without these types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer
}
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> }
  validate(bytes: Uint8Array): boolean
}

/** gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, pack, work), pointers in bytes. */
type WasmGemmExport = (
  transA: number,
  transB: number,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: number,
  lda: number,
  b: number,
  ldb: number,
  beta: number,
  c: number,
  ldc: number,
  pack: number,
  work: number,
) => void

export interface WasmKernelOptions {
  /**
   * Use the relaxed-SIMD build (fused multiply-add) when the host runs it: Chromium, Electron and
   * Node ≥ 22 do without flags (Node 20 behind a V8 flag, which the Node hosts set:
   * host/node/relaxedSimd.ts), else the plain SIMD build. Default true, so the app and the CLI
   * run the same build. Relaxed SIMD lets the CPU choose fused or separate rounding (V8 fuses
   * wherever the CPU has FMA: every x64 since 2013 and every arm64), so float32 weights may
   * differ in their last bits between machines, never between runs or hosts on one machine.
   * Faster on dense products (Task N, the output layer). The two builds differ by float32
   * rounding only: from ordinary starts both match the peers; from Task N seed 1's saturated
   * start, where rounding decides when a run leaves its plateau, fma reached 85% in 30 epochs and
   * simd stayed at 76% (bench/README.md, "Accuracy parity"); `npm run bench` measures both.
   */
  fma?: boolean
  /** Bytes reserved for buffers from `alloc` (default 64 MiB). */
  arenaBytes?: number
  /** Bytes reserved for operand copies, per thread (default 32 MiB). */
  scratchBytes?: number
  /** Bytes of each helper thread's arena (default 32 MiB). */
  helperArenaBytes?: number
  /**
   * Threads that will multiply in this memory (default 1). Above 1 the memory is shared, and
   * the kernel is null where the host cannot share memory (a page without cross-origin isolation).
   */
  threads?: number
  /** Join the shared memory of another thread's kernel as helper `thread` (1 … threads − 1). */
  join?: { memory: unknown; thread: number }
}

/** Where each thread's arena and scratch lie in the memory (byte offsets). */
export interface KernelLayout {
  threads: number
  arenaBytes: number
  helperArenaBytes: number
  scratchBytes: number
  pages: number
  /** [start, end) of thread t's arena (t = 0 the session's, t ≥ 1 a helper's). */
  arena(t: number): [number, number]
  /** Start of thread t's scratch. */
  scratch(t: number): number
}

/** Counters for benchmarks and tests: how often the fast, zero-copy path was taken. */
export interface WasmGemmStats {
  /** Which build runs: 'relaxed' (fused multiply-add) or 'simd'. */
  variant: 'relaxed' | 'simd'
  arenaBytes: number
  arenaUsedBytes: number
  /** `alloc` calls that did not fit in the arena and returned an ordinary Float32Array. */
  allocOutsideArena: number
  /** gemm calls whose operands all lived in the arena. */
  zeroCopyCalls: number
  /** gemm calls that copied at least one operand through scratch. */
  copiedCalls: number
  /** gemm calls that fell back to `gemmReference` (operands too big for scratch, or not float32). */
  referenceCalls: number
  /** gemm calls offered zero skipping (the kernel uses it when op(A) is at most 60% non-zero). */
  sparseOffered: number
}

export interface WasmGemm {
  /** The WebAssembly.Memory (shared when `threads` > 1: helpers join it). */
  memory: unknown
  /** The thread this instance belongs to (0 unless it joined as a helper). */
  thread: number
  layout: KernelLayout
  /** A Float32Array view of `length` floats at `byteOffset` of the memory. */
  view: (byteOffset: number, length: number) => Float32Array
  /** Whether `x` is a view into this kernel's memory. */
  owns: (x: Float32Array) => boolean
  /** C[m×n] = alpha·op(A)·op(B) + beta·C, float32, any of the four transpose combinations. */
  gemm: GemmF32
  /** y += alpha·x; SIMD when both vectors live in the arena, a plain loop otherwise. */
  axpy: AxpyF32
  /** y += scale·Σ_rows x (bias gradients); SIMD when both live in this memory, the same bits either way. */
  columnSums: ColumnSumsF32
  /** x ← +0: one bulk fill when x lives in this memory, TypedArray fill otherwise. */
  zero: ZeroF32
  /** dst = src·scale (bytes to float32); SIMD when dst lives in the arena, same bits either way. */
  bytesToF32: BytesToF32
  /**
   * A batch of byte rows to float32 rows in one call (through a 256-entry table); when dst lives
   * in this memory and the rows fit in scratch, else row by row. Same bits as `bytesToF32`.
   */
  bytesRowsToF32: BytesRowsToF32
  /** Normalised byte rows to float32 rows in one call, when dst lives in this memory and the rows fit in scratch (else false). */
  affineBytesRowsToF32: AffineBytesRowsToF32
  /** ReLU forward and backward; SIMD when every buffer lives in this memory, same bits either way. */
  relu: ReluF32
  /** A zeroed Float32Array of `length`, inside WebAssembly memory while the arena lasts. */
  alloc: (length: number) => Float32Array
  /**
   * Hand the whole arena out again (zeroed). Only when no earlier `alloc` buffer is used any
   * more, e.g. a host that replaced its one session: old views would alias new buffers.
   */
  resetArena: () => void
  stats: () => WasmGemmStats
}

/** Steps of p per block of the zero-skipping product (KS in assembly/gemm.ts): the gather notes where each ends. */
const SPARSE_BLOCK = 128
/** Zero skipping is offered for C at least this wide ... */
const SPARSE_MIN_N = 16
/** ... and at least this many multiply-adds (m·n·k). */
const SPARSE_MIN_WORK = 1 << 18

const PAGE = 65536
const RESERVED = PAGE
const MIB = 1 << 20

/** The host's WebAssembly API if it can run this module (SIMD included), else null. */
function wasmApi(bytes: Uint8Array): WasmApi | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly
  if (!api || typeof api.validate !== 'function') return null
  try {
    return api.validate(bytes) ? api : null
  } catch {
    return null
  }
}

/** The fastest build the host runs: relaxed SIMD (if wanted), else SIMD, else none. */
function pickBuild(fma: boolean, shared: boolean): { api: WasmApi; bytes: Uint8Array; variant: 'relaxed' | 'simd' } | null {
  if (fma) {
    const bytes = base64Decode(shared ? gemmWasmRelaxedSharedBase64 : gemmWasmRelaxedBase64)
    const api = wasmApi(bytes)
    if (api) return { api, bytes, variant: 'relaxed' }
  }
  const bytes = base64Decode(shared ? gemmWasmSharedBase64 : gemmWasmBase64)
  const api = wasmApi(bytes)
  return api ? { api, bytes, variant: 'simd' } : null
}

/** Round a float count up to a multiple of 4 (16-byte alignment). */
function align4(floats: number): number {
  return (floats + 3) & ~3
}

/** The memory layout for these options (sizes rounded up to whole pages). */
export function kernelLayout(options: WasmKernelOptions = {}): KernelLayout {
  const pageUp = (bytes: number) => Math.ceil(bytes / PAGE) * PAGE
  const threads = Math.max(1, Math.floor(options.threads ?? 1))
  const arenaBytes = pageUp(options.arenaBytes ?? 64 * MIB)
  const helperArenaBytes = threads > 1 ? pageUp(options.helperArenaBytes ?? 32 * MIB) : 0
  const scratchBytes = pageUp(options.scratchBytes ?? 32 * MIB)
  const helpersStart = RESERVED + arenaBytes
  const scratchStart = helpersStart + (threads - 1) * helperArenaBytes
  return {
    threads,
    arenaBytes,
    helperArenaBytes,
    scratchBytes,
    pages: (scratchStart + threads * scratchBytes) / PAGE,
    arena: (t) => (t === 0 ? [RESERVED, helpersStart] : [helpersStart + (t - 1) * helperArenaBytes, helpersStart + t * helperArenaBytes]),
    scratch: (t) => scratchStart + t * scratchBytes,
  }
}

/**
 * Instantiate the SIMD kernel with its own memory, or (with `join`) over another thread's shared
 * memory. Returns null when the host has no WebAssembly, no SIMD, cannot share memory when
 * asked to, or cannot reserve the memory.
 */
export function createWasmGemm(options: WasmKernelOptions = {}): WasmGemm | null {
  const layout = kernelLayout(options)
  const shared = layout.threads > 1
  const build = pickBuild(options.fma ?? true, shared)
  if (!build) return null
  const { api, bytes } = build
  const thread = options.join?.thread ?? 0
  if (thread < 0 || thread >= layout.threads) throw new RangeError(`thread ${thread} is outside 0…${layout.threads - 1}`)
  const { scratchBytes, pages } = layout
  let memory: WasmMemory
  let wasmGemm: WasmGemmExport
  let wasmAxpy: (n: number, alpha: number, x: number, y: number) => void
  let wasmColumnSums: (rows: number, n: number, scale: number, x: number, y: number) => void
  let wasmBytesToF32: (n: number, scale: number, src: number, dst: number) => void
  let wasmBytesToF32Table: (n: number, scale: number, src: number, dst: number, table: number) => void
  let wasmReluForward: (n: number, net: number, out: number) => void
  let wasmAffineBytesToF32: (rows: number, n: number, scale: number, src: number, shift: number, perFeature: number, dst: number) => void
  let wasmZeroF32: (n: number, dst: number) => void
  let wasmReluBackward: (n: number, net: number, gradOut: number, delta: number) => void
  try {
    memory = (options.join?.memory as WasmMemory | undefined) ?? new api.Memory({ initial: pages, maximum: pages, ...(shared ? { shared: true } : {}) })
    if (memory.buffer.byteLength < pages * PAGE) return null
    const instance = new api.Instance(new api.Module(bytes), { env: { memory } })
    wasmGemm = instance.exports.gemm as WasmGemmExport
    wasmAxpy = instance.exports.axpy as typeof wasmAxpy
    wasmColumnSums = instance.exports.addColumnSums as typeof wasmColumnSums
    wasmZeroF32 = instance.exports.zeroF32 as typeof wasmZeroF32
    wasmBytesToF32 = instance.exports.bytesToF32 as typeof wasmBytesToF32
    wasmBytesToF32Table = instance.exports.bytesToF32Table as typeof wasmBytesToF32Table
    wasmReluForward = instance.exports.reluForward as typeof wasmReluForward
    wasmAffineBytesToF32 = instance.exports.affineBytesToF32 as typeof wasmAffineBytesToF32
    wasmReluBackward = instance.exports.reluBackward as typeof wasmReluBackward
  } catch {
    return null
  }
  const heap = memory.buffer
  const heapF32 = new Float32Array(heap)
  const heapU8 = new Uint8Array(heap)
  const heapF64 = new Float64Array(heap)
  const [arenaStart, arenaEnd] = layout.arena(thread)
  const scratchStart = layout.scratch(thread)
  const scratchFloats = scratchBytes >> 2
  const stats: WasmGemmStats = {
    variant: build.variant,
    arenaBytes: arenaEnd - arenaStart,
    arenaUsedBytes: 0,
    allocOutsideArena: 0,
    zeroCopyCalls: 0,
    copiedCalls: 0,
    referenceCalls: 0,
    sparseOffered: 0,
  }
  let next = arenaStart

  function alloc(length: number): Float32Array {
    const size = align4(length) * 4
    if (next + size > arenaEnd) {
      stats.allocOutsideArena++
      return new Float32Array(length)
    }
    const view = new Float32Array(heap, next, length)
    next += size
    stats.arenaUsedBytes = next - arenaStart
    return view
  }

  // Scratch is carved per gemm call in float units from `cursor`; pointers handed to wasm are in bytes.
  let cursor = 0
  /** Byte address of x[off] in this memory: x itself, or (copied in when asked) a slice of scratch. */
  function place(x: Float32Array, off: number, len: number, inHeap: boolean, copyIn: boolean): number {
    if (inHeap) return x.byteOffset + off * 4
    const at = cursor
    cursor += align4(len)
    if (copyIn) heapF32.set(x.subarray(off, off + len), at)
    return at * 4
  }

  function gemm(args: GemmArgs<Float32Array>): void {
    const { transA, transB, m, n, k, A, B, C } = args
    const aOff = args.aOffset ?? 0
    const bOff = args.bOffset ?? 0
    const cOff = args.cOffset ?? 0
    const aLen = m * k
    const bLen = k * n
    const cLen = m * n
    if (aOff + aLen > A.length || bOff + bLen > B.length || cOff + cLen > C.length) {
      throw new RangeError(`gemm: operand too short for m=${m} n=${n} k=${k}`)
    }
    if (m === 0 || n === 0) return
    if (!(A instanceof Float32Array) || !(B instanceof Float32Array)) {
      stats.referenceCalls++
      gemmReference(args)
      return
    }
    const aIn = A.buffer === heap
    const bIn = B.buffer === heap
    const cIn = C.buffer === heap
    // Zero skipping pays for its gather pass (and the Bᵀ pack) only on products of some size.
    const sparseLen = n >= SPARSE_MIN_N && m * n * k >= SPARSE_MIN_WORK ? 3 * m + 1 + m * Math.ceil(k / SPARSE_BLOCK) + 2 * aLen + 4 : 0
    const packLen = transB && (transA || sparseLen > 0) ? bLen : 0
    const base =
      (aIn ? 0 : align4(aLen)) + (bIn ? 0 : align4(bLen)) + (cIn ? 0 : align4(cLen)) + align4(packLen)
    const sparse = sparseLen > 0 && base + align4(sparseLen) <= scratchFloats
    const need = sparse ? base + align4(sparseLen) : base - (transA ? 0 : align4(packLen))
    if (need > scratchFloats) {
      stats.referenceCalls++
      gemmReference(args)
      return
    }
    cursor = scratchStart >> 2
    const pa = place(A, aOff, aLen, aIn, true)
    const pb = place(B, bOff, bLen, bIn, true)
    const pc = place(C, cOff, cLen, cIn, args.beta !== 0)
    const pPack = cursor * 4
    cursor += align4(packLen)
    const pWork = sparse ? cursor * 4 : 0
    if (sparse) stats.sparseOffered++
    if (aIn && bIn && cIn) stats.zeroCopyCalls++
    else stats.copiedCalls++
    const lda = transA ? m : k
    const ldb = transB ? k : n
    wasmGemm(transA ? 1 : 0, transB ? 1 : 0, m, n, k, args.alpha, pa, lda, pb, ldb, args.beta, pc, n, pPack, pWork)
    if (!cIn) C.set(heapF32.subarray(pc >> 2, (pc >> 2) + cLen), cOff)
  }

  function axpy(n: number, alpha: number, x: Float32Array, xOffset: number, y: Float32Array, yOffset: number): void {
    if (xOffset + n > x.length || yOffset + n > y.length) throw new RangeError(`axpy: vector too short for n=${n}`)
    if (x.buffer === heap && y.buffer === heap) {
      wasmAxpy(n, alpha, x.byteOffset + xOffset * 4, y.byteOffset + yOffset * 4)
      return
    }
    for (let i = 0; i < n; i++) y[yOffset + i] += alpha * x[xOffset + i]
  }

  function columnSums(rows: number, n: number, scale: number, x: Float32Array, xOffset: number, y: Float32Array): void {
    if (xOffset + rows * n > x.length || n > y.length) throw new RangeError(`columnSums: ${rows} rows of ${n} do not fit`)
    if (x.buffer === heap && y.buffer === heap) {
      wasmColumnSums(rows, n, scale, x.byteOffset + xOffset * 4, y.byteOffset)
      return
    }
    for (let r = 0; r < rows; r++) for (let j = 0; j < n; j++) y[j] += scale * x[xOffset + r * n + j]
  }

  function zero(x: Float32Array): void {
    if (x.buffer === heap) wasmZeroF32(x.length, x.byteOffset)
    else x.fill(0)
  }

  function bytesToF32(n: number, scale: number, src: Uint8Array, srcOffset: number, dst: Float32Array, dstOffset: number): void {
    if (srcOffset + n > src.length || dstOffset + n > dst.length) throw new RangeError(`bytesToF32: array too short for n=${n}`)
    if (dst.buffer === heap && src.buffer === heap) {
      // Bytes already in this memory (rows staged for a data-parallel helper): no copy.
      wasmBytesToF32(n, scale, src.byteOffset + srcOffset, dst.byteOffset + dstOffset * 4)
      return
    }
    if (dst.buffer === heap && n <= scratchBytes) {
      // The bytes usually live outside wasm memory (a dataset): copy them into scratch first.
      heapU8.set(src.subarray(srcOffset, srcOffset + n), scratchStart)
      wasmBytesToF32(n, scale, scratchStart, dst.byteOffset + dstOffset * 4)
      return
    }
    for (let i = 0; i < n; i++) dst[dstOffset + i] = src[srcOffset + i] * scale
  }

  function bytesRowsToF32(n: number, scale: number, src: Uint8Array, rows: ArrayLike<number>, start: number, count: number, dst: Float32Array, dstOffset: number): void {
    if (dstOffset + count * n > dst.length) throw new RangeError(`bytesRowsToF32: ${count} rows of ${n} do not fit`)
    // Scratch: the table (1 KiB), then the rows' bytes side by side.
    const bytesAt = scratchStart + 1024
    if (dst.buffer !== heap || bytesAt + count * n > scratchStart + scratchBytes) {
      for (let r = 0; r < count; r++) bytesToF32(n, scale, src, rows[start + r] * n, dst, dstOffset + r * n)
      return
    }
    // A plain view per row, not src.subarray: a Node Buffer's subarray (the CLI's and the
    // bench's datasets) goes through Buffer's own constructor, ~5× the cost of the copy itself.
    const bytes = src.buffer
    const base = src.byteOffset
    for (let r = 0; r < count; r++) {
      const from = rows[start + r] * n
      if (from < 0 || from + n > src.length) throw new RangeError(`bytesRowsToF32: row ${rows[start + r]} outside the ${src.length / n} rows`)
      heapU8.set(new Uint8Array(bytes, base + from, n), bytesAt + r * n)
    }
    wasmBytesToF32Table(count * n, scale, bytesAt, dst.byteOffset + dstOffset * 4, scratchStart)
  }

  function affineBytesRowsToF32(n: number, scale: number, src: Uint8Array, rows: ArrayLike<number>, start: number, count: number, shift: Float64Array, perFeature: Float64Array, dst: Float32Array, dstOffset: number): boolean {
    // Scratch: the shift, the per-feature scales (16-byte aligned), then the rows' bytes side by side.
    const vectorBytes = Math.ceil((n * 8) / 16) * 16
    const shiftAt = scratchStart
    const perFeatureAt = shiftAt + vectorBytes
    const bytesAt = perFeatureAt + vectorBytes
    if (dst.buffer !== heap || shift.length !== n || perFeature.length !== n || bytesAt + count * n > scratchStart + scratchBytes) return false
    if (dstOffset + count * n > dst.length) throw new RangeError(`affineBytesRowsToF32: ${count} rows of ${n} do not fit`)
    heapF64.set(shift, shiftAt >> 3)
    heapF64.set(perFeature, perFeatureAt >> 3)
    for (let r = 0; r < count; r++) {
      const from = rows[start + r] * n
      if (from < 0 || from + n > src.length) throw new RangeError(`affineBytesRowsToF32: row ${rows[start + r]} outside the ${src.length / n} rows`)
      heapU8.set(src.subarray(from, from + n), bytesAt + r * n)
    }
    wasmAffineBytesToF32(count, n, scale, bytesAt, shiftAt, perFeatureAt, dst.byteOffset + dstOffset * 4)
    return true
  }

  /** Byte address of x[from], checking [from, end) lies within x. */
  function at(x: Float32Array, from: number, end: number, what: string): number {
    if (from < 0 || end > x.length) throw new RangeError(`${what}: range ${from}…${end} outside a buffer of ${x.length}`)
    return x.byteOffset + from * 4
  }

  const relu: ReluF32 = {
    forward(net, out, from, end) {
      if (end <= from) return
      const pn = at(net, from, end, 'reluForward')
      const po = at(out, from, end, 'reluForward')
      if (net.buffer === heap && out.buffer === heap) wasmReluForward(end - from, pn, po)
      else reluForwardLoop(net, out, from, end)
    },
    backward(net, gradOut, delta, from, end) {
      if (end <= from) return
      const pn = at(net, from, end, 'reluBackward')
      const pg = at(gradOut, from, end, 'reluBackward')
      const pd = at(delta, from, end, 'reluBackward')
      if (net.buffer === heap && gradOut.buffer === heap && delta.buffer === heap) wasmReluBackward(end - from, pn, pg, pd)
      else reluBackwardLoop(net, gradOut, delta, from, end)
    },
  }

  function resetArena(): void {
    heapU8.fill(0, arenaStart, next)
    next = arenaStart
    stats.arenaUsedBytes = 0
  }

  return {
    memory,
    thread,
    layout,
    view: (byteOffset, length) => new Float32Array(heap, byteOffset, length),
    owns: (x) => x.buffer === heap,
    gemm,
    axpy,
    columnSums,
    zero,
    bytesToF32,
    bytesRowsToF32,
    affineBytesRowsToF32,
    relu,
    alloc,
    resetArena,
    stats: () => ({ ...stats }),
  }
}
