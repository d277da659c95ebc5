// AssemblyScript source of the WebAssembly SIMD float32 kernels: the matrix multiply (gemm), the
// vector update axpy, bytes to floats, the bias gradient's column sums, and the ReLU passes (a
// dense layer's elementwise work, which as TypeScript loops over Float32Arrays cost Task F a
// tenth of its epoch).
//
//   C[m×n] = alpha · op(A) · op(B) + beta · C      (row-major, leading dimensions lda, ldb, ldc)
//
// Build: `npm run build:wasm` (assembly/build.ts) compiles this with asc -O3, with SIMD and with
// relaxed SIMD (fused multiply-add), each over a private and a shared memory, into
// src/engine/kernels/wasm/gemmWasm.ts (base64); a unit test checks the bytes against a fresh compile.
// Memory is imported and owned by the host side (src/engine/kernels/wasmGemm.ts); all pointers
// here are byte addresses in it.
//
// Method: C is computed in register blocks, summed over blocks of KC steps of p, then added in.
// - A·B and Aᵀ·B: 4 rows × 8 columns of C (8 f32x4 accumulators); 8 consecutive columns of B
//   load as two f32x4 and each A element is broadcast, so op(A) only changes the strides (the
//   last m mod 4 rows: 2 rows × 16 columns).
// - A·Bᵀ (the dense layer's forward pass): every C[i, j] is a dot product of two contiguous
//   rows, vectorised over p, 2 rows of A × 4 rows of B at a time (the last n mod 4 columns:
//   2 rows of B × 4 rows of A, then 1 of B, so no sum waits on a single chain); no packing needed.
// - Aᵀ·Bᵀ: B is first transposed into `pack`, then as Aᵀ·B.
// (A Goto-style packed variant with one 4×8 kernel for all four cases measured no faster here,
// and slower on Task N's small shapes.)
// - Zero skipping: when `work` is given and op(A) is mostly zeros (pixels of a dark background,
//   ReLU outputs and their deltas), the non-zeros of each row of op(A) are gathered first and
//   C[i, :] += Σ_{p: A[i,p] ≠ 0} A[i,p]·op(B)[p, :] runs over them only (op(B) row-major, Bᵀ
//   packed). x·0 adds nothing, so only the order of the remaining additions differs. This is
//   Task F's hot loop (784-100-10 on Fashion-MNIST: ~49% of the pixels and ~89% of the ReLU
//   deltas are 0); its row kernels are written out per width (sparseRow3…5).

/** Steps of p per block: a 4×KC slice of A and a KC×8 slice of B stay in L1. */
const KC: i32 = 256

/**
 * C = alpha·op(A)·op(B) + beta·C.
 * transA: A stored [k×m] (else [m×k]); transB: B stored [n×k] (else [k×n]).
 * `pack` is scratch of k·n floats, used only when transB.
 */
export function gemm(
  transA: i32,
  transB: i32,
  m: i32,
  n: i32,
  k: i32,
  alpha: f32,
  a: usize,
  lda: i32,
  b: usize,
  ldb: i32,
  beta: f32,
  c: usize,
  ldc: i32,
  pack: usize,
  work: usize,
): void {
  if (k == 0 || alpha == 0) {
    scaleC(m, n, beta, c, ldc)
    return
  }
  // Address of A[i, p] = a + (i·sai + p·sap)·4.
  const sai: usize = transA ? 1 : <usize>lda
  const sap: usize = transA ? <usize>lda : 1
  if (work != 0 && n >= SPARSE_MIN_N && gatherRows(m, k, a, sai, sap, <usize>(transB ? n : ldb) << 2, work)) {
    scaleC(m, n, beta, c, ldc)
    if (transB) {
      transpose(n, k, b, ldb, pack)
      b = pack
      ldb = n
    }
    gemmSparseA(m, n, k, alpha, b, ldb, c, ldc, work)
    return
  }
  if (transB && !transA) {
    scaleC(m, n, beta, c, ldc)
    gemmDot(m, n, k, alpha, a, lda, b, ldb, c, ldc)
    return
  }
  if (transB) {
    transpose(n, k, b, ldb, pack)
    b = pack
    ldb = n
  }
  // beta = 0: the first block of p writes C (+0 + the sum, as after a fill) instead of filling it first.
  const write = beta == 0
  if (!write) scaleC(m, n, beta, c, ldc)
  for (let p0 = 0; p0 < k; p0 += KC) {
    const kc = min(KC, k - p0)
    const ap = a + ((<usize>p0 * sap) << 2)
    const bp = b + ((<usize>p0 * <usize>ldb) << 2)
    if (write && p0 == 0) blockPanel<Write>(m, n, kc, alpha, ap, sai, sap, bp, ldb, c, ldc)
    else blockPanel<Add>(m, n, kc, alpha, ap, sai, sap, bp, ldb, c, ldc)
  }
}

/**
 * How the blocked product's kernels finish their elements of C, chosen per block of p at compile
 * time (a type argument, so no kernel branches on it): `Add` adds to C; `Write` writes +0 + the
 * sum (the bits of adding to a filled C, −0 included), on the first block when beta = 0.
 */
type Add = u8
type Write = u16

/** Whether finish mode M writes C rather than adding to it. */
function writes<M>(): bool {
  return sizeof<M>() == 2
}

