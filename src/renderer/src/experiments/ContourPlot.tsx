import { useEffect, useRef } from 'react'
import type { DescentPath } from '../../../engine/experiments/descent'
import type { Surface } from '../../../engine/experiments/surfaces'

const SIZE = 360
/** Grid side for the formula surfaces (cheap to evaluate); the network's slice comes with its own. */
export const CONTOUR_GRID = 120
/** Contour levels: bands of equal width in log(f − min + 1), so valleys and walls both show. */
const BANDS = 18

/** Shade of each band: light to dark blue, alternate bands a little apart (the contour lines). */
function bandColor(t: number, band: number): [number, number, number] {
  const light = [240, 246, 252]
  const dark = [8, 81, 156]
  const k = Math.min(1, Math.max(0, t)) * (band % 2 ? 0.92 : 1)
  return [0, 1, 2].map((i) => Math.round(light[i] + (dark[i] - light[i]) * k)) as [number, number, number]
}

/**
 * f over the surface's square as banded contours (`grid`: size×size values over `extent`, row 0
 * at yMax), with each optimizer's path up to `upTo`.
 */
export function ContourPlot({ grid, size, extent, minimum, paths, upTo, colors }: { grid: Float64Array; size: number; extent: Surface['extent']; minimum: [number, number] | null; paths: DescentPath[]; upTo: number; colors: string[] }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d')
    if (!ctx) return
    let lo = Infinity
    let hi = -Infinity
    for (const v of grid) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)]
    const top = Math.log(hi - lo + 1) || 1
    const image = ctx.createImageData(size, size)
    grid.forEach((v, p) => {
      const t = Number.isFinite(v) ? Math.log(v - lo + 1) / top : 1
      const band = Math.floor(t * BANDS)
      image.data.set([...bandColor(band / BANDS, band), 255], 4 * p)
    })
    ctx.putImageData(image, 0, 0)
  }, [grid, size])
  const sx = (x: number) => ((x - extent.xMin) / (extent.xMax - extent.xMin)) * SIZE
  const sy = (y: number) => ((extent.yMax - y) / (extent.yMax - extent.yMin)) * SIZE
  return (
    <div className="pg-contour" style={{ width: SIZE, height: SIZE }} data-testid="pg2-contour">
      <canvas ref={canvas} width={size} height={size} style={{ width: SIZE, height: SIZE }} />
      <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`}>
        {minimum && <path d={`M${sx(minimum[0]) - 6},${sy(minimum[1])}h12M${sx(minimum[0])},${sy(minimum[1]) - 6}v12`} stroke="#d55e00" strokeWidth={2} />}
        {paths.map((p, i) => {
          const rows = p.rows.slice(0, upTo + 1)
          const clip = (v: number) => Math.max(-SIZE, Math.min(2 * SIZE, v))
          const points = rows.map((r) => `${clip(sx(r.point[0])).toFixed(1)},${clip(sy(r.point[1])).toFixed(1)}`).join(' ')
          const last = rows.at(-1)!
          return (
            <g key={p.optimizer.id} data-testid={`pg2-path-${p.optimizer.id}`} data-points={rows.length}>
              <polyline points={points} fill="none" stroke={colors[i]} strokeWidth={2} strokeLinejoin="round" />
              <circle cx={clip(sx(last.point[0]))} cy={clip(sy(last.point[1]))} r={4} fill={colors[i]} stroke="#fff" strokeWidth={1.5} />
            </g>
          )
        })}
        <circle cx={sx(paths[0]?.rows[0].point[0] ?? 0)} cy={sy(paths[0]?.rows[0].point[1] ?? 0)} r={5} fill="none" stroke="#000" strokeWidth={2} />
      </svg>
    </div>
  )
}
