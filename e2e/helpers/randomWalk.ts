/**
 * The random walk's hands and eyes (web.randomwalk.spec.ts): a seeded generator, clicks that may
 * not land (something covers the target: that is part of the walk), and what the toolbar and
 * canvas say about the run and the graph.
 */
import { expect, type Locator, type Page } from '@playwright/test'

/** mulberry32: a small seeded generator, so a walk replays exactly. */
export function createRandom(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] }
}
export type Random = ReturnType<typeof createRandom>

/** Clicks `target` unless something covers it (a message, the pane); false when the click could not land. */
export async function tryClick(target: Locator): Promise<boolean> {
  try {
    await target.click({ timeout: 5_000 })
    return true
  } catch {
    return false
  }
}

/**
 * Clicks `testId` if it is on screen and enabled; false when it is not there to click. The button
 * may go between the looks (Pause when the run ends): `isEnabled` would then wait for it for ever
 * (found: a walk stuck 13 minutes on Pause, until the test's timeout), so it waits 2 s at most.
 */
export async function clickIfThere(page: Page, testId: string): Promise<boolean> {
  const target = page.getByTestId(testId).first()
  try {
    if (!(await target.isVisible()) || !(await target.isEnabled({ timeout: 2_000 }))) return false
  } catch {
    return false
  }
  return tryClick(target)
}

/** Unfolds the palette or the side panel (on its Training or Inspector tab) the way a user would, to act there. */
export async function reveal(page: Page, panel: 'palette' | 'training' | 'inspector'): Promise<void> {
  const toggle = page.getByTestId(panel === 'palette' ? 'palette-toggle' : 'side-panel-toggle').first()
  // Presentation mode has neither toggle: its panel shows the run's controls already.
  if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'false') await tryClick(toggle)
  if (panel !== 'palette') await clickIfThere(page, `tab-${panel}`)
}

/**
 * Opens example `id` from the gallery as a user does. A confirm answered No (or the same example
 * asked for again) leaves the gallery open: the user then closes it with Escape. True when `id` is open.
 */
export async function openFromGallery(page: Page, id: string): Promise<boolean> {
  const clicked = await clickInGallery(page, `example-${id}`)
  return clicked && (await page.getByTestId('example-card').getAttribute('data-example')) === id
}

/** Opens lesson `id` from the gallery as a user does (a confirm answered No leaves the gallery, closed with Escape). True when it is open. */
export async function openLessonFromGallery(page: Page, id: string): Promise<boolean> {
  const clicked = await clickInGallery(page, `lesson-${id}`)
  return clicked && (await lessonOpen(page))?.lesson === id
}

async function clickInGallery(page: Page, testId: string): Promise<boolean> {
  const clicked = (await tryClick(page.getByTestId('cmd-examples'))) && (await tryClick(page.getByTestId(testId)))
  if ((await page.getByTestId('gallery').count()) > 0) {
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('gallery')).toHaveCount(0)
    return false
  }
  return clicked
}

/** The lesson on screen and its step (from 0), or null when no lesson is open. */
export async function lessonOpen(page: Page): Promise<{ lesson: string; step: number } | null> {
  const panel = page.getByTestId('lesson-panel')
  if ((await panel.count()) === 0) return null
  return { lesson: (await panel.getAttribute('data-lesson')) ?? '', step: Number(await panel.getAttribute('data-step')) }
}

export async function nodeIdsOnCanvas(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''))
}

/** Draws a wire between two nodes' handles; the app may refuse it (that is part of the walk). */
export async function tryConnect(page: Page, source: string, target: string): Promise<void> {
  // A node may have gone (or have no such handle): then there is nothing to draw.
  const box = (selector: string) => page.locator(selector).first().boundingBox({ timeout: 2_000 }).catch(() => null)
  const from = await box(`.react-flow__node[data-id="${source}"] .react-flow__handle.source`)
  const to = await box(`.react-flow__node[data-id="${target}"] .react-flow__handle.target`)
  if (!from || !to) return
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 6 })
  await page.mouse.up()
}

/** What the toolbar says about the run ("Training · epoch 12 · of 3,000"), or '' without one. */
export async function runStatus(page: Page): Promise<string> {
  const status = page.getByTestId('toolbar-run-status')
  return (await status.count()) === 0 ? '' : ((await status.textContent()) ?? '')
}

export const epochOf = (status: string) => Number(/epoch ([\d,]+)/.exec(status)?.[1].replace(/,/g, '') ?? -1)
/** A run that has trained: running, or paused, solved or finished after at least one epoch's worth of steps. */
export const RUNNING = /^Training · epoch/
export const TRAINED = /^(Paused · epoch|Solved · epoch|Finished · epoch)/

/** The parameter count when the graph on the canvas compiles ("✓ Compiles · 9 parameters"), else null. */
export async function compiledParameters(page: Page): Promise<number | null> {
  const status = page.getByTestId('compile-status')
  if ((await status.count()) === 0 || (await status.getAttribute('data-ok')) !== 'true') return null
  return Number(/([\d,]+) parameters/.exec((await status.textContent()) ?? '')?.[1].replace(/,/g, '') ?? NaN)
}

/** The document title the toolbar shows (without the unsaved-changes dot). */
export async function docTitle(page: Page): Promise<string> {
  return ((await page.getByTestId('doc-title').textContent()) ?? '').replace('●', '').trim()
}

/** Units of every dense node on the canvas ("3 units" → 3). */
export async function canvasDenseUnits(page: Page): Promise<number[]> {
  const texts = await page.locator('.react-flow__node [data-kind="dense"] .layer-node-main').allTextContents()
  return texts.map((t) => Number(/([\d,]+) units?/.exec(t)?.[1].replace(/,/g, '') ?? NaN))
}

/** The optimizer's Epochs field in the inspector, ready to type in; or why not (no optimizer, hidden, folded, locked by a lesson). */
export async function epochField(page: Page): Promise<Locator | string> {
  const optimizer = (await nodeIdsOnCanvas(page)).find((id) => id.startsWith('optimizer'))
  if (!optimizer) return 'no optimizer'
  await reveal(page, 'inspector')
  const title = page.locator(`.react-flow__node[data-id="${optimizer}"] .layer-node-kind`)
  if (!(await title.isVisible()) || !(await tryClick(title))) return `${optimizer} hidden`
  const field = page.getByTestId('param-epochs')
  if ((await field.count()) === 0 || !(await field.isVisible())) return 'inspector folded'
  // A lesson may lock it (found: fill waited 15 minutes for a locked field, seed 716354884).
  if (!(await field.isEnabled())) return 'locked'
  return field
}

/**
 * A teacher about to watch a run gives it room: an epoch limit the walk set low (1, or a few past
 * the run's epoch) would end it at once, and no invariant would be checked while one trains.
 */
export async function roomToTrain(page: Page): Promise<void> {
  const field = await epochField(page)
  if (typeof field === 'string' || Number(await field.inputValue()) >= 30) return
  await field.fill('200')
  await field.press('Enter')
}
