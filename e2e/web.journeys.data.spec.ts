/**
 * A teacher's data walk on one page at 1024 × 768: a class-labelled CSV as a spreadsheet saves it
 * (a UTF-8 BOM, semicolons and decimal commas, headers with spaces, the species first, one
 * empty cell) loaded while XOR trains, its missing value filled, the network fitted and trained;
 * then IDX files that cannot be used (labels without images, images without labels, counts
 * that differ, a cut-short .gz, a text file named .gz), a CSV of labels alone and a ragged CSV:
 * each says why in the data panel, in place of the earlier preview (nothing left to "Use"), and
 * the data and network in use stay as they were; last, the run reset, stepped and exported as a
 * PyTorch script, which fills the gap as the app did and reaches the app's weights to 1e-12.
 * Every wait is on what the app shows.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'
import { graphSnapshot } from './helpers/designer'
import { counter, runState, trainExample, waitForIterations } from './helpers/training'
import { PYTHON, machineRequirementProbe, missingReason, missingRequirements } from '../scripts/testEnv/requirements'

const journey = journeyPage(undefined, { downloads: true })
let page: Page
test.beforeAll(() => {
  page = journey.page
})

const FASHION = '/usr/share/datasets/fashion-mnist'
const fixture = (name: string): string => join(import.meta.dirname, 'fixtures/data', name)

/** The run makes progress from where it is (the counter shows – before the first step). */
const expectProgress = async (): Promise<void> => waitForIterations(page, (await counter(page, 'iteration')) || 0)

test('a spreadsheet’s CSV loaded mid-run: species chosen as the target, the empty cell named and filled, the network fitted and trained', async () => {
  await trainExample(page, 'xor-2-2-1-sigmoid', { epochs: 100_000, speed: 1 })
  await expectProgress()
  await page.getByTestId('data-open').click()
  await page.getByTestId('data-file-input').setInputFiles(fixture('iris-teacher.csv'))
  await expect(page.getByTestId('data-preview-heading')).toHaveText(
    'iris-teacher.csv: 150 rows × 5 columns, separated by semicolons, with a header row',
  )
  // The BOM is not part of the first name; decimal commas read as numbers.
  await expect(page.getByTestId('data-target').locator('option')).toHaveText([
    'Species (3 classes)',
    'Petal width (cm) (number)',
    'Sepal length (cm) (number)',
    'Petal length (cm) (number)',
    'Sepal width (cm) (number)',
  ])
  await expect(page.getByTestId('csv-column-Petal length (cm)')).toContainText('max6.9')
  await page.getByTestId('data-target').selectOption('Species')
  await expect(page.getByTestId('data-task')).toHaveText('Classification: 3 classes, one output each (one-hot).')
  // Found: "(1 cells …)", and a hint naming only the command line's --missing.
  await expect(page.getByTestId('data-prepare')).toContainText('Missing values (1 cell in the chosen columns)')
  await page.getByTestId('data-apply').click()
  await expect(page.getByTestId('data-error')).toHaveAttribute('data-code', 'missingValues')
  await expect(page.getByTestId('data-error-message')).toHaveText(
    '1 row has missing values in the chosen columns (first: line 9, column "Petal width (cm)").',
  )
  await expect(page.getByTestId('data-error')).toContainText('(Missing values in the data panel, or --missing')
  await expect(runState(page)).toHaveAttribute('data-state', 'running')
  await page.getByTestId('data-missing').selectOption('mean')
  await page.getByTestId('data-apply').click()
  await expect(page.getByTestId('data-dialog')).toHaveCount(0)
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  await expect(page.getByTestId('train-stale')).toBeVisible()
  await expect(page.getByTestId('data-mismatch')).toContainText('The input has size 2 but the data has 4 features.')
  await expect(page.getByTestId('data-mismatch')).toContainText('The output layer has 1 unit but the data has 3 targets.')
  await page.getByTestId('data-fit-network').click()
  await expect(page.getByTestId('compile-status')).toHaveAttribute('data-ok', 'true')
  await expect(page.getByTestId('data-summary')).toContainText('inputs 4 · targets 3')
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('run-info')).toContainText('4 → 2 → 3 · 19 parameters · 150 examples')
  await expectProgress()
})

/** Opens `files` in the data panel and expects the panel's error `code` and `message`. */
async function expectRefused(files: string[], code: string, message: string | RegExp, apply = false): Promise<void> {
  await page.getByTestId('data-open').click()
  await page.getByTestId('data-file-input').setInputFiles(files)
  if (apply) {
    await expect(page.getByTestId('data-preview')).toBeVisible({ timeout: 60_000 })
    await page.getByTestId('data-apply').click()
  }
  await expect(page.getByTestId('data-error')).toHaveAttribute('data-code', code, { timeout: 60_000 })
  await expect(page.getByTestId('data-error-message')).toHaveText(message)
  await expect(page.getByTestId('data-error')).toBeInViewport()
  // Found: a failed open left the earlier data's preview under the error, and its "Use this
  // data" applied that data, which the teacher had not chosen this time.
  if (!apply) {
    await expect(page.getByTestId('data-preview')).toHaveCount(0)
    await expect(page.getByTestId('data-apply')).toHaveCount(0)
  }
  await page.getByTestId('data-close').click()
  await expect(page.getByTestId('data-dialog')).toHaveCount(0)
}

