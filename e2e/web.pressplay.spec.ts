/**
 * "Press play and watch": a new network drawn from the palette, on the XOR data a new project
 * starts with, trains until it is solved and stops by itself; the toolbar says what is running.
 * Every wait is on what the app shows (state, counters), never on the clock.
 */
import { expect, test } from '@playwright/test'
import { connect, dragFromPalette, selectNode, setParam } from './helpers/designer'
import { answerDialogs, counter, runState } from './helpers/training'

// The drags here wait for a still canvas and check that each wire started, so a failure is a bug:
// no CI retry for this file (playwright.config.ts keeps one for the rest until full runs show no flake).
test.describe.configure({ retries: 0 })

test('New network, XOR: ▶ Train runs until solved (100 % accuracy) and stops by itself', async ({ page }) => {
  answerDialogs(page)
  await page.goto('/')
  await expect(page.locator('.react-flow__pane')).toBeVisible()
  await page.getByTestId('cmd-new').click()
  await expect(page.locator('.react-flow__node')).toHaveCount(0)

  const blocks = ['input', 'dense', 'activation-sigmoid', 'dense', 'activation-sigmoid', 'loss-halfSse', 'optimizer-sgd']
  const ids: string[] = []
  // The left column's input handles 70 px into the canvas: within 40 px of its edge React Flow pans
  // the view while a wire is held there (autoPanOnConnect), and a slow hold once panned loss-1's
  // output under the side panel.
  for (const [i, block] of blocks.entries()) ids.push(await dragFromPalette(page, block, { x: 160 + (i % 3) * 260, y: 110 + Math.floor(i / 3) * 190 }))
  for (let i = 0; i + 1 < ids.length; i++) await connect(page, ids[i], ids[i + 1])
  // The one change a new user must make: XOR has one target.
  await selectNode(page, ids[3])
  await setParam(page, 'units', '1')
  // The optimizer a new network gets trains until solved, and its node says so.
  await selectNode(page, ids[6])
  await expect(page.getByTestId('param-stop')).toHaveValue('solved')
  await expect(page.getByTestId('param-targetAccuracy')).toHaveValue('1')
  await expect(page.getByTestId('param-epochs')).toHaveCount(0)
  await expect(page.locator(`.react-flow__node[data-id="${ids[6]}"]`)).toContainText('until solved')

  const train = page.getByTestId('train-button')
  await expect(train).toBeEnabled()
  await train.click()
  // What is running, at a glance (the run takes a few hundred epochs).
  await expect(page.getByTestId('toolbar-run-status')).toHaveText(/^(Training|Paused) · epoch [\d,]+ · until solved$/)
  await expect(page.getByTestId('counter-run-length')).toHaveText('· until solved')

  // It stops by itself once every example is right: no epoch limit, no click.
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 240_000 })
  await expect(runState(page)).toHaveText(/^Solved after [\d,]+ epochs: every training example is classified correctly\.$/)
  const epochs = await counter(page, 'epoch')
  expect(epochs).toBeGreaterThan(100)
  await expect(page.getByTestId('toolbar-run-status')).toHaveText(`Solved · epoch ${epochs.toLocaleString('en-US')}`)
  await expect(train).toHaveText('▶ Train')
})
