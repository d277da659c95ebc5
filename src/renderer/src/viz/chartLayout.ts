/**
 * Where everything of a line chart goes, as a pure function of the data and the box: scales,
 * ticks, labels, legend. Labels are placed so that none leaves the box (the last x tick and a
 * marker label near the right edge are right-aligned instead of cut off).
 */
import type { Series } from './LineChart'

export interface ChartInput {
  series: readonly Series[]
  logY: boolean
  yRange?: [number, number]
  xLabel: string
  width: number
  height: number
  marker?: { x: number; label: string } | null
  /** Width of a text in the chart's font, in pixels. */
  measure: (text: string) => number
}

export type Anchor = 'start' | 'middle' | 'end'

export interface ChartText {
  text: string
  x: number
  y: number
  anchor: Anchor
  kind: 'tick' | 'title' | 'legend' | 'marker'
}

export interface ChartLayout {
  empty: boolean
  plot: { left: number; right: number; top: number; bottom: number }
  px: (x: number) => number
  py: (y: number) => number
  gridY: number[]
  texts: ChartText[]
  legend: { x: number; y: number; color: string; dashed: boolean }[]
  marker: { x: number } | null
}

/** Font size of every chart text, px (the SVG and the measurement use the same). */
export const CHART_FONT_PX = 11

/** "Nice" tick step for a range: 1, 2 or 5 × 10^k. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count)
  const p = 10 ** Math.floor(Math.log10(raw))
  const m = raw / p
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p
}

export function tickText(v: number, digits = 3): string {
  if (v === 0) return '0'
  const a = Math.abs(v)
  // Three significant digits here too: a log chart within one decade labels its ends 4.61e-4 and 5.3e-4, not 5e-4 twice.
  if (a >= 1e4 || a < 1e-3) return Number(v.toPrecision(digits)).toExponential()
  return Number(v.toPrecision(digits)).toString()
}

/**
 * The labels of an axis's ticks, with as many significant digits as it takes (at least three)
 * for no two neighbours to read alike: an accuracy that barely moves spans 300.02 … 300.08, not
 * "300 300 300".
 */
export function tickTexts(values: readonly number[]): string[] {
  for (let digits = 3; ; digits++) {
    const texts = values.map((v) => tickText(v, digits))
    if (digits >= 15 || texts.every((t, i) => i === 0 || t !== texts[i - 1])) return texts
  }
}

const usable = (y: number, logY: boolean) => Number.isFinite(y) && !(logY && y <= 0)

/** The data's extent over every series (NaN-free; log scales skip y ≤ 0). */
function extent(series: readonly Series[], logY: boolean) {
  let xMin = Infinity
  let xMax = -Infinity
  let yMin = Infinity
  let yMax = -Infinity
  for (const s of series) {
    for (let i = 0; i < s.x.length; i++) {
      if (!usable(s.y[i], logY)) continue
      xMin = Math.min(xMin, s.x[i])
      xMax = Math.max(xMax, s.x[i])
      yMin = Math.min(yMin, s.y[i])
      yMax = Math.max(yMax, s.y[i])
    }
  }
  return { xMin, xMax, yMin, yMax }
}

function yTicksOf(yMin: number, yMax: number, logY: boolean): number[] {
  const ticks: number[] = []
  if (logY) {
    const y0 = Math.log10(yMin)
    const y1 = Math.log10(yMax)
    // One tick per decade, or every k-th decade when the range is huge (a diverging loss spans hundreds).
    const every = Math.max(1, Math.ceil((Math.ceil(y1) - Math.floor(y0)) / 5))
    for (let e = Math.floor(y0); e <= Math.ceil(y1); e++) if (e % every === 0 && e >= y0 - 1e-9 && e <= y1 + 1e-9) ticks.push(10 ** e)
    if (ticks.length >= 2) return ticks
    // Within about a decade: the ends, and a decade line between them only where its label clears theirs.
    const clear = (v: number) => Math.min(Math.log10(v) - y0, y1 - Math.log10(v)) >= 0.15 * (y1 - y0)
    return [yMin, ...ticks.filter(clear), yMax]
  }
  const step = niceStep(yMax - yMin, 4)
  for (let v = Math.ceil(yMin / step) * step; v <= yMax + 1e-12; v += step) ticks.push(v)
  return ticks
}

/** A label of `width` px wanted at `x`, kept inside [lo, hi]: centred, else flush with the edge it would cross. */
function fitLabel(x: number, width: number, lo: number, hi: number): { x: number; anchor: Anchor } {
  if (x + width / 2 > hi) return { x: hi, anchor: 'end' }
  if (x - width / 2 < lo) return { x: lo, anchor: 'start' }
  return { x, anchor: 'middle' }
}

/** Least room between two x tick labels, px. */
const X_TICK_GAP = 8

/**
 * The x axis's labels, placed (the last flush right where it would run past the box): about four,
 * fewer where the chart is too narrow for them, so neighbours never touch. A 1024 × 768 projector
 * with the browser at 150 % left the loss chart 250 px, and its 3000 iterations read '25003000'.
 */
