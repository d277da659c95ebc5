/**
 * Issue 9: the decision boundary has a colour legend and shows training and held-out
 * (validation) points with different markers.
 */
import { expect, test } from '@playwright/test'
import { openExample, selectNode, setParam } from './helpers/designer'
import { viewsPainted } from './helpers/training'

test('XOR with one point held out: legend, training dots and a validation diamond', async ({ page }) => {
  await page.goto('/')
  await openExample(page, 'xor-2-2-1-sigmoid')
  await selectNode(page, 'optimizer')
  await setParam(page, 'validationFraction', '0.25')
  await page.getByTestId('train-button').click()
  const plane = page.getByTestId('decision-boundary')
  await expect(plane).toBeVisible()
  const legend = page.getByTestId('boundary-legend')
  await expect(legend).toContainText('output 0')
  await expect(legend).toContainText('output 1')
  await expect(legend).toContainText('training point')
  await expect(legend).toContainText('validation point (held out, not trained on)')
  await expect(page.getByTestId('legend-held-marker')).toBeVisible()
  // The four XOR points in the plane's pixels (data in [0, 1], padded by 0.25 on each side):
  // three training dots (class colour at the centre) and one held-out diamond (white centre).
  // Once the run has finished, its last picture is on the plane (painted off the main thread).
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'finished', { timeout: 120_000 })
  await viewsPainted(page)
  const centres = await plane.evaluate((el) => {
    const canvas = el as HTMLCanvasElement
    const ctx = canvas.getContext('2d')!
    const px = canvas.width
    const at = (v: number) => Math.round(((v + 0.25) / 1.5) * px)
    return [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ].map(([x, y]) => Array.from(ctx.getImageData(at(x), px - at(y), 1, 1).data.slice(0, 3)))
  })
  const white = centres.filter(([r, g, b]) => r > 245 && g > 245 && b > 245)
  const classColoured = centres.filter(([r, g, b]) => (r === 8 && g === 119 && b === 189) || (r === 245 && g === 147 && b === 34))
  expect(white).toHaveLength(1)
  expect(classColoured).toHaveLength(3)
  if (process.env.AXON_SCREENSHOTS === '1') await page.getByTestId('boundary').screenshot({ path: 'docs/screenshots/training-boundary-legend.png' })
})
