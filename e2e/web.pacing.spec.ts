/**
 * A fast run at full speed (issue 13): the page draws within its budget (the heavy pictures a
 * few times a second, not every frame) yet the run reads as live, and whatever the user does
 * shows the run as it is. Every wait is on what the page shows, never on time.
 */
import { expect, test, type Page } from '@playwright/test'
import { openExample, selectNode, setParam } from './helpers/designer'
import { counter, runState, showTrainingPanel } from './helpers/training'

test.describe.configure({ timeout: 240_000 })

/** The iteration of the snapshot that last carried view `id`'s payload (its section's `data-computed-at`). */
async function computedAt(page: Page, id: string): Promise<number> {
  return Number(await page.getByTestId(`live-view-${id}`).getAttribute('data-computed-at'))
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto('/')
  await expect(page.getByTestId('engine-version')).toBeVisible()
  // The shipped 2,000-image Fashion sample trains at full speed (the engine's choice for big data).
  await openExample(page, 'fashion-784-100-10')
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '400')
  await page.getByTestId('param-epochs').press('Enter')
})

test('at full speed the counters, curves and weights stay live; pause and the end show the run as it is', async ({ page }) => {
  await page.getByTestId('train-button').click()
  await showTrainingPanel(page)
  await expect(page.getByTestId('train-speed')).toHaveValue('0')
  await expect(runState(page)).toHaveAttribute('data-state', 'running')
  // Live: the epoch counter and the weights (on the canvas's nodes and the panel) keep coming.
  const epoch = await counter(page, 'epoch')
  await expect.poll(() => counter(page, 'epoch')).toBeGreaterThan(epoch + 2)
  const weightsAt = await computedAt(page, 'weights')
  await expect.poll(() => computedAt(page, 'weights')).toBeGreaterThan(weightsAt)
  await expect(runState(page)).toHaveAttribute('data-state', 'running')
  await page.screenshot({ path: test.info().outputPath('fashion-full-speed-1024.png') })

  // Paused: the weights shown are those of the iteration the counters show, not an older picture.
  await page.getByTestId('train-pause').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  const pausedAt = await counter(page, 'iteration')
  expect(await computedAt(page, 'weights')).toBe(pausedAt)

  // Resumed to the end: the last picture is the end's.
  await page.getByTestId('train-button').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 200_000 })
  expect(await computedAt(page, 'weights')).toBe(await counter(page, 'iteration'))
  expect(await counter(page, 'epoch')).toBe(400)
})
