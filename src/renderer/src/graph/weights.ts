/**
 * Hand-set weights helpers for the inspector's weight table.
 */

/** Largest layer (units · nIn) whose weights the inspector offers to set by hand. */
export const HAND_SET_LIMIT = 64

/** `m` resized to `rows × cols`: kept where it overlaps, 0 elsewhere. */
export function reshapeMatrix(m: readonly (readonly number[])[] | undefined, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, j) => Array.from({ length: cols }, (_, k) => m?.[j]?.[k] ?? 0))
}

/** `v` resized to `n` entries (0 where new). */
export function reshapeVector(v: readonly number[] | undefined, n: number): number[] {
  return Array.from({ length: n }, (_, j) => v?.[j] ?? 0)
}

/** Whether `m` is exactly `rows × cols`. */
export function hasShape(m: readonly (readonly number[])[] | undefined, rows: number, cols: number): boolean {
  return !!m && m.length === rows && m.every((row) => row.length === cols)
}

/** `m` with entry (j, k) set to `value` (a copy). */
export function setMatrixEntry(m: readonly (readonly number[])[], j: number, k: number, value: number): number[][] {
  return m.map((row, r) => (r === j ? row.map((x, c) => (c === k ? value : x)) : [...row]))
}
