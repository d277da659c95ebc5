/**
 * Presenting a lesson: the class reads the step beside the network and the views. Found: since
 * 5097dc5 presenting hid the lesson's column (squeezed to no width, its text had stood a letter a
 * line), so at the projector the class saw no lesson at all, nor Back and Next. At a 1024 × 768
 * projector, and at 150 % in the browser (683 × 512 CSS pixels), with the interface at 100 %,
 * 150 % and 200 %: the step's title, text and formula, Back and Next in the window, the page
 * never scrolling, the lesson, the canvas and the views each a region of its own.
 */
import { expect, test, type Page } from '@playwright/test'
import { openLesson } from './helpers/lessons'
import { intersects, inside } from './helpers/layout'

/** How far the page itself scrolls each way (0 and 0 when it fits the window). */
const pageOverflow = (page: Page) =>
  page.evaluate(() => ({ down: document.documentElement.scrollHeight - innerHeight, sideways: document.documentElement.scrollWidth - innerWidth }))

/** The lesson text's line length in its own ems (about two characters each): a squeezed column reads a word a line. */
const lineEms = (page: Page) =>
  page.locator('.lesson-text').first().evaluate((el) => el.clientWidth / parseFloat(getComputedStyle(el).fontSize))

/**
 * How many lines of the step's text show between what stays on screen above and below it (the
 * step numbers, Back and Next), in the column as it opens.
 */
const stepTextLines = (page: Page) =>
  page.locator('.lesson-panel').evaluate((panel) => {
    const body = panel.querySelector('.lesson-body')!.getBoundingClientRect()
    const nav = panel.querySelector('.lesson-nav')!.getBoundingClientRect()
    const own = panel.getBoundingClientRect()
    const shown = Math.min(body.bottom, nav.top, own.bottom) - Math.max(body.top, own.top)
    const zoom = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--ui-zoom'))
    return shown / (parseFloat(getComputedStyle(panel.querySelector('.lesson-body')!).lineHeight) * zoom)
  })

const SCREENS = [
  { name: '1024 × 768', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 },
  { name: '1024 × 768 at 150 % (683 × 512)', viewport: { width: 683, height: 512 }, deviceScaleFactor: 1.5 },
]
/** Ctrl + presses from 100 %: none, to 150 %, to 200 %. */
const ZOOMS = [
  { name: '100 %', presses: 0 },
  { name: '150 %', presses: 3 },
  { name: '200 %', presses: 5 },
]

for (const screen of SCREENS) {
  test.describe(`presenting a lesson at ${screen.name}`, () => {
    test.use({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor })
    for (const zoom of ZOOMS) {
      test(`with the interface at ${zoom.name}: the step, its formula, Back and Next beside the network and the views`, async ({ page }) => {
        await page.goto('/')
        await openLesson(page, 'overfitting')
        await page.getByTestId('lesson-step-1').click()
        for (let i = 0; i < zoom.presses; i++) await page.keyboard.press('Control+=')
        await page.getByTestId('cmd-present').click()
        await expect(page.getByTestId('present-panel')).toBeVisible()
        const lesson = page.getByTestId('lesson-panel')
        await expect(lesson).toBeVisible()
        await expect(page.getByTestId('lesson-step-title')).toHaveText('2. L1')
        // Found: the panel's title named the step's network (an example's title), not the lesson.
        await expect(page.getByTestId('present-title')).toHaveText('Overfitting: L2, L1, dropout and early stopping')
        for (const id of ['lesson-step-title', 'lesson-prev', 'lesson-next']) await expect(page.getByTestId(id), id).toBeInViewport({ ratio: 1 })
        expect(await lineEms(page), 'the step’s lines are long enough to read').toBeGreaterThan(9)
        // Found at 683 × 512 and 200 %: a line and a half between the step numbers and Back and Next.
        await expect.poll(() => stepTextLines(page), 'lines of the step’s text in view').toBeGreaterThanOrEqual(4)
        expect(await pageOverflow(page)).toEqual({ down: 0, sideways: 0 })
        // The formula of the step is there, a scroll of the step's own column away at most.
        await lesson.locator('.lesson-math-block').first().scrollIntoViewIfNeeded()
        // (Wrapped formulas have fractional heights: a part of a pixel may stay under the fold.)
        await expect(lesson.locator('.lesson-math-block').first()).toBeInViewport({ ratio: 0.95 })
        expect(await pageOverflow(page)).toEqual({ down: 0, sideways: 0 })
        // Three regions of their own, inside the window.
        const window = { x: 0, y: 0, ...screen.viewport }
        const boxes = await Promise.all(['.lesson-column', '[data-testid="canvas"]', '[data-testid="present-panel"]'].map(async (s) => ({ s, box: (await page.locator(s).boundingBox())! })))
        const shrink = (b: { x: number; y: number; width: number; height: number }) => ({ x: b.x + 1, y: b.y + 1, width: b.width - 2, height: b.height - 2 })
        for (const [i, a] of boxes.entries()) {
          expect(inside(a.box, window), `${a.s} inside the window`).toBe(true)
          // (The views' panel before a run holds one line, "Press ▶ Train …": the network takes the room.)
          expect(a.box.height, `${a.s} has room`).toBeGreaterThan(a.s.includes('present') ? 60 : 120)
          for (const b of boxes.slice(i + 1)) expect(intersects(shrink(a.box), shrink(b.box)), `${a.s} clear of ${b.s}`).toBe(false)
        }
        // Next goes on, still presenting; Exit brings the designer back at that step.
        await page.getByTestId('lesson-next').click()
        await expect(lesson).toHaveAttribute('data-step', '2')
        await expect(page.getByTestId('present-panel')).toBeVisible()
        await expect(page.getByTestId('lesson-step-title')).toBeInViewport({ ratio: 1 })
        if (process.env.AXON_SHOTS_DIR) await page.screenshot({ path: `${process.env.AXON_SHOTS_DIR}/present-lesson-${screen.viewport.width}-${zoom.presses}.png` })
        await page.getByTestId('present-exit').click()
        await expect(lesson).toHaveAttribute('data-step', '2')
        await expect(page.locator('.lesson-progress')).toBeVisible()
      })
    }
  })
}

