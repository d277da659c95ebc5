/**
 * What the training panel says right after the user acts on a run: Resume of a big network
 * says it trains at once (not "Paused" until its first batch, seconds later), and a diverged
 * run whose η was undone says which η it had and which the canvas has now.
 */
import { expect, test } from '@playwright/test'
import { openExample, selectNode, setParam } from './helpers/designer'
import { counter, runState, showTrainingPanel, waitForIterations } from './helpers/training'

test('Resume of a big network says “Training” before its next snapshot', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto('/')
  await openExample(page, 'residual-circles')
  // Two 300-unit layers in a row: a slice and its views (the decision boundary over its grid) take a while.
  for (const id of ['stem', 'block']) {
    await selectNode(page, id)
    await setParam(page, 'units', '300')
  }
  await expect(page.getByTestId('compile-status')).toHaveAttribute('data-ok', 'true')
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await waitForIterations(page, 0, 120_000)
  await page.getByTestId('train-button').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'paused', { timeout: 120_000 })
  await expect(page.getByTestId('toolbar-run-status')).toContainText('Paused')
  const paused = await counter(page, 'iteration')

  // The iteration counter at the moment the toolbar first says Training: still the paused one.
  const atTraining = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const status = document.querySelector('[data-testid="toolbar-run-status"]')!
        new MutationObserver((_, observer) => {
          if (!status.textContent?.includes('Training')) return
          observer.disconnect()
          resolve(document.querySelector('[data-testid="counter-iteration"]')?.textContent ?? '')
        }).observe(status, { childList: true, characterData: true, subtree: true })
      }),
  )
  await page.getByTestId('train-button').click()
  expect(Number((await atTraining).split('/')[0].replace(/[^\d]/g, ''))).toBe(paused)
  await expect(runState(page)).toHaveAttribute('data-state', 'running')
  await expect(page.getByTestId('train-button')).toHaveAttribute('data-action', 'pause')
  await waitForIterations(page, paused, 120_000)
  await page.getByTestId('train-button').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'paused', { timeout: 120_000 })
})

test('after undoing the η a run diverged with, the failure names both: the run’s η and the canvas’s', async ({ page }) => {
  await page.goto('/')
  await openExample(page, 'residual-circles')
  await selectNode(page, 'optimizer')
  await page.getByTestId('param-optimizer').selectOption('sgd')
  await expect(page.locator('.react-flow__node[data-id="optimizer"]')).toContainText('η=0.02')
  await setParam(page, 'learningRate', '1e4')
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'failed', { timeout: 60_000 })
  const text = page.getByTestId('training-failure')
  await expect(text).toContainText('η = 10000 is probably too high')

  await page.getByTestId('cmd-undo').click()
  await expect(page.locator('.react-flow__node[data-id="optimizer"]')).toContainText('η=0.02')
  // Found: the panel went on saying "η = 10000 is probably too high" beside a canvas saying η=0.02.
  await expect(text).toContainText('This run diverged with η = 10000. η is now 0.02: press ▶ Train to train with it.')
  await expect(text).not.toContainText('probably too high')
  await page.getByTestId('training-failure').screenshot({ path: 'test-results/failure-eta-changed.png' })
  // Redone, the engine's own words again.
  await page.getByTestId('cmd-redo').click()
  await expect(text).toContainText('η = 10000 is probably too high')
})
