/**
 * Bring your own data (issue 6), in the browser build: open a CSV through the data panel, pick
 * its target, watch the input node's shape follow, train on it; a broken CSV shows its own
 * message in the panel and leaves the graph alone; the Fashion-MNIST sample shows as an image
 * grid; a built-in 2-D set with its noise slider.
 *
 * With AXON_SCREENSHOTS=1 the tests also write docs/screenshots/data-*.png.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { graphSnapshot, openExample, selectNode } from './helpers/designer'

const SHOTS = process.env.AXON_SCREENSHOTS === '1'
const fixture = (name: string): string => join(import.meta.dirname, 'fixtures/data', name)

async function shot(target: Locator | Page, name: string): Promise<void> {
  if (SHOTS) await target.screenshot({ path: `docs/screenshots/data-${name}.png` })
}

/** Opens the data panel and gives it files, as the file chooser would. */
async function openDataFiles(page: Page, ...files: string[]): Promise<void> {
  await page.getByTestId('data-open').click()
  await expect(page.getByTestId('data-dialog')).toBeVisible()
  await page.getByTestId('data-file-input').setInputFiles(files)
}

/**
 * "Use this data": the dialog closes and the keyboard is back on the canvas. Opened again, the
 * dialog shows what is in use (`reopen`, to read it).
 */
async function useThisData(page: Page, reopen = true): Promise<void> {
  await page.getByTestId('data-apply').click()
  await expect(page.getByTestId('data-dialog')).toHaveCount(0)
  await expect(page.getByTestId('canvas')).toBeFocused()
  if (!reopen) return
  await page.getByTestId('data-open').click()
  await expect(page.getByTestId('data-applied')).toBeVisible()
}

/** The number shown in a metric cell (e.g. "0.2134" or "93.3%"). */
async function metric(page: Page, id: string): Promise<number> {
  return Number.parseFloat(
    ((await page.getByTestId(id).textContent()) ?? '').replace(/[^\d.eE+-]/g, ''),
  )
}

