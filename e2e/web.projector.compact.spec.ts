/**
 * A compact window: a 1024 × 768 projector with the browser at 150 % (683 × 512 CSS pixels), or
 * 1024 × 768 with the interface at 150 %. Found: the palette and the side panel beside the canvas
 * left it 246 px wide, the XOR network at 0.21 zoom, which a class cannot read. There the panels
 * are rails and open as drawers over the canvas, by mouse and by keyboard, and fold again on Esc,
 * a click on the canvas or [ and ]; the canvas keeps its size and the network does not move.
 */
import { expect, test, type Page } from '@playwright/test'
import { openExample, viewportSettled } from './helpers/designer'
import { openLesson } from './helpers/lessons'
import { inside } from './helpers/layout'

const canvasBox = async (page: Page) => (await page.getByTestId('canvas').boundingBox())!
const viewZoom = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a)
const viewTransform = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform)

test.describe('1024 × 768 at 150 % in the browser (683 × 512)', () => {
  test.use({ viewport: { width: 683, height: 512 }, deviceScaleFactor: 1.5 })

  test('the canvas has the width and the network reads; the panels open over it and fold again, by mouse and keyboard', async ({ page }) => {
    await page.goto('/')
    await openExample(page, 'xor-2-2-1-sigmoid')
    await viewportSettled(page)
    const canvas = await canvasBox(page)
    // Found: 246 px, the network at 0.21.
    expect(canvas.width).toBeGreaterThan(550)
    expect(await viewZoom(page)).toBeGreaterThan(0.4)
    const transform = await viewTransform(page)

    // The palette by its rail: over the canvas, which keeps its size; a block added by a click; Esc folds it.
    await page.getByTestId('palette-toggle').click()
    await expect(page.getByTestId('palette-dense')).toBeInViewport({ ratio: 1 })
    expect(inside((await page.getByTestId('palette').boundingBox())!, { x: 0, y: canvas.y, width: 683, height: canvas.height })).toBe(true)
    expect(await canvasBox(page)).toEqual(canvas)
    await page.getByTestId('data-open').click()
    await expect(page.getByTestId('data-dialog')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('data-dialog')).toHaveCount(0)
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('palette-dense')).toBeHidden()

    // The side panel by its rail; a click on the empty canvas folds it; the network never moved.
    await page.getByTestId('side-panel-toggle').click()
    await expect(page.getByTestId('tab-inspector')).toBeInViewport({ ratio: 1 })
    expect(await canvasBox(page)).toEqual(canvas)
    // (Its top left corner, beside the card: at mid-height XOR's wire from the first row to the second runs there.)
    const empty = { x: canvas.x + 20, y: canvas.y + 20 }
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.classList.contains('react-flow__pane'), empty), 'the empty canvas there').toBe(true)
    await page.mouse.click(empty.x, empty.y)
    await expect(page.getByTestId('tab-inspector')).toBeHidden()
    await viewportSettled(page)
    expect(await viewTransform(page)).toBe(transform)

    // A node clicked shows its settings; ] folds them, ] brings them back, [ swaps in the palette.
    await page.locator('.react-flow__node[data-id="hidden"] .layer-node-kind').click()
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-node', 'hidden')
    await page.getByTestId('canvas').focus()
    await page.keyboard.press(']')
    await expect(page.getByTestId('inspector')).toBeHidden()
    await page.keyboard.press(']')
    await expect(page.getByTestId('inspector')).toBeVisible()
    await page.keyboard.press('[')
    await expect(page.getByTestId('palette-dense')).toBeVisible()
    await expect(page.getByTestId('inspector')).toBeHidden()
    await page.keyboard.press('[')

    // The rails are buttons the keyboard reaches.
    await page.getByTestId('side-panel-toggle').focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('tab-training')).toBeVisible()
    await page.keyboard.press('Escape')

    // Train shows the training views (over the canvas), as it shows a folded panel in a wide window.
    await page.getByTestId('train-button').click()
    await expect(page.getByTestId('chart-loss')).toBeInViewport()
    expect(await canvasBox(page)).toEqual(canvas)
    if (process.env.AXON_SHOTS_DIR) await page.screenshot({ path: `${process.env.AXON_SHOTS_DIR}/compact-training.png` })

    // A wide window again: the panels are columns beside the canvas, as they were left there.
    await page.setViewportSize({ width: 1400, height: 900 })
    await expect(page.getByTestId('palette-dense')).toBeVisible()
    await expect(page.getByTestId('tab-inspector')).toBeVisible()
    const wide = await canvasBox(page)
    expect(inside((await page.getByTestId('palette').boundingBox())!, { x: 0, y: 0, width: wide.x + 1, height: 900 })).toBe(true)
  })

  test('a lesson keeps its column beside a canvas of 400 px or more; the inspector is a drawer', async ({ page }) => {
    await page.goto('/')
    await openLesson(page, 'backprop-by-hand')
    await viewportSettled(page)
    expect((await page.locator('.lesson-column').boundingBox())!.width).toBeGreaterThan(190)
    // Found: 230 px beside the lesson and the side panel.
    expect((await canvasBox(page)).width).toBeGreaterThan(400)
    await expect(page.getByTestId('lesson-next')).toBeInViewport({ ratio: 1 })
    await page.locator('.react-flow__node[data-id="hidden"] .layer-node-kind').click()
    await expect(page.getByTestId('inspector')).toHaveAttribute('data-node', 'hidden')
    await expect(page.getByTestId('lesson-next')).toBeInViewport({ ratio: 1 })
  })
})