test.describe('presenting a lesson at 1024 × 768, trained', () => {
  test.use({ viewport: { width: 1024, height: 768 } })
  test('the network reads above the views (zoom 0.4 or more), and the first chart is in the window below the time machine', async ({ page }) => {
    await page.goto('/')
    await openLesson(page, 'backprop-by-hand')
    await page.keyboard.press('p')
    await page.getByTestId('train-button').click()
    const panel = page.getByTestId('present-panel')
    await expect(panel.getByTestId('chart-loss')).toBeVisible()
    // (Its axis title may touch the window's foot.)
    await expect(panel.getByTestId('chart-loss')).toBeInViewport({ ratio: 0.9 })
    await expect(page.getByTestId('lesson-step-title')).toBeInViewport({ ratio: 1 })
    await expect
      .poll(() => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a))
      .toBeGreaterThanOrEqual(0.4)
  })
})

/**
 * A whole lesson presented at the projector, Next to its end and Back to its start. Found: with
 * eight steps the numbers ran out of the column at 683 px (step 8 cut off); at 200 % too, where
 * the row scrolls sideways, the current step's number was out of sight.
 */
test.describe('a whole lesson presented at 683 × 512', () => {
  test.use({ viewport: { width: 683, height: 512 }, deviceScaleFactor: 1.5 })
  for (const presses of [0, 5]) {
    test(`with the interface at ${presses ? '200' : '100'} %: every step's title, text, number, Back and Next in view, Next to the end and Back`, async ({ page }) => {
      await page.goto('/')
      await openLesson(page, 'activation-functions')
      for (let i = 0; i < presses; i++) await page.keyboard.press('Control+=')
      await page.keyboard.press('p')
      await expect(page.getByTestId('present-panel')).toBeVisible()
      const steps = await page.locator('.lesson-steps button').count()
      expect(steps).toBe(8)
      const window = { x: 0, y: 0, width: 683, height: 512 }
      const expectStepReads = async (step: number) => {
        await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-step', String(step))
        for (const id of ['lesson-step-title', 'lesson-prev', 'lesson-next']) await expect(page.getByTestId(id), `${id} at step ${step + 1}`).toBeInViewport({ ratio: 1 })
        await expect.poll(() => stepTextLines(page), `lines of step ${step + 1}'s text in view`).toBeGreaterThanOrEqual(4)
        const row = (await page.locator('.lesson-steps').boundingBox())!
        // At 100 % every number shows; at 200 % the row scrolls, the current one in it.
        for (const n of presses ? [step] : [...Array(steps).keys()]) {
          expect(inside((await page.getByTestId(`lesson-step-${n}`).boundingBox())!, row), `step ${n + 1}'s number in the row, at step ${step + 1}`).toBe(true)
        }
        expect(await pageOverflow(page)).toEqual({ down: 0, sideways: 0 })
        for (const node of await page.locator('.react-flow__node').all()) expect(inside((await node.boundingBox())!, window), `node ${await node.getAttribute('data-id')} in the window`).toBe(true)
        if (process.env.AXON_SHOTS_DIR) await page.screenshot({ path: `${process.env.AXON_SHOTS_DIR}/present-walk-${presses}-${step + 1}.png` })
      }
      for (let step = 0; step < steps; step++) {
        if (step > 0) await page.getByTestId('lesson-next').click()
        await expectStepReads(step)
      }
      for (let step = steps - 2; step >= 0; step--) {
        await page.getByTestId('lesson-prev').click()
        await expectStepReads(step)
      }
    })
  }
})
