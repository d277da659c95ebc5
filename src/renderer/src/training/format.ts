/** Number formatting for the training views (display only; the numbers come from the engine). */

/** Minus signs as the typeset minus, the exponent's too ("−1.5e−7"): the step-through's numbers are read, not parsed. */
const minus = (text: string): string => text.replace(/-/g, '−')

/**
 * A value with `digits` significant digits, no trailing noise: "7.6855e−5", not "7.68550e−5";
 * every minus typeset, the exponent's too ("−8.1481e−10", not "−8.1481e-10").
 */
export function fmt(v: number | undefined | null, digits = 4): string {
  if (v === undefined || v === null || Number.isNaN(v)) return '–'
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞'
  if (v !== 0 && (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e6)) return minus(v.toExponential(digits - 1).replace(/\.?0+e/, 'e'))
  return minus(String(Number(v.toPrecision(digits))))
}

/**
 * A value with a fixed number of decimals (the lectures print 8 or 9). One too small for them
 * keeps 4 significant digits instead ("2.613e−10"): rounded, a sigmoid's output and the loss
 * read "0" (or "1e-9"), though the update still changes the weights.
 */
export function fixed(v: number, decimals = 8): string {
  const rounded = Number(v.toFixed(decimals))
  if (v !== 0 && Math.abs(rounded) < 1e-6) return minus(v.toExponential(3).replace(/\.?0+e/, 'e'))
  return minus(String(rounded))
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