test.describe('1024 × 768', () => {
  test.use({ viewport: { width: 1024, height: 768 } })
  test('at 100 % the panels stand beside the canvas; with the interface at 150 % they fold to rails and the canvas keeps its width', async ({ page }) => {
    await page.goto('/')
    await openExample(page, 'xor-2-2-1-sigmoid')
    await expect(page.getByTestId('palette-dense')).toBeVisible()
    await expect(page.getByTestId('tab-inspector')).toBeVisible()
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+=')
    await expect(page.locator('.app')).toHaveCSS('--ui-zoom', '1.5')
    await expect(page.getByTestId('palette-dense')).toBeHidden()
    await expect(page.getByTestId('tab-inspector')).toBeHidden()
    // Found: 369 px.
    expect((await canvasBox(page)).width).toBeGreaterThan(850)
  })
})

/**
 * The example card and the zoom buttons. Found: at 683 × 512 with the interface at 150 %, the
 * canvas 258 px high, the card (folded or not) came down over the zoom buttons' column, and a
 * teacher pressing + hit the card. Each size and zoom: the card open, each button is what a click
 * at its middle reaches, and + zooms.
 */
const CARD_SCREENS = [
  { name: '683 × 512', viewport: { width: 683, height: 512 }, deviceScaleFactor: 1.5, presses: [0, 3, 5] },
  { name: '1024 × 768', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, presses: [0, 3, 5] },
]
for (const screen of CARD_SCREENS) {
  test.describe(`the example card at ${screen.name}`, () => {
    test.use({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor })
    test('keeps clear of the zoom buttons at every interface zoom, the card open or folded', async ({ page }) => {
      await page.goto('/')
      await openExample(page, 'xor-2-2-1-sigmoid')
      let pressed = 0
      for (const presses of screen.presses) {
        for (; pressed < presses; pressed++) await page.keyboard.press('Control+=')
        for (const folded of ['true', 'false']) {
          const fold = page.getByTestId('example-card-fold')
          if ((await fold.getAttribute('aria-expanded')) === folded) await fold.click()
          await viewportSettled(page)
          const buttons = page.locator('.react-flow__controls button')
          for (const button of await buttons.all()) {
            const box = (await button.boundingBox())!
            const reached = await page.evaluate(({ x, y }) => {
              const at = document.elementFromPoint(x, y)
              if (at?.closest('[data-testid="example-card"]')) return 'the card'
              if (at?.closest('.react-flow__controls button')) return 'the button'
              // (A disabled button, − at the least zoom, lets the click through to the canvas.)
              return at?.closest('[data-testid="canvas"]') ? 'the canvas' : 'outside the canvas'
            }, { x: box.x + box.width / 2, y: box.y + box.height / 2 })
            const expected = (await button.isEnabled()) ? 'the button' : 'the canvas'
            expect(reached, `${await button.getAttribute('title')} at ${presses} presses, the card ${folded === 'true' ? 'folded' : 'open'}`).toBe(expected)
          }
        }
      }
      const before = await viewZoom(page)
      await page.locator('.react-flow__controls-zoomin').click()
      await expect.poll(() => viewZoom(page)).toBeGreaterThan(before)
    })
  })
}

