/**
 * A teacher's walk with the real Fashion-MNIST at 1024 × 768, on one page: the four IDX .gz
 * files given to the Data… dialog, the lecture's network trained an epoch on all 60,000 images,
 * exported as model JSON, a PyTorch script and ONNX, the project saved; after a reload, the
 * project and its data are back and training goes on from the trained weights. Each check is
 * kept for the wrong state it found (see the comments); every wait is on what the app shows.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'
import { selectNode, setParam } from './helpers/designer'
import { FASHION_FILES, fashionMissing, previewFullFashion } from './helpers/fashion'
import { openExperiments } from './helpers/experiments'
import { counter, runState, setSpeed, showTrainingPanel } from './helpers/training'
import { parseModelOrThrow } from '../src/engine/model'

test.skip(fashionMissing !== null, fashionMissing ?? '')

const journey = journeyPage(undefined, { downloads: true })
let page: Page
/** The largest |w| of the hidden layer's trained weights, as the model exported after run 1 has them. */
let trainedHiddenMax = NaN
test.beforeAll(() => {
  page = journey.page
})

const shot = async (name: string) => {
  if (process.env.AXON_SHOTS_DIR) await page.screenshot({ path: `${process.env.AXON_SHOTS_DIR}/fashion-${name}.png` })
}

async function download(click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const file = page.waitForEvent('download')
  await click()
  const d = await file
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'latin1') }
}

const exportAs = (item: 'pytorch' | 'onnx') =>
  download(async () => {
    await page.getByTestId('cmd-more').click()
    await page.getByTestId(`cmd-export-${item}`).click()
  })

test('the four IDX files trained an epoch, exported three ways and saved', async () => {
  test.setTimeout(240_000)
  await previewFullFashion(page)
  await shot('data')
  await page.getByTestId('data-apply').click()
  await expect(page.getByTestId('data-dialog')).toHaveCount(0)
  await expect(page.getByTestId('data-summary')).toContainText('train-images-idx3-ubyte.gz')

  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '1')
  await showTrainingPanel(page)
  await setSpeed(page, 0)
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('run-info')).toContainText('60,000 examples', { timeout: 120_000 })
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 200_000 })
  await shot('trained')

  const model = await download(() => page.getByTestId('export-model').click())
  expect(parseModelOrThrow(model.text).architecture.inputSize).toBe(784)
  const hidden = (JSON.parse(model.text) as { architecture: { layers: Array<{ weights?: number[][] }> } }).architecture.layers.find((l) => l.weights)!
  trainedHiddenMax = Math.max(...hidden.weights!.map((row) => Math.max(...row.map(Math.abs))))
  const script = await exportAs('pytorch')
  expect(script.name).toMatch(/\.py$/)
  expect(script.text).toContain('train-images-idx3-ubyte.gz')
  const onnx = await exportAs('onnx')
  expect(onnx.name).toMatch(/\.onnx$/)
  expect(onnx.text.length).toBeGreaterThan(79_510 * 4)

  const saved = await download(() => page.getByTestId('cmd-save').click())
  expect(JSON.parse(saved.text).data).toMatchObject({ kind: 'file' })
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0)
})

test('after a reload the full files are asked for again, never swapped for the sample; training goes on from the trained weights', async () => {
  test.setTimeout(240_000)
  await page.reload()
  await expect(page.getByTestId('engine-version')).toBeVisible()
  // The browser keeps files up to 8 MB: the 26 MB images must be chosen again, and it says so.
  await expect(page.getByTestId('data-not-reopened')).toContainText('"train-images-idx3-ubyte.gz" is not kept in this browser', { timeout: 60_000 })
  await shot('reloaded')
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  // Found: the shipped 2,000-image sample has the same file names, and it was loaded and trained instead, without a word.
  await expect(page.getByTestId('training-error')).toContainText('“train-images-idx3-ubyte.gz” is not open: choose it again with Data…')
  await expect(page.getByTestId('run-info')).toHaveCount(0)

  await page.getByTestId('data-open').click()
  await page.getByTestId('data-file-input').setInputFiles(FASHION_FILES)
  await expect(page.getByTestId('data-preview-heading')).toContainText('60,000 examples of 28×28', { timeout: 120_000 })
  await page.getByTestId('data-apply').click()
  await expect(page.getByTestId('data-not-reopened')).toHaveCount(0)
  await openExperiments(page, 'runs')
  await page.getByTestId('run-restore-Run 1').click()
  await page.keyboard.press('Escape')
  // Found: the 78,400 restored weights were drawn as one DOM cell each: the node grew thousands of
  // pixels wide over the canvas and the page froze; selecting it built a table of 78,400 fields.
  // They are painted as hand-set weights until the paused run the restore starts shows them live,
  // which a quick engine does before the hand-set view can be seen (this check failed 2 runs in 3).
  await expect(page.getByTestId('node-handset-hidden').or(page.getByTestId('node-live-hidden'))).toBeVisible()
  // And they are run 1's trained values, not new initial ones.
  const shownMax = async () => Number(/max \|w\| = ([\d.]+)/.exec((await page.getByTestId('weights-hidden').locator('h4').textContent()) ?? '')?.[1])
  await expect.poll(async () => Math.abs((await shownMax()) - trainedHiddenMax)).toBeLessThan(1e-3)
  expect((await page.getByTestId('node-hidden').boundingBox())!.height).toBeLessThan(200)
  await selectNode(page, 'hidden')
  await expect(page.getByTestId('weights-too-many')).toContainText('100 × 784 = 78,400 weights')
  await shot('restored')
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '2')
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('run-info')).toContainText('60,000 examples', { timeout: 120_000 })
  await expect.poll(() => counter(page, 'iteration'), { timeout: 120_000 }).toBeGreaterThan(0)
  // From the trained weights: the loss starts near where run 1 ended (≈ 0.8), not at ln 10 ≈ 2.3.
  const loss = page.getByTestId('metric-loss')
  await expect(loss).toHaveText(/^\d/)
  expect(Number(await loss.textContent())).toBeLessThan(1.2)
  await shot('continued')
})