/** One block of kc steps of p over all of C (B row-major [k×n]) by register blocks, finishing its elements as mode M says. */
function blockPanel<M>(m: i32, n: i32, kc: i32, alpha: f32, ap: usize, sai: usize, sap: usize, bp: usize, ldb: i32, c: usize, ldc: i32): void {
  let i = 0
  for (; i + 4 <= m; i += 4) {
    const ai = ap + ((<usize>i * sai) << 2)
    const ci = c + ((<usize>i * <usize>ldc) << 2)
    let j = 0
    for (; j + 8 <= n; j += 8) block4x8<M>(kc, alpha, ai, sai, sap, bp + (<usize>j << 2), ldb, ci + (<usize>j << 2), ldc)
    for (; j + 4 <= n; j += 4) block4x4<M>(kc, alpha, ai, sai, sap, bp + (<usize>j << 2), ldb, ci + (<usize>j << 2), ldc)
    for (; j < n; j++) {
      for (let r = 0; r < 4; r++) {
        scalarDot<M>(kc, alpha, ai + ((<usize>r * sai) << 2), sap, bp + (<usize>j << 2), ldb, ci + ((<usize>r * <usize>ldc + <usize>j) << 2))
      }
    }
  }
  // The last m mod 4 rows (Task N's ∂E/∂W₁ has 30, Task F's ∂E/∂W₂ 10): two rows × 16 columns,
  // 8 sums side by side instead of the 2 of a 1×8 block, whose chains of k dependent
  // multiply-adds set its pace; a last odd row by 1×8 blocks.
  for (; i + 2 <= m; i += 2) {
    const ai = ap + ((<usize>i * sai) << 2)
    const ci = c + ((<usize>i * <usize>ldc) << 2)
    let j = 0
    for (; j + 16 <= n; j += 16) block2x16<M>(kc, alpha, ai, sai, sap, bp + (<usize>j << 2), ldb, ci + (<usize>j << 2), ldc)
    const a1 = ai + (sai << 2)
    const c1 = ci + (<usize>ldc << 2)
    for (; j + 8 <= n; j += 8) {
      block1x8<M>(kc, alpha, ai, sap, bp + (<usize>j << 2), ldb, ci + (<usize>j << 2))
      block1x8<M>(kc, alpha, a1, sap, bp + (<usize>j << 2), ldb, c1 + (<usize>j << 2))
    }
    for (; j < n; j++) {
      scalarDot<M>(kc, alpha, ai, sap, bp + (<usize>j << 2), ldb, ci + (<usize>j << 2))
      scalarDot<M>(kc, alpha, a1, sap, bp + (<usize>j << 2), ldb, c1 + (<usize>j << 2))
    }
  }
  for (; i < m; i++) {
    const ai = ap + ((<usize>i * sai) << 2)
    const ci = c + ((<usize>i * <usize>ldc) << 2)
    let j = 0
    for (; j + 8 <= n; j += 8) block1x8<M>(kc, alpha, ai, sap, bp + (<usize>j << 2), ldb, ci + (<usize>j << 2))
    for (; j < n; j++) scalarDot<M>(kc, alpha, ai, sap, bp + (<usize>j << 2), ldb, ci + (<usize>j << 2))
  }
}

/** Zero skipping only for C at least this wide (narrower rows leave the SIMD lanes idle). */
const SPARSE_MIN_N: i32 = 16
/** ... and only when at most this fraction of op(A) is non-zero. */
const SPARSE_MAX_DENSITY: f64 = 0.6
/** Steps of p per block of the zero-skipping product: KS rows of op(B) stay in L1/L2. */
const KS: i32 = 128
/**
 * Most f32x4 accumulators per pass over a row's non-zeros. V8 loads all of an iteration's
 * B vectors before its first multiply, so w accumulators hold 2w + 1 registers: at 8 (the
 * earlier 32-column passes) and above it spills to the stack on x64 (15 usable xmm
 * registers); 5 measured fastest on Task F's real operands (forward 1.5 → 1.3 ms, ∂W 0.33 → 0.29 ms).
 */
const MAX_W: i32 = 5

/**
 * Byte shuffles that move the kept (offset, value) pairs of a half quad to its front, by the
 * half's 2-bit mask of non-zeros: none, lane 0, lane 1, both (index 0x80 clears a byte).
 */
const HALF_COMPACT = memory.data<u8>(
  [
    0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
    0, 1, 2, 3, 4, 5, 6, 7, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
    8, 9, 10, 11, 12, 13, 14, 15, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  ],
  16,
)

/**
 * Gather the non-zeros of op(A) row by row into `work`:
 *   rowPtr[m+1] (i32), cur[m] (i32), end[m] (i32), blockEnd[m×nb] (i32: where row i's pairs of
 *   block t of KS steps of p end, nb = ⌈k/KS⌉), then one pair per non-zero:
 *   (byte offset p·db of row p of op(B): i32, A[i,p]: f32).
 * The offset is stored ready to add, so the multiply loop has no index arithmetic.
 * Branch-free within a quad: its pairs are stored whole and the count advances only past
 * non-zeros (so up to two pairs are written past the last one: `work` has room for them).
 * Returns false (dense is better) when more than SPARSE_MAX_DENSITY of op(A) is non-zero.
 */
function gatherRows(m: i32, k: i32, a: usize, sai: usize, sap: usize, db: usize, work: usize): bool {
  const rowPtr = work
  const blockEnd = work + ((<usize>(3 * m + 1)) << 2)
  const nb = (k + KS - 1) / KS
  const pairs = blockEnd + ((<usize>m * <usize>nb) << 2)
  const limit = <i32>(SPARSE_MAX_DENSITY * <f64>m * <f64>k)
  let nnz: i32 = 0
  for (let i = 0; i < m; i++) {
    store<i32>(rowPtr + (<usize>i << 2), nnz)
    const row = a + ((<usize>i * sai) << 2)
    // Block by block of KS steps of p, noting where each block's pairs end (gemmSparseA's bounds).
    for (let t = 0; t < nb; t++) {
      const p0 = t * KS
      const q = row + ((<usize>p0 * sap) << 2)
      const len = min(KS, k - p0)
      const o = <usize>p0 * db
      nnz = sap == 1 ? gatherContiguous(len, q, db, pairs, nnz, o) : gatherStrided(len, q, sap << 2, db, pairs, nnz, o)
      store<i32>(blockEnd + ((<usize>i * <usize>nb + <usize>t) << 2), nnz)
    }
    if (nnz > limit) return false
  }
  store<i32>(rowPtr + (<usize>m << 2), nnz)
  return true
}

/**
 * The pairs of a contiguous row of k floats at q, appended from pair `nnz`; returns the new count.
 * Four at a time: all-zero quads are skipped (backgrounds and dead units come in runs), the others
 * compacted by two table-driven swizzles, one per half (no lane-by-lane stores).
 */
