/**
 * A teacher at the classroom's 1024 × 768 projector with the browser at 150 % (683 × 512 CSS
 * pixels) in a lesson, who presents and then makes the interface larger still (Ctrl +, up to
 * 200 %). Found by the random walk (seed 922750014): the page scrolled. Presenting squeezed the
 * lesson's column to no width, where the L1 step's text, a letter a line, stood 2,500 px tall; and
 * from 150 % the status bar wrapped to two lines under its one-line row (the page 520 px high).
 * At 200 % the side panel's tabs ran 135 px past the window, and the lesson's Next was cut off.
 */
import { expect, test, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'

const journey = journeyPage({ viewport: { width: 683, height: 512 }, deviceScaleFactor: 1.5 })
let page: Page
test.beforeAll(() => {
  page = journey.page
})

/** How far the page itself scrolls each way (0 and 0 when it fits the window). */
const pageOverflow = () =>
  page.evaluate(() => ({ down: document.documentElement.scrollHeight - innerHeight, sideways: document.documentElement.scrollWidth - innerWidth }))

/** Whether the status bar's items all sit on one line, inside it. */
const statusBarOnOneLine = () =>
  page.getByTestId('status-bar').evaluate((bar) => {
    const box = bar.getBoundingClientRect()
    return Array.from(bar.children).every((item) => {
      const r = item.getBoundingClientRect()
      return r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5
    })
  })

test('in a lesson with the interface at 110 % to 200 %, designing and presenting, the page never scrolls and what the teacher needs is in reach', async () => {
  await page.getByTestId('cmd-examples').click()
  await page.getByTestId('lesson-overfitting').click()
  await page.getByTestId('lesson-step-1').click()
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-step', '1')
  for (const zoom of ['1.1', '1.25', '1.5', '1.75', '2']) {
    await page.keyboard.press('Control+=')
    await expect(page.locator('.app')).toHaveCSS('--ui-zoom', zoom)
    expect(await pageOverflow(), `designing at ${zoom}`).toEqual({ down: 0, sideways: 0 })
    expect(await statusBarOnOneLine(), `the status bar at ${zoom}`).toBe(true)
    // The lesson's Back and Next, the side panel's rail (a compact window's), its tabs and fold once opened, and the threads' choice.
    for (const id of ['lesson-prev', 'lesson-next', 'side-panel-toggle', 'engine-threads']) {
      await expect(page.getByTestId(id).first(), `${id} at ${zoom}`).toBeInViewport({ ratio: 1 })
    }
    await page.getByTestId('side-panel-toggle').click()
    for (const id of ['tab-inspector', 'tab-training', 'side-panel-toggle']) {
      await expect(page.getByTestId(id).first(), `${id} at ${zoom}, the panel open`).toBeInViewport({ ratio: 1 })
    }
    expect(await pageOverflow(), `the panel open at ${zoom}`).toEqual({ down: 0, sideways: 0 })
    await page.getByTestId('side-panel-toggle').click()
    await page.getByTestId('cmd-present').click()
    await expect(page.getByTestId('present-panel')).toBeVisible()
    expect(await pageOverflow(), `presenting at ${zoom}`).toEqual({ down: 0, sideways: 0 })
    await page.getByTestId('cmd-present').click()
    await expect(page.getByTestId('present-panel')).toHaveCount(0)
  }
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-step', '1')
})
