/** Number formatting for the training views (display only; the numbers come from the engine). */

/** A value with `digits` significant digits, no trailing noise. */
export function fmt(v: number | undefined | null, digits = 4): string {
  if (v === undefined || v === null || Number.isNaN(v)) return '–'
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞'
  if (v !== 0 && (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e6)) return v.toExponential(digits - 1).replace('-', '−')
  return String(Number(v.toPrecision(digits))).replace('-', '−')
}

/** A value with a fixed number of decimals (the lectures print 8 or 9). */
export function fixed(v: number, decimals = 8): string {
  return String(Number(v.toFixed(decimals))).replace('-', '−')
}

export function percent(v: number | undefined): string {
  return v === undefined || Number.isNaN(v) ? '–' : `${(100 * v).toFixed(1)}%`
}

/** One formatter for every count: `toLocaleString` builds a new one per call, and counters redraw every frame. */
const COUNT_FORMAT = new Intl.NumberFormat('en-US')

/** 12345 → "12,345" (as `n.toLocaleString('en-US')`). */
export function count(n: number): string {
  return COUNT_FORMAT.format(n)
}
