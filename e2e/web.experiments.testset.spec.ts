/**
 * The held-out test set (issue 16): the Fashion-MNIST sample's t10k pair is the test set, not
 * validation; it is evaluated when the run ends and on demand, shown apart from validation.
 */
import { expect, test } from '@playwright/test'
import { openExample, selectNode, setParam } from './helpers/designer'
import { showTrainingPanel } from './helpers/training'

test('the test set is evaluated at the end of a run and on demand, apart from validation', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto('/')
  await openExample(page, 'fashion-784-100-10')
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '2')
  await setParam(page, 'validationFraction', '0.1')
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('run-info')).toContainText('1,800 examples · 200 for validation · 500 for the test')
  await expect(page.getByTestId('test-set')).toContainText('500 examples held out')
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'finished', { timeout: 150_000 })
  const result = page.getByTestId('test-result')
  await expect(result).toHaveAttribute('data-epoch', '2')
  await expect(result).toContainText(/Test loss [\d.]+ · accuracy [\d.]+% after epoch 2/)
  // Two epochs of a 784-100-10 net on 1,800 images: far better than the 10% of guessing.
  expect(Number(await result.getAttribute('data-accuracy'))).toBeGreaterThan(0.5)
  // On demand, with the same (final) weights: the same numbers.
  const loss = await result.getAttribute('data-loss')
  await page.getByTestId('evaluate-test').click()
  await expect(result).toHaveAttribute('data-loss', loss!)
  // Reset forgets it until the next end of training.
  await page.getByTestId('train-reset').click()
  await expect(page.getByTestId('test-pending')).toBeVisible()
})