function xTickLabels(xMin: number, xMax: number, px: (x: number) => number, width: number, measure: (text: string) => number): { text: string; x: number; anchor: Anchor }[] {
  for (let count = 4; ; count--) {
    const step = niceStep(xMax - xMin, count)
    const ticks: number[] = []
    for (let v = Math.ceil(xMin / step) * step; v <= xMax + 1e-12; v += step) ticks.push(v)
    const labels = tickTexts(ticks).map((text, i) => ({ text, ...fitLabel(px(ticks[i]), measure(text), 1, width - 1) }))
    const ends = labels.map((l) => {
      const w = measure(l.text)
      const from = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2
      return [from, from + w]
    })
    if (count === 1 || ends.every(([from], i) => i === 0 || from - ends[i - 1][1] >= X_TICK_GAP)) return labels
  }
}

/** Height of a legend row, px, and the most rows a legend takes (then "+ n more"). */
const LEGEND_ROW = 14
const LEGEND_ROWS = 3

/**
 * Lays the legend out in rows from `left`, each entry a swatch and its label; an entry that would
 * pass the box's right edge starts the next row, and what does not fit in `LEGEND_ROWS` rows is
 * counted in a last "+ n more". Returns the number of rows beyond the first.
 */
function placeLegend(series: ChartInput['series'], left: number, width: number, measure: (text: string) => number, texts: ChartText[], legend: ChartLayout['legend']): number {
  let x = left
  let row = 0
  for (const [i, s] of series.entries()) {
    const w = 14 + measure(s.label)
    const more = `+ ${series.length - i} more`
    // In the last row an entry leaves room for the "+ n more" of those after it.
    const room = row === LEGEND_ROWS - 1 && i < series.length - 1 ? 8 + measure(more) : 0
    if (x > left && x + w + room > width - 1) {
      if (row === LEGEND_ROWS - 1) {
        texts.push({ text: more, x, y: 8 + row * LEGEND_ROW, anchor: 'start', kind: 'legend' })
        return row
      }
      row++
      x = left
    }
    legend.push({ x, y: 6 + row * LEGEND_ROW, color: s.color, dashed: s.dashed ?? false })
    texts.push({ text: s.label, x: x + 14, y: 8 + row * LEGEND_ROW, anchor: 'start', kind: 'legend' })
    x += 8 + w
  }
  return row
}

export function chartLayout({ series, logY, yRange, xLabel, width, height, marker, measure }: ChartInput): ChartLayout {
  const right = width - 6
  let top = 20
  const bottom = height - 30
  const data = extent(series, logY)
  const xMin = data.xMin
  let { xMax, yMin, yMax } = data
  const texts: ChartText[] = []
  const legend: ChartLayout['legend'] = []
  if (!Number.isFinite(xMin)) {
    texts.push({ text: 'No data yet', x: 42, y: top + 30, anchor: 'start', kind: 'title' })
    return { empty: true, plot: { left: 42, right, top, bottom }, px: () => 0, py: () => 0, gridY: [], texts, legend, marker: null }
  }
  if (yRange) [yMin, yMax] = yRange
  if (xMax === xMin) xMax = xMin + 1
  if (yMax === yMin) {
    yMax = logY ? yMax * 10 : yMax + 1
    yMin = logY ? yMin / 10 : yMin - 1
  }
  const yTicks = yTicksOf(yMin, yMax, logY)
  // Room for the widest y label (a diverging loss reaches 1e+300).
  const yTexts = tickTexts(yTicks)
  const left = Math.max(38, 8 + Math.max(...yTexts.map(measure)))
  // The legend's rows push the plot down (a sweep's many series wrap rather than run off the box).
  top += placeLegend(series, left, width, measure, texts, legend) * LEGEND_ROW
  const ty = (y: number) => (logY ? Math.log10(y) : y)
  const y0 = ty(yMin)
  const y1 = ty(yMax)
  const px = (x: number) => left + ((x - xMin) / (xMax - xMin)) * (right - left)
  const py = (y: number) => top + (1 - (ty(y) - y0) / (y1 - y0)) * (bottom - top)
  yTicks.forEach((v, i) => texts.push({ text: yTexts[i], x: left - 4, y: py(v), anchor: 'end', kind: 'tick' }))
  for (const t of xTickLabels(xMin, xMax, px, width, measure)) texts.push({ ...t, y: bottom + 10, kind: 'tick' })
  texts.push({ text: xLabel, x: width - 1, y: bottom + 23, anchor: 'end', kind: 'title' })
  let markerAt: ChartLayout['marker'] = null
  if (marker && marker.x >= xMin && marker.x <= xMax) {
    const x = px(marker.x)
    markerAt = { x }
    // Right of the line when it fits, else left of it; where neither side has the room (a narrow
    // panel, the line mid-plot), from the plot's left edge: never over the y axis's numbers or past the box.
    const w = measure(marker.label)
    const place =
      x + 4 + w <= width - 1
        ? { x: x + 4, anchor: 'start' as const }
        : x - 4 - w >= left
          ? { x: x - 4, anchor: 'end' as const }
          : { x: Math.max(1, Math.min(left, width - 1 - w)), anchor: 'start' as const }
    texts.push({ text: marker.label, ...place, y: top + 8, kind: 'marker' })
  }
  return { empty: false, plot: { left, right, top, bottom }, px, py, gridY: yTicks.map(py), texts, legend, marker: markerAt }
}
