/**
 * Issue 9, bug 7: every text passes WCAG AA contrast in both themes — the designer, the
 * inspector, and the training panel's charts (ticks, axis titles, legends), measured on what
 * the browser renders.
 */
import { expect, test, type Page } from '@playwright/test'
import { openExample, selectNode } from './helpers/designer'
import { contrastFailures } from './helpers/contrast'
import { trainToEnd } from './helpers/training'

/** Trains until the charts have a few epochs to show, then pauses so the page holds still. */
async function trainAndPause(page: Page): Promise<void> {
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('chart-loss')).toBeVisible()
  await expect.poll(async () => Number(((await page.getByTestId('counter-epoch').textContent()) ?? '0').split('/')[0].replace(/[^\d]/g, ''))).toBeGreaterThan(3)
  // A short run may already have finished; else pause it.
  await page.getByTestId('train-pause').click({ timeout: 2_000 }).catch(() => undefined)
  await expect(page.getByTestId('train-state')).not.toHaveAttribute('data-state', 'running')
}

for (const theme of ['light', 'dark'] as const) {
  test(`every text reads (WCAG AA) in the ${theme} theme`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('axon:theme', t), theme)
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    await openExample(page, 'xor-2-2-1-sigmoid')
    await selectNode(page, 'hidden')
    expect(await contrastFailures(page), 'designer and inspector').toEqual([])
    await trainAndPause(page)
    await expect(page.locator('[data-testid="chart-loss"] [data-chart-text="tick"]').first()).toBeVisible()
    expect(await contrastFailures(page), 'training panel with its charts').toEqual([])
  })
}

test('charts redraw in the new colours when the theme changes mid-run', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('axon:theme', 'light'))
  await page.goto('/')
  await openExample(page, 'xor-2-2-1-sigmoid')
  await trainAndPause(page)
  await page.getByTestId('cmd-theme').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await contrastFailures(page, '[data-testid="training-panel"]')).toEqual([])
  // The audit itself catches grey on grey.
  await page.evaluate(() => {
    const bad = document.createElement('span')
    bad.textContent = 'grey on grey'
    bad.style.cssText = 'color:#777;background:#888'
    document.querySelector('[data-testid="training-panel"]')!.prepend(bad)
  })
  expect(await contrastFailures(page, '[data-testid="training-panel"]')).toEqual([expect.objectContaining({ text: 'grey on grey', needed: 4.5 })])
})

test('the 8-3-8 encoder trained: its hidden codes table reads, the numbers on full orange and full blue too', async ({ page }) => {
  await page.goto('/')
  await openExample(page, 'encoder-8-3-8')
  await trainToEnd(page)
  await page.getByTestId('code-row-7').scrollIntoViewIfNeeded()
  // Found: white numbers on the strongest colours, 0.00 on full orange at 2.3:1.
  expect(await contrastFailures(page, '[data-testid="training-panel"]')).toEqual([])
})
