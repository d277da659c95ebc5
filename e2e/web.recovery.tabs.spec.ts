import { expect, test, type Page } from '@playwright/test'
import { openExample } from './helpers/designer'

// Two tabs of the app in one browser share its storage: each autosaves a slot of its own, so the
// tab closed last never overwrites the other's work, and a later tab offers both.

const shows = (page: Page, id: string) => expect(page.getByTestId('example-card')).toHaveAttribute('data-example', id)

/** Tab A opens one example, tab B (the same browser) another, written after A's. */
async function twoTabs(page: Page) {
  await page.goto('/')
  await openExample(page, 'mazur-2-2-2')
  const other = await page.context().newPage()
  await other.goto('/')
  await openExample(other, 'xor-2-2-1-sigmoid')
  // B's autosave is written (after A's): a reload of B brings B's network back.
  await expect.poll(() => other.evaluate(() => Object.values(localStorage).filter((v) => v.includes('xor-2-2-1-sigmoid')).length)).toBe(1)
  return other
}

test('two tabs: reloading one recovers its own work, not the work of the tab that autosaved last', async ({ page }) => {
  const other = await twoTabs(page)
  await page.reload()
  await expect(page.getByTestId('notice')).toContainText('Your last session was recovered.')
  await shows(page, 'mazur-2-2-2')
  await other.reload()
  await shows(other, 'xor-2-2-1-sigmoid')
  // Both tabs are open: neither offers the other's work as kept.
  await expect(other.getByTestId('notice')).toContainText('Your last session was recovered.')
  await expect(other.getByTestId('notice-other-action')).toHaveCount(0)
})

test('two tabs closed: the next tab recovers the one closed last and offers the other’s work; “Open it” switches between them', async ({ page }) => {
  const other = await twoTabs(page)
  await page.close()
  await other.close()
  const next = await other.context().newPage()
  await next.goto('/')
  await shows(next, 'xor-2-2-1-sigmoid')
  const notice = next.getByTestId('notice')
  await expect(notice).toContainText('Your last session was recovered.')
  await expect(notice).toContainText('Work from another tab is kept too.')
  await notice.screenshot({ path: 'test-results/kept-work-notice.png' })
  await next.getByTestId('notice-other-action').click()
  await shows(next, 'mazur-2-2-2')
  await expect(notice).toContainText('Opened the work autosaved in another tab')
  // What was on the canvas is kept in turn: "Open it" brings it back.
  await expect(notice).toContainText('Work from another tab is kept too.')
  await next.getByTestId('notice-other-action').click()
  await shows(next, 'xor-2-2-1-sigmoid')
  // A reload of this tab keeps what it shows now.
  await next.reload()
  await shows(next, 'xor-2-2-1-sigmoid')
  await expect(next.getByTestId('notice-other-action')).toHaveText('Open it')
})
