/**
 * Matrix multiply, the one kernel that dominates training time.
 *
 *   C[m×n] = alpha · op(A) · op(B) + beta · C        (row-major)
 *
 * op(A) is A[m×k] (`transA` false) or Aᵀ where A is stored [k×m]; likewise op(B) is B[k×n] or
 * Bᵀ with B stored [n×k]. Offsets let callers multiply views into bigger buffers. A dense
 * layer uses it three ways (X: [batch×nIn], W: [nOut×nIn], Δ: [batch×nOut]):
 *   net = X·Wᵀ (transB),   ∂E/∂W = Δᵀ·X (transA),   ∂E/∂X = Δ·W.
 *
 * `gemmReference` is the plain, exact TypeScript version (any element type, used for float64
 * and as the oracle in tests). Faster float32 backends register themselves with
 * `setGemmF32` and must agree with the reference to float32 rounding.
 */

export type FloatArray = Float64Array | Float32Array

export interface GemmArgs<T extends FloatArray = FloatArray> {
  transA: boolean
  transB: boolean
  m: number
  n: number
  k: number
  alpha: number
  A: T
  aOffset?: number
  B: T
  bOffset?: number
  beta: number
  C: T
  cOffset?: number
}

export type GemmF32 = (args: GemmArgs<Float32Array>) => void

/** Plain triple loop in i-k-j order (unit stride on the inner loop). */
export function gemmReference(args: GemmArgs): void {
  const { transA, transB, m, n, k, alpha, A, B, beta, C } = args
  const ao = args.aOffset ?? 0
  const bo = args.bOffset ?? 0
  const co = args.cOffset ?? 0
  for (let i = 0; i < m; i++) {
    const ci = co + i * n
    if (beta === 0) C.fill(0, ci, ci + n)
    else if (beta !== 1) for (let j = 0; j < n; j++) C[ci + j] *= beta
  }
  if (!transB) {
    for (let i = 0; i < m; i++) {
      const ci = co + i * n
      for (let p = 0; p < k; p++) {
        const a = alpha * (transA ? A[ao + p * m + i] : A[ao + i * k + p])
        if (a === 0) continue
        const bp = bo + p * n
        for (let j = 0; j < n; j++) C[ci + j] += a * B[bp + j]
      }
    }
  } else {
    for (let i = 0; i < m; i++) {
      const ci = co + i * n
      for (let j = 0; j < n; j++) {
        const bj = bo + j * k
        let sum = 0
        if (transA) for (let p = 0; p < k; p++) sum += A[ao + p * m + i] * B[bj + p]
        else {
          const ai = ao + i * k
          for (let p = 0; p < k; p++) sum += A[ai + p] * B[bj + p]
        }
        C[ci + j] += alpha * sum
      }
    }
  }
}

let fastGemmF32: GemmF32 | null = null

/** Install (or remove, with null) a faster float32 kernel, e.g. WebAssembly SIMD. */
export function setGemmF32(kernel: GemmF32 | null): void {
  fastGemmF32 = kernel
}

/** Multiply with the best kernel for the element type. */
export function gemm(args: GemmArgs): void {
  if (fastGemmF32 && args.C instanceof Float32Array) fastGemmF32(args as GemmArgs<Float32Array>)
  else gemmReference(args)
}

let float32Allocator: (length: number) => Float32Array = (length) => new Float32Array(length)

/**
 * Allocate a float32 work buffer. Sessions allocate every float32 parameter, gradient and
 * activation buffer through this, so a WebAssembly backend can place them in its own memory
 * and multiply them without copying.
 */
export function allocFloat32(length: number): Float32Array {
  return float32Allocator(length)
}

/** Install the allocator of a float32 backend (paired with `setGemmF32`). */
export function setFloat32Allocator(alloc: ((length: number) => Float32Array) | null): void {
  float32Allocator = alloc ?? ((length) => new Float32Array(length))
}

/** y[yOffset + i] += alpha · x[xOffset + i] for i < n, float32 (both in a backend's memory or not). */
export type AxpyF32 = (n: number, alpha: number, x: Float32Array, xOffset: number, y: Float32Array, yOffset: number) => void

/**
 * Vector update y ← y + alpha·x over n elements (SGD: w ← w − η·g is alpha = −η). The plain
 * loop is exact in any precision; a float32 backend may register a faster one (`setAxpyF32`).
 */
export function axpy(n: number, alpha: number, x: FloatArray, xOffset: number, y: FloatArray, yOffset: number): void {
  if (fastAxpyF32 && y instanceof Float32Array && x instanceof Float32Array) {
    fastAxpyF32(n, alpha, x, xOffset, y, yOffset)
    return
  }
  for (let i = 0; i < n; i++) y[yOffset + i] += alpha * x[xOffset + i]
}

let fastAxpyF32: AxpyF32 | null = null

/** Install (or remove, with null) a faster float32 axpy, e.g. WebAssembly SIMD. */
export function setAxpyF32(kernel: AxpyF32 | null): void {
  fastAxpyF32 = kernel
}

/** y[j] += scale · x[xOffset + r·n + j] for r < rows in order, j < n, float32 (both in a backend's memory or not). */
export type ColumnSumsF32 = (rows: number, n: number, scale: number, x: Float32Array, xOffset: number, y: Float32Array) => void

/**
 * y ← y + scale·Σ_rows x, row by row in order (a dense layer's bias gradient ∂E/∂b += scale·Σ delta
 * over x = delta [rows×n]). Each step is `y[j] += scale * x[…]` in float64, rounded to y's type;
 * a float32 backend (`setColumnSumsF32`) must give the same bits.
 */