function gatherContiguous(k: i32, q: usize, db: usize, pairs: usize, nnz: i32, o0: usize): i32 {
  const zero = f32x4.splat(0)
  // Byte offsets of four consecutive rows of op(B), from the first.
  const steps = i32x4.mul(i32x4(0, 1, 2, 3), i32x4.splat(<i32>db))
  let p = 0
  for (; p + 4 <= k; p += 4) {
    const v = v128.load(q)
    q += 16
    const keep = i32x4.bitmask(f32x4.ne(v, zero))
    if (keep == 0) continue
    const o = i32x4.add(i32x4.splat(<i32>(o0 + <usize>p * db)), steps)
    // (offset, value) pairs of lanes 0–1 and of lanes 2–3, each half's kept pairs moved first.
    const lo = pick(i32x4.shuffle(o, v, 0, 4, 1, 5), v128.load(HALF_COMPACT + (<usize>(keep & 3) << 4)))
    const hi = pick(i32x4.shuffle(o, v, 2, 6, 3, 7), v128.load(HALF_COMPACT + (<usize>(keep >> 2) << 4)))
    // The count is the only chain from quad to quad: one add per quad.
    const e = pairs + (<usize>nnz << 3)
    v128.store(e, lo)
    v128.store(e + (<usize>popcnt<i32>(keep & 3) << 3), hi)
    nnz += popcnt<i32>(keep)
  }
  return gatherStrided(k - p, q, 4, db, pairs, nnz, o0 + <usize>p * db)
}

/**
 * The pairs of k floats from q, `da` bytes apart, whose rows of op(B) start at byte offset o
 * (then every `db`), appended from pair `nnz`; returns the new count. Branch-free: every element
 * is written, the count advances only past non-zeros.
 */
function gatherStrided(k: i32, q: usize, da: usize, db: usize, pairs: usize, nnz: i32, o: usize): i32 {
  for (let p = 0; p < k; p++) {
    const x = load<f32>(q)
    const e = pairs + (<usize>nnz << 3)
    store<i32>(e, <i32>o); store<f32>(e, x, 4)
    nnz += i32(x != 0)
    q += da
    o += db
  }
  return nnz
}

/**
 * C += alpha·op(A)·B from the gathered non-zeros of op(A) (see `gatherRows`); B row-major [k×n]
 * with leading dimension ldb. Per block of KS steps of p, the n/4 column vectors of C are split
 * into passes of 3…MAX_W vectors (as even as possible), and each row of C is accumulated in
 * registers over its non-zeros only; the last n mod 4 columns one by one. Every C[i, j] sums
 * its terms in the same order whatever the pass widths.
 */
function gemmSparseA(m: i32, n: i32, k: i32, alpha: f32, b: usize, ldb: i32, c: usize, ldc: i32, work: usize): void {
  const rowPtr = work
  const cur = work + ((<usize>(m + 1)) << 2)
  const end = cur + (<usize>m << 2)
  const blockEnd = end + (<usize>m << 2)
  const nb = (k + KS - 1) / KS
  const pairs = blockEnd + ((<usize>m * <usize>nb) << 2)
  const va = f32x4.splat(alpha)
  const nv = n >> 2
  const passes = (nv + MAX_W - 1) / MAX_W
  for (let i = 0; i < m; i++) store<i32>(cur + (<usize>i << 2), load<i32>(rowPtr + (<usize>i << 2)))
  for (let p0 = 0; p0 < k; p0 += KS) {
    // Where each row's pairs of this block end, as the gather noted it.
    const t = <usize>(p0 / KS)
    for (let i = 0; i < m; i++) store<i32>(end + (<usize>i << 2), load<i32>(blockEnd + ((<usize>i * <usize>nb + t) << 2)))
    let v0 = 0
    for (let t = 0; t < passes; t++) {
      // n ≥ 16 gives nv ≥ 4 vectors, so every pass has 3…MAX_W.
      const w = nv / passes + i32(t < nv % passes)
      const bj = b + (<usize>v0 << 4)
      for (let i = 0; i < m; i++) {
        const q0 = pairs + (<usize>load<i32>(cur + (<usize>i << 2)) << 3)
        const q1 = pairs + (<usize>load<i32>(end + (<usize>i << 2)) << 3)
        if (q0 == q1) continue
        const ci = c + ((<usize>i * <usize>ldc + (<usize>v0 << 2)) << 2)
        switch (w) {
          case 3: sparseRow3(q0, q1, bj, ci, va); break
          case 4: sparseRow4(q0, q1, bj, ci, va); break
          case 5: sparseRow5(q0, q1, bj, ci, va); break
        }
      }
      v0 += w
    }
    for (let j = nv << 2; j < n; j++) {
      const bj = b + (<usize>j << 2)
      for (let i = 0; i < m; i++) {
        const q0 = pairs + (<usize>load<i32>(cur + (<usize>i << 2)) << 3)
        const q1 = pairs + (<usize>load<i32>(end + (<usize>i << 2)) << 3)
        let s: f32 = 0
        for (let q = q0; q < q1; q += 8) s += load<f32>(q, 4) * load<f32>(bj + <usize>load<i32>(q))
        const cq = c + ((<usize>i * <usize>ldc + <usize>j) << 2)
        store<f32>(cq, load<f32>(cq) + alpha * s)
      }
    }
    for (let i = 0; i < m; i++) store<i32>(cur + (<usize>i << 2), load<i32>(end + (<usize>i << 2)))
  }
}

/** c[0..12) += alpha · Σ over the pairs [q0, q1) of value·B[row at offset, 0..12) (3 accumulators). */
function sparseRow3(q0: usize, q1: usize, bj: usize, c: usize, va: v128): void {
  let s0 = f32x4.splat(0)
  let s1 = f32x4.splat(0)
  let s2 = f32x4.splat(0)
  for (let q = q0; q < q1; q += 8) {
    const r = bj + <usize>load<i32>(q)
    const x = v128.load32_splat(q, 4)
    s0 = madd(x, v128.load(r), s0); s1 = madd(x, v128.load(r, 16), s1); s2 = madd(x, v128.load(r, 32), s2)
  }
  addTo(c, f32x4.mul(s0, va))
  addTo(c + 16, f32x4.mul(s1, va))
  addTo(c + 32, f32x4.mul(s2, va))
}

