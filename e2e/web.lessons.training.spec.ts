/**
 * Issue 15: the lessons with a training run play from start to end in the browser build: each
 * question answered wrong, then right; a target question is "not yet" before the run and reached
 * after it. Waits follow the run state the Training panel reports, never the clock.
 */
import { expect, test } from '@playwright/test'
import { selectNode } from './helpers/designer'
import { playLesson } from './helpers/lessons'

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('.react-flow__pane')).toBeVisible()
})

test('overfitting: L2 and L1 by hand on w5, dropout off at evaluation, early stopping to 75 % validation accuracy', async ({ page }) => {
  test.setTimeout(240_000)
  await playLesson(
    page,
    'overfitting',
    [
      { number: ['0.3589165', '0.3389165'], shows: ['the engine computes 0.338916', '0.38 − 0.04108352 = 0.33891648'] },
      { number: ['0.3389165', '0.3089165'], shows: ['the engine computes 0.308916'] },
      { choice: [0, 1] },
      { number: ['0.5', '0.7513651'], shows: ['the engine computes 0.751365', 'out_o1 = 0.75136507'] },
      { target: 180_000, shows: ['Reached:'] },
    ],
    0,
  )
  // Early stopping may be switched off by the student; the rest stays locked.
  await selectNode(page, 'optimizer')
  await expect(page.getByTestId('param-earlyStopping')).toBeEnabled()
  await expect(page.getByTestId('param-learningRate')).toBeDisabled()
})

test('initialisation: σ(0) = 0.5 from all zeros, net spread √101 ≈ 10 under N(0, 1) and √2 under N(0, 1/n_in)', async ({ page }) => {
  await playLesson(
    page,
    'initialisation',
    [
      { number: ['0', '0.5'], shows: ['the engine computes 0.5.'] },
      { choice: [0, 1] },
      { number: ['1', '10'], shows: ['the engine computes 10.03', '√(1 + 100) = 10.05'] },
      { number: ['10', '1.41'], shows: ['the engine computes 1.44', '√2 = 1.41'] },
      { choice: [0, 1] },
    ],
    2,
  )
})

test('the 8-3-8 encoder: 2³ codes, trained to 100 %, its hidden code read from the Hidden activations table', async ({ page }) => {
  test.setTimeout(240_000)
  await playLesson(
    page,
    'encoder-hidden-codes',
    [
      { choice: [0, 2] },
      { target: 180_000, shows: ['Reached: 1 ≥ 1'] },
      { number: ['0.5', '0.79'], shows: ['the engine computes 0.79', '.89 .04 .08'] },
      { choice: [0, 1] },
    ],
    2,
  )
  // What the question asked for is what the student's table shows.
  await expect(page.getByTestId('code-row-0').locator('td').nth(1)).toHaveText('0.79')
})

test('Fashion-MNIST: 784 inputs, 79,510 parameters, 6 updates per epoch, trained to 70 % validation accuracy', async ({ page }) => {
  test.setTimeout(420_000)
  await playLesson(
    page,
    'fashion-mnist',
    [
      { choice: [0, 2], shows: ['28 × 28 = 784'] },
      { number: ['79400', '79510'], shows: ['79,510'] },
      { choice: [0, 1], shows: ['so 6 updates'] },
      { target: 360_000, shows: ['Reached:'] },
    ],
    3,
  )
})
