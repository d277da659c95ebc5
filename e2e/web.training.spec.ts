/**
 * Watch it learn (issue 5), in the browser build: examples opened from the gallery, trained
 * from the Train button, observed through the training panel.
 *
 * With AXON_SCREENSHOTS=1 the tests also write docs/screenshots/training-*.png.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'

const SHOTS = process.env.AXON_SCREENSHOTS === '1'

/** Opens a gallery example by its file id, the way a user does. */
async function openExample(page: Page, id: string): Promise<void> {
  await page.getByTestId('cmd-examples').click()
  await page.getByTestId(`example-${id}`).click()
  await expect(page.getByTestId('gallery')).toHaveCount(0)
}

/** Presses Train and waits for the training panel's first snapshot. */
async function train(page: Page): Promise<void> {
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('training-panel')).toBeVisible()
  await expect(page.getByTestId('counter-iteration')).toHaveText(/^\d[\d,]*$/)
}

async function counter(page: Page, name: 'epoch' | 'iteration' | 'examples'): Promise<number> {
  const text = (await page.getByTestId(`counter-${name}`).textContent()) ?? ''
  return Number(text.split('/')[0].replace(/[^\d]/g, ''))
}

async function setSpeed(page: Page, updatesPerFrame: number): Promise<void> {
  await page.getByTestId('train-speed').selectOption(String(updatesPerFrame))
}

async function shot(target: Locator | Page, name: string): Promise<void> {
  if (SHOTS) await target.screenshot({ path: `docs/screenshots/training-${name}.png` })
}

test.describe('browser build: watch it learn', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/')
    await expect(page.getByTestId('engine-version')).toBeVisible()
  })

  test('the 8-3-8 encoder reaches 100% accuracy with 8 distinct hidden codes', async ({ page }) => {
    await openExample(page, 'encoder-8-3-8')
    await train(page)
    await setSpeed(page, 0)
    await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'finished', { timeout: 45_000 })
    await expect(page.getByTestId('metric-accuracy')).toHaveText('100.0%')
    await expect(page.getByTestId('train-state')).toHaveText(/^Ran to the [\d,]+-epoch limit; every training example is classified correctly\.$/)
    const distinct = page.locator('[data-testid^="distinct-codes-"]').first()
    await expect(distinct).toHaveAttribute('data-distinct', '8')
    await expect(distinct).toHaveText('8 distinct codes')
    await shot(page, 'encoder-8-3-8')
    await shot(page.getByTestId('hidden-codes'), 'hidden-codes')
  })

  test('pause stops the counters; step advances exactly one example', async ({ page }) => {
    await openExample(page, 'encoder-8-3-8')
    await train(page)
    await setSpeed(page, 1)
    await expect.poll(() => counter(page, 'iteration')).toBeGreaterThan(10)
    await page.getByTestId('train-pause').click()
    await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'paused')
    const iteration = await counter(page, 'iteration')
    const examples = await counter(page, 'examples')
    await page.waitForTimeout(600)
    expect(await counter(page, 'iteration')).toBe(iteration)
    expect(await counter(page, 'examples')).toBe(examples)
    await page.getByTestId('train-step-example').click()
    await expect.poll(() => counter(page, 'examples')).toBe(examples + 1)
    // Online learning: one example is one update.
    expect(await counter(page, 'iteration')).toBe(iteration + 1)
    await page.waitForTimeout(300)
    expect(await counter(page, 'examples')).toBe(examples + 1)
    await shot(page.getByTestId('weights'), 'weights')
  })

  test("the Mazur example's step-through shows w5⁺ = 0.35891648", async ({ page }) => {
    await openExample(page, 'mazur-2-2-2')
    await train(page)
    // A one-update lecture example starts paused, ready to be stepped through.
    await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'paused')
    await page.getByTestId('open-step-through').click()
    const st = page.getByTestId('step-through')
    await expect(st).toBeVisible()
    await expect(st.getByTestId('st-w5-after')).toHaveText('0.35891648')
    await expect(st.getByTestId('st-w1-after')).toHaveText('0.149780716')
    await expect(st.getByTestId('st-loss')).toHaveText('0.298371109')
    await expect(st.getByTestId('st-grad-w5')).toHaveText('0.082167041')
    // Hovering a number says how it was computed.
    await expect(st.getByTestId('st-w5-after')).toHaveAttribute('title', 'w5 after the update')
    // The dialog fits the window and scrolls inside; a tall window shows all of it for the docs.
    const box = await st.boundingBox()
    const viewport = page.viewportSize()!
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height)
    if (SHOTS) {
      await page.setViewportSize({ width: 1280, height: 1500 })
      await shot(st, 'step-through-mazur')
      await page.setViewportSize(viewport)
    }
    // Applying the update takes one step: the counters move by one.
    await st.getByTestId('st-apply').click()
    await expect.poll(() => counter(page, 'iteration')).toBe(1)
  })

  test("lecture 000's exercise: forward 0.68 / 0.6637 / 0.69 and δ = −0.0406", async ({ page }) => {
    await openExample(page, 'sjtu-exercise')
    await train(page)
    await page.getByTestId('open-step-through').click()
    const st = page.getByTestId('step-through')
    await expect(st.getByTestId('st-out-h2')).toHaveText(/^0\.6637/)
    await expect(st.getByTestId('st-out-o1')).toHaveText(/^0\.69/)
    // The engine's δ is ∂E/∂net = −(t − o)(1 − o)o: the lecture's −0.0406 with the opposite sign.
    await expect(st.getByTestId('st-delta-o1')).toHaveText(/^0\.0406/)
    // Output weights are w5, w6 here (hidden first); the lecture's printed weights agree to 3 decimals
    // (it rounds δ and back-propagates through the already-updated output weights).
    await expect(st.getByTestId('st-w5-after')).toHaveText(/^0\.272/)
    await expect(st.getByTestId('st-w1-after')).toHaveText(/^0\.099/)
  })

  test('the XOR decision boundary changes while the network trains', async ({ page }) => {
    await openExample(page, 'xor-2-2-1-sigmoid')
    await train(page)
    // Reset pauses and re-initialises from the seed (the run may even have finished by now).
    await page.getByTestId('train-reset').click()
    await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'paused')
    await expect(page.getByTestId('counter-iteration')).toHaveText('0')
    const boundary = page.getByTestId('decision-boundary')
    await expect(boundary).toBeVisible()
    const before = await boundary.screenshot()
    await setSpeed(page, 5)
    await page.getByTestId('train-resume').click()
    await expect.poll(() => counter(page, 'iteration')).toBeGreaterThan(300)
    const after = await boundary.screenshot()
    expect(after.equals(before)).toBe(false)
    await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'finished', { timeout: 30_000 })
    await expect(page.locator('[data-testid^="unit-map-"]').first()).toBeVisible()
    await shot(page.getByTestId('boundary'), 'decision-boundary')
    await shot(page.getByTestId('curves'), 'curves')
  })
})