test('IDX files that cannot be used, opened while it trains: each says why in the panel; the CSV, the fitted network and its run go on', async () => {
  await expect(runState(page)).toHaveAttribute('data-state', 'running')
  const graph = await graphSnapshot(page)
  const out = test.info().outputPath()
  const cut = join(out, 'cut-images-idx3-ubyte.gz')
  writeFileSync(cut, readFileSync(join(FASHION, 't10k-images-idx3-ubyte.gz')).subarray(0, 3000))
  const text = join(out, 'text-labels-idx1-ubyte.gz')
  writeFileSync(text, readFileSync(fixture('iris.csv')))

  // The panel shows the CSV in use; the labels alone replace it with their error, not under it.
  await expectRefused([join(FASHION, 't10k-labels-idx1-ubyte.gz')], 'idxShape',
    '"t10k-labels-idx1-ubyte.gz" holds one number per item: labels, not images.')
  // Found: the images alone were taken as data with 0 targets; "Fit" then made a 0-unit output.
  await expectRefused([join(FASHION, 't10k-images-idx3-ubyte.gz')], 'noTarget',
    'The images have no labels: there is nothing for the network to predict.', true)
  // The labels column alone, saved from a spreadsheet: nothing left to learn from.
  const labels = join(out, 'labels-only.csv')
  writeFileSync(labels, 'species\nsetosa\nversicolor\nvirginica\n')
  await page.getByTestId('data-open').click()
  await page.getByTestId('data-file-input').setInputFiles(labels)
  // Found: "3 rows × 1 columns".
  await expect(page.getByTestId('data-preview-heading')).toHaveText('labels-only.csv: 3 rows × 1 column, separated by commas, with a header row')
  await page.getByTestId('data-close').click()
  await expectRefused([labels], 'noColumns', 'No feature columns are chosen.', true)
  await expectRefused([fixture('iris-ragged.csv')], 'raggedRow', 'Line 4 has 4 values but line 1 has 5 (separated by commas).')
  await expectRefused([join(FASHION, 't10k-images-idx3-ubyte.gz'), join(FASHION, 'train-labels-idx1-ubyte.gz')], 'countMismatch',
    'The images file has 10000 images but the labels file has 60000 labels.')
  await expectRefused([cut, join(FASHION, 't10k-labels-idx1-ubyte.gz')], 'corruptGzip', /^The gzip file "cut-images-idx3-ubyte\.gz" is cut short or damaged/)
  await expectRefused([join(FASHION, 't10k-images-idx3-ubyte.gz'), text], 'badIdxMagic', /^"text-labels-idx1-ubyte\.gz" is not an IDX file/)

  // Opened again, the panel shows the CSV in use, as it did before the refusals; the last one is named as the other files'.
  await page.getByTestId('data-open').click()
  await expect(page.getByTestId('data-preview-heading')).toContainText('iris-teacher.csv')
  await expect(page.getByTestId('data-applied-shape')).toHaveText('4 inputs → 3 targets')
  await expect(page.getByTestId('data-error-not-used')).toHaveText('Not used: t10k-images-idx3-ubyte.gz, text-labels-idx1-ubyte.gz')
  await expect(page.getByTestId('data-error-kept')).toHaveText('The project still uses iris-teacher.csv.')
  await page.getByTestId('data-close').click()
  await expect(page.getByTestId('data-summary')).toContainText('iris-teacher.csv')
  await expect(page.getByTestId('data-summary')).toContainText('inputs 4 · targets 3')
  await expect(page.getByTestId('data-mismatch')).toHaveCount(0)
  await expect(page.getByTestId('compile-status')).toHaveAttribute('data-ok', 'true')
  expect(await graphSnapshot(page)).toEqual(graph)
  await expect(runState(page)).toHaveAttribute('data-state', 'running')
  await expectProgress()
})

/** The text of the file a click saves (saves are downloads on this page). */
async function saved(click: () => Promise<void>): Promise<string> {
  const file = page.waitForEvent('download')
  await click()
  return readFileSync((await (await file).path())!, 'utf8')
}

test('reset and stepped, then exported: the PyTorch script, beside the CSV, fills its gap with the app’s mean and reaches the app’s weights', async () => {
  const missing = missingReason(missingRequirements(['torch', 'numpy'], machineRequirementProbe))
  test.skip(missing !== null, missing ?? '')
  await page.getByTestId('train-pause').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  // A few updates from the seed: XOR's η = 2 on a loss summed over 150 rows is chaotic, so after
  // hundreds the two programs' rounding (the same sums in another order) has grown past 1e-6.
  await page.getByTestId('train-reset').click()
  for (let n = 1; n <= 3; n++) {
    await page.getByTestId('train-step-batch').click()
    await expect.poll(() => counter(page, 'iteration')).toBe(n)
  }
  const model = JSON.parse(await saved(() => page.getByTestId('export-model').click())) as { history: { iterations: number }; architecture: { layers: Array<{ weights?: number[][]; biases?: number[] }> } }
  expect(model.history.iterations).toBe(3)
  // Found: refused with "The PyTorch export cannot fill missing values (“mean”) yet."
  const script = await saved(async () => {
    await page.getByTestId('cmd-more').click()
    await page.getByTestId('cmd-export-pytorch').click()
  })
  await expect(page.getByTestId('notice')).toContainText('The PyTorch script saved as')
  const out = test.info().outputPath()
  writeFileSync(join(out, 'train.py'), script)
  copyFileSync(fixture('iris-teacher.csv'), join(out, 'iris-teacher.csv'))
  const r = spawnSync(PYTHON, [join(out, 'train.py'), '--max-steps', '3', '--out', join(out, 'model.json')], { cwd: out, encoding: 'utf8' })
  expect(r.status, r.stderr).toBe(0)
  const torch = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as typeof model
  expect(torch.history.iterations).toBe(3)
  const flat = (m: typeof model): number[] => m.architecture.layers.flatMap((l) => [...(l.weights ?? []).flat(), ...(l.biases ?? [])])
  const app = flat(model)
  expect(flat(torch)).toHaveLength(app.length)
  flat(torch).forEach((w, i) => expect(Math.abs(w - app[i])).toBeLessThan(1e-12))
})
