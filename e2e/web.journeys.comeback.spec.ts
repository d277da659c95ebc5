/**
 * Leaving Fashion-MNIST mid-run and coming back, at 1024 × 768: the full IDX .gz files loaded
 * and training, XOR opened mid-run (it asks; the run goes with its network), then the lecture's
 * Fashion example opened again: it comes with the shipped 2,000-image sample, and says so
 * (its files have the full set's names); trained, exported, reloaded: the sample and its run
 * history are back. Every wait is on what the app shows.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'
import { openExample, selectNode, setParam } from './helpers/designer'
import { openExperiments } from './helpers/experiments'
import { fashionMissing, previewFullFashion } from './helpers/fashion'
import { setSpeed, showTrainingPanel, trainToEnd, waitForIterations } from './helpers/training'

test.skip(fashionMissing !== null, fashionMissing ?? '')

const journey = journeyPage(undefined, { downloads: true })
let page: Page
test.beforeAll(() => {
  page = journey.page
})

test('the full files loaded and training, XOR opened mid-run: it asks, and the run goes with its network', async () => {
  test.setTimeout(180_000)
  await previewFullFashion(page)
  await page.getByTestId('data-apply').click()
  await expect(page.getByTestId('data-dialog')).toHaveCount(0)
  await expect(page.getByTestId('data-summary')).toContainText('train-images-idx3-ubyte.gz')
  await expect(page.getByTestId('data-summary')).not.toContainText('sample')
  await showTrainingPanel(page)
  await setSpeed(page, 0)
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('run-info')).toContainText('60,000 examples', { timeout: 60_000 })
  await waitForIterations(page, 5, 120_000)

  const asked = journey.dialogs.length
  await openExample(page, 'xor-2-2-1-sigmoid')
  expect(journey.dialogs.slice(asked)).toEqual([expect.stringMatching(/stop its training \(epoch 0, iteration [\d,]+\)\?$/)])
  await expect(page.getByTestId('data-summary')).toContainText('4 examples typed in')
  await expect(page.getByTestId('toolbar-run-status')).toHaveCount(0)
})

test('Fashion opened again: the shipped sample, named so; trained, exported with the sample’s paths', async () => {
  test.setTimeout(180_000)
  await openExample(page, 'fashion-784-100-10')
  // Found: it read "train-images-idx3-ubyte.gz" as the full set had, though this is the 2,000-image sample.
  await expect(page.getByTestId('data-summary')).toContainText('Fashion-MNIST sample')
  await expect(page.getByTestId('data-summary')).toContainText('inputs 784 · targets 10')
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '1')
  await trainToEnd(page, 150_000)
  await expect(page.getByTestId('run-info')).toContainText('2,000 examples')
  const download = page.waitForEvent('download')
  await page.getByTestId('export-model').click()
  const model = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as { data: { path: string }; history: { epochs: number } }
  expect(model.data.path).toBe('../data/fashion-sample/train-images-idx3-ubyte.gz')
  expect(model.history.epochs).toBe(1)
})

test('reloaded: the sample and its run are back', async () => {
  await page.reload()
  await expect(page.getByTestId('notice')).toContainText('Your last session was recovered.')
  await expect(page.getByTestId('data-summary')).toContainText('Fashion-MNIST sample')
  await expect(page.getByTestId('data-summary')).toContainText('inputs 784 · targets 10', { timeout: 60_000 })
  await openExperiments(page, 'runs')
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '1')
  await expect(page.getByTestId('run-row-Run 1')).toContainText('1')
  await page.keyboard.press('Escape')
})
