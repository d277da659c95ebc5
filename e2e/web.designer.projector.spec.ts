/**
 * Issue 9: in front of a class. The designer at 1024 × 768 and at 1366 × 768 with 150 %
 * scaling (911 × 512 CSS pixels), presentation mode (P), interface zoom (Ctrl + / − / 0).
 * With AXON_SCREENSHOTS=1 it also writes docs/screenshots/projector-*.png.
 */
import { expect, test, type Page } from '@playwright/test'
import { openExample, viewportSettled } from './helpers/designer'
import { expectNothingOverlaps, inside, intersects, touchingTicks } from './helpers/layout'
import { contrastFailures } from './helpers/contrast'
import { presentView, showTrainingPanel, trainToEnd } from './helpers/training'
import { openLesson } from './helpers/lessons'

const SHOTS = process.env.AXON_SCREENSHOTS === '1'

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `docs/screenshots/${name}.png` })
}

async function epoch(page: Page): Promise<number> {
  return Number(((await page.getByTestId('counter-epoch').textContent()) ?? '0').split('/')[0].replace(/[^\d]/g, ''))
}

/** Train and wait for a few epochs of progress. */
async function trainAWhile(page: Page): Promise<void> {
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('training-panel').or(page.getByTestId('present-panel'))).toBeVisible()
  await expect.poll(() => epoch(page)).toBeGreaterThan(5)
}

/** What makes a layout usable: every node whole inside the canvas and readable, none under the card, no control cut off by the window. */
async function expectUsable(page: Page, minZoom: number): Promise<void> {
  await viewportSettled(page)
  const canvas = (await page.getByTestId('canvas').boundingBox())!
  const card = await page.getByTestId('example-card').boundingBox()
  for (const node of await page.locator('.react-flow__node').all()) {
    const box = (await node.boundingBox())!
    expect(inside(box, canvas), `node ${await node.getAttribute('data-id')} inside the canvas`).toBe(true)
    if (card) expect(intersects(box, card), `node ${await node.getAttribute('data-id')} clear of the example card`).toBe(false)
  }
  const zoom = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a)
  expect(zoom).toBeGreaterThanOrEqual(minZoom)
  const viewport = page.viewportSize()!
  // Train always in view (a toolbar wider than the window scrolls, Train stays at the right).
  const train = (await page.getByTestId('train-button').boundingBox())!
  expect(inside(train, { x: 0, y: 0, ...viewport }), 'Train inside the window').toBe(true)
}

