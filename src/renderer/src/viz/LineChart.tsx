import { memo, useEffect, useMemo, useRef } from 'react'
import { useUi } from '../store/uiStore'
import { CHART_FONT_PX, chartLayout, type ChartLayout } from './chartLayout'
import { useWidth } from './useWidth'
import { useDeviceScale } from './useDeviceScale'

export interface Series {
  label: string
  x: readonly number[]
  y: readonly number[]
  /** A CSS colour, or `currentColor` for the text's (follows the theme). */
  color: string
  dashed?: boolean
  /** Draw dots at the points (few points, e.g. per epoch). */
  dots?: boolean
}

export interface LineChartProps {
  series: Series[]
  logY?: boolean
  /** Fixed y range (e.g. [0, 1] for accuracy). */
  yRange?: [number, number]
  xLabel: string
  /** Fixed width; without it the chart fills its container (up to `maxWidth`). */
  width?: number
  maxWidth?: number
  height?: number
  /** Changes whenever the data grew (the arrays are appended in place) or a series changed colour. */
  version: number | string
  /** x of a vertical marker (e.g. the best validation epoch). */
  marker?: { x: number; label: string } | null
  testId?: string
}

const FONT = `${CHART_FONT_PX}px system-ui, sans-serif`

let measureContext: CanvasRenderingContext2D | null = null
/** Widths measured so far: the same tick labels come back at every redraw (a few hundred at most). */
const measured = new Map<string, number>()

/** Width of `text` in the chart font (the SVG labels use the same font). */
function measure(text: string): number {
  const known = measured.get(text)
  if (known !== undefined) return known
  measureContext ??= document.createElement('canvas').getContext('2d')
  if (!measureContext) return text.length * CHART_FONT_PX * 0.6
  measureContext.font = FONT
  const width = measureContext.measureText(text).width
  if (measured.size >= 2000) measured.clear()
  measured.set(text, width)
  return width
}

/** The theme's grid and marker colours, read once per theme: reading CSS per redraw forced a style recalculation every frame. */
const themeColors = new Map<string, { grid: string; marker: string }>()

function colorsOf(canvas: HTMLCanvasElement, theme: string): { grid: string; marker: string } {
  let colors = themeColors.get(theme)
  if (!colors) {
    const style = getComputedStyle(canvas)
    colors = { grid: style.getPropertyValue('--border').trim() || '#d0d4da', marker: style.getPropertyValue('--text').trim() || '#1d2330' }
    themeColors.set(theme, colors)
  }
  return colors
}

/** Grid, series and marker line on the canvas (thousands of points stay cheap). */
function drawPlot(
  canvas: HTMLCanvasElement,
  layout: ChartLayout,
  series: readonly Series[],
  logY: boolean,
  width: number,
  height: number,
  colors: { grid: string; marker: string },
  scale: number,
): void {
  const ctx = canvas.getContext('2d')
  if (!ctx) return
  // Resized only when the size changes (a resize reallocates the canvas).
  if (canvas.width !== Math.round(width * scale)) canvas.width = Math.round(width * scale)
  if (canvas.height !== Math.round(height * scale)) canvas.height = Math.round(height * scale)
  ctx.setTransform(scale, 0, 0, scale, 0, 0)
  ctx.clearRect(0, 0, width, height)
  if (layout.empty) return
  const { left, right, top, bottom } = layout.plot
  ctx.strokeStyle = colors.grid
  ctx.lineWidth = 1
  for (const y of layout.gridY) {
    ctx.beginPath()
    ctx.moveTo(left, y)
    ctx.lineTo(right, y)
    ctx.stroke()
  }
  for (const s of series) {
    // `currentColor` (a series in the text's colour) is the theme's text colour: a canvas does not resolve it.
    ctx.strokeStyle = ctx.fillStyle = s.color === 'currentColor' ? colors.marker : s.color
    ctx.lineWidth = 1.8
    ctx.setLineDash(s.dashed ? [4, 3] : [])
    ctx.beginPath()
    let pen = false
    for (let i = 0; i < s.x.length; i++) {
      const y = s.y[i]
      if (!Number.isFinite(y) || (logY && y <= 0)) {
        pen = false
        continue
      }
      const X = layout.px(s.x[i])
      const Y = Math.max(top, Math.min(bottom, layout.py(y)))
      if (pen) ctx.lineTo(X, Y)
      else ctx.moveTo(X, Y)
      pen = true
      if (s.dots && s.x.length <= 60) ctx.fillRect(X - 1.5, Y - 1.5, 3, 3)
    }
    ctx.stroke()
  }
  ctx.setLineDash([])
  if (layout.marker) {
    ctx.strokeStyle = colors.marker
    ctx.setLineDash([2, 2])
    ctx.beginPath()
    ctx.moveTo(layout.marker.x, top)
    ctx.lineTo(layout.marker.x, bottom)
    ctx.stroke()
    ctx.setLineDash([])
  }
}

/**
 * A small line chart (no chart library): linear x, linear or log y, legend. Lines are painted on a
 * canvas; every text (ticks, axis title, legend, marker) is SVG text over it, coloured by the theme
 * and kept inside the box.
 */
function LineChartView({
  series,
  logY = false,
  yRange,
  xLabel,
  width: fixedWidth,
  maxWidth = 720,
  height = 150,
  version,
  marker,
  testId,
}: LineChartProps) {
  const ref = useRef<HTMLCanvasElement>(null)
  const [box, fitted] = useWidth<HTMLDivElement>(290)
  const width = fixedWidth ?? Math.max(200, Math.min(maxWidth, fitted))
  const theme = useUi((s) => s.theme)
  const [yLo, yHi] = yRange ?? [NaN, NaN]
  const markerX = marker?.x
  const markerLabel = marker?.label
  // The data arrays grow in place; `version` says when to lay out and redraw.
  const layout = useMemo(
    () => chartLayout({ series, logY, yRange, xLabel, width, height, marker, measure }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version, series.length, logY, yLo, yHi, width, height, xLabel, markerX, markerLabel],
  )
  // Backed at the screen's pixels under any CSS zoom (presentation mode), so the lines stay sharp.
  const scale = useDeviceScale(ref, width)
  useEffect(() => {
    if (ref.current) drawPlot(ref.current, layout, series, logY, width, height, colorsOf(ref.current, theme), scale)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout, theme, scale])
  return (
    <div className="line-chart-box" ref={box}>
      {/* data-points: the first series' points, what a test watches grow as the run goes on. */}
      <div className="line-chart" data-testid={testId} data-points={series[0]?.x.length ?? 0} style={{ width, height }}>
        <canvas ref={ref} style={{ width, height }} />
        <svg
          className="line-chart-text"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          aria-hidden="true"
        >
          {layout.legend.map((l, i) => (
            <rect
              key={i}
              className="chart-swatch"
              x={l.x}
              y={l.y}
              width={11}
              height={3}
              fill={l.color}
            />
          ))}
          {layout.texts.map((t, i) => (
            <text
              key={i}
              className={`chart-${t.kind}`}
              x={t.x}
              y={t.y}
              textAnchor={t.anchor}
              dominantBaseline="middle"
              data-chart-text={t.kind}
            >
              {t.text}
            </text>
          ))}
        </svg>
      </div>
    </div>
  )
}

export const LineChart = memo(LineChartView)
