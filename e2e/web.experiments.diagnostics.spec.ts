/**
 * Training diagnostics in plain words (issue 16): a badge on the node and a list in the panel,
 * each with its number and what to try. Here: identical units from an all-zero initialisation.
 */
import { expect, test } from '@playwright/test'
import { openExample, selectNode } from './helpers/designer'
import { showTrainingPanel } from './helpers/training'

test('all-zero initialisation: the hidden layer gets a badge and the panel says why and what to try; random weights get none', async ({ page }) => {
  await page.goto('/')
  await openExample(page, 'xor-2-2-1-sigmoid')
  await showTrainingPanel(page)
  // As the example comes (uniform random weights): no diagnostic after some training.
  await page.getByTestId('train-step-epoch').click()
  await expect(page.getByTestId('counter-epoch')).toContainText('1')
  await expect(page.getByTestId('run-diagnostics')).toHaveCount(0)
  await expect(page.getByTestId('run-diagnostic-badge-hidden')).toHaveCount(0)
  // Every weight and bias 0: the two hidden units are copies and stay so.
  for (const id of ['hidden', 'output']) {
    await selectNode(page, id)
    await page.getByTestId('param-weightInit').selectOption('zeros')
    await page.getByTestId('param-biasInit').selectOption('zeros')
  }
  await showTrainingPanel(page)
  page.on('dialog', (d) => void d.accept())
  await page.getByTestId('train-reset').click()
  await page.getByTestId('train-step-epoch').click()
  const item = page.getByTestId('run-diagnostic-symmetricUnits')
  await expect(item).toContainText('Identical units (layer “hidden”): All weights of this layer are 0: its 2 units compute the same thing')
  await expect(item).toContainText('Try: Initialise the weights randomly')
  await expect(page.getByTestId('run-diagnostic-badge-hidden')).toHaveAttribute('data-ids', 'symmetricUnits')
  await page.getByTestId('run-diagnostic-badge-hidden').hover()
  await expect(page.getByTestId('run-diagnostic-badge-hidden').getByRole('tooltip')).toContainText('get the same gradient and stay identical')
  await page.screenshot({ path: 'test-results/diagnostics.png' })
})
