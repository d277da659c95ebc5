/**
 * A teacher at a projector's 1024 × 768 presses Train and points at the curves: the overfitting
 * lesson's early-stopping step ("Train it and watch the two curves part"), on one page. Found:
 * the loss chart sat below the time machine and the step-through and export buttons, out of sight
 * until the panel was scrolled; and its validation line was never drawn while the run trained,
 * only its legend (the live validation loss is measured once a snapshot, and the chart broke the
 * line at every point between two measurements); presenting it, the views the teacher ticked
 * came below the controls, out of sight; and Fashion-MNIST's validation, measured at epoch ends
 * only, had no line per iteration. Every wait is on what the app shows.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'
import { openLesson } from './helpers/lessons'
import { runState, showTrainingPanel } from './helpers/training'

const journey = journeyPage()
let page: Page
test.beforeAll(() => {
  page = journey.page
})

/** Pixels of the chart's canvas painted in `hex` (the curves' colours; the legend is SVG text over it, not counted). */
async function pixelsOf(chart: Locator, hex: string): Promise<number> {
  return chart.locator('canvas').evaluate((canvas: HTMLCanvasElement, color) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16))
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    let n = 0
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 200 && Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 60) n++
    }
    return n
  }, hex)
}

const TRAIN = '#0877bd'
const VALIDATION = '#e8710a'

test('pressing Train in the early-stopping step, the loss chart is in sight without scrolling', async () => {
  await openLesson(page, 'overfitting')
  await page.getByTestId('lesson-step-4').click()
  await expect(page.getByTestId('lesson-step-title')).toContainText('Early stopping')
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('chart-loss')).toBeInViewport({ ratio: 1 })
})

test('when early stopping ends the run, the chart is still in sight and draws the validation line beside the training line, per iteration and per epoch', async () => {
  test.setTimeout(120_000)
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 90_000 })
  await expect(page.getByTestId('train-state')).toContainText('Stopped early')
  const chart = page.getByTestId('chart-loss')
  // Still in sight with the run's time machine and its three-line stop message above it.
  await expect(page.getByTestId('time-scrubber')).toBeVisible()
  await expect(chart).toBeInViewport({ ratio: 1 })
  await expect(chart).toContainText('validation')
  // A line, not a dot or two: dozens of pixels in each colour.
  await expect.poll(() => pixelsOf(chart, TRAIN)).toBeGreaterThan(50)
  await expect.poll(() => pixelsOf(chart, VALIDATION)).toBeGreaterThan(50)
  await page.getByTestId('curves-per-epoch').check()
  await expect(chart).toContainText('validation / epoch')
  await expect.poll(() => pixelsOf(chart, VALIDATION)).toBeGreaterThan(50)
})

test('presenting the finished run, the views the teacher ticked are in sight under the time machine, the controls below them', async () => {
  await page.getByTestId('cmd-present').click()
  const panel = page.getByTestId('present-panel')
  await expect(panel.getByTestId('present-view-curves')).toBeChecked()
  // Found: the controls and the time machine filled the panel, and the loss chart began at its foot.
  await expect(panel.getByTestId('chart-loss')).toBeInViewport({ ratio: 1 })
  await expect(panel.getByTestId('time-scrubber')).toBeAttached()
  await expect(panel.getByTestId('train-controls')).toBeAttached()
  await page.getByTestId('present-exit').click()
  await expect(panel).toHaveCount(0)
})

test('Fashion-MNIST, whose validation is measured at epoch ends only: the per-iteration charts draw its validation lines too', async () => {
  test.setTimeout(240_000)
  await page.getByTestId('lesson-exit').first().click()
  await openLesson(page, 'fashion-mnist')
  await page.getByTestId('lesson-step-3').click()
  await expect(page.getByTestId('lesson-step-title')).toContainText('Train it')
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 200_000 })
  await expect(page.getByTestId('metric-val-accuracy')).toBeVisible()
  // Found: "Train it and watch the validation accuracy", and the charts drew only the training lines.
  for (const id of ['chart-loss', 'chart-accuracy']) {
    const chart = page.getByTestId(id)
    await chart.scrollIntoViewIfNeeded()
    await expect(chart).toContainText('validation')
    await expect.poll(() => pixelsOf(chart, VALIDATION)).toBeGreaterThan(50)
  }
})
