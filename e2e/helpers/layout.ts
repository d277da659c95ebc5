/**
 * Layout checks for the e2e: boxes inside boxes, and the app's regions (toolbar, palette, side
 * or presentation panel, status bar) and the canvas's floating controls clear of each other.
 */
import { expect, type Locator, type Page } from '@playwright/test'
import { viewportSettled } from './designer'

export type Box = { x: number; y: number; width: number; height: number }
export const inside = (a: Box, b: Box, slack = 1) => a.x >= b.x - slack && a.y >= b.y - slack && a.x + a.width <= b.x + b.width + slack && a.y + a.height <= b.y + b.height + slack
export const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** The app's regions and what floats over the canvas: each a selector and a name for the message. */
const REGIONS = ['[data-testid="toolbar"]', '[data-testid="palette"]', '[data-testid="side-panel"]', '[data-testid="present-panel"]', '[data-testid="status-bar"]']
const CANVAS_CONTROLS = ['.react-flow__controls', '.react-flow__minimap', '[data-testid="example-card"]', '[data-testid="canvas-tint"]', '.problems-summary', '[data-testid="notice"]']

/**
 * No two of the toolbar, the panels and the canvas's floating controls (zoom buttons, minimap,
 * example card, "Nodes show" toggle, problems bar) overlap, and the controls stay inside the canvas.
 */
export async function expectNothingOverlaps(page: Page): Promise<void> {
  await viewportSettled(page)
  const boxes: { name: string; box: Box }[] = []
  for (const selector of [...REGIONS, ...CANVAS_CONTROLS]) {
    for (const el of await page.locator(selector).all()) {
      const box = (await el.isVisible()) ? await el.boundingBox() : null
      if (box && box.width > 0 && box.height > 0) boxes.push({ name: selector, box })
    }
  }
  const canvas = (await page.getByTestId('canvas').boundingBox())!
  for (const c of boxes.filter((b) => CANVAS_CONTROLS.includes(b.name))) expect(inside(c.box, canvas), `${c.name} inside the canvas`).toBe(true)
  expect(boxes.map((b) => b.name)).toEqual(expect.arrayContaining(['[data-testid="toolbar"]', '.problems-summary']))
  // Touching edges (the grid's shared borders) are not overlaps: shrink each box by a pixel.
  const shrink = (b: Box): Box => ({ x: b.x + 1, y: b.y + 1, width: b.width - 2, height: b.height - 2 })
  for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(intersects(shrink(a.box), shrink(b.box)), `${a.name} clear of ${b.name}`).toBe(false)
}


/** Every control of the time machine (◀, the slider, ▶ and, while an epoch is shown, "Back to live") lies whole inside `panel` and the window. */
export async function expectTimeMachineInside(page: Page, panel: Locator): Promise<void> {
  const box = (await panel.boundingBox())!
  const window = { x: 0, y: 0, ...page.viewportSize()! }
  for (const id of ['time-scrubber-back', 'time-scrubber-range', 'time-scrubber-forward', 'time-scrubber-live']) {
    const own = (await panel.getByTestId(id).boundingBox())!
    expect(inside(own, box) && inside(own, window), `${id} inside the panel and the window`).toBe(true)
  }
}

/** Pairs of a chart's tick labels (`chart` a LineChart's test id) that touch or overlap on screen, as 'a / b'. */
export async function touchingTicks(page: Page, chart: Locator): Promise<string[]> {
  return chart.locator('text.chart-tick').evaluateAll((els) => {
    const boxes = els.map((e) => ({ text: e.textContent ?? '', r: e.getBoundingClientRect() }))
    const touching: string[] = []
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a.r.right + 2 <= b.r.left || b.r.right + 2 <= a.r.left || a.r.bottom <= b.r.top || b.r.bottom <= a.r.top
        if (!apart) touching.push(`${a.text} / ${b.text}`)
      }
    }
    return touching
  })
}
