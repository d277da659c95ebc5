/**
 * A graph of layers on the canvas: the residual example's skip wire is deleted (the Add node
 * says it needs two branches) and drawn again into the Add node's multi-input handle; the
 * network compiles, trains (the loss falls), traces and steps through. Waits only on what the
 * app shows.
 */
import { expect, test } from '@playwright/test'
import { connect, deleteEdge, drawWireOver, openExample, viewportSettled } from './helpers/designer'
import { counter, runState, showTrainingPanel } from './helpers/training'

// The drags here wait for a still canvas and check that each wire started, so a failure is a bug:
// no CI retry for this file (playwright.config.ts keeps one for the rest until full runs show no flake).
test.describe.configure({ retries: 0 })

const lossShown = async (page: import('@playwright/test').Page): Promise<number> => Number(await page.getByTestId('metric-loss').textContent())

test('draw a residual block: the Add node takes a second wire, the network compiles and learns', async ({ page }) => {
  test.setTimeout(300_000)
  await page.goto('/')
  await openExample(page, 'residual-circles')
  await expect(page.locator('.react-flow__node[style*="visibility: hidden"]')).toHaveCount(0)
  await expect(page.getByTestId('compile-status')).toHaveAttribute('data-ok', 'true')
  await expect(page.getByTestId('shape-sum')).toContainText('out 8')

  // Delete the skip connection: the Add node now has one branch and says so.
  await deleteEdge(page, 'e-stem-sum')
  await expect(page.getByTestId('diagnostic-badge-sum')).toHaveAttribute('data-codes', 'merge-inputs')
  await expect(page.getByTestId('diagnostic-badge-sum').locator('.diag-message')).toContainText('only one is connected to it')
  await expect(page.getByTestId('train-button')).toBeDisabled()

  // Draw it again: the merge node's handle is a tall bar and accepts a second wire.
  await expect(page.locator('.react-flow__node[data-id="sum"] .react-flow__handle.target')).toHaveClass(/handle-merge/)
  await viewportSettled(page)
  await connect(page, 'stem', 'sum')
  await expect(page.getByTestId('diagnostic-badge-sum')).toHaveCount(0)
  await expect(page.getByTestId('compile-status')).toHaveAttribute('data-ok', 'true')
  if (process.env.AXON_SHOTS_DIR) await page.screenshot({ path: `${process.env.AXON_SHOTS_DIR}/residual.png` })

  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await expect.poll(() => counter(page, 'epoch'), { timeout: 60_000 }).toBeGreaterThanOrEqual(1)
  const early = await lossShown(page)
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 180_000 })
  expect(await lossShown(page)).toBeLessThan(early / 5)
  // The panel names the run's layers through the branch.
  await expect(page.getByTestId('training-panel')).toContainText('2 → 8 → 8 → 2')
})

test('a second wire into a dense layer is still refused, with the way out', async ({ page }) => {
  await page.goto('/')
  await openExample(page, 'residual-circles')
  await expect(page.locator('.react-flow__node[style*="visibility: hidden"]')).toHaveCount(0)
  await viewportSettled(page)
  const edges = await page.locator('.react-flow__edge').count()
  await drawWireOver(page, 'input', 'output')
  await page.mouse.up()
  await expect(page.getByTestId('connection-refusal-output')).toContainText('only Add and Concatenate join several inputs')
  await expect(page.locator('.react-flow__edge')).toHaveCount(edges)
})