/** How many rows the toolbar's commands lie on (middles within 8 px share one). */
const toolbarRows = (page: Page) =>
  page.getByTestId('toolbar').locator('button:visible').evaluateAll((els) => {
    const middles = els.filter((e) => !e.closest('[role="menu"]')).map((e) => e.getBoundingClientRect()).map((r) => r.top + r.height / 2).sort((a, b) => a - b)
    return middles.filter((m, i) => i === 0 || m - middles[i - 1] > 8).length
  })

/** Every toolbar command (More ▾'s aside): on the toolbar, or in its ⋯ menu. */
const COMMANDS = ['cmd-new', 'cmd-open', 'cmd-save', 'cmd-share', 'cmd-examples', 'cmd-experiments', 'cmd-undo', 'cmd-redo', 'cmd-layout', 'cmd-fit', 'cmd-theme', 'cmd-shortcuts']

test.describe('the toolbar at 683 × 512 with the interface at 150 % to 200 %', () => {
  test.use({ viewport: { width: 683, height: 512 }, deviceScaleFactor: 1.5 })
  test('keeps one row: Present and Train on it, every other command on it or in ⋯, which runs them by mouse and keyboard', async ({ page }) => {
    await page.goto('/')
    await openExample(page, 'xor-2-2-1-sigmoid')
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+=')
    for (const zoom of ['1.5', '1.75', '2']) {
      if (zoom !== '1.5') await page.keyboard.press('Control+=')
      await expect(page.locator('.app')).toHaveCSS('--ui-zoom', zoom)
      // Found: three rows at 150 % (210 px of 512), four at 200 % (284 px, the canvas 168 px).
      await expect.poll(() => toolbarRows(page), `rows at ${zoom}`).toBe(1)
      expect((await page.getByTestId('toolbar').boundingBox())!.height, `the toolbar's height at ${zoom}`).toBeLessThan(100)
      expect((await canvasBox(page)).height, `the canvas's height at ${zoom}`).toBeGreaterThan(300)
      for (const id of ['cmd-present', 'train-button', 'cmd-overflow']) await expect(page.getByTestId(id), `${id} at ${zoom}`).toBeInViewport({ ratio: 1 })
      await page.getByTestId('cmd-overflow').click()
      for (const id of COMMANDS) {
        const reachable = (await page.getByTestId(id).isVisible()) || (await page.getByTestId(`overflow-${id}`).isVisible())
        expect(reachable, `${id} on the toolbar or in ⋯ at ${zoom}`).toBe(true)
      }
      await expect(page.getByRole('menu')).toBeInViewport({ ratio: 1 })
      if (process.env.AXON_SHOTS_DIR) await page.screenshot({ path: `${process.env.AXON_SHOTS_DIR}/toolbar-overflow-${zoom}.png` })
      await page.keyboard.press('Escape')
      await expect(page.getByRole('menu')).toHaveCount(0)
    }
    // At 200 %, ⋯ by keyboard: Examples first, Experiments last; Examples opens the gallery; by mouse: ☾ switches the theme; More ▾'s own are there.
    await page.getByTestId('cmd-overflow').focus()
    await page.keyboard.press('ArrowUp')
    await expect(page.getByTestId('overflow-cmd-experiments')).toBeFocused()
    await page.keyboard.press('Home')
    await expect(page.getByTestId('overflow-cmd-examples')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('gallery')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('gallery')).toHaveCount(0)
    await page.getByTestId('cmd-overflow').click()
    await expect(page.getByTestId('overflow-cmd-save-as')).toBeVisible()
    await page.getByTestId('overflow-cmd-theme').click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    // Back at 100 %: two rows as before, every command on them, no ⋯.
    await page.keyboard.press('Control+0')
    await expect.poll(() => toolbarRows(page)).toBe(2)
    for (const id of COMMANDS) await expect(page.getByTestId(id), `${id} at 100 %`).toBeVisible()
    await expect(page.getByTestId('cmd-overflow')).toBeHidden()
  })
})
