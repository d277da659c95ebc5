/**
 * A teacher's walk through the Experiments window at a projector's 1024 × 768, on one page: a
 * sweep run twice (the two titled apart), its runs compared and one restored in the Runs tab, the loss slice of the restored
 * weights, a second sweep undone and reloaded mid-way, another example opened mid-sweep. Each
 * check is kept for the wrong state it found (see the comments); every wait is on what the app shows.
 */
import { expect, test, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'
import { openExample } from './helpers/designer'
import { openExperiments, sweepExample, waitForSweep } from './helpers/experiments'

const journey = journeyPage()
const dialogs = journey.dialogs
let page: Page
test.beforeAll(() => {
  page = journey.page
})

const hidden = () => page.locator('.react-flow__node[data-id="hidden"]')
const status = () => page.getByTestId('sweep-status')
const sweepsDone = async () => Number((await status().getAttribute('data-done')) ?? NaN)

/** The element lies inside the box of `within` (no scrolling needed to reach it). */
async function expectInside(testId: string, within: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox()
  const outer = await page.locator(within).boundingBox()
  expect(box && outer && box.x >= outer.x && box.x + box.width <= outer.x + outer.width + 0.5, `${testId} inside ${within}`).toBe(true)
}

test('a sweep compared and one run restored in the Runs tab: its actions in view at 1024 px, the loss slice at its weights', async () => {
  await sweepExample(page, 'xor-2-2-1-sigmoid', '0.5, 4', 2)
  // The same sweep again. Found: the two read alike ("Sweep of optimizer.learningRate" each),
  // their curves named "learningRate 0.5", while the Runs tab names them "η = 0.5 (sweep 1)".
  await page.getByTestId('sweep-run').click()
  await waitForSweep(page, 2)
  await expect(page.getByTestId('sweep-title')).toHaveText(['Sweep 2 of η', 'Sweep 1 of η'])
  await expect(page.locator('[data-testid="sweep-chart"] [data-chart-text="legend"]').first()).toHaveText('η = 0.5')
  // Found: the table's column still read "optimizer.learningRate" under the title's η.
  await expect(page.getByTestId('sweep-axis-heading').first()).toHaveText('η')

  await page.getByTestId('experiments-tab-runs').click()
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '4')
  await expect(page.getByTestId('run-row-η = 0.5 (sweep 2)')).toBeVisible()
  // Found: at 1024 px the Restore and delete buttons lay past the table's right edge, behind a scrollbar.
  await expectInside('run-delete-η = 0.5 (sweep 1)', '.runs .pg-table-wrap')
  await page.getByTestId('run-select-η = 0.5 (sweep 1)').check()
  await page.getByTestId('run-select-η = 4 (sweep 1)').check()
  await expect(page.getByTestId('run-compare-settings')).toContainText('Learning rate η')
  const trainLoss = Number(await page.getByTestId('run-row-η = 0.5 (sweep 1)').locator('td').nth(3).textContent())
  await page.getByTestId('run-restore-η = 0.5 (sweep 1)').click()
  await expect(hidden()).toContainText('hand-set')

  // The slice of the error surface is taken at the restored weights: its E is the run's last loss.
  await page.getByTestId('experiments-tab-playground2d').click()
  await page.getByTestId('pg2-surface').selectOption('network')
  await expect(page.getByTestId('pg2-net-loss')).toHaveAttribute('aria-busy', 'false')
  expect(Number(await page.getByTestId('pg2-net-loss').getAttribute('data-loss'))).toBeCloseTo(trainLoss, 4)
})

test('undo mid-sweep takes back the restore, not the sweep’s results; a reload mid-sweep says the sweep was cut short', async () => {
  await page.getByTestId('experiments-tab-sweeps').click()
  // 48 runs: far more than can end while the teacher undoes, redoes and reloads.
  await page.getByTestId('sweep-values-0').fill('0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2')
  await page.getByTestId('sweep-add-axis').click()
  await page.getByTestId('sweep-values-1').fill('1, 2, 3, 4')
  await page.getByTestId('sweep-run').click()
  await expect(status()).toHaveAttribute('data-total', '48')
  await expect.poll(sweepsDone, { timeout: 120_000 }).toBeGreaterThanOrEqual(1)
  const sweep = page.locator('section.sweep-result').first()
  // Found: Delete on the sweep under way removed it, and its next run put it back.
  await expect(sweep.getByTestId('sweep-delete')).toBeDisabled()
  await page.keyboard.press('Escape')

  await page.getByTestId('cmd-undo').click()
  // Found: undo took back the sweep's newest results (they were undo steps) and left the restore.
  await expect(hidden()).not.toContainText('hand-set')
  await page.getByTestId('cmd-experiments').click()
  const before = await sweepsDone()
  await expect(sweep).toHaveAttribute('data-runs', /^[1-9]/)
  // Found: the next run to end wiped the redo step out.
  await expect.poll(sweepsDone, { timeout: 120_000 }).toBeGreaterThan(before)
  await page.keyboard.press('Escape')
  await page.getByTestId('cmd-redo').click()
  await expect(hidden()).toContainText('hand-set')

  await page.reload()
  await expect(page.getByTestId('engine-version')).toBeVisible()
  await expect(hidden()).toContainText('hand-set')
  await openExperiments(page, 'sweeps')
  // Found: the 48-run sweep cut short by the reload read "(9 runs, best by …)", as if complete.
  await expect(page.getByTestId('sweep-runs-count').first()).toContainText(/\d+ of 48 runs: stopped before the other \d+ ran/)
  await expect(page.locator('section.sweep-result').first().getByTestId('sweep-delete')).toBeEnabled()
})

