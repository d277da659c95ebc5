/**
 * Which viewport shows some nodes (boxes in canvas pixels) inside the part of the canvas nothing
 * covers: pure arithmetic, for `useRevealNode.ts`.
 */
import type { Viewport } from '@xyflow/react'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** The canvas's size in screen pixels and the margins that floating parts cover. */
export interface RevealArea {
  width: number
  height: number
  margins: { top: number; bottom: number; left: number; right: number }
}

/** Zoom the canvas never goes below (React Flow's own floor here). */
const MIN_ZOOM = 0.2

/** How far to move a span [lo, hi] (screen pixels) to bring it inside [min, max]: 0 when it is; its start first when it is wider. */
function shiftInto(lo: number, hi: number, min: number, max: number): number {
  if (lo < min || hi - lo > max - min) return min - lo
  return hi > max ? max - hi : 0
}

/** The smallest box holding all `boxes`. */
export function unionBox(boxes: readonly Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x))
  const y = Math.min(...boxes.map((b) => b.y))
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y }
}

/**
 * The viewport that shows `boxes`, most important first, inside the area's margins: as many of
 * them as fit from the first, at the zoom the canvas had, panned just enough; when they do not
 * fit at that zoom, zoomed out as far as they need (not below `floor`, except for the first box
 * alone) and centred. Null when they are in view already.
 */
export function viewportShowing(boxes: readonly Box[], viewport: Viewport, area: RevealArea, floor: number): Viewport | null {
  const m = area.margins
  const room = { width: area.width - m.left - m.right, height: area.height - m.top - m.bottom }
  if (boxes.length === 0 || room.width <= 0 || room.height <= 0) return null
  for (let k = boxes.length; k >= 1; k--) {
    const box = unionBox(boxes.slice(0, k))
    const fits = Math.min(room.width / box.width, room.height / box.height)
    if (fits >= viewport.zoom) {
      const { x, y, zoom } = viewport
      const dx = shiftInto(x + box.x * zoom, x + (box.x + box.width) * zoom, m.left, area.width - m.right)
      const dy = shiftInto(y + box.y * zoom, y + (box.y + box.height) * zoom, m.top, area.height - m.bottom)
      return dx === 0 && dy === 0 ? null : { x: x + dx, y: y + dy, zoom }
    }
    if (fits < floor && k > 1) continue
    const zoom = Math.max(MIN_ZOOM, fits)
    return { x: m.left + (room.width - box.width * zoom) / 2 - box.x * zoom, y: m.top + (room.height - box.height * zoom) / 2 - box.y * zoom, zoom }
  }
  return null
}
