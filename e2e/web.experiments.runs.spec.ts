/**
 * The run history: every ▶ Train run is kept in the project (through a reload), the Runs tab
 * says what changed between runs, compares two side by side, and restores a run's network
 * with its trained weights (undo takes it back); a sweep's runs join it, named by their point.
 */
import { expect, test, type Page } from '@playwright/test'
import { openExample, selectNode, setParam } from './helpers/designer'
import { chartCurveColors, openExperiments, waitForSweep } from './helpers/experiments'
import { answerDialogs, showTrainingPanel, trainToEnd } from './helpers/training'

/** Opens XOR with its epochs set. */
async function openXor(page: Page, epochs: string): Promise<void> {
  answerDialogs(page)
  await page.goto('/')
  await openExample(page, 'xor-2-2-1-sigmoid')
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', epochs)
}

/** Opens XOR, sets its epochs and trains it to the end: Run 1. */
async function firstXorRun(page: Page, epochs: string): Promise<void> {
  await openXor(page, epochs)
  await trainToEnd(page)
}

test('two runs are kept, compared side by side, and the first one’s network is restored with its weights', async ({ page }) => {
  await firstXorRun(page, '300')
  await selectNode(page, 'optimizer')
  await setParam(page, 'learningRate', '0.5')
  await trainToEnd(page)

  await openExperiments(page, 'runs')
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '2')
  await expect(page.getByTestId('run-changes-Run 1')).toHaveText('first run')
  await expect(page.getByTestId('run-changes-Run 2')).toHaveText('Learning rate η 2 → 0.5')
  await expect(page.getByTestId('run-row-Run 2')).toContainText('300')

  await page.getByTestId('run-select-Run 1').check()
  await expect(page.getByTestId('run-comparison')).toHaveCount(0)
  await page.getByTestId('run-select-Run 2').check()
  const settings = page.getByTestId('run-compare-settings')
  await expect(settings.locator('tr[data-setting="optimizer.learningRate"] td')).toHaveText(['2', '0.5'])
  // η = 2 learns XOR in 300 epochs far better than η = 0.5: its final loss is the lower one, starred.
  const loss = page.getByTestId('run-compare-metrics').locator('tr[data-metric="final train loss"] td')
  await expect(loss.nth(0)).toHaveAttribute('data-best', 'true')
  await expect(page.getByTestId('run-compare-loss')).toBeVisible()
  await page.getByTestId('experiments').screenshot({ path: test.info().outputPath('runs-tab.png') })

  await page.getByTestId('run-restore-Run 1').click()
  await page.keyboard.press('Escape')
  await selectNode(page, 'optimizer')
  await expect(page.getByTestId('param-learningRate')).toHaveValue('2')
  await selectNode(page, 'hidden')
  await expect(page.getByTestId('weights-editor').locator('h3')).toHaveText('Weights (hand-set)')
  // The restored network is ready in the panel, paused before its first update.
  await showTrainingPanel(page)
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'paused')

  await page.keyboard.press('Control+z')
  await selectNode(page, 'hidden')
  await expect(page.getByTestId('weights-editor').locator('h3')).toHaveText('Weights (from the initialiser)')

  // Kept with the project: a reload recovers both runs.
  await page.reload()
  await openExperiments(page, 'runs')
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '2')

  // A sweep's runs join the history, named by their point and sweep, compared and restored like the others.
  await page.getByTestId('experiments-tab-sweeps').click()
  await page.getByTestId('sweep-values-0').fill('1, 3')
  await page.getByTestId('sweep-run').click()
  await waitForSweep(page, 2)
  await page.getByTestId('experiments-tab-runs').click()
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '4')
  // The two may end in either order (they train at once where there are two cores).
  await expect(page.getByTestId('run-changes-η = 3 (sweep 1)')).toHaveText(/^Learning rate η (0\.5|1) → 3$/)
  await expect(page.getByTestId('run-changes-η = 1 (sweep 1)')).toHaveText(/^Learning rate η (0\.5|3) → 1$/)
  await expect(page.getByTestId('run-row-η = 3 (sweep 1)')).toContainText('300')
  await page.getByTestId('run-select-Run 2').check()
  await page.getByTestId('run-select-η = 3 (sweep 1)').check()
  await expect(settings.locator('tr[data-setting="optimizer.learningRate"] td')).toHaveText(['0.5', '3'])
  await page.getByTestId('run-restore-η = 1 (sweep 1)').click()
  await page.keyboard.press('Escape')
  await selectNode(page, 'optimizer')
  await expect(page.getByTestId('param-learningRate')).toHaveValue('1')
  await selectNode(page, 'hidden')
  await expect(page.getByTestId('weights-editor').locator('h3')).toHaveText('Weights (hand-set)')
})

