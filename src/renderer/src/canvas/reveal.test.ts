import { describe, expect, it } from 'vitest'
import { viewportShowing, type Box } from './reveal'

const area = { width: 600, height: 400, margins: { top: 50, bottom: 100, left: 20, right: 20 } }
const node = (x: number): Box => ({ x, y: 0, width: 180, height: 90 })
/** The screen box of `b` under viewport `v`. */
const onScreen = (b: Box, v: { x: number; y: number; zoom: number }) => ({ left: v.x + b.x * v.zoom, right: v.x + (b.x + b.width) * v.zoom, top: v.y + b.y * v.zoom, bottom: v.y + (b.y + b.height) * v.zoom })
const inside = (b: Box, v: { x: number; y: number; zoom: number }) => {
  const s = onScreen(b, v)
  return s.left >= 20 - 1e-9 && s.right <= 580 + 1e-9 && s.top >= 50 - 1e-9 && s.bottom <= 300 + 1e-9
}

describe('viewportShowing', () => {
  it('leaves the view alone when the boxes are in view', () => {
    expect(viewportShowing([node(0), node(240)], { x: 40, y: 60, zoom: 1 }, area, 0.8)).toBeNull()
  })

  it('pans just enough, at the same zoom, when the boxes fit', () => {
    const v = viewportShowing([node(480), node(240)], { x: 40, y: 60, zoom: 1 }, area, 0.8)!
    expect(v).toEqual({ x: 580 - 660, y: 60, zoom: 1 })
    expect(inside(node(480), v) && inside(node(240), v)).toBe(true)
  })

  it('zooms out to keep three boxes in view, not below the floor; then keeps as many as fit from the first', () => {
    const three = [node(1200), node(960), node(720)]
    const v = viewportShowing(three, { x: 0, y: 0, zoom: 1.5 }, area, 0.8)!
    expect(v.zoom).toBeCloseTo(560 / 660)
    for (const b of three) expect(inside(b, v)).toBe(true)
    // A fourth, far to the left, would need a zoom below the floor: the first three are shown.
    const w = viewportShowing([...three, node(0)], { x: 0, y: 0, zoom: 1.5 }, area, 0.8)!
    expect(w).toEqual(v)
  })

  it('zooms out as far as it takes to show the first box alone in a cramped area', () => {
    const low = { ...area, margins: { ...area.margins, bottom: 310 } }
    const v = viewportShowing([node(0)], { x: 0, y: 300, zoom: 1 }, low, 0.8)!
    expect(v.zoom).toBeCloseTo(40 / 90)
    expect(onScreen(node(0), v).top).toBeCloseTo(50)
    expect(onScreen(node(0), v).bottom).toBeCloseTo(90)
  })
})
