/**
 * Issue 15: the inspector shows the update formula of the rule and form the engine runs, and the
 * regularisation help says what the engine adds ((λ/n)·w, as lecture 002).
 */
import { expect, test } from '@playwright/test'
import { openExample, selectNode } from './helpers/designer'

test('the optimizer shows the formula of its rule and form; L2 says (λ/n)·w', async ({ page }) => {
  await page.goto('/')
  await openExample(page, 'encoder-8-3-8')
  await selectNode(page, 'optimizer')
  const formula = page.getByTestId('optimizer-formula')
  await expect(page.getByTestId('param-optimizer')).toHaveValue('momentum')
  await expect(page.getByTestId('param-form')).toHaveValue('lecture')
  await expect(formula).toHaveText('v ← α·v + η·g;  w ← w − v')
  await page.getByTestId('param-form').selectOption('pytorch')
  await expect(formula).toHaveText('v ← α·v + g;  w ← w − η·v')
  await page.getByTestId('param-optimizer').selectOption('nesterov')
  await expect(formula).toHaveText('v ← α·v + g;  w ← w − η·(g + α·v)')
  await page.getByTestId('param-form').selectOption('lecture')
  await expect(formula).toHaveText('v ← α·v + η·∇E(w − α·v);  w ← w − v')
  await page.getByTestId('param-optimizer').selectOption('rmsprop')
  await expect(page.getByTestId('param-form')).toHaveCount(0)
  await expect(formula).toHaveText('s ← ρ·s + (1 − ρ)·g²;  w ← w − η·g/(√s + ε)')
  await expect(page.getByTestId('param-l2').locator('xpath=ancestor::div[contains(@class,"field")][1]')).toContainText('(λ/n)·w')
  if (process.env.AXON_SCREENSHOTS === '1') await page.getByTestId('inspector').screenshot({ path: 'docs/screenshots/optimizer-formula.png' })
})
