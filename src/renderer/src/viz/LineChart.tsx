import { memo, useEffect, useRef } from 'react'

export interface Series {
  label: string
  x: readonly number[]
  y: readonly number[]
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
  width?: number
  height?: number
  /** Changes whenever the data grew (the arrays are appended in place). */
  version: number
  /** x of a vertical marker (e.g. the best validation epoch). */
  marker?: { x: number; label: string } | null
  testId?: string
}

/** "Nice" tick step for a range: 1, 2 or 5 × 10^k. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count)
  const p = 10 ** Math.floor(Math.log10(raw))
  const m = raw / p
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p
}

function format(v: number): string {
  if (v === 0) return '0'
  const a = Math.abs(v)
  if (a >= 1e4 || a < 1e-3) return v.toExponential(0)
  return Number(v.toPrecision(3)).toString()
}

/** A small line chart on a canvas (no chart library): linear x, linear or log y, legend. */
function LineChartView({ series, logY = false, yRange, xLabel, width = 290, height = 150, version, marker, testId }: LineChartProps) {
  const ref = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const canvas = ref.current
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx) return
    const dpr = window.devicePixelRatio || 1
    canvas.width = Math.round(width * dpr)
    canvas.height = Math.round(height * dpr)
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    ctx.clearRect(0, 0, width, height)
    const style = getComputedStyle(canvas)
    const text = style.getPropertyValue('--text').trim() || '#1d2330'
    const grid = style.getPropertyValue('--border').trim() || '#d0d4da'
    let left = 42
    const right = 8
    const top = 18
    const bottom = 26
    let xMin = Infinity
    let xMax = -Infinity
    let yMin = Infinity
    let yMax = -Infinity
    for (const s of series) {
      for (let i = 0; i < s.x.length; i++) {
        const y = s.y[i]
        if (!Number.isFinite(y) || (logY && y <= 0)) continue
        xMin = Math.min(xMin, s.x[i])
        xMax = Math.max(xMax, s.x[i])
        yMin = Math.min(yMin, y)
        yMax = Math.max(yMax, y)
      }
    }
    ctx.font = '11px system-ui, sans-serif'
    ctx.fillStyle = text
    if (!Number.isFinite(xMin)) {
      ctx.fillText('No data yet', left, top + 30)
      return
    }
    if (yRange) [yMin, yMax] = yRange
    if (xMax === xMin) xMax = xMin + 1
    if (yMax === yMin) {
      yMax = logY ? yMax * 10 : yMax + 1
      yMin = logY ? yMin / 10 : yMin - 1
    }
    const ty = (y: number) => (logY ? Math.log10(y) : y)
    const y0 = ty(yMin)
    const y1 = ty(yMax)
    const px = (x: number) => left + ((x - xMin) / (xMax - xMin)) * (width - left - right)
    const py = (y: number) => top + (1 - (ty(y) - y0) / (y1 - y0)) * (height - top - bottom)
    // Grid and y ticks.
    ctx.strokeStyle = grid
    ctx.lineWidth = 1
    ctx.textAlign = 'right'
    ctx.textBaseline = 'middle'
    const yTicks: number[] = []
    if (logY) {
      // One tick per decade, or every k-th decade when the range is huge (a diverging loss spans hundreds).
      const every = Math.max(1, Math.ceil((Math.ceil(y1) - Math.floor(y0)) / 5))
      for (let e = Math.floor(y0); e <= Math.ceil(y1); e++) if (e % every === 0 && e >= y0 - 1e-9 && e <= y1 + 1e-9) yTicks.push(10 ** e)
      if (yTicks.length < 2) yTicks.push(yMin, yMax)
    } else {
      const step = niceStep(yMax - yMin, 4)
      for (let v = Math.ceil(yMin / step) * step; v <= yMax + 1e-12; v += step) yTicks.push(v)
    }
    // Room for the widest y label (a diverging loss reaches 1e+300).
    left = Math.max(left, 8 + Math.max(...yTicks.map((v) => ctx.measureText(format(v)).width)))
    for (const v of yTicks) {
      const y = py(v)
      ctx.beginPath()
      ctx.moveTo(left, y)
      ctx.lineTo(width - right, y)
      ctx.stroke()
      ctx.fillText(format(v), left - 4, y)
    }
    ctx.textAlign = 'center'
    ctx.textBaseline = 'top'
    const xStep = niceStep(xMax - xMin, 4)
    for (let v = Math.ceil(xMin / xStep) * xStep; v <= xMax + 1e-12; v += xStep) ctx.fillText(format(v), px(v), height - bottom + 4)
    ctx.textAlign = 'right'
    ctx.fillText(xLabel, width - right, height - 12)
    // Series.
    for (const s of series) {
      ctx.strokeStyle = s.color
      ctx.fillStyle = s.color
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
        const X = px(s.x[i])
        const Y = Math.max(top, Math.min(height - bottom, py(y)))
        if (pen) ctx.lineTo(X, Y)
        else ctx.moveTo(X, Y)
        pen = true
        if (s.dots && s.x.length <= 60) ctx.fillRect(X - 1.5, Y - 1.5, 3, 3)
      }
      ctx.stroke()
    }
    ctx.setLineDash([])
    if (marker && marker.x >= xMin && marker.x <= xMax) {
      ctx.strokeStyle = text
      ctx.setLineDash([2, 2])
      ctx.beginPath()
      ctx.moveTo(px(marker.x), top)
      ctx.lineTo(px(marker.x), height - bottom)
      ctx.stroke()
      ctx.setLineDash([])
      ctx.textAlign = 'left'
      ctx.fillStyle = text
      ctx.fillText(marker.label, Math.min(px(marker.x) + 3, width - 90), top)
    }
    // Legend.
    ctx.textAlign = 'left'
    ctx.textBaseline = 'top'
    let lx = left
    for (const s of series) {
      ctx.fillStyle = s.color
      ctx.fillRect(lx, 4, 10, 3)
      ctx.fillStyle = text
      ctx.fillText(s.label, lx + 13, 0)
      lx += 18 + ctx.measureText(s.label).width
    }
    // The data arrays grow in place; `version` says when to redraw.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, series.length, logY, width, height, xLabel, marker?.x])
  return <canvas ref={ref} className="line-chart" data-testid={testId} style={{ width, height }} />
}

export const LineChart = memo(LineChartView)
