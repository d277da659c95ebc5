/**
 * The paint worker under faults, injected into the real worker script as it is served: a
 * picture that cannot be painted says so in its place while the others are drawn; a browser
 * without OffscreenCanvas, or a worker that cannot read its jobs, gets every picture painted on
 * the page instead.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { openExample } from './helpers/designer'
import { counter, showTrainingPanel, viewsPainted } from './helpers/training'

/** Serves the paint worker with `prelude` run before its own code. */
async function withWorkerPrelude(page: Page, prelude: string): Promise<void> {
  await page.route('**/assets/paint.worker-*.js', async (route) => {
    const response = await route.fetch()
    await route.fulfill({ response, body: `${prelude}\n${await response.text()}` })
  })
}

/** Whether the canvas holds any painted pixel. */
const painted = (canvas: Locator) =>
  canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
    return data.some((v, i) => i % 4 === 3 && v > 0)
  })

/** XOR, one epoch stepped: the canvas's dense nodes, the weights view and the boundary are painted. */
async function stepOneEpoch(page: Page): Promise<void> {
  await page.goto('/')
  await openExample(page, 'xor-2-2-1-sigmoid')
  await showTrainingPanel(page)
  await page.getByTestId('train-step-epoch').click()
  await expect.poll(() => counter(page, 'epoch')).toBe(1)
  await viewsPainted(page)
}

test('a picture that cannot be painted says so in its place; the other pictures are drawn', async ({ page }) => {
  // The output layer's 1×2 weight map gets no 2-D context (as an oversized canvas gets none).
  await withWorkerPrelude(
    page,
    `const Real = self.OffscreenCanvas
     self.OffscreenCanvas = class extends Real { getContext(type, options) { return this.width === 2 && this.height === 1 ? null : super.getContext(type, options) } }`,
  )
  await stepOneEpoch(page)
  await expect(page.getByTestId('node-heatmap-output-problem')).toHaveText('Not drawn: no 2-D canvas of 2×1 pixels could be had')
  await expect(page.getByTestId('heatmap-output-problem')).toBeVisible()
  await expect(page.locator('canvas[data-testid="node-heatmap-output"]')).toBeHidden()
  for (const id of ['node-heatmap-hidden', 'heatmap-hidden', 'decision-boundary']) {
    await expect(page.locator(`canvas[data-testid="${id}"]`)).toBeVisible()
    expect(await painted(page.locator(`canvas[data-testid="${id}"]`)), id).toBe(true)
  }
})

test('without OffscreenCanvas the pictures are painted on the page', async ({ page }) => {
  await page.addInitScript(() => delete (window as unknown as { OffscreenCanvas?: unknown }).OffscreenCanvas)
  await withWorkerPrelude(page, 'delete self.OffscreenCanvas')
  await stepOneEpoch(page)
  for (const id of ['node-heatmap-hidden', 'node-heatmap-output', 'heatmap-output', 'decision-boundary']) {
    await expect(page.getByTestId(`${id}-problem`)).toHaveCount(0)
    expect(await painted(page.locator(`canvas[data-testid="${id}"]`)), id).toBe(true)
  }
})

test('a worker that cannot read its jobs hands them back: the page paints them', async ({ page }) => {
  await withWorkerPrelude(
    page,
    `self.addEventListener('message', (e) => { e.stopImmediatePropagation(); self.dispatchEvent(new MessageEvent('messageerror')) })`,
  )
  await stepOneEpoch(page)
  for (const id of ['node-heatmap-hidden', 'node-heatmap-output', 'heatmap-output', 'decision-boundary']) {
    await expect(page.getByTestId(`${id}-problem`)).toHaveCount(0)
    expect(await painted(page.locator(`canvas[data-testid="${id}"]`)), id).toBe(true)
  }
})
