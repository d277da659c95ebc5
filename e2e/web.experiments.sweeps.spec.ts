/**
 * A sweep belongs to the network it was started on. Closing the Experiments window leaves it
 * running; opening another example stops it, and none of its runs lands in the new document.
 */
import { expect, selectors, test, type Page } from '@playwright/test'
import { openExample } from './helpers/designer'
import { waitForSweep } from './helpers/experiments'
import { answerDialogs } from './helpers/training'

/** Opens the Sweeps tab and starts a sweep of the encoder's η (12 values) by its hidden units (`units`). */
async function startLongSweep(page: Page, units: string): Promise<void> {
  await page.getByTestId('cmd-experiments').click()
  await page.getByTestId('experiments-tab-sweeps').click()
  await page.getByTestId('sweep-values-0').fill('0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2')
  await page.getByTestId('sweep-add-axis').click()
  await page.getByTestId('sweep-node-1').selectOption('hidden')
  await page.getByTestId('sweep-param-1').selectOption('units')
  await page.getByTestId('sweep-values-1').fill(units)
  await page.getByTestId('sweep-run').click()
}

test('opening another example mid-sweep stops the sweep and keeps its runs out of the new network', async ({ page }) => {
  answerDialogs(page)
  await page.goto('/')
  await openExample(page, 'encoder-8-3-8')
  // 48 runs: far more than can end while the example is switched.
  await startLongSweep(page, '3, 4, 5, 6')
  const status = page.getByTestId('sweep-status')
  await expect(status).toHaveAttribute('data-total', '48')
  // One run recorded in the encoder's project, the next under way.
  await expect.poll(async () => Number(await status.getAttribute('data-done')), { timeout: 120_000 }).toBeGreaterThanOrEqual(1)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('experiments')).toHaveCount(0)

  await openExample(page, 'xor-2-2-1-sigmoid')
  await page.getByTestId('cmd-experiments').click()
  await page.getByTestId('experiments-tab-sweeps').click()
  // The sweep has stopped (not 40-odd runs later) and the XOR network has no sweep and no changes.
  await expect(page.getByTestId('sweep-run')).toBeVisible()
  await expect(status).toHaveCount(0)
  await expect(page.getByTestId('sweep-table')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0)
})

test('a second setting starts on the seed, not on the first row’s setting; the same setting twice is refused', async ({ page }) => {
  await page.goto('/')
  await openExample(page, 'encoder-8-3-8')
  await page.getByTestId('cmd-experiments').click()
  await page.getByTestId('experiments-tab-sweeps').click()
  await expect(page.getByTestId('sweep-param-0')).toHaveValue('learningRate')
  await page.getByTestId('sweep-add-axis').click()
  await expect(page.getByTestId('sweep-node-1')).toHaveValue('(project)')
  await expect(page.getByTestId('sweep-param-1')).toHaveValue('seed')
  await expect(page.getByTestId('sweep-run')).toHaveText('Run 15 runs')
  // η against η would train each run with the second row's η only: a table of copies.
  await page.getByTestId('sweep-node-1').selectOption('optimizer')
  await page.getByTestId('sweep-param-1').selectOption('learningRate')
  await expect(page.getByTestId('sweep-problem')).toHaveText('Vary two different settings: both rows name the same one.')
  await expect(page.getByTestId('sweep-run')).toBeDisabled()
})

test('following a sweep never waits on a status that vanished between two looks (the Assignment 6 stall)', async ({ browser }) => {
  // A status seen once, then gone, as when the last run ends just after a look at it: the
  // "vanishing" selector finds the element, then removes it once that look has answered.
  await selectors.register('vanishing', () => ({
    query: (root: Element, selector: string) => {
      const el = root.querySelector(selector)
      if (el) setTimeout(() => el.remove())
      return el
    },
    queryAll: (root: Element, selector: string) => {
      const els = Array.from(root.querySelectorAll(selector))
      for (const el of els) setTimeout(() => el.remove())
      return els
    },
  }))
  const page = await browser.newPage()
  await page.setContent('<span data-testid="sweep-status" data-done="4" data-total="5">4 of 5 done · training run 5</span>')
  // Reading "visible?" and then the count would wait for the removed element until the poll gave up at 4 of 5.
  await waitForSweep(page, 5, page.locator('vanishing=[data-testid="sweep-status"]'))
  await page.close()
})

test('raising the threads setting mid-sweep trains two runs side by side from then on', async ({ page }) => {
  answerDialogs(page)
  await page.goto('/')
  await openExample(page, 'encoder-8-3-8')
  const threads = page.getByTestId('engine-threads')
  await expect(threads).toBeEnabled()
  await threads.selectOption('1')
  // 24 runs: far more than can end while the setting is changed.
  await startLongSweep(page, '3, 4')
  const status = page.getByTestId('sweep-status')
  await expect(status).toHaveAttribute('data-parallel', '1')
  await expect(status).toContainText('training run 1 ')
  // The setting is in the status bar, behind the Experiments window: the sweep goes on while it is closed.
  await page.keyboard.press('Escape')
  await threads.selectOption('2')
  await page.getByTestId('cmd-experiments').click()
  await page.getByTestId('experiments-tab-sweeps').click()
  await expect(status).toHaveAttribute('data-parallel', '2')
  await expect(status).toContainText(/training run \d+ \(epoch \d+ \/ \d+\), run \d+ \(epoch/)
  await page.getByTestId('sweep-cancel').click()
  await expect(page.getByTestId('sweep-run')).toBeVisible({ timeout: 60_000 })
})
