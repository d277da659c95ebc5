/**
 * A teacher's walks through what goes wrong, at 1024 × 768 on one page: a run that diverges
 * (η far too high), undone and trained again; a network far too large, said on the canvas
 * before Train rather than by the engine after it. Each check is kept for the wrong state it
 * found (see the comments); every wait is on what the app shows.
 */
import { expect, test, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'
import { openExample, selectNode, setParam } from './helpers/designer'
import { counter, runState, showTrainingPanel } from './helpers/training'

const journey = journeyPage()
const dialogs = journey.dialogs
let page: Page
test.beforeAll(() => {
  page = journey.page
})

test('a diverging run says why in the panel; undone, it trains again without asking to lose the diverged run', async () => {
  await openExample(page, 'residual-circles')
  await selectNode(page, 'optimizer')
  await page.getByTestId('param-optimizer').selectOption('sgd')
  await setParam(page, 'learningRate', '1e4')
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'failed', { timeout: 60_000 })
  await expect(page.getByTestId('training-failure')).toContainText('η = 10000 is probably too high')
  await expect(page.getByTestId('training-failure')).toBeInViewport()

  await page.getByTestId('cmd-undo').click()
  await page.getByTestId('cmd-undo').click()
  await expect(page.locator('.react-flow__node[data-id="optimizer"]')).toContainText('η=0.02')
  const asked = dialogs.length
  await page.getByTestId('train-button').click()
  await expect.poll(() => counter(page, 'epoch'), { timeout: 60_000 }).toBeGreaterThan(5)
  // Found: Train asked "The run so far (epoch 3, iteration 41) will be lost" of a run whose weights were NaN.
  expect(dialogs.slice(asked)).toEqual([])
  await expect(page.getByTestId('training-failure')).toHaveCount(0)
  await page.getByTestId('train-button').click()
  await expect(runState(page)).toHaveAttribute('data-state', /paused|finished/)
})

test('a network too large to train is a problem on its node before Train, not an engine error after it', async () => {
  await openExample(page, 'fashion-784-100-10')
  await selectNode(page, 'hidden')
  await setParam(page, 'units', '100000')
  // Found: the canvas said "✓ Compiles · 79,500,010 parameters" and Train failed in the panel with the engine's limits.
  const status = page.getByTestId('compile-status')
  await expect(status).toHaveAttribute('data-ok', 'false')
  await expect(page.getByTestId('diagnostic-badge-hidden')).toHaveAttribute('data-codes', 'network-too-large')
  await expect(page.getByTestId('train-button')).toBeDisabled()
  await status.locator('summary').click()
  await expect(page.getByTestId('problems-list')).toContainText('This layer has 100,000 units; the engine trains layers of at most 65,536.')
  if (process.env.AXON_SHOTS_DIR) await page.screenshot({ path: `${process.env.AXON_SHOTS_DIR}/too-large.png` })

  // Narrow enough for a layer, too many weights in all (784 × 21,400): the same, on the largest layer.
  await setParam(page, 'units', '21400')
  await expect(page.getByTestId('problems-list')).toContainText('This network has 17,013,010 parameters')
  await expect(page.getByTestId('problems-list')).toContainText('the engine trains at most 16,777,216')
  await setParam(page, 'units', '100')
  await expect(status).toHaveAttribute('data-ok', 'true')
  await expect(page.getByTestId('train-button')).toBeEnabled()
})
