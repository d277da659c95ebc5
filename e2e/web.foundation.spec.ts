import { expect, test } from '@playwright/test'

test.describe('browser build: first screen and engine link', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/')
  })

  test('shows the canvas, the palette and the engine version from the Web Worker', async ({ page }) => {
    await expect(page.locator('.react-flow__pane')).toBeVisible()
    await expect(page.getByTestId('palette')).toBeVisible()
    await expect(page.getByTestId('engine-version')).toHaveText(/^Engine \d+\.\d+\.\d+ · Web Worker$/)
    // Chromium runs WebAssembly SIMD, and the page's CSP must allow the kernel to compile.
    await expect(page.getByTestId('engine-kernel')).toHaveText('WebAssembly SIMD')
  })

  test('streams 200 events with transferred Float32Arrays from the engine worker', async ({ page }) => {
    await page.getByTestId('link-check').click()
    await expect(page.getByTestId('link-check-result')).toHaveText('200 events received · finished · 200 transferred')
  })

  test('cancels a stream mid-way', async ({ page }) => {
    // The stream is paced at one event per frame, so there is time to cancel after a few.
    await page.getByTestId('link-check').click()
    await expect(page.getByTestId('link-check-result')).toHaveText(/^([1-9]\d*) events received/)
    await page.getByTestId('link-check-cancel').click()
    const result = page.getByTestId('link-check-result')
    await expect(result).toContainText('cancelled')
    const received = Number((await result.textContent())!.match(/^(\d+)/)![1])
    expect(received).toBeLessThan(200)
  })
})
