/**
 * Playwright helpers for training journeys, in the user's words: open an example (answering
 * "stop the run?" as asked), press Train, pause, read the counters. Every wait is on what the
 * app shows (an epoch counter, a state), never on the clock: the test machine is shared.
 */
import { expect, type Page } from '@playwright/test'
import { openExample, selectNode, setParam } from './designer'

/** Answers every confirm() with `accept` from now on; returns the messages seen. */
export function answerDialogs(page: Page, accept = true): string[] {
  const seen: string[] = []
  page.on('dialog', (d) => {
    seen.push(d.message())
    void (accept ? d.accept() : d.dismiss())
  })
  return seen
}

/** Opens a gallery example by its file id; a dialog on the way must be answered by a handler. */
export async function openExampleFromGallery(page: Page, id: string): Promise<void> {
  await page.getByTestId('cmd-examples').click()
  await page.getByTestId(`example-${id}`).click()
  await expect(page.getByTestId('example-card')).toHaveAttribute('data-example', id)
}

/** Shows the side panel's Training tab (where the panel lives beside the Inspector), opening the panel where it is folded (a compact window's rail). */
export async function showTrainingPanel(page: Page): Promise<void> {
  if (!(await page.getByTestId('tab-training').isVisible())) await page.getByTestId('side-panel-toggle').click()
  await page.getByTestId('tab-training').click()
  await expect(page.getByTestId('training-panel')).toBeVisible()
}

/** A counter of the training panel as a number (the part before " / max"). */
export async function counter(page: Page, name: 'epoch' | 'iteration' | 'examples'): Promise<number> {
  const text = (await page.getByTestId(`counter-${name}`).textContent()) ?? ''
  const n = Number(text.split('/')[0].replace(/[^\d]/g, ''))
  return text.trim().startsWith('–') ? NaN : n
}

/** The run state the panel reports (`paused`, `running`, `finished` …). */
export function runState(page: Page) {
  return page.getByTestId('train-state')
}

export async function setSpeed(page: Page, updatesPerFrame: number): Promise<void> {
  await page.getByTestId('train-speed').selectOption(String(updatesPerFrame))
}

/** The title the training panel shows (it names the network the run belongs to). */
export function panelTitle(page: Page) {
  return page.getByTestId('training-panel').locator('h2')
}

/** Waits until the iteration counter passes `n`. */
export async function waitForIterations(page: Page, n: number, timeout = 60_000): Promise<void> {
  await expect.poll(() => counter(page, 'iteration'), { timeout }).toBeGreaterThan(n)
}

/** Waits until every heavy view's canvas shows its newest picture (painted off the main thread, `aria-busy` until then). */
export async function viewsPainted(page: Page): Promise<void> {
  await expect(page.locator('canvas[aria-busy="true"]')).toHaveCount(0)
}

/**
 * Shows the training panel, sets full speed, presses Train and waits for the run's own end
 * (`timeout` only bounds a run that never ends).
 */
export async function trainToEnd(page: Page, timeout = 120_000): Promise<void> {
  await showTrainingPanel(page)
  await setSpeed(page, 0)
  await page.getByTestId('train-button').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout })
}

/** Opens example `id`, sets its optimizer's epoch limit, and presses Train at `speed` (0: as fast as it goes). */
export async function trainExample(page: Page, id: string, { epochs, speed }: { epochs: number; speed: number }): Promise<void> {
  await openExample(page, id)
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', String(epochs))
  await showTrainingPanel(page)
  await setSpeed(page, speed)
  await page.getByTestId('train-button').click()
}

/**
 * Ticks or unticks view `id` in presentation mode's panel, as a teacher does: where a short panel
 * folds the ticks under Views ▾, it opens them first and folds them again after.
 */
export async function presentView(page: Page, id: string, shown: boolean): Promise<void> {
  const toggle = page.getByTestId('present-views-toggle')
  const folded = await toggle.isVisible()
  if (folded) await toggle.click()
  await page.getByTestId(`present-view-${id}`).setChecked(shown)
  if (folded) await toggle.click()
  await expect(page.getByTestId('present-view-curves')).toBeVisible({ visible: !folded })
}
