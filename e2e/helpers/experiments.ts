/** Helpers for the Experiments window's specs (the playground and Assignment 6). */
import { expect, type Locator, type Page } from '@playwright/test'
import { openExample } from './designer'

/**
 * Assignment 6 Q1 by hand: x ← x − η·f′(x) from x = 0 for f(x) = ¼x⁴ − 3x³ + 7x − 5
 * (f′(x) = x³ − 9x² + 7); f after n steps.
 */
export function handDescent(eta: number, n: number): number {
  let x = 0
  for (let i = 0; i < n; i++) x -= eta * (x ** 3 - 9 * x ** 2 + 7)
  return x ** 4 / 4 - 3 * x ** 3 + 7 * x - 5
}

/** Opens the Experiments window on one of its tabs. */
export async function openExperiments(page: Page, tab: 'runs' | 'playground1d' | 'playground2d' | 'sweeps'): Promise<void> {
  await page.getByTestId('cmd-experiments').click()
  await page.getByTestId(`experiments-tab-${tab}`).click()
}

/**
 * Runs of the sweep under way that have ended: the status's `data-done`, or `total` once the
 * status is gone (the sweep is over). One read that never waits for an element: asking "is it
 * visible?" and then reading its attribute would wait without end for a status that vanished
 * between the two reads, as it does when the last run ends.
 */
export async function sweepRunsDone(status: Locator, total: number): Promise<number> {
  const done = await status.evaluateAll((els) => (els.length > 0 ? Number(els[0].getAttribute('data-done')) : null))
  return done ?? total
}

/** Waits for a sweep to finish all `runs`, following its progress (runs done), however long each run takes. */
export async function waitForSweep(page: Page, runs: number, status: Locator = page.getByTestId('sweep-status')): Promise<void> {
  for (let done = 0; done < runs; ) {
    const before = done
    await expect.poll(() => sweepRunsDone(status, runs), { timeout: 240_000, intervals: [1000] }).toBeGreaterThan(before)
    done = await sweepRunsDone(status, runs)
  }
  await expect(status).toHaveCount(0, { timeout: 240_000 })
}

/**
 * The colour of each curve a line chart draws, by its legend label ("η = 3": "#e69f00"): the
 * legend's swatch beside the label, kept only where the chart's canvas holds pixels of that
 * colour (the curve as painted, not only its swatch).
 */
export async function chartCurveColors(chart: Locator): Promise<Record<string, string>> {
  return chart.evaluate((box) => {
    const canvas = box.querySelector('canvas')!
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
    const painted = new Set<string>()
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3] === 255) painted.add(`#${[pixels[i], pixels[i + 1], pixels[i + 2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`)
    // As drawn: a swatch in the text's colour (currentColor) is the theme's.
    const hex = (rgb: string) => `#${(rgb.match(/\d+/g) ?? []).slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`
    const swatches = Array.from(box.querySelectorAll('rect.chart-swatch')).map((r) => hex(getComputedStyle(r).fill))
    const labels = Array.from(box.querySelectorAll('text[data-chart-text="legend"]')).map((t) => t.textContent ?? '')
    return Object.fromEntries(swatches.flatMap((color, i) => (painted.has(color) ? [[labels[i], color]] : [])))
  })
}

/** Opens example `id`, sweeps its η over `values` (“0.5, 4”) in the Sweeps tab and waits for its `runs` to end. */
export async function sweepExample(page: Page, id: string, values: string, runs: number): Promise<void> {
  await openExample(page, id)
  await openExperiments(page, 'sweeps')
  await page.getByTestId('sweep-values-0').fill(values)
  await page.getByTestId('sweep-run').click()
  await waitForSweep(page, runs)
}
