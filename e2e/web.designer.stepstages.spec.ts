/**
 * Issue 9: the step-through goes forward one stage at a time (each unit's net and out, the
 * error, each δ, each update), highlighting the layer on the canvas with the engine's numbers
 * (Mazur's worked example from lecture 001): the badge shows the same numbers as the page.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { openExample, viewportSettled } from './helpers/designer'
import { inside, intersects } from './helpers/layout'

/** A number of the whole-page view (the engine's), as the canvas badge rounds it (6 significant digits). */
async function shown(page: import('@playwright/test').Page, testId: string): Promise<string> {
  return String(Number(Number.parseFloat((await page.getByTestId(testId).textContent()) ?? '').toPrecision(6)))
}

test('Mazur stage by stage: net/out of h1 on the hidden layer, then o1, E, δ of o1; Esc ends it', async ({ page }) => {
  await page.goto('/')
  await openExample(page, 'mazur-2-2-2')
  await page.getByTestId('train-button').click()
  await page.getByTestId('open-step-through').click()
  await expect(page.getByTestId('step-through')).toBeVisible()
  await page.getByTestId('st-by-stage').click()
  const stage = page.getByTestId('st-stage')
  await expect(stage).toContainText('Forward pass · 1 / ')
  await expect(page.getByTestId('node-hidden')).toHaveClass(/is-step-focus/)
  await expect(page.getByTestId('step-focus-hidden')).toHaveText(new RegExp(`^h1: net = [\\d.]+, out = ${await shown(page, 'st-out-h1')}$`))
  await expect(page.getByTestId('st-forward-h1')).toHaveClass(/is-current/)
  // The canvas stays visible: the highlighted layer is not under the dialog.
  const node = (await page.getByTestId('node-hidden').boundingBox())!
  const dialog = (await page.getByTestId('step-through').boundingBox())!
  expect(node.y + node.height).toBeLessThan(dialog.y)
  if (process.env.AXON_SCREENSHOTS === '1') await page.screenshot({ path: 'docs/screenshots/training-step-stages.png' })
  for (let i = 0; i < 2; i++) await page.getByTestId('st-next').click()
  await expect(page.getByTestId('step-focus-output')).toHaveText(new RegExp(`^o1: net = [\\d.]+, out = ${await shown(page, 'st-out-o1')}$`))
  await expect(page.getByTestId('step-focus-hidden')).toHaveCount(0)
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(stage).toHaveAttribute('data-phase', 'loss')
  await expect(page.getByTestId('step-focus-output')).toHaveText(`E = ${await shown(page, 'st-loss')}`)
  await page.keyboard.press('ArrowRight')
  await expect(stage).toHaveAttribute('data-phase', 'backward')
  await expect(page.getByTestId('step-focus-output')).toHaveText(`o1: δ = ${await shown(page, 'st-delta-o1')}`)
  await page.keyboard.press('ArrowLeft')
  await expect(stage).toHaveAttribute('data-phase', 'loss')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('step-through')).toHaveCount(0)
  await expect(page.locator('.is-step-focus')).toHaveCount(0)
})

/**
 * The highlighted layer and its badge lie in the canvas, clear of the docked dialog and the
 * example card, and the layer is what a pointer at its middle would touch.
 */
async function expectFocusInView(page: Page, where: string): Promise<void> {
  await viewportSettled(page)
  const focused = page.locator('.react-flow__node:has(.is-step-focus)')
  const id = await focused.getAttribute('data-id')
  const node = (await focused.boundingBox())!
  const badge = (await page.getByTestId(`step-focus-${id}`).boundingBox())!
  const canvas = (await page.locator('.canvas').boundingBox())!
  const dialog = (await page.getByTestId('step-through').boundingBox())!
  const card = await page.getByTestId('example-card').boundingBox()
  for (const [what, box] of [['layer', node], ['badge', badge]] as const) {
    const seen = `${where}: ${id}'s ${what} ${JSON.stringify(box)}`
    expect(inside(box, canvas), `${seen} in the canvas ${JSON.stringify(canvas)}`).toBe(true)
    expect(intersects(box, dialog), `${seen} clear of the dialog ${JSON.stringify(dialog)}`).toBe(false)
    if (card) expect(intersects(box, card), `${seen} clear of the card ${JSON.stringify(card)}`).toBe(false)
  }
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('data-id'), [node.x + node.width / 2, node.y + node.height / 2])
  expect(hit, `${where}: the middle of ${id} is the layer`).toBe(id)
}

/** Mazur's example trained an update and stepped through stage by stage; returns the stage stepper. */
async function stepMazurByStage(page: Page): Promise<Locator> {
  await page.goto('/')
  await openExample(page, 'mazur-2-2-2')
  await viewportSettled(page)
  await page.getByTestId('train-button').click()
  await page.getByTestId('open-step-through').click()
  await page.getByTestId('st-by-stage').click()
  return page.getByTestId('st-stage')
}

// A projector's 1024 × 768 at 100 %, and a browser zoomed to 125 % and 150 % on it.
for (const [zoom, viewport, deviceScaleFactor] of [
  ['100 %', { width: 1024, height: 768 }, 1],
  ['125 %', { width: 819, height: 614 }, 1.25],
  ['150 %', { width: 683, height: 512 }, 1.5],
] as const) {
  test.describe(`1024 × 768 at ${zoom}`, () => {
    test.use({ viewport, deviceScaleFactor })
    test(`stage by stage: every stage's layer and badge in view beside the docked dialog (${zoom})`, async ({ page }) => {
      const stage = await stepMazurByStage(page)
      const count = Number(/ \/ (\d+)/.exec((await stage.textContent()) ?? '')![1])
      for (let k = 1; k <= count; k++) {
        await expect(stage).toContainText(` · ${k} / ${count}`)
        await expectFocusInView(page, `stage ${k}`)
        if (k === 1) await page.screenshot({ path: test.info().outputPath(`stage-1-${zoom.replace(' %', '')}.png`) })
        if (k < count) await page.getByTestId('st-next').click()
      }
    })
  })
}

test('stage by stage at a projector: the window moved to 1366 × 768 and back, the interface zoomed to 150 % and back; the layer stays in view', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  const stage = await stepMazurByStage(page)
  // The output layer's forward pass: the network's far end.
  for (let k = 1; k < 4; k++) await page.getByTestId('st-next').click()
  await expect(stage).toContainText(' · 4 / ')
  await expectFocusInView(page, '1024 × 768')
  await page.setViewportSize({ width: 1366, height: 768 })
  await expectFocusInView(page, '1366 × 768')
  await page.setViewportSize({ width: 1024, height: 768 })
  await expectFocusInView(page, 'back at 1024 × 768')
  // Interface zoom (Ctrl +, three steps to 150 %): the dialog and the card grow over the canvas.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+=')
  await expectFocusInView(page, 'interface zoom 150 %')
  await page.screenshot({ path: test.info().outputPath('ui-zoom-150.png') })
  await page.keyboard.press('ArrowRight')
  await expect(stage).toContainText(' · 5 / ')
  await expectFocusInView(page, 'interface zoom 150 %, next stage')
  await page.keyboard.press('Control+0')
  await expectFocusInView(page, 'interface zoom 100 %')
})
