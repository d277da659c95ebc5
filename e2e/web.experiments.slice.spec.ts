/**
 * The optimizer playground on the network's own error (issue 16): the Mazur 2-2-2 example's
 * training loss over w5 and w6, computed by the engine; SGD on it starts at the loss the
 * step-through shows and takes the lecture's step.
 */
import { expect, test } from '@playwright/test'
import { openExperiments } from './helpers/experiments'
import { openExampleFromGallery, showTrainingPanel } from './helpers/training'
import { selectNode, setParam } from './helpers/designer'

test('the Mazur network’s error over w5 and w6: contour, SGD step by step from the loss the app shows', async ({ page }) => {
  await page.goto('/')
  await openExampleFromGallery(page, 'mazur-2-2-2')
  await showTrainingPanel(page)
  await page.getByTestId('open-step-through').click()
  const shownLoss = page.getByTestId('step-through').getByTestId('st-loss')
  await expect(shownLoss).toHaveText('0.298371109')
  const appLoss = await shownLoss.textContent()
  await page.getByTestId('step-through').getByRole('button', { name: 'Close' }).click()

  await openExperiments(page, 'playground2d')
  await page.getByTestId('pg2-surface').selectOption('network')
  // The weights into o1, named as the step-through names them.
  await expect(page.getByTestId('pg2-weight-x-name')).toHaveText('w5: h1 → o1')
  await expect(page.getByTestId('pg2-weight-y-name')).toHaveText('w6: h2 → o1')
  await expect(page.getByTestId('pg2-contour')).toBeVisible()
  await expect(page.getByTestId('pg2-net-loss')).toContainText('E = 0.298371109 at w5 = 0.4, w6 = 0.45')
  await page.getByTestId('pg2-iterations').fill('3')
  await expect(page.getByTestId('pg2-at')).toHaveText('iteration 3 / 3')
  await expect(page.getByTestId('pg2-path-sgd')).toHaveAttribute('data-points', '4')

  // Step by step: at step 0 every optimizer stands at the network's loss; SGD's first step is the lecture's w5⁺.
  await page.getByTestId('pg2-reset').click()
  await expect(page.getByTestId('pg2-at')).toHaveText('iteration 0 / 3')
  const sgd = page.getByTestId('pg2-row-sgd')
  expect(Number(await sgd.getAttribute('data-f')).toFixed(9)).toBe(appLoss)
  await page.getByTestId('pg2-step').click()
  await expect(page.getByTestId('pg2-at')).toHaveText('iteration 1 / 3')
  await expect(sgd.locator('td').nth(1)).toHaveText('0.35892')
  expect(Number(await sgd.getAttribute('data-f'))).toBeLessThan(0.298371109)
  await page.getByTestId('pg2-end').click()
  await page.getByTestId('experiments').screenshot({ path: 'test-results/playground-network-slice.png' })

  // The same weight twice is refused where the user looks.
  await page.getByTestId('pg2-weight-y-input').selectOption({ label: 'h1' })
  await expect(page.getByTestId('pg2-problem')).toHaveText('Pick two different weights (both are w5).')

  await page.getByTestId('pg2-weight-y-input').selectOption({ label: 'h2' })
  await expect(page.getByTestId('pg2-weight-y-name')).toHaveText('w6: h2 → o1')

  // Edited so that it no longer compiles (three output units, hand-set weights for two): said where the plot would be.
  await page.getByTestId('experiments-close').click()
  await selectNode(page, 'output')
  await setParam(page, 'units', '3')
  await page.getByTestId('cmd-experiments').click()
  await expect(page.getByTestId('pg2-problem')).toContainText('No network compiles, so there is no error surface to slice')
  // Fixed again: the slice comes back, of the network as it is.
  await page.getByTestId('experiments-close').click()
  await setParam(page, 'units', '2')
  await page.getByTestId('cmd-experiments').click()
  await expect(page.getByTestId('pg2-net-loss')).toContainText('E = 0.298371109 at w5 = 0.4, w6 = 0.45')
})
