/**
 * Live views are computed by the engine only while they are on screen (issues 12 and 13): a
 * view that appears mid-run is drawn and follows the run; one that appears while the run is
 * paused is drawn at once with the network as it is now, not as it was when it was last shown;
 * a view scrolled out of sight is no longer computed, and is again once scrolled back.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { openExample } from './helpers/designer'
import { counter, setSpeed, waitForIterations } from './helpers/training'

test.describe.configure({ timeout: 240_000 })

/** Resolves once `view`'s pixels differ from `before` (the engine sent a new payload and it was drawn). */
async function expectRedrawn(view: Locator, before: Buffer): Promise<void> {
  await expect.poll(async () => (await view.screenshot()).equals(before), { timeout: 60_000 }).toBe(false)
}

async function stepEpochs(page: Page, n: number): Promise<void> {
  const start = await counter(page, 'epoch')
  for (let i = 1; i <= n; i++) {
    await page.getByTestId('train-step-epoch').click()
    await expect.poll(() => counter(page, 'epoch')).toBe(start + i)
  }
}

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await expect(page.getByTestId('engine-version')).toBeVisible()
  await openExample(page, 'xor-2-2-1-sigmoid')
})

test('the boundary shown again mid-run is drawn and follows the run; the canvas weights go on meanwhile', async ({ page }) => {
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'running')
  await setSpeed(page, 1)
  await waitForIterations(page, 5)
  // The inspector tab hides the training views: the dense nodes' live weights still change.
  await page.getByTestId('tab-inspector').click()
  await expect(page.getByTestId('decision-boundary')).toBeHidden()
  const glyph = page.getByTestId('node-heatmap-hidden')
  await expectRedrawn(glyph, await glyph.screenshot())
  // Back on the training tab mid-run: the boundary is drawn and keeps changing with the run.
  await page.getByTestId('tab-training').click()
  const boundary = page.getByTestId('decision-boundary')
  await expect(boundary).toBeVisible()
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'running')
  await expectRedrawn(boundary, await boundary.screenshot())
})

/** The iteration of the snapshot that last carried view `id`'s payload (its section's `data-computed-at`). */
async function computedAt(page: Page, id: string): Promise<number> {
  return Number(await page.getByTestId(`live-view-${id}`).getAttribute('data-computed-at'))
}

test('a view scrolled out of sight mid-run stops being computed, and resumes when scrolled back', async ({ page }) => {
  // A short window, so the training panel scrolls.
  await page.setViewportSize({ width: 1400, height: 560 })
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'running')
  await setSpeed(page, 1)
  const boundary = page.getByTestId('live-view-boundary')
  await boundary.scrollIntoViewIfNeeded()
  const seenAt = await counter(page, 'iteration')
  await expect.poll(() => computedAt(page, 'boundary')).toBeGreaterThan(seenAt)

  // Scrolled to the panel's end: the boundary is above, out of sight. Once the engine has heard
  // (a snapshot without it), it stays as it was while training goes on; the weights, still shown
  // on the canvas's dense nodes, keep coming.
  await page.getByTestId('live-view-confusion').evaluate((el) => el.closest('.side-tab-body')!.scrollTo(0, 1e6))
  await expect(boundary).not.toBeInViewport()
  await expect.poll(async () => (await counter(page, 'iteration')) > (await computedAt(page, 'boundary'))).toBe(true)
  const stoppedAt = await computedAt(page, 'boundary')
  const weightsAt = await computedAt(page, 'weights')
  await waitForIterations(page, stoppedAt + 40)
  await expect.poll(() => computedAt(page, 'weights')).toBeGreaterThan(weightsAt)
  expect(await computedAt(page, 'boundary')).toBe(stoppedAt)
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'running')
  await page.screenshot({ path: test.info().outputPath('boundary-scrolled-out.png') })

  // Scrolled back into sight: computed again, and drawn as the network is now.
  const drawn = await page.getByTestId('decision-boundary').screenshot()
  await boundary.scrollIntoViewIfNeeded()
  await expect.poll(() => computedAt(page, 'boundary')).toBeGreaterThan(stoppedAt + 40)
  await expectRedrawn(page.getByTestId('decision-boundary'), drawn)
})

test('presentation mode: a view ticked while paused is drawn at once, as the network is now', async ({ page }) => {
  await page.keyboard.press('p')
  const panel = page.getByTestId('present-panel')
  await expect(panel).toBeVisible()
  await expect(page.getByTestId('present-view-boundary')).toBeChecked()
  await page.getByTestId('train-button').click()
  await panel.getByTestId('train-pause').click()
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'paused')
  await stepEpochs(page, 1)
  const boundary = panel.getByTestId('decision-boundary')
  await expect(boundary).toBeVisible()
  const before = await boundary.screenshot()
  await page.getByTestId('present-view-boundary').uncheck()
  await expect(panel.getByTestId('boundary')).toHaveCount(0)
  await stepEpochs(page, 30)
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'paused')
  // Ticked again while paused: the engine computes it now, no training needed.
  await page.getByTestId('present-view-boundary').check()
  await expect(boundary).toBeVisible()
  await expectRedrawn(boundary, before)
  // The hidden codes likewise: unticked, stepped, ticked again while paused: they show the current outputs.
  await page.getByTestId('present-view-codes').uncheck()
  await stepEpochs(page, 1)
  await page.getByTestId('present-view-codes').check()
  await expect(panel.getByTestId('hidden-codes')).toBeVisible()
})

/** Makes the page look as a background tab does to it: hidden, and no animation frames at all. */
async function hidePage(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hide) => {
    const w = window as unknown as { realRaf?: typeof requestAnimationFrame }
    w.realRaf ??= window.requestAnimationFrame.bind(window)
    window.requestAnimationFrame = hide ? () => 0 : w.realRaf
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hide ? 'hidden' : 'visible') })
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hide })
    document.dispatchEvent(new Event('visibilitychange'))
  }, hidden)
}

test('a hidden page (background tab, minimised window) keeps training, and shows the run when back', async ({ page }) => {
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'running')
  await setSpeed(page, 1)
  await waitForIterations(page, 5)
  // Hidden with a snapshot possibly waiting for a frame that will not come: the run goes on.
  await hidePage(page, true)
  const hiddenAt = await counter(page, 'iteration')
  await waitForIterations(page, hiddenAt + 100)
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'running')
  // Shown again: frames pace the run once more, and the views follow it.
  await hidePage(page, false)
  const boundary = page.getByTestId('decision-boundary')
  await expect(boundary).toBeVisible()
  const shownAt = await counter(page, 'iteration')
  await expect.poll(() => computedAt(page, 'boundary')).toBeGreaterThan(shownAt)
})

