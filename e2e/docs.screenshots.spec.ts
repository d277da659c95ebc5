/**
 * Screenshots of the designer for the docs. Not a test: playwright.config.ts runs the `docs` project
 * only with AXON_SCREENSHOTS=1 (`AXON_SCREENSHOTS=1 npx playwright test`). It writes
 * docs/screenshots/encoder-8-3-8.png (light), designer-light.png, designer-dark.png,
 * designer-gallery.png, designer-diagnostic.png.
 */
import { expect, test } from '@playwright/test'
import { openExample, selectNode, viewportSettled } from './helpers/designer'
import { viewsPainted } from './helpers/training'

test.use({ viewport: { width: 1920, height: 1080 } })

/** The canvas still, and every picture the paint worker draws (node weights, boundary) on its canvas, then the shot. */
async function shot(page: import('@playwright/test').Page, path: string): Promise<void> {
  await viewportSettled(page)
  await viewsPainted(page)
  await page.screenshot({ path })
}

async function setTheme(page: import('@playwright/test').Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('axon:theme', t), theme)
}

test('the 8-3-8 encoder, light theme', async ({ page }) => {
  await setTheme(page, 'light')
  await page.goto('/')
  await openExample(page, 'encoder-8-3-8')
  await expect(page.getByTestId('compile-status')).toHaveAttribute('data-ok', 'true')
  await shot(page, 'docs/screenshots/encoder-8-3-8.png')
})

test('hand-set weights and an activation, light and dark', async ({ page }) => {
  await setTheme(page, 'light')
  await page.goto('/')
  await openExample(page, 'mazur-2-2-2')
  await selectNode(page, 'hidden')
  await shot(page, 'docs/screenshots/designer-light.png')
  await page.getByTestId('cmd-theme').click()
  await selectNode(page, 'hidden-act')
  await shot(page, 'docs/screenshots/designer-dark.png')
})

test('the examples gallery', async ({ page }) => {
  await setTheme(page, 'light')
  await page.goto('/')
  await page.getByTestId('cmd-examples').click()
  await expect(page.getByTestId('gallery')).toBeVisible()
  await shot(page, 'docs/screenshots/designer-gallery.png')
})

test('a diagnostic pinned to its node', async ({ page }) => {
  await setTheme(page, 'light')
  await page.goto('/')
  await openExample(page, 'xor-2-2-1-sigmoid')
  await selectNode(page, 'input')
  await page.getByTestId('param-size').fill('3')
  await viewportSettled(page)
  await page.locator('[data-testid="diagnostic-badge-input"] .diag-badge-icon').hover()
  await expect(page.locator('[data-testid="diagnostic-badge-input"] .diag-callout')).toBeVisible()
  await shot(page, 'docs/screenshots/designer-diagnostic.png')
})

test.describe('classroom sizes (issue 9)', () => {
  test.use({ viewport: { width: 1280, height: 800 } })
  for (const theme of ['light', 'dark'] as const) {
    test(`XOR learning at 1280 × 800, ${theme}`, async ({ page }) => {
      await setTheme(page, theme)
      await page.goto('/')
      await openExample(page, 'xor-2-2-1-sigmoid')
      await page.getByTestId('train-button').click()
      await expect(page.getByTestId('decision-boundary')).toBeVisible()
      await expect.poll(async () => Number(((await page.getByTestId('counter-epoch').textContent()) ?? '0').split('/')[0].replace(/[^\d]/g, ''))).toBeGreaterThan(200)
      // Paused, so the pictures stop changing and each shows its newest paint (a training view is busy between frames).
      await page.getByTestId('train-pause').click()
      await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'paused')
      await shot(page, `docs/screenshots/${theme === 'light' ? 'designer-1280x800' : 'designer-dark-training'}.png`)
    })
  }
})