test('a sweep’s run has one colour in the Sweeps chart and in the Runs comparison, through a reload and another run’s deletion', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  // A run before the sweep: the sweep's runs are the history's second and third.
  await firstXorRun(page, '100')
  await openExperiments(page, 'sweeps')
  await page.getByTestId('sweep-values-0').fill('1, 3')
  await page.getByTestId('sweep-run').click()
  await waitForSweep(page, 2)
  const sweepChart = page.getByTestId('sweep-chart')
  await expect(sweepChart.locator('text[data-chart-text="legend"]')).toHaveText(['η = 1', 'η = 3'])
  const inSweep = await chartCurveColors(sweepChart)

  await page.getByTestId('experiments-tab-runs').click()
  for (const run of ['Run 1', 'η = 1 (sweep 1)', 'η = 3 (sweep 1)']) await page.getByTestId(`run-select-${run}`).check()
  const compared = page.getByTestId('run-compare-loss')
  // In the history's order: the sweep's two runs in the order they ended.
  await expect(compared.locator('text[data-chart-text="legend"]')).toHaveText(['Run 1', /^η = [13] \(sweep 1\)$/, /^η = [13] \(sweep 1\)$/])
  const inComparison = await chartCurveColors(compared)
  await page.getByTestId('experiments').screenshot({ path: test.info().outputPath('run-colours.png') })
  // Each run drawn in one colour in both views, and the three in three colours.
  expect(inComparison['η = 1 (sweep 1)']).toBe(inSweep['η = 1'])
  expect(inComparison['η = 3 (sweep 1)']).toBe(inSweep['η = 3'])
  expect(new Set(Object.values(inComparison)).size).toBe(3)

  // Run 1 given ten more epochs after the sweep: its record is taken again where it ends, in its colour.
  await page.keyboard.press('Escape')
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '110')
  await trainToEnd(page)
  await openExperiments(page, 'runs')
  await expect(page.getByTestId('run-row-Run 1')).toContainText('110')
  for (const run of ['Run 1', 'η = 1 (sweep 1)', 'η = 3 (sweep 1)']) await page.getByTestId(`run-select-${run}`).check()
  await expect(compared.locator('text[data-chart-text="legend"]')).toHaveCount(3)
  // Found: it came back in the colour after the sweep's, as a new run would.
  expect(await chartCurveColors(compared)).toEqual(inComparison)

  // Kept with the project: after a reload the sweep draws each run in the colour it had.
  await page.reload()
  await openExperiments(page, 'sweeps')
  await expect(sweepChart.locator('text[data-chart-text="legend"]')).toHaveText(['η = 1', 'η = 3'])
  expect(await chartCurveColors(sweepChart)).toEqual(inSweep)

  // Found: Run 1 deleted, the sweep's runs took the places, and so the colours, of Run 1 and the first of them.
  await page.getByTestId('experiments-tab-runs').click()
  await page.getByTestId('run-delete-Run 1').click()
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '2')
  for (const run of ['η = 1 (sweep 1)', 'η = 3 (sweep 1)']) await page.getByTestId(`run-select-${run}`).check()
  await expect(compared.locator('text[data-chart-text="legend"]')).toHaveCount(2)
  const afterDelete = await chartCurveColors(compared)
  expect(afterDelete['η = 1 (sweep 1)']).toBe(inSweep['η = 1'])
  expect(afterDelete['η = 3 (sweep 1)']).toBe(inSweep['η = 3'])
  await page.getByTestId('experiments-tab-sweeps').click()
  expect(await chartCurveColors(sweepChart)).toEqual(inSweep)
})

test('in the dark theme a sweep’s eighth run is drawn in a colour that shows on the dark chart', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await openXor(page, '60')
  await page.getByTestId('cmd-theme').click()
  await openExperiments(page, 'sweeps')
  await page.getByTestId('sweep-values-0').fill('0.5, 1, 2, 3, 4, 5, 6, 8')
  await page.getByTestId('sweep-run').click()
  await waitForSweep(page, 8)
  // The history's eighth run took the palette's last colour: black, unseen on the dark chart. Which
  // run is eighth depends on the order the sweep's runs end (two lanes on two threads), and curves
  // may lie under others, so every run's legend swatch is looked at: none is black, one is in the
  // theme's text colour, as the last colour now is; and no curve on the canvas is painted black.
  const chart = page.getByTestId('sweep-chart')
  const hex = (rgb: string) => `#${(rgb.match(/\d+/g) ?? []).slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`
  await expect(chart.locator('rect.chart-swatch')).toHaveCount(8)
  const swatches = (await chart.locator('rect.chart-swatch').evaluateAll((rects) => rects.map((r) => getComputedStyle(r).fill))).map(hex)
  const text = hex(await chart.evaluate((el) => getComputedStyle(el).color))
  expect(swatches).not.toContain('#000000')
  expect(swatches, `a run in the text colour ${text}`).toContain(text)
  expect(Object.values(await chartCurveColors(chart))).not.toContain('#000000')
})