/** c[0..16) += alpha · Σ over the pairs [q0, q1) of value·B[row at offset, 0..16) (4 accumulators). */
function sparseRow4(q0: usize, q1: usize, bj: usize, c: usize, va: v128): void {
  let s0 = f32x4.splat(0)
  let s1 = f32x4.splat(0)
  let s2 = f32x4.splat(0)
  let s3 = f32x4.splat(0)
  for (let q = q0; q < q1; q += 8) {
    const r = bj + <usize>load<i32>(q)
    const x = v128.load32_splat(q, 4)
    s0 = madd(x, v128.load(r), s0); s1 = madd(x, v128.load(r, 16), s1); s2 = madd(x, v128.load(r, 32), s2); s3 = madd(x, v128.load(r, 48), s3)
  }
  addTo(c, f32x4.mul(s0, va))
  addTo(c + 16, f32x4.mul(s1, va))
  addTo(c + 32, f32x4.mul(s2, va))
  addTo(c + 48, f32x4.mul(s3, va))
}

/** c[0..20) += alpha · Σ over the pairs [q0, q1) of value·B[row at offset, 0..20) (5 accumulators). */
function sparseRow5(q0: usize, q1: usize, bj: usize, c: usize, va: v128): void {
  let s0 = f32x4.splat(0)
  let s1 = f32x4.splat(0)
  let s2 = f32x4.splat(0)
  let s3 = f32x4.splat(0)
  let s4 = f32x4.splat(0)
  for (let q = q0; q < q1; q += 8) {
    const r = bj + <usize>load<i32>(q)
    const x = v128.load32_splat(q, 4)
    s0 = madd(x, v128.load(r), s0); s1 = madd(x, v128.load(r, 16), s1); s2 = madd(x, v128.load(r, 32), s2); s3 = madd(x, v128.load(r, 48), s3); s4 = madd(x, v128.load(r, 64), s4)
  }
  addTo(c, f32x4.mul(s0, va))
  addTo(c + 16, f32x4.mul(s1, va))
  addTo(c + 32, f32x4.mul(s2, va))
  addTo(c + 48, f32x4.mul(s3, va))
  addTo(c + 64, f32x4.mul(s4, va))
}

/**
 * C += alpha·A·Bᵀ with A [m×k] and B [n×k] both read along their rows: every C[i, j] is a dot
 * product of two contiguous rows, vectorised over p. Block: 2 rows of A × 4 rows of B.
 */
function gemmDot(m: i32, n: i32, k: i32, alpha: f32, a: usize, lda: i32, b: usize, ldb: i32, c: usize, ldc: i32): void {
  const sa = <usize>lda << 2
  const sb = <usize>ldb << 2
  const sc = <usize>ldc << 2
  const n4 = n & ~3
  let i = 0
  for (; i + 2 <= m; i += 2) {
    const a0 = a + <usize>i * sa
    const c0 = c + <usize>i * sc
    for (let j = 0; j < n4; j += 4) dot2x4(k, alpha, a0, sa, b + <usize>j * sb, sb, c0 + (<usize>j << 2), sc, 4)
  }
  if (i < m) {
    const a0 = a + <usize>i * sa
    const c0 = c + <usize>i * sc
    for (let j = 0; j < n4; j++) dot1x1(k, alpha, a0, b + <usize>j * sb, c0 + (<usize>j << 2))
  }
  // The last n mod 4 columns (Task N's 30 hidden units, the 10 outputs): two rows of B against
  // four rows of A at a time (then two against two), eight or four independent sums instead of
  // one long chain each; a last single column four rows at a time.
  let j = n4
  for (; j + 2 <= n; j += 2) {
    const bj = b + <usize>j * sb
    const cj = c + (<usize>j << 2)
    let r = 0
    for (; r + 4 <= m; r += 4) dot2x4(k, alpha, bj, sb, a + <usize>r * sa, sa, cj + <usize>r * sc, 4, sc)
    for (; r + 2 <= m; r += 2) dot2x2(k, alpha, a + <usize>r * sa, sa, bj, sb, cj + <usize>r * sc, sc)
    for (; r < m; r++) {
      dot1x1(k, alpha, a + <usize>r * sa, bj, cj + <usize>r * sc)
      dot1x1(k, alpha, a + <usize>r * sa, bj + sb, cj + <usize>r * sc + 4)
    }
  }
  for (; j < n; j++) {
    const bj = b + <usize>j * sb
    const cj = c + (<usize>j << 2)
    let r = 0
    for (; r + 4 <= m; r += 4) dot4x1(k, alpha, a + <usize>r * sa, sa, bj, cj + <usize>r * sc, sc)
    for (; r < m; r++) dot1x1(k, alpha, a + <usize>r * sa, bj, cj + <usize>r * sc)
  }
}

/** c[r·sc] += alpha · Σ_p a[r][p]·b[p] for the four rows r of A from a0 (each summed as `dot1x1` does). */
function dot4x1(k: i32, alpha: f32, a0: usize, sa: usize, b: usize, c: usize, sc: usize): void {
  const a1 = a0 + sa, a2 = a0 + 2 * sa, a3 = a0 + 3 * sa
  let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0)
  const k4 = <usize>(k & ~3) << 2
  let off: usize = 0
  for (; off < k4; off += 16) {
    const y = v128.load(b + off)
    s0 = madd(v128.load(a0 + off), y, s0)
    s1 = madd(v128.load(a1 + off), y, s1)
    s2 = madd(v128.load(a2 + off), y, s2)
    s3 = madd(v128.load(a3 + off), y, s3)
  }
  let t0 = hsum(s0), t1 = hsum(s1), t2 = hsum(s2), t3 = hsum(s3)
  const kb = <usize>k << 2
  for (; off < kb; off += 4) {
    const y = load<f32>(b + off)
    t0 += load<f32>(a0 + off) * y
    t1 += load<f32>(a1 + off) * y
    t2 += load<f32>(a2 + off) * y
    t3 += load<f32>(a3 + off) * y
  }
  store<f32>(c, load<f32>(c) + alpha * t0)
  store<f32>(c + sc, load<f32>(c + sc) + alpha * t1)
  store<f32>(c + 2 * sc, load<f32>(c + 2 * sc) + alpha * t2)
  store<f32>(c + 3 * sc, load<f32>(c + 3 * sc) + alpha * t3)
}

