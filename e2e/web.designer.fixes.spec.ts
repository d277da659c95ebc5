/**
 * Issue 9, bug 8: the small things a class trips over, one test each.
 */
import { expect, test, type Page } from '@playwright/test'
import { openExample, selectNode, viewportSettled } from './helpers/designer'

type Box = { x: number; y: number; width: number; height: number }
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const inside = (a: Box, b: Box) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1

async function epoch(page: Page): Promise<number> {
  return Number(((await page.getByTestId('counter-epoch').textContent()) ?? '0').split('/')[0].replace(/[^\d]/g, ''))
}

async function trainSomeEpochs(page: Page, epochs = 3): Promise<void> {
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('training-panel')).toBeVisible()
  await expect.poll(() => epoch(page)).toBeGreaterThan(epochs)
}

async function nodeBoxes(page: Page): Promise<{ id: string; box: Box }[]> {
  const out: { id: string; box: Box }[] = []
  for (const n of await page.locator('.react-flow__node').all()) out.push({ id: (await n.getAttribute('data-id'))!, box: (await n.boundingBox())! })
  return out
}

test.beforeEach(async ({ page }) => {
  // Opening another example while a run has progress asks first: yes.
  page.on('dialog', (dialog) => void dialog.accept())
  await page.goto('/')
  await expect(page.locator('.react-flow__pane')).toBeVisible()
})

test('the Data… button is still there after folding and unfolding the palette', async ({ page }) => {
  await expect(page.getByTestId('data-open')).toBeVisible()
  await page.getByTestId('palette-toggle').click()
  await expect(page.getByTestId('data-open')).toBeHidden()
  await page.getByTestId('palette-toggle').click()
  await expect(page.getByTestId('data-open')).toBeVisible()
  await page.keyboard.press('[')
  await page.keyboard.press('[')
  await page.getByTestId('data-open').click()
  await expect(page.getByTestId('data-dialog')).toBeVisible()
})

test('hidden activations: inputs apart ("0.05 0.10"), "1 pattern", "1 example"', async ({ page }) => {
  await openExample(page, 'mazur-2-2-2')
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
  await expect(page.getByTestId('inspector')).toContainText('2 inputs → 2 targets · 1 example')
  await expect(page.getByTestId('inspector')).not.toContainText('1 examples')
  await page.getByTestId('train-button').click()
  const codes = page.getByTestId('hidden-codes')
  await expect(codes).toBeVisible()
  await expect(codes.locator('header')).toContainText('1 pattern')
  await expect(codes.locator('header')).not.toContainText('1 patterns')
  await expect(page.getByTestId('code-row-0').locator('td').first()).toHaveText('0.05 0.10')
  await openExample(page, 'xor-2-2-1-sigmoid')
  await trainSomeEpochs(page, 1)
  // Bit patterns still read as codes.
  await expect(page.getByTestId('code-row-1').locator('td').first()).toHaveText('01')
})

test('Escape closes the step-through', async ({ page }) => {
  await openExample(page, 'mazur-2-2-2')
  await page.getByTestId('train-button').click()
  await page.getByTestId('open-step-through').click()
  await expect(page.getByTestId('step-through')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('step-through')).toHaveCount(0)
})

test('a pasted node lands clear of the original, on top', async ({ page }) => {
  await openExample(page, 'xor-2-2-1-sigmoid')
  await selectNode(page, 'hidden')
  await page.keyboard.press('Control+c')
  for (let i = 0; i < 2; i++) await page.keyboard.press('Control+v')
  await expect(page.locator('.react-flow__node')).toHaveCount(9)
  await page.keyboard.press('f')
  await expect(page.locator('.react-flow__node[style*="visibility: hidden"]')).toHaveCount(0)
  await viewportSettled(page)
  // A late refit can still move the nodes: check until the layout has settled.
  await expect(async () => {
    const boxes = await nodeBoxes(page)
    for (const a of boxes) for (const b of boxes) if (a.id < b.id) expect(intersects(a.box, b.box), `${a.id} and ${b.id} overlap`).toBe(false)
    // Each copy is what the pointer finds at its centre (nothing covers it).
    for (const id of ['dense-1', 'dense-2']) {
      const box = boxes.find((b) => b.id === id)!.box
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('data-id'), [box.x + box.width / 2, box.y + box.height / 2])
      expect(hit).toBe(id)
    }
  }).toPass()
})

test('the canvas refits when the training panel widens or the window shrinks', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openExample(page, 'encoder-8-3-8')
  await trainSomeEpochs(page, 2)
  for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 700 }]) {
    await page.setViewportSize(size)
    await expect(async () => {
      await viewportSettled(page)
      const canvas = (await page.getByTestId('canvas').boundingBox())!
      for (const { id, box } of await nodeBoxes(page)) expect(inside(box, canvas), `${id} inside the canvas at ${size.width}`).toBe(true)
    }).toPass()
  }
})

