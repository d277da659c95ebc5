/**
 * A teacher's walk with the class's own data at a projector's 1024 × 768, on one page: a CSV
 * with class labels (iris) loaded while the XOR example trains, the network fitted to it; a sweep
 * of η and the hidden activation on that data, a failed point saying why in its row; the best
 * used and trained; the model exported with its class names; after a reload the sweep, the data
 * and the run history are back and the network trains again. Each check is kept for the wrong
 * state it found (see the comments); every wait is on what the app shows.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'
import { openExample } from './helpers/designer'
import { openExperiments, waitForSweep } from './helpers/experiments'
import { counter, runState, showTrainingPanel } from './helpers/training'

const journey = journeyPage(undefined, { downloads: true })
let page: Page
test.beforeAll(() => {
  page = journey.page
})

const IRIS = readFileSync(join(import.meta.dirname, 'fixtures/data/iris-sklearn.csv'))

test('iris loaded mid-run and fitted; a sweep of η and the hidden activation on it, a failed point saying why in its row', async () => {
  test.setTimeout(180_000)
  await openExample(page, 'xor-2-2-1-sigmoid')
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await expect.poll(() => counter(page, 'iteration')).toBeGreaterThan(0)
  await page.getByTestId('data-open').click()
  await page.getByTestId('data-file-input').setInputFiles({ name: 'iris-sklearn.csv', mimeType: 'text/csv', buffer: IRIS })
  await expect(page.getByTestId('data-task')).toContainText('Classification: 3 classes')
  await page.getByTestId('data-apply').click()
  await page.getByTestId('data-fit-network').click()
  await expect(page.getByTestId('compile-status')).toHaveAttribute('data-ok', 'true')

  await openExperiments(page, 'sweeps')
  await page.getByTestId('sweep-values-0').fill('0.001, 0.01, 0.1')
  await page.getByTestId('sweep-add-axis').click()
  await page.getByTestId('sweep-node-1').selectOption('hidden-act')
  // Found: the suggestion was "linear, step, sign", two of the three untrainable by gradient descent.
  await expect(page.getByTestId('sweep-values-1')).toHaveValue('sigmoid, tanh, relu')
  await page.getByTestId('sweep-values-1').fill('sigmoid, tanh, step')
  await expect(page.getByTestId('sweep-run')).toHaveText('Run 9 runs')
  await page.getByTestId('sweep-run').click()
  await waitForSweep(page, 9)
  const table = page.getByTestId('sweep-table').first()
  await expect(table.locator('tbody tr[data-testid^="sweep-row-"]')).toHaveCount(9)
  // Found: a failed point said only "failed"; why was in a tooltip, which a projector never shows.
  const notes = table.locator('tr[data-testid^="sweep-note-"]')
  await expect(notes).toHaveCount(3)
  await expect(notes.first()).toHaveText('The step activation has zero gradient, so gradient descent cannot train through it.')
  await expect(table.getByTestId('sweep-best')).toHaveCount(1)
  // Found: the curves' legend ran on in one line past the chart's right edge, cut off; the
  // points that failed at once had an entry each, with no curve.
  const chart = page.getByTestId('sweep-chart').first()
  await chart.scrollIntoViewIfNeeded()
  const box = (await chart.boundingBox())!
  const legend = await chart.locator('[data-chart-text="legend"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))
  expect(legend).toHaveLength(6)
  for (const right of legend) expect(right).toBeLessThanOrEqual(box.x + box.width + 0.5)
})

test('the best point used and trained; the model exported with the class names', async () => {
  test.setTimeout(180_000)
  const best = page.getByTestId('sweep-table').first().locator('tr[data-best="true"]')
  const eta = (await best.locator('td').first().innerText()).trim()
  await best.locator('button', { hasText: 'Use' }).click()
  await page.keyboard.press('Escape')
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 120_000 })
  await expect(page.getByTestId('counter-lr')).toHaveText(eta)
  await expect(page.getByTestId('run-info')).toContainText('150 examples')

  const download = page.waitForEvent('download')
  await page.getByTestId('export-model').click()
  const model = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { preprocessing?: { labelNames?: string[] }; data?: { kind: string } }
  expect(JSON.stringify(model)).toContain('"setosa","versicolor","virginica"')
})

test('after a reload the sweep with its notes, the data and the runs are back, and the network trains again', async () => {
  test.setTimeout(180_000)
  await page.reload()
  await expect(page.getByTestId('engine-version')).toBeVisible()
  await expect(page.getByTestId('data-summary')).toContainText('iris-sklearn.csv')
  await openExperiments(page, 'sweeps')
  // Its number is kept with it: the title still matches its runs' "(sweep 1)" in the Runs tab.
  await expect(page.getByTestId('sweep-title')).toHaveText(['Sweep 1 of η × Activation'])
  await expect(page.getByTestId('sweep-table').first().locator('tr[data-testid^="sweep-note-"]')).toHaveCount(3)
  await page.getByTestId('experiments-tab-runs').click()
  // The XOR run cut short by the data, the six points that trained (the failed ones never
  // started) and the run of the best.
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '8')
  await page.keyboard.press('Escape')
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('run-info')).toContainText('150 examples')
  await expect.poll(() => counter(page, 'iteration')).toBeGreaterThan(0)
})
