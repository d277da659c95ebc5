/**
 * Issue 9: the step-through goes forward one stage at a time (each unit's net and out, the
 * error, each δ, each update), highlighting the layer on the canvas with the engine's numbers
 * (Mazur's worked example from lecture 001): the badge shows the same numbers as the page.
 */
import { expect, test } from '@playwright/test'
import { openExample } from './helpers/designer'

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