/** c[r·sc + s·4] += alpha · Σ_p a[r][p]·b[s][p] for two rows r of A and two rows s of B (four sums side by side, each as `dot1x1` sums it). */
function dot2x2(k: i32, alpha: f32, a0: usize, sa: usize, b0: usize, sb: usize, c: usize, sc: usize): void {
  const a1 = a0 + sa
  const b1 = b0 + sb
  let s00 = f32x4.splat(0), s10 = f32x4.splat(0), s01 = f32x4.splat(0), s11 = f32x4.splat(0)
  const k4 = <usize>(k & ~3) << 2
  let off: usize = 0
  for (; off < k4; off += 16) {
    const y0 = v128.load(b0 + off), y1 = v128.load(b1 + off)
    const x0 = v128.load(a0 + off), x1 = v128.load(a1 + off)
    s00 = madd(x0, y0, s00); s01 = madd(x0, y1, s01)
    s10 = madd(x1, y0, s10); s11 = madd(x1, y1, s11)
  }
  let t00 = hsum(s00), t10 = hsum(s10), t01 = hsum(s01), t11 = hsum(s11)
  const kb = <usize>k << 2
  for (; off < kb; off += 4) {
    const y0 = load<f32>(b0 + off), y1 = load<f32>(b1 + off)
    const x0 = load<f32>(a0 + off), x1 = load<f32>(a1 + off)
    t00 += x0 * y0; t10 += x1 * y0
    t01 += x0 * y1; t11 += x1 * y1
  }
  addScaled(c, alpha, t00); addScaled(c + 4, alpha, t01)
  addScaled(c + sc, alpha, t10); addScaled(c + sc + 4, alpha, t11)
}

/**
 * a·b + c per lane. With relaxed SIMD (the second build) this is one fused multiply-add where
 * the CPU has FMA: twice the arithmetic per cycle, and a different (better) rounding.
 */
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c)
  return f32x4.add(f32x4.mul(a, b), c)
}

/** Bytes of v at the indices in sel (sel's in-range indices only: the bytes it clears are never read). */
function pick(v: v128, sel: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return i8x16.relaxed_swizzle(v, sel)
  return i8x16.swizzle(v, sel)
}

/** Sum of the four lanes of v. */
function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3))
}

/**
 * Element (r, s) of C at c + r·ci + s·cj += alpha · Σ_p a[r][p]·b[s][p] for two rows r of A from a0
 * and four rows s of B from b0: eight sums side by side, each summed as `dot1x1` does. With
 * ci = row stride and cj = 4 bytes it is a 2 × 4 block of C; swapping the operands' roles
 * (ci = 4, cj = row stride) makes it a 4 × 2 block (addition and multiplication commute exactly).
 */
function dot2x4(k: i32, alpha: f32, a0: usize, sa: usize, b0: usize, sb: usize, c: usize, ci: usize, cj: usize): void {
  const a1 = a0 + sa
  const b1 = b0 + sb, b2 = b0 + 2 * sb, b3 = b0 + 3 * sb
  let s00 = f32x4.splat(0), s01 = f32x4.splat(0), s02 = f32x4.splat(0), s03 = f32x4.splat(0)
  let s10 = f32x4.splat(0), s11 = f32x4.splat(0), s12 = f32x4.splat(0), s13 = f32x4.splat(0)
  const k4 = <usize>(k & ~3) << 2
  let off: usize = 0
  for (; off < k4; off += 16) {
    const x0 = v128.load(a0 + off), x1 = v128.load(a1 + off)
    let y = v128.load(b0 + off)
    s00 = madd(x0, y, s00); s10 = madd(x1, y, s10)
    y = v128.load(b1 + off)
    s01 = madd(x0, y, s01); s11 = madd(x1, y, s11)
    y = v128.load(b2 + off)
    s02 = madd(x0, y, s02); s12 = madd(x1, y, s12)
    y = v128.load(b3 + off)
    s03 = madd(x0, y, s03); s13 = madd(x1, y, s13)
  }
  let t00 = hsum(s00), t01 = hsum(s01), t02 = hsum(s02), t03 = hsum(s03)
  let t10 = hsum(s10), t11 = hsum(s11), t12 = hsum(s12), t13 = hsum(s13)
  const kb = <usize>k << 2
  for (; off < kb; off += 4) {
    const x0 = load<f32>(a0 + off), x1 = load<f32>(a1 + off)
    const y0 = load<f32>(b0 + off), y1 = load<f32>(b1 + off), y2 = load<f32>(b2 + off), y3 = load<f32>(b3 + off)
    t00 += x0 * y0; t01 += x0 * y1; t02 += x0 * y2; t03 += x0 * y3
    t10 += x1 * y0; t11 += x1 * y1; t12 += x1 * y2; t13 += x1 * y3
  }
  const c1 = c + ci
  addScaled(c, alpha, t00); addScaled(c + cj, alpha, t01); addScaled(c + 2 * cj, alpha, t02); addScaled(c + 3 * cj, alpha, t03)
  addScaled(c1, alpha, t10); addScaled(c1 + cj, alpha, t11); addScaled(c1 + 2 * cj, alpha, t12); addScaled(c1 + 3 * cj, alpha, t13)
}

/** c[0] += alpha · t, rounded as every kernel here rounds it (the product, then the sum). */
function addScaled(c: usize, alpha: f32, t: f32): void {
  store<f32>(c, load<f32>(c) + alpha * t)
}

/** c[0] += alpha · Σ_p a[p]·b[p] with both rows contiguous. */
function dot1x1(k: i32, alpha: f32, a: usize, b: usize, c: usize): void {
  let s = f32x4.splat(0)
  const k4 = <usize>(k & ~3) << 2
  let off: usize = 0
  for (; off < k4; off += 16) s = madd(v128.load(a + off), v128.load(b + off), s)
  let t = hsum(s)
  const kb = <usize>k << 2
  for (; off < kb; off += 4) t += load<f32>(a + off) * load<f32>(b + off)
  store<f32>(c, load<f32>(c) + alpha * t)
}

/** C ← beta·C (beta = 0 overwrites, so stale NaNs in C do not survive). */
function scaleC(m: i32, n: i32, beta: f32, c: usize, ldc: i32): void {
  if (beta == 1) return
  const vb = f32x4.splat(beta)
  for (let i = 0; i < m; i++) {
    const row = c + ((<usize>i * <usize>ldc) << 2)
    if (beta == 0) {
      memory.fill(row, 0, <usize>n << 2)
      continue
    }
    let j = 0
    for (; j + 4 <= n; j += 4) {
      const q = row + (<usize>j << 2)
      v128.store(q, f32x4.mul(v128.load(q), vb))
    }
    for (; j < n; j++) {
      const q = row + (<usize>j << 2)
      store<f32>(q, load<f32>(q) * beta)
    }
  }
}

