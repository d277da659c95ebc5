import { expect, test } from '@playwright/test'
import { openExample } from './helpers/designer'

// Shared lab logins: the next student may not want the last one's network back.
test('a recovered session can be declined: "Start fresh" empties the canvas and forgets the autosave', async ({ page }) => {
  await page.goto('/')
  await openExample(page, 'mazur-2-2-2')
  const nodes = await page.locator('.react-flow__node').count()
  expect(nodes).toBeGreaterThan(0)
  await page.reload()
  await expect(page.getByTestId('notice')).toContainText('Your last session was recovered.')
  await expect(page.locator('.react-flow__node')).toHaveCount(nodes)
  await page.getByTestId('notice').screenshot({ path: 'test-results/recovered-session-notice.png' })
  await page.getByTestId('notice-action').click()
  await expect(page.locator('.react-flow__node')).toHaveCount(0)
  await expect(page.getByTestId('notice')).toHaveCount(0)
  await page.reload()
  await expect(page.locator('.react-flow__pane')).toBeVisible()
  await expect(page.locator('.react-flow__node')).toHaveCount(0)
  await expect(page.getByTestId('notice')).toHaveCount(0)
})
