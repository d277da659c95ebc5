/**
 * The optimizer playground (issue 16, Assignment 6 Q1): gradient descent on f(x) as typed, with
 * three learning rates from x = 0; and the optimizers side by side on a 2-D surface.
 */
import { expect, test } from '@playwright/test'
import { handDescent, openExperiments } from './helpers/experiments'
import { contrastFailures } from './helpers/contrast'

test('Q1: three learning rates from x = 0; the table of f after 30 iterations agrees with a hand computation', async ({ page }) => {
  await page.goto('/')
  await openExperiments(page, 'playground1d')
  // Typed as in the lecture, with its own typography.
  await page.getByTestId('pg1-expression').fill('¼x⁴ − 3x³ + 7x − 5')
  await page.getByTestId('pg1-start').fill('0')
  await page.getByTestId('pg1-rates').fill('0.01, 0.05, 0.1')
  await page.getByTestId('pg1-iterations').fill('30')
  await expect(page.getByTestId('pg1-row-30')).toBeVisible()
  const rates = [0.01, 0.05, 0.1]
  for (const [i, eta] of rates.entries()) {
    const cell = page.getByTestId(`pg1-f-${i}-30`)
    expect(Number(await cell.getAttribute('data-f'))).toBeCloseTo(handDescent(eta, 30), 10)
    await expect(cell).toHaveText(String(Number(handDescent(eta, 30).toPrecision(8))).replace('-', '−'))
  }
  // The local minimum ≈ −8.9775 (x ≈ −0.8433); η = 0.05 has the lowest f after 30 steps.
  await expect(page.getByTestId('pg1-summary-1')).toHaveAttribute('data-best', 'true')
  await expect(page.getByTestId('pg1-summary-1')).toContainText('η = 0.05: f = −8.9775139 at x = −0.84329359 after 30 iterations ★ lowest f')
  await expect(page.getByTestId('pg1-chart')).toBeVisible()
  // A typo is pointed at, not evaluated.
  await page.getByTestId('pg1-expression').fill('x^4/4 - 3x^^3')
  await expect(page.getByTestId('pg1-problem')).toHaveText('“^” needs a number or variable before it. (at character 12)')
  // Too large a step diverges and says so.
  // Not finite where it starts: said so, not blamed on η.
  await page.getByTestId('pg1-expression').fill('1/x')
  await expect(page.getByTestId('pg1-summary-0')).toContainText('f(x) = ∞, f′(x) = −∞ at the start x = 0: choose another start or function')
  await page.getByTestId('pg1-expression').fill('x^4/4 - 3x^3 + 7x - 5')
  await page.getByTestId('pg1-rates').fill('0.05, 1')
  await expect(page.getByTestId('pg1-summary-1')).toContainText('diverged after')
})

test('2-D: the optimizers side by side on the ravine, step by step, with their paths on the contour plot', async ({ page }) => {
  await page.goto('/')
  await openExperiments(page, 'playground2d')
  await page.getByTestId('pg2-surface').selectOption('ravine')
  await page.getByTestId('pg2-iterations').fill('100')
  await expect(page.getByTestId('pg2-at')).toHaveText('iteration 100 / 100')
  for (const o of ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam']) await expect(page.getByTestId(`pg2-path-${o}`)).toHaveAttribute('data-points', '101')
  // Momentum gets much further down the shallow valley than plain descent in 100 steps.
  const f = async (o: string) => Number(await page.getByTestId(`pg2-row-${o}`).getAttribute('data-f'))
  expect(await f('momentum')).toBeLessThan((await f('sgd')) / 10)
  // Every number of the table (x, y, f) to the same five significant digits, minus signs typeset.
  // Found: y = 1.2677e−70 beside f = 5.98165e−7 (f at six), and x = −7.3349e-20 (a hyphen in the exponent).
  const cells = await page.locator('[data-testid="pg2-table"] tbody td:nth-child(n+3)').allTextContents()
  expect(cells).toHaveLength(18)
  for (const text of cells) {
    expect(text, 'typeset minus').not.toContain('-')
    const mantissa = text.replace(/e[−+]\d+$/, '').replace(/[^\d]/g, '').replace(/^0+/, '')
    expect(mantissa.length, `${text}: significant digits`).toBeLessThanOrEqual(5)
  }
  // Step by step from the start.
  await page.getByTestId('pg2-reset').click()
  await expect(page.getByTestId('pg2-at')).toHaveText('iteration 0 / 100')
  await page.getByTestId('pg2-step').click()
  await page.getByTestId('pg2-step').click()
  await expect(page.getByTestId('pg2-at')).toHaveText('iteration 2 / 100')
  await expect(page.getByTestId('pg2-path-adam')).toHaveAttribute('data-points', '3')
  // Rosenbrock, with the momentum EMA form added.
  await page.getByTestId('pg2-surface').selectOption('rosenbrock')
  await page.getByTestId('pg2-use-momentumEma').check()
  await page.getByTestId('pg2-end').click()
  await expect(page.getByTestId('pg2-path-momentumEma')).toHaveAttribute('data-points', '101')
  await page.getByTestId('experiments').screenshot({ path: 'test-results/playground-2d.png' })
})

for (const theme of ['light', 'dark'] as const) {
  test(`both playgrounds read in the ${theme} theme: each series named in the text's colour, its colour beside the name`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('axon:theme', t), theme)
    await page.goto('/')
    // Found: the tables' names in their series' colours, Momentum's orange at 2.25:1 and Adam's sky blue at 2.31:1 on white, Gradient descent's blue at 3.11:1 on the dark panel.
    await openExperiments(page, 'playground1d')
    await expect(page.getByTestId('pg1-table')).toBeVisible()
    expect(await contrastFailures(page, '[data-testid="experiments"]')).toEqual([])
    await page.getByTestId('experiments-tab-playground2d').click()
    await page.getByTestId('pg2-end').click()
    await expect(page.getByTestId('pg2-row-adam')).toBeVisible()
    expect(await contrastFailures(page, '[data-testid="experiments"]')).toEqual([])
  })
}