/** out[p×rows] ← in[rows×cols]ᵀ with in's leading dimension ld; 8×8 tiles keep both sides in cache. */
function transpose(rows: i32, cols: i32, src: usize, ld: i32, out: usize): void {
  for (let r0 = 0; r0 < rows; r0 += 8) {
    const r1 = min(r0 + 8, rows)
    for (let c0 = 0; c0 < cols; c0 += 8) {
      const c1 = min(c0 + 8, cols)
      for (let r = r0; r < r1; r++) {
        const s = src + ((<usize>r * <usize>ld) << 2)
        for (let q = c0; q < c1; q++) {
          store<f32>(out + ((<usize>q * <usize>rows + <usize>r) << 2), load<f32>(s + (<usize>q << 2)))
        }
      }
    }
  }
}

function block4x8<M>(kc: i32, alpha: f32, a: usize, sai: usize, sap: usize, b: usize, ldb: i32, c: usize, ldc: i32): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0)
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0)
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0)
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0)
  const a1 = a + (sai << 2), a2 = a + (sai << 3), a3 = a + ((sai * 3) << 2)
  const da = sap << 2
  const db = <usize>ldb << 2
  let off: usize = 0
  let bp = b
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp), b1 = v128.load(bp, 16)
    let x = v128.load32_splat(a + off)
    c00 = madd(x, b0, c00); c01 = madd(x, b1, c01)
    x = v128.load32_splat(a1 + off)
    c10 = madd(x, b0, c10); c11 = madd(x, b1, c11)
    x = v128.load32_splat(a2 + off)
    c20 = madd(x, b0, c20); c21 = madd(x, b1, c21)
    x = v128.load32_splat(a3 + off)
    c30 = madd(x, b0, c30); c31 = madd(x, b1, c31)
    off += da
    bp += db
  }
  const va = f32x4.splat(alpha)
  const dc = <usize>ldc << 2
  put<M>(c, f32x4.mul(c00, va)); put<M>(c + 16, f32x4.mul(c01, va))
  put<M>(c + dc, f32x4.mul(c10, va)); put<M>(c + dc + 16, f32x4.mul(c11, va))
  put<M>(c + 2 * dc, f32x4.mul(c20, va)); put<M>(c + 2 * dc + 16, f32x4.mul(c21, va))
  put<M>(c + 3 * dc, f32x4.mul(c30, va)); put<M>(c + 3 * dc + 16, f32x4.mul(c31, va))
}

function block4x4<M>(kc: i32, alpha: f32, a: usize, sai: usize, sap: usize, b: usize, ldb: i32, c: usize, ldc: i32): void {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0)
  const a1 = a + (sai << 2), a2 = a + (sai << 3), a3 = a + ((sai * 3) << 2)
  const da = sap << 2
  const db = <usize>ldb << 2
  let off: usize = 0
  let bp = b
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp)
    c0 = madd(v128.load32_splat(a + off), b0, c0)
    c1 = madd(v128.load32_splat(a1 + off), b0, c1)
    c2 = madd(v128.load32_splat(a2 + off), b0, c2)
    c3 = madd(v128.load32_splat(a3 + off), b0, c3)
    off += da
    bp += db
  }
  const va = f32x4.splat(alpha)
  const dc = <usize>ldc << 2
  put<M>(c, f32x4.mul(c0, va))
  put<M>(c + dc, f32x4.mul(c1, va))
  put<M>(c + 2 * dc, f32x4.mul(c2, va))
  put<M>(c + 3 * dc, f32x4.mul(c3, va))
}

function block1x8<M>(kc: i32, alpha: f32, a: usize, sap: usize, b: usize, ldb: i32, c: usize): void {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0)
  const da = sap << 2
  const db = <usize>ldb << 2
  let off: usize = 0
  let bp = b
  for (let p = 0; p < kc; p++) {
    const x = v128.load32_splat(a + off)
    c0 = madd(x, v128.load(bp), c0)
    c1 = madd(x, v128.load(bp, 16), c1)
    off += da
    bp += db
  }
  const va = f32x4.splat(alpha)
  put<M>(c, f32x4.mul(c0, va))
  put<M>(c + 16, f32x4.mul(c1, va))
}

/** Rows i, i+1 × 16 columns of C (8 accumulators), each element summed over p as `block1x8` sums it. */
function block2x16<M>(kc: i32, alpha: f32, a: usize, sai: usize, sap: usize, b: usize, ldb: i32, c: usize, ldc: i32): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c02 = f32x4.splat(0), c03 = f32x4.splat(0)
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0), c12 = f32x4.splat(0), c13 = f32x4.splat(0)
  const a1 = a + (sai << 2)
  const da = sap << 2
  const db = <usize>ldb << 2
  let off: usize = 0
  let bp = b
  for (let p = 0; p < kc; p++) {
    const x0 = v128.load32_splat(a + off), x1 = v128.load32_splat(a1 + off)
    let y = v128.load(bp)
    c00 = madd(x0, y, c00); c10 = madd(x1, y, c10)
    y = v128.load(bp, 16)
    c01 = madd(x0, y, c01); c11 = madd(x1, y, c11)
    y = v128.load(bp, 32)
    c02 = madd(x0, y, c02); c12 = madd(x1, y, c12)
    y = v128.load(bp, 48)
    c03 = madd(x0, y, c03); c13 = madd(x1, y, c13)
    off += da
    bp += db
  }
  const va = f32x4.splat(alpha)
  const dc = <usize>ldc << 2
  put<M>(c, f32x4.mul(c00, va)); put<M>(c + 16, f32x4.mul(c01, va)); put<M>(c + 32, f32x4.mul(c02, va)); put<M>(c + 48, f32x4.mul(c03, va))
  put<M>(c + dc, f32x4.mul(c10, va)); put<M>(c + dc + 16, f32x4.mul(c11, va)); put<M>(c + dc + 32, f32x4.mul(c12, va)); put<M>(c + dc + 48, f32x4.mul(c13, va))
}

