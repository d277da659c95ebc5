/**
 * A teacher whose browser is zoomed to 150 % on the classroom's 1024 × 768 projector (683 × 512
 * CSS pixels at 1.5 device pixels each), on one page: XOR trains slowly, the class watches its
 * loss curves in the training panel, then in presentation mode, first the curves, then the
 * decision boundary alone. Found: the Training tab opened scrolled as far as the inspector had
 * been (one scroller for both tabs); the panel's title, network line and run controls filled its
 * 330 px, and the loss chart began under its fold (viewport ratio 0); presenting, the ticks, the
 * title, the time machine and the extra quarter of presentation's scale left the class the top
 * of the chart, or half of the boundary. Every wait is on what the app shows.
 */
import { expect, test, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'
import { openExample, selectNode, setParam } from './helpers/designer'
import { inside } from './helpers/layout'
import { counter, presentView, runState, setSpeed, showTrainingPanel } from './helpers/training'

const journey = journeyPage({ viewport: { width: 683, height: 512 }, deviceScaleFactor: 1.5 })
let page: Page
test.beforeAll(() => {
  page = journey.page
})

const present = () => page.getByTestId('present-panel')

test('the Epochs set in the inspector, scrolled down to it, the Training tab opens at its top, the inspector again where it was', async () => {
  await openExample(page, 'xor-2-2-1-sigmoid')
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '100000')
  await expect(page.getByTestId('param-epochs')).toBeInViewport()
  // Found: the two tabs shared one scroller, and Training opened as far down as the inspector was (its title and loss chart above the fold).
  await showTrainingPanel(page)
  await expect(page.getByTestId('training-title')).toBeInViewport({ ratio: 1 })
  // And the inspector opens again where it was, at the field.
  await page.getByTestId('tab-inspector').click()
  await expect(page.getByTestId('param-epochs')).toBeInViewport()
  await showTrainingPanel(page)
})

test('pressing Train in the side panel, the loss chart is whole in sight while the run trains', async () => {
  await setSpeed(page, 1)
  await page.getByTestId('train-button').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'running')
  await expect.poll(() => counter(page, 'epoch')).toBeGreaterThan(3)
  await expect(page.getByTestId('chart-loss')).toBeInViewport({ ratio: 1 })
  // The run's name stays above it; its controls are a scroll away, ❚❚ Pause in the toolbar.
  await expect(page.getByTestId('training-title')).toBeInViewport()
  await expect(page.getByTestId('train-button')).toBeInViewport({ ratio: 1 })
})

test('presenting the running run, the loss curves the teacher ticked are whole in the window', async () => {
  await page.getByTestId('cmd-present').click()
  await expect(present().getByTestId('present-view-curves')).toBeChecked()
  await expect(present().getByTestId('chart-loss')).toBeInViewport({ ratio: 1 })
  await expect(present().getByTestId('time-scrubber-range')).toBeInViewport({ ratio: 1 })
})

test('every view’s tick can be seen and pressed: Views ▾ drops them all, wrapped, inside the panel, and folds them again', async () => {
  // Found: in one line, four of the six ticks scrolled sideways out of the 247 px row, with no scrollbar to say so.
  await page.getByTestId('present-views-toggle').click()
  const panel = (await present().boundingBox())!
  for (const tick of await present().locator('[data-testid^="present-view-"]').all()) {
    const label = tick.locator('xpath=..')
    await expect(label, `${await tick.getAttribute('data-testid')} in sight`).toBeInViewport({ ratio: 1 })
    expect(inside((await label.boundingBox())!, panel), `${await tick.getAttribute('data-testid')} inside the panel`).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(present().getByTestId('present-view-curves')).toBeHidden()
  await expect(present(), 'Escape folded the ticks, presentation goes on').toBeVisible()
})

test('with the curves unticked, the decision boundary that now comes first is whole in the window', async () => {
  await presentView(page, 'curves', false)
  await expect(present().getByTestId('chart-loss')).toHaveCount(0)
  await expect(present().getByTestId('decision-boundary')).toBeInViewport({ ratio: 1 })
  await presentView(page, 'curves', true)
  await page.getByTestId('present-exit').click()
  await expect(present()).toHaveCount(0)
})

test('on a 1024 × 768 window the controls come first and the loss chart is whole under them; with the interface zoomed to 150 % (Ctrl +) the chart comes first again', async () => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await expect(page.getByTestId('chart-loss')).toBeInViewport({ ratio: 1 })
  await expect(page.getByTestId('train-controls')).toBeInViewport({ ratio: 1 })
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+=')
  await expect(page.getByTestId('chart-loss')).toBeInViewport({ ratio: 1 })
})

test('presenting with the interface at 150 % on the 1024 × 768 window, the loss chart is whole in the window', async () => {
  await page.getByTestId('cmd-present').click()
  await expect(present().getByTestId('present-view-curves')).toBeChecked()
  // Found: 61 % of it in sight (presentation's scale times the zoom: 1.875); the title now shares Exit's line and the status bar waits for the designer.
  await expect(present().getByTestId('chart-loss')).toBeInViewport({ ratio: 1 })
  await expect(page.getByTestId('status-bar')).toBeHidden()
  await page.getByTestId('present-exit').click()
  await expect(page.getByTestId('status-bar')).toBeVisible()
})

test('back at 100 % (Ctrl 0) and presenting at 1024 × 768, the loss chart is whole in the window, and so is the boundary when it comes first; the run trained on throughout', async () => {
  await page.keyboard.press('Control+0')
  await page.getByTestId('cmd-present').click()
  await expect(present().getByTestId('chart-loss')).toBeInViewport({ ratio: 1 })
  await presentView(page, 'curves', false)
  // Found: at 1024 × 768 the boundary, as wide as the panel (445 px), ran under its fold.
  await expect(present().getByTestId('decision-boundary')).toBeInViewport({ ratio: 1 })
  await presentView(page, 'curves', true)
  await page.getByTestId('present-exit').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'running')
})