export function addColumnSums(rows: number, n: number, scale: number, x: FloatArray, xOffset: number, y: FloatArray): void {
  if (fastColumnSumsF32 && y instanceof Float32Array && x instanceof Float32Array) {
    fastColumnSumsF32(rows, n, scale, x, xOffset, y)
    return
  }
  for (let r = 0; r < rows; r++) {
    const o = xOffset + r * n
    for (let j = 0; j < n; j++) y[j] += scale * x[o + j]
  }
}

let fastColumnSumsF32: ColumnSumsF32 | null = null

/** Install (or remove, with null) a faster float32 `addColumnSums`, e.g. WebAssembly SIMD. */
export function setColumnSumsF32(kernel: ColumnSumsF32 | null): void {
  fastColumnSumsF32 = kernel
}

/** Sets every element of a float32 vector to +0. */
export type ZeroF32 = (x: Float32Array) => void

/**
 * x ← 0 (gradients before each batch). A float32 backend may register a faster fill
 * (`setZeroF32`): JavaScript's fill over a shared WebAssembly memory is several times slower.
 */
export function zeroFloats(x: FloatArray): void {
  if (fastZeroF32 && x instanceof Float32Array) fastZeroF32(x)
  else x.fill(0)
}

let fastZeroF32: ZeroF32 | null = null

/** Install (or remove, with null) a faster float32 zeroing, e.g. WebAssembly's bulk fill. */
export function setZeroF32(kernel: ZeroF32 | null): void {
  fastZeroF32 = kernel
}

/** dst[dstOffset + i] = src[srcOffset + i] · scale for i < n, into float32. */
export type BytesToF32 = (n: number, scale: number, src: Uint8Array, srcOffset: number, dst: Float32Array, dstOffset: number) => void

/**
 * Bytes to floats: dst[dstOffset + i] = src[srcOffset + i] · scale (e.g. pixels · 1/255 into a
 * batch row; images stay bytes until a batch is read). The product is taken in float64 and
 * rounded once, so a float32 backend (`setBytesToF32`) gives the same bits as this loop.
 */
export function bytesToFloat(n: number, scale: number, src: Uint8Array, srcOffset: number, dst: FloatArray, dstOffset: number): void {
  if (fastBytesToF32 && dst instanceof Float32Array) {
    fastBytesToF32(n, scale, src, srcOffset, dst, dstOffset)
    return
  }
  for (let i = 0; i < n; i++) dst[dstOffset + i] = src[srcOffset + i] * scale
}

let fastBytesToF32: BytesToF32 | null = null

/** Install (or remove, with null) a faster bytes-to-float32 conversion. */
export function setBytesToF32(kernel: BytesToF32 | null): void {
  fastBytesToF32 = kernel
}

/**
 * Rows of bytes to floats, a batch at once: for r < count, row r of dst (at dstOffset + r·n) =
 * src[rows[start + r]·n … +n) · scale. Same bits as `bytesToFloat` row by row.
 */
export type BytesRowsToF32 = (n: number, scale: number, src: Uint8Array, rows: ArrayLike<number>, start: number, count: number, dst: Float32Array, dstOffset: number) => void

/**
 * A batch of byte rows (images) to float rows: row r of dst = row rows[start + r] of src · scale,
 * rows of n. A float32 backend (`setBytesRowsToF32`) converts the whole batch in one call.
 */
export function bytesRowsToFloat(n: number, scale: number, src: Uint8Array, rows: ArrayLike<number>, start: number, count: number, dst: FloatArray, dstOffset: number): void {
  if (fastBytesRowsToF32 && dst instanceof Float32Array) {
    fastBytesRowsToF32(n, scale, src, rows, start, count, dst, dstOffset)
    return
  }
  for (let r = 0; r < count; r++) bytesToFloat(n, scale, src, rows[start + r] * n, dst, dstOffset + r * n)
}

let fastBytesRowsToF32: BytesRowsToF32 | null = null

/** Install (or remove, with null) a faster batch conversion of byte rows to float32. */
export function setBytesRowsToF32(kernel: BytesRowsToF32 | null): void {
  fastBytesRowsToF32 = kernel
}

/**
 * Rows of bytes under a per-feature normalisation into float32, a batch at once: row r of dst
 * (at dstOffset + r·n) = (src row rows[start + r] − shift) · perFeature · scale, element by
 * element in that order (datasetReadRow's formula, same bits). Returns false when it could not
 * (no such kernel, or the batch does not suit it): the caller then converts the rows itself.
 */
export type AffineBytesRowsToF32 = (
  n: number,
  scale: number,
  src: Uint8Array,
  rows: ArrayLike<number>,
  start: number,
  count: number,
  shift: Float64Array,
  perFeature: Float64Array,
  dst: Float32Array,
  dstOffset: number,
) => boolean

let fastAffineBytesRowsToF32: AffineBytesRowsToF32 | null = null

/** The installed batch conversion of normalised byte rows (see `AffineBytesRowsToF32`); false when there is none or it declined. */
export const affineBytesRowsToF32: AffineBytesRowsToF32 = (...args) => fastAffineBytesRowsToF32?.(...args) ?? false

/** Install (or remove, with null) the batch conversion of normalised byte rows. */
export function setAffineBytesRowsToF32(kernel: AffineBytesRowsToF32 | null): void {
  fastAffineBytesRowsToF32 = kernel
}
