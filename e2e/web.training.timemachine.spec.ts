/**
 * The training time machine: after a run, the scrubber replays any recorded epoch in the views
 * and on the canvas, and what it shows at epoch k is what a run of the same seed stopped at
 * epoch k shows (the weights and the decision boundary, pixel for pixel).
 */
import { expect, test, type Page } from '@playwright/test'
import { openExample, selectNode, setParam } from './helpers/designer'
import { answerDialogs, counter, setSpeed, showTrainingPanel, viewsPainted } from './helpers/training'

/** Sets the epochs and the speed (updates per frame, 0 = full), then presses Train. */
async function startTraining(page: Page, epochs: number, speed: number): Promise<void> {
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', String(epochs))
  await showTrainingPanel(page)
  await setSpeed(page, speed)
  await page.getByTestId('train-button').click()
}

async function trainToEnd(page: Page, epochs: number): Promise<void> {
  await startTraining(page, epochs, 0)
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'finished', { timeout: 120_000 })
}

/** One look at the views and the canvas, once every canvas shows its newest picture. */
async function look(page: Page) {
  await viewsPainted(page)
  return {
    weights: await page.getByTestId('weights').screenshot(),
    boundary: await page.getByTestId('boundary').locator('canvas').first().screenshot(),
    node: await page.getByTestId('node-heatmap-hidden').getAttribute('title'),
  }
}

/**
 * What the views and the canvas show of the network: pictures of the weights and the boundary,
 * and the hidden node's tint. A screenshot scrolls the panel, which can bring a view into sight
 * (computed and painted then): looks until two agree.
 */
async function shown(page: Page) {
  for (let last = await look(page); ; ) {
    const again = await look(page)
    if (again.node === last.node && again.weights.equals(last.weights) && again.boundary.equals(last.boundary)) return again
    last = again
  }
}

test('scrubbing back shows the network of epoch k exactly as a run stopped at epoch k', async ({ page }) => {
  answerDialogs(page)
  await page.goto('/')
  await openExample(page, 'xor-2-2-1-sigmoid')
  await trainToEnd(page, 300)
  const scrubber = page.getByTestId('time-scrubber')
  await expect(scrubber).toHaveAttribute('data-epoch', 'now')
  const end = await shown(page)
  // 300 epochs in at most 100 copies: every 4th epoch, evenly spread, the start included.
  const recorded = ((await scrubber.getAttribute('data-recorded')) ?? '').split(' ').map(Number)
  expect(recorded[0]).toBe(0)
  expect(recorded).toContain(100)
  expect(recorded.length).toBeLessThanOrEqual(100)

  await page.getByTestId('time-scrubber-range').fill(String(recorded.indexOf(100)))
  await expect(scrubber).toHaveAttribute('data-epoch', '100')
  await expect(page.getByTestId('time-scrubber-label')).toContainText('Showing epoch 100')
  await expect.poll(async () => (await shown(page)).node).not.toBe(end.node)
  const replayed = await shown(page)
  await scrubber.scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('time-scrubber.png') })

  // Back to now: the present again.
  await page.getByTestId('time-scrubber-range').fill(String(recorded.length))
  await expect(scrubber).toHaveAttribute('data-epoch', 'now')
  await expect.poll(async () => (await shown(page)).node).toBe(end.node)

  // A run of the same seed stopped at epoch 100 shows the very same network.
  await trainToEnd(page, 100)
  const rerun = await shown(page)
  expect(rerun.node).toBe(replayed.node)
  expect(rerun.weights.equals(replayed.weights)).toBe(true)
  expect(rerun.boundary.equals(replayed.boundary)).toBe(true)
})

test('scrubbing while the run trains: the recorded epoch stays on screen as training goes on, “Back to live” shows the present', async ({ page }) => {
  answerDialogs(page)
  await page.goto('/')
  await openExample(page, 'xor-2-2-1-sigmoid')
  await startTraining(page, 100_000, 20)
  const scrubber = page.getByTestId('time-scrubber')
  const recorded = async () => ((await scrubber.getAttribute('data-recorded')) ?? '').split(' ').filter(Boolean).length
  // The list of recorded epochs grows while it trains.
  await expect.poll(recorded, { timeout: 60_000 }).toBeGreaterThanOrEqual(3)
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'running')
  const node = page.getByTestId('node-heatmap-hidden')

  await page.getByTestId('time-scrubber-range').fill('0')
  await expect(scrubber).toHaveAttribute('data-epoch', '0')
  await expect(page.getByTestId('time-scrubber-label')).toContainText('Showing epoch 0 (0 updates) as it was, while training goes on')
  const initial = await node.getAttribute('title')
  // Training goes on (the counters move) and the canvas keeps showing epoch 0.
  const iteration = await counter(page, 'iteration')
  await expect.poll(() => counter(page, 'iteration'), { timeout: 60_000 }).toBeGreaterThan(iteration + 200)
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'running')
  await expect(scrubber).toHaveAttribute('data-epoch', '0')
  expect(await node.getAttribute('title')).toBe(initial)
  await page.getByTestId('training-panel').screenshot({ path: test.info().outputPath('time-scrubber-running.png') })

  // Back to live: the present again, and it follows the run.
  await page.getByTestId('time-scrubber-live').click()
  await expect(scrubber).toHaveAttribute('data-epoch', 'now')
  await expect(page.getByTestId('time-scrubber-live')).toHaveCount(0)
  await expect.poll(() => node.getAttribute('title')).not.toBe(initial)
  await page.getByTestId('train-pause').click()
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'paused')
})
