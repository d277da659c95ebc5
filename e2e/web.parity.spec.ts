/**
 * TensorFlow Playground parity, as a teacher uses it: a 2-D built-in set with test points held
 * out, the input-features node (x₁x₂ makes XOR linearly separable, so one layer solves it), and
 * the test points on the decision boundary with their own marker. Waits on what the app shows.
 */
import { expect, test } from '@playwright/test'
import { selectNode, setParam, viewportSettled } from './helpers/designer'
import { answerDialogs, runState, showTrainingPanel } from './helpers/training'

test('XOR clouds with a third held out: the x₁x₂ feature lets one softmax layer solve it, test points on the boundary', async ({ page }) => {
  answerDialogs(page)
  await page.goto('/')
  await expect(page.locator('.react-flow__pane')).toBeVisible()
  await page.getByTestId('cmd-new').click()
  await expect(page.locator('.react-flow__node')).toHaveCount(0)

  // The data: XOR clouds, 30 % of the points held out as test data.
  await page.getByTestId('data-open').click()
  await page.getByTestId('data-tab-builtin').click()
  await page.getByTestId('builtin-xorClouds').click()
  await page.getByTestId('builtin-test').fill('0.3')
  await expect(page.getByTestId('builtin-test-value')).toHaveText('30 %')
  await page.getByTestId('data-apply').click()
  await expect(page.getByTestId('data-dialog')).toHaveCount(0)

  // input → input features → dense → softmax → cross-entropy → Adam, each click wired after the last.
  for (const item of ['input', 'features', 'dense', 'activation-softmax', 'loss-softmaxCrossEntropy', 'optimizer-adam']) await page.getByTestId(`palette-${item}`).click()
  await expect(page.locator('.react-flow__edge')).toHaveCount(5)
  await expect(page.getByTestId('edge-label-features-1->dense-1')).toHaveText('2 → 4')
  // The canvas followed each block added, so the first ones went past its left edge: Fit, as a
  // teacher would, to see the whole chain.
  await viewportSettled(page)
  await page.getByTestId('cmd-fit').click()
  await viewportSettled(page)
  await selectNode(page, 'dense-1')
  await setParam(page, 'units', '2')

  // Tick x₁x₂: the first layer's width follows the features.
  await selectNode(page, 'features-1')
  await expect(page.getByTestId('param-features-x1')).toBeChecked()
  await page.getByTestId('param-features-x1x2').check()
  await expect(page.getByTestId('edge-label-features-1->dense-1')).toHaveText('3 → 2')
  await expect(page.locator('.react-flow__node[data-id="features-1"]')).toContainText('x₁, x₂, x₁x₂')
  await expect(page.getByTestId('params-dense-1')).toHaveText('8 params')
  if (process.env.AXON_SCREENSHOTS === '1') await page.screenshot({ path: 'docs/screenshots/features-node.png' })

  await selectNode(page, 'optimizer-1')
  await setParam(page, 'learningRate', '0.1')
  await page.getByTestId('train-button').click()
  await showTrainingPanel(page)
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 240_000 })
  await expect(runState(page)).toHaveText(/^Solved after [\d,]+ epochs/)

  // The 60 test points are on the boundary as triangles, the legend says what they are.
  const legend = page.getByTestId('boundary-legend')
  await expect(legend).toContainText('training point')
  await expect(legend).toContainText('test point (held out, evaluated at the end)')
  await expect(page.getByTestId('boundary-show-test')).toBeChecked()
  await expect(page.getByTestId('boundary')).toContainText('Show the test points (60)')
  const accuracy = Number(await page.getByTestId('test-result').getAttribute('data-accuracy'))
  expect(accuracy).toBeGreaterThanOrEqual(0.95)
  if (process.env.AXON_SCREENSHOTS === '1') await page.getByTestId('boundary').screenshot({ path: 'docs/screenshots/boundary-test-points.png' })
  // Hidden, the legend no longer lists them.
  await page.getByTestId('boundary-show-test').uncheck()
  await expect(legend).not.toContainText('test point')
})
