/**
 * Data-parallel training in the browser build: the page is cross-origin isolated (COOP/COEP from
 * the preview server), the engine's worker starts a nested helper worker, the status bar offers
 * the threads, and training Fashion-MNIST splits its mini-batches over two threads.
 */
import { expect, test } from '@playwright/test'
import { answerDialogs, counter, openExampleFromGallery } from './helpers/training'

test('the browser build is cross-origin isolated and trains Fashion-MNIST on 2 threads', async ({ page }) => {
  answerDialogs(page)
  const workers: string[] = []
  page.on('worker', (w) => workers.push(w.url()))
  await page.goto('/')
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
  const cores = await page.evaluate(() => navigator.hardwareConcurrency)
  test.skip(cores < 2, `this browser reports ${cores} core(s): nothing to split over`)

  const threads = page.getByTestId('engine-threads')
  await expect(threads).toBeEnabled({ timeout: 30_000 })
  await threads.selectOption('2')
  await expect(threads).toHaveValue('2')
  await expect.poll(() => workers.filter((u) => /gradient\.worker/.test(u)).length).toBeGreaterThanOrEqual(1)

  await openExampleFromGallery(page, 'fashion-784-100-10')
  await page.getByTestId('train-button').click()
  await expect.poll(() => counter(page, 'epoch'), { timeout: 120_000 }).toBeGreaterThanOrEqual(2)

  // The status bar says how many mini-batches were split across threads (read on hover).
  const control = page.getByTestId('engine-threads-control')
  await control.hover()
  await expect.poll(async () => Number(/(\d+) mini-batches split/.exec((await control.getAttribute('title')) ?? '')?.[1] ?? 0)).toBeGreaterThan(0)
})