test.describe('browser build: bring your own data', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/')
    await expect(page.getByTestId('engine-version')).toBeVisible()
  })

  test('a broken CSV shows its line and hint in the panel; the graph and data stay as they were', async ({
    page,
  }) => {
    await openExample(page, 'xor-2-2-1-sigmoid')
    const before = await graphSnapshot(page)
    const summary = await page.getByTestId('data-summary').textContent()
    await openDataFiles(page, fixture('iris-ragged.csv'))
    const error = page.getByTestId('data-error')
    await expect(error).toHaveAttribute('data-code', 'raggedRow')
    await expect(page.getByTestId('data-error-message')).toHaveText(
      'Line 4 has 4 values but line 1 has 5 (separated by commas).',
    )
    await expect(page.getByTestId('data-error-where')).toHaveText('File: iris-ragged.csv · line 4')
    await expect(error).toContainText('Nothing was changed')
    await expect(page.getByTestId('data-preview')).toHaveCount(0)
    await shot(page.getByTestId('data-dialog'), 'error')
    await page.getByTestId('data-close').click()
    expect(await graphSnapshot(page)).toEqual(before)
    await expect(page.getByTestId('data-summary')).toHaveText(summary ?? '')
    await expect(page.getByTestId('dirty-marker')).toHaveCount(0)
  })

  // Found: opened again after a refusal, the dialog showed the refused file (its preview and
  // "Use this data", or its error alone), not the data the project goes on using.
  test('a refused file, the dialog closed and opened again: the data in use shows, the refusal named as the other file’s', async ({ page }) => {
    await openExample(page, 'xor-2-2-1-sigmoid')
    await openDataFiles(page, fixture('iris-ragged.csv'))
    await expect(page.getByTestId('data-error')).toHaveAttribute('data-code', 'raggedRow')
    await page.getByTestId('data-close').click()
    await page.getByTestId('data-open').click()
    // The example's typed-in examples are in use: no preview to show, a line says what is.
    await expect(page.getByTestId('data-in-use')).toHaveText('In use by the project: 4 examples typed in')
    await expect(page.getByTestId('data-error-not-used')).toHaveText('Not used: iris-ragged.csv')
    await expect(page.getByTestId('data-error-kept')).toHaveText('The project still uses 4 examples typed in.')
    await page.getByTestId('data-file-input').setInputFiles(fixture('iris.csv'))
    await useThisData(page, false)

    // A file that opens but is refused at "Use this data": the labels column alone.
    const labels = test.info().outputPath('labels-only.csv')
    writeFileSync(labels, 'species\nsetosa\nversicolor\nvirginica\n')
    await openDataFiles(page, labels)
    await page.getByTestId('data-apply').click()
    await expect(page.getByTestId('data-error')).toHaveAttribute('data-code', 'noColumns')
    await page.getByTestId('data-close').click()
    await page.getByTestId('data-open').click()
    await expect(page.getByTestId('data-preview-heading')).toContainText('iris.csv: 150 rows × 5 columns')
    await expect(page.getByTestId('data-applied')).toBeVisible()
    await expect(page.getByTestId('data-error-not-used')).toHaveText('Not used: labels-only.csv')
    await expect(page.getByTestId('data-error-message')).toHaveText('No feature columns are chosen.')
    await expect(page.getByTestId('data-error-kept')).toHaveText('The project still uses iris.csv.')
    await expect(page.getByTestId('data-in-use')).toHaveCount(0)
    // The next file opened takes the refusal's place.
    await page.getByTestId('data-file-input').setInputFiles(fixture('iris-teacher.csv'))
    await expect(page.getByTestId('data-preview-heading')).toContainText('iris-teacher.csv')
    await expect(page.getByTestId('data-error')).toHaveCount(0)
  })

  test('load a CSV, pick the target, the input node takes its shape, and it trains', async ({
    page,
  }) => {
    await openExample(page, 'xor-2-2-1-sigmoid')
    await openDataFiles(page, fixture('iris.csv'))
    await expect(page.getByTestId('data-preview-heading')).toHaveText(
      'iris.csv: 150 rows × 5 columns, separated by commas, with a header row',
    )
    // Column statistics from the engine: kinds, min/max/mean, missing.
    const species = page.getByTestId('csv-column-species')
    await expect(page.getByTestId('data-kind-species')).toHaveValue('categorical')
    await expect(page.getByTestId('data-kind-petal_length')).toHaveValue('numeric')
    await expect(species).toContainText('classes3')
    const petal = page.getByTestId('csv-column-petal_length')
    await expect(petal).toContainText('numeric')
    await expect(petal).toContainText('min1')
    await expect(petal).toContainText('max6.9')
    await expect(petal).toContainText('mean3.758')
    await expect(page.locator('[data-testid="csv-preview"] tbody tr')).toHaveCount(20)
    // The last column is the default target; choose the species instead.
    await expect(page.getByTestId('csv-column-petal_width')).toHaveAttribute('data-role', 'target')
    await page.getByTestId('data-target').selectOption('species')
    await expect(species).toHaveAttribute('data-role', 'target')
    await expect(page.getByTestId('csv-column-petal_width')).toHaveAttribute('data-role', 'feature')
    await expect(page.getByTestId('data-task')).toHaveText(
      'Classification: 3 classes, one output each (one-hot).',
    )
    await expect(page.getByTestId('class-balance')).toContainText('setosa')
    await page.getByTestId('data-normalization').selectOption('zScore')
    await page.getByTestId('data-validation').fill('20')
    await page.getByTestId('data-stratify').check()
    await shot(page.getByTestId('data-dialog'), 'csv-preview')

    await useThisData(page)
    await expect(page.getByTestId('data-applied-shape')).toHaveText('4 inputs → 3 targets')
    await expect(page.getByTestId('data-applied-counts')).toContainText(
      '120 training · 30 validation · 0 test rows',
    )
    await page.getByTestId('data-close').click()
    // The drawn network (2 inputs, 1 output) does not fit: the compiler says so on the input
    // node, and under the Data button, with the fix one click away.
    await expect(page.getByTestId('data-mismatch')).toContainText(
      'The input has size 2 but the data has 4 features.',
    )
    await expect(page.getByTestId('diagnostic-badge-input')).toBeVisible()
    await page.getByTestId('data-fit-network').click()
    await expect(page.getByTestId('data-mismatch')).toHaveCount(0)
    await expect(page.getByTestId('shape-input')).toContainText('out 4')
    await expect(page.getByTestId('shape-output')).toContainText('out 3')
    await expect(page.getByTestId('diagnostic-badge-input')).toHaveCount(0)
    await expect(page.getByTestId('data-summary')).toContainText('iris.csv')
    await expect(page.getByTestId('data-summary')).toContainText('inputs 4 · targets 3')

    // The XOR net sums the loss over its 4 patterns; over 120 rows a mean suits its η = 2.
    await selectNode(page, 'loss')
    await page.getByTestId('param-reduction').selectOption('mean')
    // Train it with the Train button; the loss goes down and accuracy is shown.
    await page.getByTestId('train-button').click()
    await expect(page.getByTestId('training-panel')).toBeVisible()
    await expect(page.getByTestId('metric-loss')).toHaveText(/\d/)
    await page.getByTestId('train-speed').selectOption('20')
    await expect
      .poll(async () =>
        Number(
          ((await page.getByTestId('counter-iteration').textContent()) ?? '').replace(/[^\d]/g, ''),
        ),
      )
      .toBeGreaterThan(5)
    const early = await metric(page, 'metric-loss')
    await page.getByTestId('train-speed').selectOption('0')
    await expect
      .poll(() => metric(page, 'metric-loss'), { timeout: 45_000 })
      .toBeLessThan(early / 2)
    await expect
      .poll(() => metric(page, 'metric-accuracy'), { timeout: 45_000 })
      .toBeGreaterThan(80)
    await expect(page.getByTestId('metric-val-accuracy')).toHaveText(/%$/)
  })

  test('the Fashion-MNIST sample previews as an image grid with labels and class balance', async ({
    page,
  }) => {
    // The lecture example's files are the shipped sample: loaded in the background, shape known.
    await openExample(page, 'fashion-784-100-10')
    await expect(page.getByTestId('data-summary')).toContainText('inputs 784 · targets 10')
    // Found: it read "train-images-idx3-ubyte.gz", as the full 60,000 images do.
    await expect(page.getByTestId('data-summary')).toContainText('Fashion-MNIST sample')
    await page.getByTestId('data-open').click()
    await page.getByTestId('data-tab-builtin').click()
    await page.getByTestId('builtin-fashionSample').click()
    const grid = page.getByTestId('idx-grid')
    await expect(grid).toHaveAttribute('data-count', '60')
    await expect(page.getByTestId('data-preview-heading')).toHaveText(
      'train-images-idx3-ubyte.gz + train-labels-idx1-ubyte.gz: 2,000 examples of 28×28 ubyte · test set 500',
    )
    await expect(grid.locator('figcaption').first()).toHaveText('T-shirt/top')
    await expect(grid.locator('figcaption').last()).toHaveText('Ankle boot')
    await expect(page.getByTestId('class-balance').locator('.balance-row')).toHaveCount(10)
    await shot(page.getByTestId('data-dialog'), 'idx-grid')
    await useThisData(page)
    await expect(page.getByTestId('data-applied-shape')).toHaveText('784 inputs → 10 targets')
    await expect(page.getByTestId('data-applied-counts')).toContainText(
      '2,000 training · 0 validation · 500 test rows',
    )
  })

  test('a CSV dropped on the canvas opens in the data panel', async ({ page }) => {
    const text = 'x1,x2,t\n0,0,0\n0,1,1\n1,0,1\n1,1,1\n'
    const dataTransfer = await page.evaluateHandle((csv) => {
      const dt = new DataTransfer()
      dt.items.add(new File([csv], 'or.csv', { type: 'text/csv' }))
      return dt
    }, text)
    await page.locator('.react-flow__pane').dispatchEvent('dragover', { dataTransfer })
    await page.locator('.react-flow__pane').dispatchEvent('drop', { dataTransfer })
    await expect(page.getByTestId('data-dialog')).toBeVisible()
    await expect(page.getByTestId('data-preview-heading')).toHaveText(
      'or.csv: 4 rows × 3 columns, separated by commas, with a header row',
    )
    await expect(page.locator('.react-flow__node')).toHaveCount(0)
    // Two numeric targets side by side: regression with two outputs.
    await page.getByTestId('data-role-x2').selectOption('target')
    await expect(page.getByTestId('data-task')).toHaveText(
      '2 targets side by side (t, x2): 2 outputs.',
    )
    await useThisData(page)
    await expect(page.getByTestId('data-applied-shape')).toHaveText('1 input → 2 targets')
  })

  test('a built-in 2-D set with its noise slider becomes the project data', async ({ page }) => {
    await page.getByTestId('data-open').click()
    await page.getByTestId('data-tab-builtin').click()
    await page.getByTestId('builtin-spirals').click()
    await expect(page.getByTestId('builtin-scatter')).toBeVisible()
    await page.getByTestId('builtin-noise').fill('0.3')
    await expect(page.getByTestId('data-preview-heading')).toHaveText(
      'Two spirals: 200 examples, 2 inputs → 2 targets',
    )
    await useThisData(page, false)
    await expect(page.getByTestId('data-summary')).toContainText('built-in “spirals”')
    await expect(page.getByTestId('data-summary')).toContainText('inputs 2 · targets 2')
  })

  test('scikit-learn’s iris.csv as it comes (count line + 0/1/2 label) trains as classification; its settings survive a reload', async ({
    page,
  }) => {
    await openExample(page, 'xor-2-2-1-sigmoid')
    await openDataFiles(page, fixture('iris-sklearn.csv'))
    await expect(page.getByTestId('data-preview-heading')).toHaveText(
      'iris-sklearn.csv: 150 rows × 5 columns, separated by commas, no header row',
    )
    await expect(page.getByTestId('data-preamble')).toHaveText(
      'Line 1 is not data: line 1 gives a row count (150) and a feature count (4), not column names (class names “setosa”, “versicolor”, “virginica”). It is skipped.',
    )
    // The last column (0/1/2) is the target, read as the three named classes.
    await expect(page.getByTestId('data-target')).toHaveValue('column 5')
    await expect(page.getByTestId('data-target-classes')).toBeChecked()
    await expect(page.getByTestId('data-kind-column 5')).toHaveValue('categorical')
    await expect(page.getByTestId('data-class-names')).toHaveValue('setosa, versicolor, virginica')
    await expect(page.getByTestId('data-task')).toHaveText(
      'Classification: 3 classes (setosa, versicolor, virginica), one output each (one-hot).',
    )
    // Switching the column to numbers makes it regression; back to categories, classes again.
    await page.getByTestId('data-kind-column 5').selectOption('numeric')
    await expect(page.getByTestId('data-task')).toHaveText('Regression: the network predicts the number in “column 5”.')
    await page.getByTestId('data-target-classes').check()
    await expect(page.getByTestId('data-task')).toContainText('Classification: 3 classes (setosa, versicolor, virginica)')
    await page.getByTestId('data-normalization').selectOption('zScore')
    await page.getByTestId('data-validation').fill('20')
    await page.getByTestId('data-stratify').check()
    await shot(page.getByTestId('data-dialog'), 'csv-preamble-classes')
    await useThisData(page)
    await expect(page.getByTestId('data-applied-shape')).toHaveText('4 inputs → 3 targets')
    await expect(page.getByTestId('data-applied-counts')).toContainText('120 training · 30 validation · 0 test rows')
    await page.getByTestId('data-close').click()
    await page.getByTestId('data-fit-network').click()
    await selectNode(page, 'loss')
    await page.getByTestId('param-reduction').selectOption('mean')
    await page.getByTestId('train-button').click()
    await expect
      .poll(() => metric(page, 'metric-accuracy'), { timeout: 90_000 })
      .toBeGreaterThan(60)

    // Reload: the autosaved project reopens with its data (kept in this browser), not re-picked.
    await page.reload()
    await expect(page.getByTestId('engine-version')).toBeVisible()
    await expect(page.getByTestId('data-summary')).toContainText('inputs 4 · targets 3', { timeout: 30_000 })
    await expect(page.getByTestId('data-not-reopened')).toHaveCount(0)
    await page.getByTestId('data-open').click()
    await expect(page.getByTestId('data-validation')).toHaveValue('20')
    await expect(page.getByTestId('data-stratify')).toBeChecked()
    await expect(page.getByTestId('data-normalization')).toHaveValue('zScore')
    await expect(page.getByTestId('data-target-classes')).toBeChecked()
    await expect(page.getByTestId('data-applied-counts')).toContainText('120 training · 30 validation · 0 test rows')
  })

  test('a text cell in a number column: the error offers to read the column as categorical, and does', async ({ page }) => {
    await openExample(page, 'xor-2-2-1-sigmoid')
    const rows = Array.from({ length: 12 }, (_, i) => `${i},${i % 3}`).join('\n')
    await page.getByTestId('data-open').click()
    await page.getByTestId('data-file-input').setInputFiles({
      name: 'codes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`x,code\n${rows}\n12,A7\n`),
    })
    await expect(page.getByTestId('data-error')).toHaveAttribute('data-code', 'notANumber')
    await expect(page.getByTestId('data-error')).toContainText('switch "code" to categorical')
    await page.getByTestId('data-read-categorical').click()
    await expect(page.getByTestId('data-error')).toHaveCount(0)
    await expect(page.getByTestId('data-kind-code')).toHaveValue('categorical')
    await expect(page.getByTestId('data-task')).toHaveText('Classification: 4 classes, one output each (one-hot).')
  })

  test('a gzipped CSV (digits.csv.gz) opens as CSV, its 0…9 column read as classes', async ({ page }) => {
    await openExample(page, 'xor-2-2-1-sigmoid')
    await openDataFiles(page, fixture('digits.csv.gz'))
    await expect(page.getByTestId('data-preview-heading')).toHaveText(
      'digits.csv.gz: 1,797 rows × 65 columns, separated by commas, no header row',
    )
    await expect(page.getByTestId('data-target')).toHaveValue('column 65')
    await page.getByTestId('data-target-classes').check()
    await expect(page.getByTestId('data-task')).toHaveText('Classification: 10 classes, one output each (one-hot).')
    await page.getByTestId('data-test').fill('20')
    await page.getByTestId('data-stratify').check()
    await useThisData(page)
    await expect(page.getByTestId('data-applied-shape')).toHaveText('64 inputs → 10 targets')
    await expect(page.getByTestId('data-applied-counts')).toContainText('1,438 training · 0 validation · 359 test rows')
  })
})