/** c[0] += alpha · Σ_p a[p·sap]·b[p·ldb] (one element of C). */
function scalarDot<M>(kc: i32, alpha: f32, a: usize, sap: usize, b: usize, ldb: i32, c: usize): void {
  let s: f32 = 0
  const da = sap << 2
  const db = <usize>ldb << 2
  let off: usize = 0
  let bp = b
  for (let p = 0; p < kc; p++) {
    s += load<f32>(a + off) * load<f32>(bp)
    off += da
    bp += db
  }
  putScalar<M>(c, alpha * s)
}

function addTo(q: usize, v: v128): void {
  v128.store(q, f32x4.add(v128.load(q), v))
}

/** The blocked product's finish of four elements of C at q by mode M (see `Write`): C + v or +0 + v. */
function put<M>(q: usize, v: v128): void {
  v128.store(q, f32x4.add(writes<M>() ? f32x4.splat(0) : v128.load(q), v))
}

/** `put` for one element (t = alpha·sum). */
function putScalar<M>(q: usize, t: f32): void {
  store<f32>(q, (writes<M>() ? <f32>0 : load<f32>(q)) + t)
}

/**
 * dst[0..n) = +0 (a gradient's zeroing before each batch): one bulk fill, where JavaScript's
 * TypedArray fill over a shared memory (the threads builds) is about 4× slower than over a private one.
 */
export function zeroF32(n: i32, dst: usize): void {
  memory.fill(dst, 0, <usize>n << 2)
}

/**
 * y[j] = f32(f64(y[j]) + scale · f64(x[r·n + j])) for r = 0 … rows−1 in order, j < n: a dense
 * layer's bias gradient ∂E/∂b += scale·Σ_rows delta, with exactly the float64 arithmetic and
 * rounding of the TypeScript `y[j] += scale * x[o + j]` (so the same bits), two columns per
 * float64 pair. Row by row over all of y, so the columns' chains of additions run side by side.
 */
export function addColumnSums(rows: i32, n: i32, scale: f64, x: usize, y: usize): void {
  const s = f64x2.splat(scale)
  const n2 = <usize>(n & ~1) << 2
  const end = <usize>n << 2
  let q = x
  for (let r = 0; r < rows; r++) {
    let o: usize = 0
    for (; o < n2; o += 8) {
      const t = f64x2.add(f64x2.promote_low_f32x4(v128.load64_zero(y + o)), f64x2.mul(s, f64x2.promote_low_f32x4(v128.load64_zero(q + o))))
      v128.store64_lane(y + o, f32x4.demote_f64x2_zero(t), 0)
    }
    if (o < end) store<f32>(y + o, <f32>(<f64>load<f32>(y + o) + scale * <f64>load<f32>(q + o)))
    q += end
  }
}

/** y[0..n) += alpha · x[0..n) (the SGD update w ← w − η·g with alpha = −η). */
export function axpy(n: i32, alpha: f32, x: usize, y: usize): void {
  const va = f32x4.splat(alpha)
  const n4 = <usize>(n & ~3) << 2
  const n16 = <usize>(n & ~15) << 2
  let o: usize = 0
  // Four vectors a step: the loop's own count and branch no longer take a step of their own.
  for (; o < n16; o += 64) {
    v128.store(y + o, madd(va, v128.load(x + o), v128.load(y + o)))
    v128.store(y + o, madd(va, v128.load(x + o, 16), v128.load(y + o, 16)), 16)
    v128.store(y + o, madd(va, v128.load(x + o, 32), v128.load(y + o, 32)), 32)
    v128.store(y + o, madd(va, v128.load(x + o, 48), v128.load(y + o, 48)), 48)
  }
  for (; o < n4; o += 16) v128.store(y + o, madd(va, v128.load(x + o), v128.load(y + o)))
  const end = <usize>n << 2
  for (; o < end; o += 4) store<f32>(y + o, load<f32>(y + o) + alpha * load<f32>(x + o))
}

/**
 * dst[i] = f32(f64(src[i]) · scale) for i < n: bytes (e.g. pixels) to float32, rounded once
 * from the float64 product exactly like the TypeScript `dst[i] = src[i] * scale`.
 */
export function bytesToF32(n: i32, scale: f64, src: usize, dst: usize): void {
  const vs = f64x2.splat(scale)
  let i = 0
  for (; i + 4 <= n; i += 4) {
    const words = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(src + <usize>i)))
    const lo = f32x4.demote_f64x2_zero(f64x2.mul(f64x2.convert_low_i32x4_s(words), vs))
    const hi = f32x4.demote_f64x2_zero(f64x2.mul(f64x2.convert_low_i32x4_s(i32x4.shuffle(words, words, 2, 3, 0, 1)), vs))
    v128.store(dst + (<usize>i << 2), i32x4.shuffle(lo, hi, 0, 1, 4, 5))
  }
  for (; i < n; i++) store<f32>(dst + (<usize>i << 2), <f32>(<f64>load<u8>(src + <usize>i) * scale))
}

/**
 * The same conversion for a whole batch of rows. When float32 arithmetic reproduces
 * f32(f64(b) · scale) for every byte b as b·hi + b·lo (hi: scale cut to 12 significant bits, so
 * b·hi is exact; lo: the float32 rest; true of 1/255), sixteen bytes convert per step with plain
 * (never fused) multiplies and adds; otherwise through a table of the 256 values built at `table`
 * (1 KiB), dst[i] = table[src[i]]. The same bits as `bytesToF32` either way: the split is checked
 * bit for bit on all 256 bytes, once per scale.
 */
export function bytesToF32Table(n: i32, scale: f64, src: usize, dst: usize, table: usize): void {
  if (!splitScaleFits(scale)) {
    bytesThroughTable(n, scale, src, dst, table)
    return
  }
  const h = <f32>scaleHigh(scale)
  const l = <f32>(scale - scaleHigh(scale))
  const hi = f32x4.splat(h)
  const lo = f32x4.splat(l)
  let i = 0
  for (; i + 16 <= n; i += 16) {
    const v = v128.load(src + <usize>i)
    const w0 = i16x8.extend_low_i8x16_u(v)
    const w1 = i16x8.extend_high_i8x16_u(v)
    const d = dst + (<usize>i << 2)
    v128.store(d, scaledBytes(i32x4.extend_low_i16x8_u(w0), hi, lo))
    v128.store(d, scaledBytes(i32x4.extend_high_i16x8_u(w0), hi, lo), 16)
    v128.store(d, scaledBytes(i32x4.extend_low_i16x8_u(w1), hi, lo), 32)
    v128.store(d, scaledBytes(i32x4.extend_high_i16x8_u(w1), hi, lo), 48)
  }
  for (; i < n; i++) {
    const x = <f32>load<u8>(src + <usize>i)
    store<f32>(dst + (<usize>i << 2), x * h + x * l)
  }
}

