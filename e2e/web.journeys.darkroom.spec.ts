/**
 * A teacher in a darkened room (the dark theme) at a projector's 1024 × 768, on one page: the
 * built-in Gaussian clusters with eight classes, looked at in the data panel, then trained and
 * looked at again under the decision boundary. Found: the eighth class's swatch under the
 * boundary was black on the dark panel (contrast 1.3:1, unseen), and the data panel coloured the
 * classes in another order than the boundary (cluster 1 blue there, orange on the plane); the
 * training panel's η field was the browser's grey number box. Every wait is on what the app shows.
 */
import { expect, test, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'
import { openExample } from './helpers/designer'
import { markContrasts } from './helpers/contrast'
import { runState, showTrainingPanel } from './helpers/training'

const journey = journeyPage()
let page: Page
test.beforeAll(() => {
  page = journey.page
})

let balance: string[] = []

/** Contrast a colour mark needs to be seen on what it sits on (black was 1.3:1; Okabe–Ito's blue is 2.85:1 on the balance bar's track, and reads). */
const SEEN = 2.5

test('in the dark theme, eight clusters in the data panel: each class its own colour, every bar in sight on the dark dialog', async () => {
  await openExample(page, 'xor-2-2-1-sigmoid')
  await page.getByTestId('cmd-theme').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.getByTestId('data-open').click()
  await page.getByTestId('data-tab-builtin').click()
  await page.getByTestId('builtin-clusters').click()
  await page.getByTestId('builtin-classes').selectOption('8')
  await expect(page.getByTestId('data-preview-heading')).toContainText('2 inputs → 8 targets')
  const bars = await markContrasts(page, '[data-testid="class-balance"] .balance-bar > span')
  expect(bars).toHaveLength(8)
  balance = bars.map((b) => b.color)
  expect(new Set(balance).size, 'eight colours').toBe(8)
  for (const bar of bars) expect(bar.ratio, `${bar.color} on ${bar.background}`).toBeGreaterThanOrEqual(SEEN)
})

test('trained, the boundary’s legend shows each class in the data panel’s colour, every swatch in sight on the dark panel', async () => {
  await page.getByTestId('data-apply').click()
  await expect(page.getByTestId('data-dialog')).toHaveCount(0)
  await page.getByTestId('data-fit-network').click()
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await expect(runState(page)).toHaveAttribute('data-state', /running|finished/)
  const legend = page.getByTestId('boundary-legend')
  await legend.scrollIntoViewIfNeeded()
  await expect(legend.locator('.legend-class')).toHaveCount(8)
  await expect(legend).toContainText('cluster 8')
  const swatches = await markContrasts(page, '[data-testid="boundary-legend"] .legend-class .swatch')
  // Found: black (#000000) on rgb(29, 33, 41), 1.3:1.
  for (const swatch of swatches) expect(swatch.ratio, `${swatch.color} on ${swatch.background}`).toBeGreaterThanOrEqual(SEEN)
  // Found: the data panel's cluster 1 was blue, the boundary's orange.
  expect(swatches.map((s) => s.color)).toEqual(balance)
})

test('the training panel’s η field is drawn like the fields beside it (Speed), on the dark panel', async () => {
  const look = (id: string) => page.getByTestId(id).evaluate((el) => ['backgroundColor', 'borderTopColor', 'borderTopLeftRadius'].map((p) => getComputedStyle(el).getPropertyValue(p.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))))
  // Found: the browser's own number field, a grey box (rgb(59, 59, 59)) beside the dark Speed menu.
  expect(await look('train-lr')).toEqual(await look('train-speed'))
})
