import { expect, test } from '@playwright/test'

test.describe('browser build: first screen', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/')
  })

  test('shows the canvas, the palette and the engine version from the Web Worker', async ({ page }) => {
    await expect(page.locator('.react-flow__pane')).toBeVisible()
    await expect(page.getByTestId('palette')).toBeVisible()
    await expect(page.getByTestId('engine-version')).toHaveText(/^Engine \d+\.\d+\.\d+ · Web Worker$/)
    // Chromium runs WebAssembly relaxed SIMD (the default build), and the page's CSP must allow the kernel to compile.
    await expect(page.getByTestId('engine-kernel')).toHaveText('WebAssembly relaxed SIMD')
  })
})