/** dst[i] = table[src[i]] after building table[b] = f32(f64(b) · scale) for the 256 byte values. */
function bytesThroughTable(n: i32, scale: f64, src: usize, dst: usize, table: usize): void {
  for (let b = 0; b < 256; b++) store<f32>(table + (<usize>b << 2), <f32>(<f64>b * scale))
  let i = 0
  for (; i + 4 <= n; i += 4) {
    const w = load<u32>(src + <usize>i)
    const d = dst + (<usize>i << 2)
    store<f32>(d, load<f32>(table + ((<usize>w & 0xff) << 2)))
    store<f32>(d, load<f32>(table + ((<usize>w >> 6) & 0x3fc)), 4)
    store<f32>(d, load<f32>(table + ((<usize>w >> 14) & 0x3fc)), 8)
    store<f32>(d, load<f32>(table + ((<usize>w >> 22) & 0x3fc)), 12)
  }
  for (; i < n; i++) store<f32>(dst + (<usize>i << 2), load<f32>(table + (<usize>load<u8>(src + <usize>i) << 2)))
}

/** scale with all but its 12 leading significant bits cleared (so a byte times it is exact in float32). */
function scaleHigh(scale: f64): f64 {
  return reinterpret<f64>(reinterpret<u64>(scale) & ~((<u64>1 << 41) - 1))
}

/** The scale `splitScaleFits` last checked (its bits) and the answer; a batch's rows share one. */
let checkedScale: u64 = 0
let checkedFits: bool = false
let checked: bool = false

/** Whether b·hi + b·lo in float32 (see `bytesToF32Table`) gives f32(f64(b) · scale)'s bits for every byte b. */
function splitScaleFits(scale: f64): bool {
  const bits = reinterpret<u64>(scale)
  if (checked && bits == checkedScale) return checkedFits
  const hi = <f32>scaleHigh(scale)
  const lo = <f32>(scale - scaleHigh(scale))
  let fits = true
  for (let b = 0; b < 256; b++) {
    const x = <f32>b
    if (reinterpret<i32>(x * hi + x * lo) != reinterpret<i32>(<f32>(<f64>b * scale))) fits = false
  }
  checkedScale = bits
  checkedFits = fits
  checked = true
  return fits
}

/** f32(w)·hi + f32(w)·lo per lane for four byte values w (exact integers in float32). */
function scaledBytes(w: v128, hi: v128, lo: v128): v128 {
  const x = f32x4.convert_i32x4_s(w)
  return f32x4.add(f32x4.mul(x, hi), f32x4.mul(x, lo))
}

/**
 * Rows of bytes under a per-feature normalisation, `rows` rows of n bytes side by side at src:
 * dst[r·n + k] = f32(((f64(src[r·n + k]) − shift[k]) · perFeature[k]) · scale), with shift and
 * perFeature n float64s each (16-byte aligned). The order of operations of the TypeScript
 * `datasetReadRow` and one rounding to float32, so the same bits.
 */
export function affineBytesToF32(rows: i32, n: i32, scale: f64, src: usize, shift: usize, perFeature: usize, dst: usize): void {
  const vs = f64x2.splat(scale)
  for (let r = 0; r < rows; r++) {
    const s = src + <usize>(r * n)
    const d = dst + (<usize>(r * n) << 2)
    let k = 0
    for (; k + 4 <= n; k += 4) {
      const words = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(s + <usize>k)))
      const o = <usize>k << 3
      const lo = f64x2.sub(f64x2.convert_low_i32x4_s(words), v128.load(shift + o))
      const hi = f64x2.sub(f64x2.convert_low_i32x4_s(i32x4.shuffle(words, words, 2, 3, 0, 1)), v128.load(shift + o, 16))
      const a = f32x4.demote_f64x2_zero(f64x2.mul(f64x2.mul(lo, v128.load(perFeature + o)), vs))
      const b = f32x4.demote_f64x2_zero(f64x2.mul(f64x2.mul(hi, v128.load(perFeature + o, 16)), vs))
      v128.store(d + (<usize>k << 2), i32x4.shuffle(a, b, 0, 1, 4, 5))
    }
    for (; k < n; k++) {
      const o = <usize>k << 3
      store<f32>(d + (<usize>k << 2), <f32>((((<f64>load<u8>(s + <usize>k)) - load<f64>(shift + o)) * load<f64>(perFeature + o)) * scale))
    }
  }
}

/**
 * ReLU forward over n floats: out[i] = net[i] > 0 ? net[i] : 0 (NaN and −0 give +0, as the
 * TypeScript loop does), four at a time by masking.
 */
export function reluForward(n: i32, net: usize, out: usize): void {
  const zero = f32x4.splat(0)
  const n4 = <usize>(n & ~3) << 2
  let o: usize = 0
  for (; o < n4; o += 16) {
    const x = v128.load(net + o)
    v128.store(out + o, v128.and(x, f32x4.gt(x, zero)))
  }
  const end = <usize>n << 2
  for (; o < end; o += 4) {
    const x = load<f32>(net + o)
    store<f32>(out + o, x > 0 ? x : 0)
  }
}

/**
 * ReLU backward over n floats: delta[i] = gradOut[i] · (net[i] > 0 ? 1 : 0), a real multiply
 * by 1 or 0 (so −g·0 stays −0 and ∞·0 NaN, the bits of the TypeScript loop).
 */
export function reluBackward(n: i32, net: usize, gradOut: usize, delta: usize): void {
  const zero = f32x4.splat(0)
  const one = f32x4.splat(1)
  const n4 = <usize>(n & ~3) << 2
  let o: usize = 0
  for (; o < n4; o += 16) {
    const step = v128.and(f32x4.gt(v128.load(net + o), zero), one)
    v128.store(delta + o, f32x4.mul(v128.load(gradOut + o), step))
  }
  const end = <usize>n << 2
  for (; o < end; o += 4) store<f32>(delta + o, load<f32>(gradOut + o) * (load<f32>(net + o) > 0 ? <f32>1 : <f32>0))
}