test.describe('1024 × 768', () => {
  test.use({ viewport: { width: 1024, height: 768 } })
  test('the XOR network trains beside its panel, whole and readable', async ({ page }) => {
    await page.goto('/')
    await openExample(page, 'xor-2-2-1-sigmoid')
    await expect(() => expectUsable(page, 0.5)).toPass()
    await trainAWhile(page)
    await expect(() => expectUsable(page, 0.45)).toPass()
    await expectNothingOverlaps(page)
    await shot(page, 'projector-1024x768')
  })

  test('with a run under way the toolbar fits without overlap, and the dialogs follow the interface zoom (100 % and 150 %)', async ({ page }) => {
    await page.goto('/')
    await openExample(page, 'xor-2-2-1-sigmoid')
    await trainAWhile(page)
    await page.getByTestId('train-button').click()
    await expect(page.getByTestId('toolbar-run-status')).toHaveText(/^Paused · epoch [\d,]+ · of 3,000$/)
    const headings: number[][] = []
    for (const zoomSteps of [0, 3]) {
      for (let i = 0; i < zoomSteps; i++) await page.keyboard.press('Control+=')
      await expect(() => expectToolbarFits(page)).toPass()
      await expectNothingOverlaps(page)
      if (zoomSteps && SHOTS) {
        // (At 150 % the window is compact: the training views are a drawer over the canvas.)
        await showTrainingPanel(page)
        // The panel from its top (opening the step-through at 100 % scrolled it down to the button).
        await page.getByTestId('training-panel').evaluate((el) => el.closest('.side-tab-body')!.scrollTo(0, 0))
        await shot(page, 'projector-1024x768-zoom-150')
      }
      const sizes: number[] = []
      for (const dialog of DIALOGS) {
        // At 150 % the window is compact: the button's panel is a rail until opened.
        if (dialog.panel && !(await page.getByTestId(dialog.open).isVisible())) await page.getByTestId(dialog.panel).click()
        await page.getByTestId(dialog.open).click()
        const box = page.getByTestId(dialog.id)
        await expect(box).toBeVisible()
        await expect(async () => expect(inside((await box.boundingBox())!, { x: 0, y: 0, ...page.viewportSize()! }), `${dialog.id} inside the window`).toBe(true)).toPass()
        sizes.push((await box.locator('h2').first().boundingBox())!.height)
        if (zoomSteps) await page.screenshot({ path: `test-results/zoom-150-${dialog.id}.png` })
        await page.keyboard.press('Escape')
        await expect(box).toHaveCount(0)
      }
      headings.push(sizes)
    }
    // 150 %: every dialog's text is half as large again.
    DIALOGS.forEach((d, i) => expect(headings[1][i] / headings[0][i], `${d.id} zoomed`).toBeGreaterThan(1.4))
  })

  test('in a lesson at 150 % in the browser (683 × 512 CSS px) with the interface at 110 %, the run’s status reads whole beside Train', async ({ page }) => {
    await page.setViewportSize({ width: 683, height: 512 })
    await page.goto('/')
    await openLesson(page, 'overfitting')
    await page.keyboard.press('Control+=')
    await page.getByTestId('train-button').click()
    const status = page.getByTestId('toolbar-run-status')
    await expect(status).toHaveText(/^Finished · epoch 1$/)
    // Found: squeezed to 'Fini' between the lesson's commands and Train.
    expect(await status.evaluate((el) => el.scrollHeight <= el.clientHeight + 1), 'the status not cut').toBe(true)
    await expect(() => expectToolbarFits(page)).toPass()
  })

  test('XOR trained to its end at 150 % in the browser (683 × 512 CSS px): the charts’ numbers stand apart, in the side panel and presented', async ({ page }) => {
    await page.setViewportSize({ width: 683, height: 512 })
    await page.goto('/')
    await openExample(page, 'xor-2-2-1-sigmoid')
    await trainToEnd(page)
    // Found: the 250 px charts read '25003000' under their 3,000 iterations.
    for (const chart of ['chart-loss', 'chart-accuracy']) expect(await touchingTicks(page, page.getByTestId(chart)), chart).toEqual([])
    await page.keyboard.press('p')
    const panel = page.getByTestId('present-panel')
    for (const chart of ['chart-loss', 'chart-accuracy']) expect(await touchingTicks(page, panel.getByTestId(chart)), `${chart} presented`).toEqual([])
  })
})

test.describe('presenting the 8-3-8 encoder at 1024 × 768', () => {
  test.use({ viewport: { width: 1024, height: 768 } })
  test('while it trains the hidden codes are whole in the window, and the loss chart under them', async ({ page }) => {
    await page.goto('/')
    await openExample(page, 'encoder-8-3-8')
    await page.keyboard.press('p')
    await trainAAWhileInPresentation(page)
    const panel = page.getByTestId('present-panel')
    // Found: the codes came under the loss curves, 10 % in sight (from 738 px of 768), unless the teacher unticked the curves.
    await expect(panel.getByTestId('hidden-codes')).toBeInViewport({ ratio: 1 })
    await expect(panel.getByTestId('chart-loss')).toBeInViewport({ ratio: 1 })
    await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', /running|finished/)
  })
})

/** The dialogs a teacher opens: the examples gallery, the data dialog, the step-through, the Experiments window. */
const DIALOGS: { open: string; id: string; panel?: string }[] = [
  { open: 'cmd-examples', id: 'gallery' },
  { open: 'data-open', id: 'data-dialog', panel: 'palette-toggle' },
  { open: 'open-step-through', id: 'step-through', panel: 'side-panel-toggle' },
  { open: 'cmd-experiments', id: 'experiments' },
]

/** Every toolbar command and the run status whole inside the window, none over another. */
async function expectToolbarFits(page: Page): Promise<void> {
  const items = page.getByTestId('toolbar').locator('button:visible, [data-testid="toolbar-run-status"]')
  const boxes = await Promise.all((await items.all()).map(async (item) => ({ id: (await item.getAttribute('data-testid')) ?? (await item.textContent()), box: (await item.boundingBox())! })))
  expect(boxes.length).toBeGreaterThan(10)
  const window = { x: 0, y: 0, ...page.viewportSize()! }
  for (const a of boxes) {
    expect(inside(a.box, window), `${a.id} inside the window`).toBe(true)
    for (const b of boxes) if (a !== b) expect(intersects(a.box, b.box), `${a.id} clear of ${b.id}`).toBe(false)
  }
}