test('another example opened mid-sweep asks, naming the sweep it stops', async () => {
  // The form is as typed before the reload (two settings): one is enough here.
  await page.getByTestId('sweep-remove-axis').click()
  await page.getByTestId('sweep-values-0').fill('0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2')
  await page.getByTestId('sweep-run').click()
  await expect.poll(sweepsDone, { timeout: 120_000 }).toBeGreaterThanOrEqual(1)
  await page.keyboard.press('Escape')
  const asked = dialogs.length
  await openExample(page, 'mazur-2-2-2')
  // Found: the question named only the unsaved changes; the sweep's other runs went without a word.
  expect(dialogs.slice(asked).join('\n')).toMatch(/stop its sweep \(\d+ of 12 runs done\)/)
  await openExperiments(page, 'sweeps')
  await expect(status()).toHaveCount(0)
  await expect(page.locator('section.sweep-result')).toHaveCount(0)
})

test('the sweep form as typed is back after a reload; a sweep stopped before any run finished stays, saying what it planned', async () => {
  // Found: after a reload the form was back to its suggestion, the typed values gone.
  await page.getByTestId('sweep-param-0').selectOption('epochs')
  await page.getByTestId('sweep-values-0').fill('100000000, 200000000, 3x')
  // Found: values that could not be read made the button say "Run 0 runs", the reason below it.
  await expect(page.getByTestId('sweep-axis-0').getByTestId('sweep-problem')).toContainText('“3x”')
  await expect(page.getByTestId('sweep-values-0')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId('sweep-run')).toHaveText('Run')
  await expect(page.getByTestId('sweep-run')).toBeDisabled()
  await page.getByTestId('sweep-add-axis').click()
  await page.getByTestId('sweep-values-1').fill('7 7')
  await expect(page.getByTestId('sweep-axis-0').getByTestId('sweep-problem')).toContainText('“3x”')
  await page.getByTestId('sweep-values-0').fill('100000000, 200000000')
  await expect(page.getByTestId('sweep-axis-1').getByTestId('sweep-problem')).toHaveText('A value of Seed is given twice.')
  await expect(page.getByTestId('sweep-axis-0').getByTestId('sweep-problem')).toHaveCount(0)
  await expect(page.getByTestId('sweep-run')).toHaveText('Run')
  await page.getByTestId('sweep-values-1').fill('7 8')
  await expect(page.getByTestId('sweep-run')).toHaveText('Run 4 runs')
  await expect(page.getByTestId('sweep-problem')).toHaveCount(0)
  await page.getByTestId('sweep-values-0').fill('100000000, 200000000, 3x')
  await page.reload()
  await expect(page.getByTestId('engine-version')).toBeVisible()
  await openExperiments(page, 'sweeps')
  await expect(page.getByTestId('sweep-param-0')).toHaveValue('epochs')
  await expect(page.getByTestId('sweep-values-0')).toHaveValue('100000000, 200000000, 3x')
  await expect(page.getByTestId('sweep-param-1')).toHaveValue('seed')
  await expect(page.getByTestId('sweep-values-1')).toHaveValue('7 8')
  await expect(page.getByTestId('sweep-problem')).toContainText('“3x”')

  // Found: stopped before any of its runs ended, a sweep left nothing in the window.
  await page.getByTestId('sweep-values-0').fill('100000000, 200000000')
  await page.getByTestId('sweep-run').click()
  await expect(status()).toHaveAttribute('data-total', '4')
  await expect(status()).toContainText('training')
  await page.getByTestId('sweep-cancel').click()
  await expect(status()).toHaveCount(0)
  const sweep = page.locator('section.sweep-result')
  await expect(sweep).toHaveCount(1)
  await expect(sweep.getByTestId('sweep-runs-count')).toHaveText('(stopped before any of its 4 runs finished)')
  await expect(sweep.getByTestId('sweep-planned')).toHaveText('Planned: Epochs 100000000, 200000000; Seed 7, 8.')
  await expect(sweep.getByTestId('sweep-csv')).toBeDisabled()
  await page.reload()
  await expect(page.getByTestId('engine-version')).toBeVisible()
  await openExperiments(page, 'sweeps')
  await expect(page.getByTestId('sweep-planned')).toHaveText('Planned: Epochs 100000000, 200000000; Seed 7, 8.')
  await expect(page.getByTestId('sweep-values-1')).toHaveValue('7 8')
})
