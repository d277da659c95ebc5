/**
 * Reset as a class uses it: a run trained to its end, the views the panel has below the fold
 * out of sight, Reset pressed at the top. Every view, in sight or not, then holds the new run's
 * data: scrolling down (or switching back to a tab) never shows the old run's weights or
 * boundary, not even for a frame. Then undo and redo across a Reset of a changed network. Waits
 * are on the run's counters and the views' payloads.
 */
import { expect, test, type Page } from '@playwright/test'
import { openExample, selectNode, setParam } from './helpers/designer'
import { openExperiments } from './helpers/experiments'
import { counter, runState, showTrainingPanel, trainToEnd, viewsPainted } from './helpers/training'

/** What views `ids` show now, in the page itself (in sight or not): their text and their canvases' pixels. */
function viewContents(page: Page, ids: string[]): Promise<{ text: string; pixels: string[] }[]> {
  return page.evaluate((views) => views.map((id) => {
    const view = document.querySelector(`[data-testid="live-view-${id}"]`)
    return { text: view?.textContent ?? '', pixels: Array.from(view?.querySelectorAll('canvas') ?? [], (c) => c.toDataURL()) }
  }), ids)
}

/** The views' section element scrolled so that the panel's top (its controls) is in sight, views below it not. */
async function scrollPanel(page: Page, to: 'top' | 'end'): Promise<void> {
  await page.getByTestId('training-panel').evaluate((el, y) => el.closest('.side-tab-body')!.scrollTo(0, y), to === 'top' ? 0 : 1e6)
}

test('after Reset, views out of sight hold the new run’s weights and boundary: scrolled into sight, never the old run’s', async ({ page }) => {
  page.on('dialog', (d) => void d.accept())
  // A short window: the panel scrolls, its views below the controls.
  await page.setViewportSize({ width: 1400, height: 420 })
  await page.goto('/')
  await openExample(page, 'xor-2-2-1-sigmoid')
  await trainToEnd(page)
  const views = ['boundary', 'weights']
  for (const id of views) {
    await page.getByTestId(`live-view-${id}`).scrollIntoViewIfNeeded()
    await viewsPainted(page)
  }
  const trained = await viewContents(page, views)

  await scrollPanel(page, 'top')
  for (const id of views) await expect(page.getByTestId(`live-view-${id}`)).not.toBeInViewport()
  await page.getByTestId('train-reset').click()
  await expect.poll(() => counter(page, 'epoch')).toBe(0)
  for (const id of views) await expect(page.getByTestId(`live-view-${id}`)).toHaveAttribute('data-computed-at', '0')
  await viewsPainted(page)
  // Found: out of sight they kept the trained run's weights and boundary until scrolled to.
  const reset = await viewContents(page, views)
  for (const [i, id] of views.entries()) expect(reset[i].pixels, `${id}'s pictures out of sight after Reset`).not.toEqual(trained[i].pixels)
  // The weights' titles say their largest |w|: 6.26 trained, 0.672 as initialised.
  expect(reset[1].text).not.toBe(trained[1].text)

  // Scrolled into sight: what the first frames show is the reset run's.
  await page.evaluate((ids) => {
    const w = window as unknown as { frames: string[][] }
    w.frames = []
    const look = () => {
      w.frames.push(ids.map((id) => document.querySelector(`[data-testid="live-view-${id}"]`)?.textContent ?? ''))
      if (w.frames.length < 20) requestAnimationFrame(look)
    }
    requestAnimationFrame(look)
  }, views)
  await scrollPanel(page, 'end')
  await expect.poll(() => page.evaluate(() => (window as unknown as { frames: string[][] }).frames.length)).toBe(20)
  const frames = await page.evaluate(() => (window as unknown as { frames: string[][] }).frames)
  for (const frame of frames) expect(frame).toEqual(reset.map((r) => r.text))
  await viewsPainted(page)
  expect(await viewContents(page, views)).toEqual(reset)
})

test('undo and redo across a Reset: the reset run of the changed network goes out of date with it and comes back with it', async ({ page }) => {
  page.on('dialog', (d) => void d.accept())
  await page.goto('/')
  await openExample(page, 'xor-2-2-1-sigmoid')
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '300')
  await trainToEnd(page)
  await selectNode(page, 'hidden')
  await setParam(page, 'units', '3')
  await showTrainingPanel(page)
  await expect(page.getByTestId('train-stale')).toBeVisible()
  // Reset on a network changed since the run: a run of the canvas's network, paused before its first update.
  await page.getByTestId('train-reset').click()
  await expect(page.getByTestId('run-info')).toContainText('2 → 3 → 1 · 13 parameters')
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  await expect(page.getByTestId('train-stale')).toHaveCount(0)

  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('train-stale')).toContainText('redo brings this run back')
  await expect(page.getByTestId('run-info')).toHaveCount(0)
  await page.keyboard.press('Control+Shift+z')
  await expect(page.getByTestId('train-stale')).toHaveCount(0)
  await expect(page.getByTestId('run-info')).toContainText('2 → 3 → 1 · 13 parameters')
  expect(await counter(page, 'iteration')).toBe(0)
  await trainToEnd(page)
  await openExperiments(page, 'runs')
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '2')
  await expect(page.getByTestId('run-changes-Run 2')).toHaveText('Units 2 → 3')
})
