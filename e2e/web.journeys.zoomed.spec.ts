/**
 * A teacher whose browser is zoomed to 150 % on the classroom's 1024 × 768 projector (683 × 512
 * CSS pixels at 1.5 device pixels each), on one page: XOR set to train long. Found: the Training
 * tab opened scrolled as far as the inspector had been (one scroller for both tabs). Every wait
 * is on what the app shows.
 */
import { expect, test, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'
import { openExample, selectNode, setParam } from './helpers/designer'
import { showTrainingPanel } from './helpers/training'

const journey = journeyPage({ viewport: { width: 683, height: 512 }, deviceScaleFactor: 1.5 })
let page: Page
test.beforeAll(() => {
  page = journey.page
})

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