test.describe('1366 × 768 at 150 %', () => {
  test.use({ viewport: { width: 911, height: 512 }, deviceScaleFactor: 1.5 })
  test('the 8-3-8 encoder in presentation mode', async ({ page }) => {
    await page.goto('/')
    await openExample(page, 'encoder-8-3-8')
    await page.keyboard.press('p')
    await expect(page.getByTestId('present-panel')).toBeVisible()
    await expect(page.getByTestId('palette')).toBeHidden()
    await trainAAWhileInPresentation(page)
    await expect(() => expectUsable(page, 0.3)).toPass()
    await expectNothingOverlaps(page)
    await shot(page, 'projector-1366x768-150')
  })
})

test.describe('1366 × 768 at 150 %, designing', () => {
  test.use({ viewport: { width: 911, height: 512 }, deviceScaleFactor: 1.5 })
  test('with a run, the canvas controls, toolbar and panels do not overlap', async ({ page }) => {
    await page.goto('/')
    await openExample(page, 'xor-2-2-1-sigmoid')
    await trainAWhile(page)
    await expect(page.getByTestId('canvas-tint')).toBeVisible()
    await expectNothingOverlaps(page)
  })
})

async function trainAAWhileInPresentation(page: Page): Promise<void> {
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('present-panel').getByTestId('chart-loss')).toBeVisible()
  await expect.poll(() => epoch(page)).toBeGreaterThan(5)
}

test.describe('presentation mode at 1280 × 800', () => {
  test.use({ viewport: { width: 1280, height: 800 } })
  test('P hides palette and inspector, shows the picked views large, text larger; P again restores', async ({ page }) => {
    await page.goto('/')
    await openExample(page, 'xor-2-2-1-sigmoid')
    const fontBefore = await page.getByTestId('cmd-examples').evaluate((el) => el.getBoundingClientRect().height)
    await page.keyboard.press('p')
    await expect(page.getByTestId('present-panel')).toBeVisible()
    await expect(page.getByTestId('palette')).toBeHidden()
    await expect(page.getByTestId('side-panel')).toHaveCount(0)
    // Larger text: the toolbar's buttons grow with the presentation scale.
    expect(await page.getByTestId('cmd-examples').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(fontBefore * 1.15)
    // Found: the File group's rule stood alone at the window's left edge, before Examples.
    const rules = await page.getByTestId('toolbar').locator('.toolbar-group').evaluateAll((els) => els.map((e) => getComputedStyle(e).borderLeftWidth))
    expect(rules, 'no rules between the few commands presenting keeps').toEqual(['0px', '0px'])
    await trainAAWhileInPresentation(page)
    // The teacher picks the views: the boundary on, the loss curves off.
    await expect(page.getByTestId('present-panel').getByTestId('boundary')).toBeVisible()
    await presentView(page, 'curves', false)
    await expect(page.getByTestId('present-panel').getByTestId('curves')).toHaveCount(0)
    // Large: the decision boundary fills most of the panel's width.
    const panel = (await page.getByTestId('present-panel').boundingBox())!
    const plane = (await page.getByTestId('decision-boundary').boundingBox())!
    expect(plane.width).toBeGreaterThan(panel.width * 0.6)
    await expect(() => expectUsable(page, 0.5)).toPass()
    await shot(page, 'presentation-mode')
    // The choice is remembered; P (or Esc) goes back to the designer as it was.
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('present-panel')).toHaveCount(0)
    await expect(page.getByTestId('palette')).toBeVisible()
    await expect(page.getByTestId('data-open')).toBeVisible()
    await page.getByTestId('cmd-present').click()
    await expect(page.getByTestId('present-view-curves')).not.toBeChecked()
    await page.keyboard.press('p')
    await expect(page.getByTestId('side-panel')).toBeVisible()
  })

  test('interface zoom: Ctrl + enlarges the chrome, the layout holds, Ctrl 0 restores; remembered across reload', async ({ page }) => {
    await page.goto('/')
    await openExample(page, 'xor-2-2-1-sigmoid')
    const button = page.getByTestId('cmd-examples')
    const before = (await button.boundingBox())!.height
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+=')
    await expect.poll(async () => (await button.boundingBox())!.height).toBeGreaterThan(before * 1.4)
    await expect(() => expectUsable(page, 0.4)).toPass()
    await shot(page, 'interface-zoom-150')
    await page.reload()
    await expect.poll(async () => (await button.boundingBox())!.height).toBeGreaterThan(before * 1.4)
    await page.keyboard.press('Control+0')
    await expect.poll(async () => (await button.boundingBox())!.height).toBeCloseTo(before, 0)
    await page.keyboard.press('Control+-')
    await expect.poll(async () => (await button.boundingBox())!.height).toBeLessThan(before)
  })
})