test('dense nodes grown by the live weight view overlap no other node', async ({ page }) => {
  for (const example of ['encoder-8-3-8', 'xor-2-2-1-sigmoid']) {
    await openExample(page, example)
    await trainSomeEpochs(page, 2)
    await expect(page.locator('[data-testid^="node-live-"]').first()).toBeVisible()
    const boxes = await nodeBoxes(page)
    for (const a of boxes) for (const b of boxes) if (a.id < b.id) expect(intersects(a.box, b.box), `${example}: ${a.id} and ${b.id} overlap`).toBe(false)
  }
})

test('the recovery notice leaves the problems bar readable', async ({ page }) => {
  await openExample(page, 'xor-2-2-1-sigmoid')
  await page.getByTestId('palette-dense').click()
  await page.reload()
  await expect(page.getByTestId('notice')).toContainText('recovered')
  const notice = (await page.getByTestId('notice').boundingBox())!
  const summary = (await page.locator('.problems-summary').boundingBox())!
  expect(intersects(notice, summary)).toBe(false)
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('.problems-summary') !== null, [summary.x + summary.width / 2, summary.y + summary.height / 2])
  expect(hit).toBe(true)
})

test('clicking a node shows the Inspector, even while the training panel is up', async ({ page }) => {
  await openExample(page, 'xor-2-2-1-sigmoid')
  await trainSomeEpochs(page, 0)
  await expect(page.getByTestId('tab-training')).toHaveAttribute('aria-selected', 'true')
  await page.locator('.react-flow__node[data-id="output"] .layer-node-kind').click()
  await expect(page.getByTestId('tab-inspector')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-node', 'output')
})

test('? and F1 open the shortcut sheet, Escape closes it', async ({ page }) => {
  for (const key of ['?', 'F1']) {
    await page.keyboard.press(key)
    const sheet = page.getByTestId('shortcut-sheet')
    await expect(sheet).toBeVisible()
    await expect(sheet).toContainText('Presentation mode')
    await expect(sheet).toContainText('Undo')
    await page.keyboard.press('Escape')
    await expect(sheet).toHaveCount(0)
  }
  await page.getByTestId('cmd-shortcuts').click()
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible()
})

/** The canvas's zoom. */
const zoomOf = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a)

/** Mazur's network at 1024 × 768, zoomed in by `clicks` on ＋, nothing selected. */
async function zoomedInMazur(page: Page, clicks: number): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openExample(page, 'mazur-2-2-2')
  await viewportSettled(page)
  for (let i = 0; i < clicks; i++) await page.locator('.react-flow__controls-zoomin').click()
  await viewportSettled(page)
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
}

test('a block added by a palette click is brought into view, at the zoom the canvas had', async ({ page }) => {
  // Zoomed in on the start of the chain: its end (where a clicked block lands) is past the canvas's right edge.
  await zoomedInMazur(page, 3)
  const zoom = () => zoomOf(page)
  const zoomed = await zoom()
  const before = new Set((await nodeBoxes(page)).map((n) => n.id))
  await page.getByTestId('palette-dense').click()
  await expect(page.locator('.react-flow__node')).toHaveCount(before.size + 1)
  const added = (await nodeBoxes(page)).find((n) => !before.has(n.id))!
  await viewportSettled(page)
  const canvas = (await page.locator('.react-flow').boundingBox())!
  const box = (await page.locator(`.react-flow__node[data-id="${added.id}"]`).boundingBox())!
  expect(inside(box, canvas), `${JSON.stringify(box)} in ${JSON.stringify(canvas)}`).toBe(true)
  expect(await zoom()).toBeCloseTo(zoomed, 5)
})

test('blocks added by palette clicks in a row: each comes into view with the block it is wired to, at a readable zoom', async ({ page }) => {
  // Zoomed in to read the nodes: a block and the one before it no longer fit side by side at this zoom.
  await zoomedInMazur(page, 6)
  const canvas = (await page.locator('.react-flow').boundingBox())!
  /** The block is whole in the canvas, and not under the example card or the minimap: its middle is the block. */
  const expectInView = async (id: string, where: string) => {
    const box = (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!
    expect(inside(box, canvas), `${where}: ${id} ${JSON.stringify(box)} in ${JSON.stringify(canvas)}`).toBe(true)
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('data-id'), [box.x + box.width / 2, box.y + box.height / 2])
    expect(hit, `${where}: the middle of ${id}`).toBe(id)
  }
  const added: string[] = []
  // Each lands right of the one before, wired to it: a chain the teacher builds by clicks.
  for (const block of ['dense', 'activation-relu', 'dense']) {
    const before = new Set((await nodeBoxes(page)).map((n) => n.id))
    await page.getByTestId(`palette-${block}`).click()
    await expect(page.locator('.react-flow__node')).toHaveCount(before.size + 1)
    added.push((await nodeBoxes(page)).find((n) => !before.has(n.id))!.id)
    await viewportSettled(page)
    for (const id of added.slice(-2)) await expectInView(id, `after ${added.length} added`)
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.8 - 1e-6)
  }
  await page.screenshot({ path: test.info().outputPath('three-added.png') })
})
