/**
 * A teacher's data walk on one page at 1024 × 768: a class-labelled CSV as a spreadsheet saves it
 * (a UTF-8 BOM, semicolons and decimal commas, headers with spaces, the species first, one
 * empty cell) loaded while XOR trains, its missing value filled, the network fitted and trained;
 * then IDX files that cannot be used (images without labels, labels without images, counts
 * that differ, a cut-short .gz, a text file named .gz): each says why in the data panel, and
 * the data and network in use stay as they were. Every wait is on what the app shows.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'
import { graphSnapshot } from './helpers/designer'
import { counter, runState, trainExample, waitForIterations } from './helpers/training'

const journey = journeyPage()
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
  await expect(page.getByTestId('data-mismatch')).toContainText('The output layer has 1 units but the data has 3 targets.')
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

  // Found: the images alone were taken as data with 0 targets; "Fit" then made a 0-unit output.
  await expectRefused([join(FASHION, 't10k-images-idx3-ubyte.gz')], 'noTarget',
    'The images have no labels: there is nothing for the network to predict.', true)
  await expectRefused([join(FASHION, 't10k-labels-idx1-ubyte.gz')], 'idxShape',
    '"t10k-labels-idx1-ubyte.gz" holds one number per item: labels, not images.')
  await expectRefused([join(FASHION, 't10k-images-idx3-ubyte.gz'), join(FASHION, 'train-labels-idx1-ubyte.gz')], 'countMismatch',
    'The images file has 10000 images but the labels file has 60000 labels.')
  await expectRefused([cut, join(FASHION, 't10k-labels-idx1-ubyte.gz')], 'corruptGzip', /^The gzip file "cut-images-idx3-ubyte\.gz" is cut short or damaged/)
  await expectRefused([join(FASHION, 't10k-images-idx3-ubyte.gz'), text], 'badIdxMagic', /^"text-labels-idx1-ubyte\.gz" is not an IDX file/)

  await expect(page.getByTestId('data-summary')).toContainText('iris-teacher.csv')
  await expect(page.getByTestId('data-summary')).toContainText('inputs 4 · targets 3')
  await expect(page.getByTestId('data-mismatch')).toHaveCount(0)
  await expect(page.getByTestId('compile-status')).toHaveAttribute('data-ok', 'true')
  expect(await graphSnapshot(page)).toEqual(graph)
  await expect(runState(page)).toHaveAttribute('data-state', 'running')
  await expectProgress()
})