/** The toolbar's commands on screen, and those in its More ▾ menu: together, every command. */
const TOOLBAR_COMMANDS = ['cmd-new', 'cmd-open', 'cmd-save', 'cmd-more', 'cmd-share', 'cmd-examples', 'cmd-experiments', 'cmd-undo', 'cmd-redo', 'cmd-layout', 'cmd-fit', 'cmd-theme', 'cmd-present', 'cmd-shortcuts', 'train-button']
const MORE_COMMANDS = ['cmd-open-model', 'cmd-save-as', 'cmd-export-pytorch', 'cmd-export-onnx', 'cmd-open-link']

/** How many rows the toolbar's buttons lie on (buttons whose middles are within 8 px share one). */
async function toolbarRows(page: Page): Promise<number> {
  const middles = await page
    .getByTestId('toolbar')
    .locator('button:visible')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => r.top + r.height / 2))
  return middles.sort((a, b) => a - b).filter((m, i, all) => i === 0 || m - all[i - 1] > 8).length
}

/** The focused element's test id. */
const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)

for (const screen of [
  { width: 683, height: 512, scale: 1.5, rows: 2 },
  { width: 1024, height: 768, scale: 1, rows: 1 },
  { width: 1400, height: 900, scale: 1, rows: 1 },
]) {
  test.describe(`the toolbar at ${screen.width} × ${screen.height}`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height }, deviceScaleFactor: screen.scale })
    test(`every command on ${screen.rows === 1 ? 'one row' : 'two rows'} or in More ▾, in both themes; More ▾ by keyboard`, async ({ page }) => {
      await page.goto('/')
      await openExample(page, 'xor-2-2-1-sigmoid')
      for (const theme of ['light', 'dark']) {
        if (theme === 'dark') await page.getByTestId('cmd-theme').click()
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
        // Found: at 683 px (1024 × 768 at 150 %) the toolbar took three rows, 101 px of 512; at 1024 px two.
        expect(await toolbarRows(page), `toolbar rows, ${theme}`).toBeLessThanOrEqual(screen.rows)
        for (const id of TOOLBAR_COMMANDS) await expect(page.getByTestId(id), `${id} in the toolbar`).toBeVisible()
        await expect(() => expectToolbarFits(page)).toPass()
        await page.getByTestId('cmd-more').click()
        for (const id of MORE_COMMANDS) await expect(page.getByTestId(id), `${id} in More ▾`).toBeInViewport({ ratio: 1 })
        expect(await contrastFailures(page, '[role="menu"]'), `More ▾ readable, ${theme}`).toEqual([])
        if (screen.width === 683) await page.screenshot({ path: `test-results/toolbar-more-683-${theme}.png` })
        // A click elsewhere closes it.
        await page.getByTestId('status-bar').click()
        await expect(page.getByRole('menu')).toHaveCount(0)
      }
      // The keyboard: ↓ opens at the first command, ↑ wraps to the last, End / Home, Escape closes with the focus back on More.
      await page.getByTestId('cmd-more').focus()
      await page.keyboard.press('ArrowDown')
      expect(await focused(page)).toBe(MORE_COMMANDS[0])
      await page.keyboard.press('ArrowUp')
      expect(await focused(page)).toBe(MORE_COMMANDS.at(-1))
      await page.keyboard.press('Home')
      await page.keyboard.press('ArrowDown')
      expect(await focused(page)).toBe(MORE_COMMANDS[1])
      await page.keyboard.press('Escape')
      await expect(page.getByRole('menu')).toHaveCount(0)
      expect(await focused(page)).toBe('cmd-more')
      // Enter opens it, End and Enter run Open link….
      await page.keyboard.press('Enter')
      await page.keyboard.press('End')
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('open-link-dialog')).toBeVisible()
      await expect(page.getByTestId('open-link-text')).toBeFocused()
      await page.getByTestId('open-link-close').click()
      // Save as keeps its shortcut (Ctrl+Shift+S): the browser build saves a download where it has no save picker.
      await page.evaluate(() => delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker)
      const download = page.waitForEvent('download')
      await page.keyboard.press('Control+Shift+S')
      expect((await download).suggestedFilename()).toMatch(/\.axon\.json$/)
    })
  })
}
