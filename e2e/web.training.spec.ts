/**
 * Watch it learn, in the browser build: examples opened from the gallery, trained
 * from the Train button, observed through the training panel.
 *
 * With AXON_SCREENSHOTS=1 the tests also write docs/screenshots/training-*.png.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { selectNode, setParam } from './helpers/designer'
import { answerDialogs, counter, openExampleFromGallery, panelTitle, runState, setSpeed, showTrainingPanel, viewsPainted, waitForIterations } from './helpers/training'

const SHOTS = process.env.AXON_SCREENSHOTS === '1'

/** Presses Train and waits for the training panel's first snapshot. */
async function train(page: Page): Promise<void> {
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('training-panel')).toBeVisible()
  await expect(page.getByTestId('counter-iteration')).toHaveText(/^\d[\d,]*$/)
}

async function shot(target: Locator | Page, name: string): Promise<void> {
  if (SHOTS) await target.screenshot({ path: `docs/screenshots/training-${name}.png` })
}

test.describe('browser build: watch it learn', () => {
  // Waits are on training progress, with room for a machine busy with other work.
  test.describe.configure({ timeout: 240_000 })
  test.beforeEach(async ({ page }) => {
    await page.goto('/')
    await expect(page.getByTestId('engine-version')).toBeVisible()
  })

  test('the 8-3-8 encoder reaches 100% accuracy with 8 distinct hidden codes', async ({ page }) => {
    await openExampleFromGallery(page, 'encoder-8-3-8')
    await train(page)
    await setSpeed(page, 0)
    await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'finished', { timeout: 150_000 })
    await expect(page.getByTestId('metric-accuracy')).toHaveText('100.0%')
    await expect(page.getByTestId('train-state')).toHaveText(/^Ran to the [\d,]+-epoch limit; every training example is classified correctly\.$/)
    const distinct = page.locator('[data-testid^="distinct-codes-"]').first()
    await expect(distinct).toHaveAttribute('data-distinct', '8')
    await expect(distinct).toHaveText('8 distinct codes')
    await shot(page, 'encoder-8-3-8')
    await shot(page.getByTestId('hidden-codes'), 'hidden-codes')
  })

  test('pause stops the counters; step advances exactly one example', async ({ page }) => {
    await openExampleFromGallery(page, 'encoder-8-3-8')
    await train(page)
    await setSpeed(page, 1)
    await waitForIterations(page, 10)
    await page.getByTestId('train-pause').click()
    await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'paused')
    const iteration = await counter(page, 'iteration')
    const examples = await counter(page, 'examples')
    await page.waitForTimeout(600)
    expect(await counter(page, 'iteration')).toBe(iteration)
    expect(await counter(page, 'examples')).toBe(examples)
    await page.getByTestId('train-step-example').click()
    await expect.poll(() => counter(page, 'examples')).toBe(examples + 1)
    // Online learning: one example is one update.
    expect(await counter(page, 'iteration')).toBe(iteration + 1)
    await page.waitForTimeout(300)
    expect(await counter(page, 'examples')).toBe(examples + 1)
    await shot(page.getByTestId('weights'), 'weights')
  })

  test("the Mazur example's step-through shows w5⁺ = 0.35891648", async ({ page }) => {
    await openExampleFromGallery(page, 'mazur-2-2-2')
    // The step-through sets up a paused run of the network on the canvas.
    await showTrainingPanel(page)
    await page.getByTestId('open-step-through').click()
    await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'paused')
    const st = page.getByTestId('step-through')
    await expect(st).toBeVisible()
    await expect(st.getByTestId('st-w5-after')).toHaveText('0.35891648')
    await expect(st.getByTestId('st-w1-after')).toHaveText('0.149780716')
    await expect(st.getByTestId('st-loss')).toHaveText('0.298371109')
    await expect(st.getByTestId('st-grad-w5')).toHaveText('0.082167041')
    // Hovering a number says how it was computed.
    await expect(st.getByTestId('st-w5-after')).toHaveAttribute('title', 'w5 after the update')
    // The dialog fits the window and scrolls inside; a tall window shows all of it for the docs.
    const box = await st.boundingBox()
    const viewport = page.viewportSize()!
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height)
    if (SHOTS) {
      await page.setViewportSize({ width: 1280, height: 1500 })
      await shot(st, 'step-through-mazur')
      await page.setViewportSize(viewport)
    }
    // Applying the update takes one step: the counters move by one.
    await st.getByTestId('st-apply').click()
    await expect.poll(() => counter(page, 'iteration')).toBe(1)
  })

  test("lecture 000's exercise: forward 0.68 / 0.6637 / 0.69 and δ = −0.0406", async ({ page }) => {
    await openExampleFromGallery(page, 'sjtu-exercise')
    await showTrainingPanel(page)
    await page.getByTestId('open-step-through').click()
    const st = page.getByTestId('step-through')
    await expect(st.getByTestId('st-out-h2')).toHaveText(/^0\.6637/)
    await expect(st.getByTestId('st-out-o1')).toHaveText(/^0\.69/)
    // The engine's δ is ∂E/∂net = −(t − o)(1 − o)o: the lecture's −0.0406 with the opposite sign.
    await expect(st.getByTestId('st-delta-o1')).toHaveText(/^0\.0406/)
    // Output weights are w5, w6 here (hidden first); the lecture's printed weights agree to 3 decimals
    // (it rounds δ and back-propagates through the already-updated output weights).
    await expect(st.getByTestId('st-w5-after')).toHaveText(/^0\.272/)
    await expect(st.getByTestId('st-w1-after')).toHaveText(/^0\.099/)
  })

  test('the XOR decision boundary changes while the network trains', async ({ page }) => {
    await openExampleFromGallery(page, 'xor-2-2-1-sigmoid')
    await train(page)
    // Reset pauses and re-initialises from the seed (the run may even have finished by now).
    await page.getByTestId('train-reset').click()
    await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'paused')
    await expect(page.getByTestId('counter-iteration')).toHaveText('0')
    const boundary = page.getByTestId('decision-boundary')
    await expect(boundary).toBeVisible()
    await viewsPainted(page)
    const before = await boundary.screenshot()
    await setSpeed(page, 5)
    await page.getByTestId('train-resume').click()
    // Progress, not the clock: however slow the machine, wait for 300 updates, then finish at full speed.
    await waitForIterations(page, 300, 120_000)
    await expect.poll(async () => (await boundary.screenshot()).equals(before), { timeout: 60_000 }).toBe(false)
    await setSpeed(page, 0)
    await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'finished', { timeout: 120_000 })
    await expect(page.locator('[data-testid^="unit-map-"]').first()).toBeVisible()
    await shot(page.getByTestId('boundary'), 'decision-boundary')
    await shot(page.getByTestId('curves'), 'curves')
  })
})

/**
 * Journeys between features (issue 9): the run, its controls and its views always belong to
 * the network on the canvas; one Train command; the η in force shown everywhere alike.
 */
test.describe('browser build: the run belongs to the network on the canvas', () => {
  test.describe.configure({ timeout: 240_000 })
  test.beforeEach(async ({ page }) => {
    // Force the download path for Export (the File System Access picker cannot be driven here).
    await page.addInitScript(() => {
      delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker
    })
    await page.goto('/')
    await expect(page.getByTestId('engine-version')).toBeVisible()
  })

  test('with a stale run, the η tile says it is the run’s and the field that it is the next run’s', async ({ page }) => {
    answerDialogs(page)
    await openExampleFromGallery(page, 'xor-2-2-1-sigmoid')
    await showTrainingPanel(page)
    await page.getByTestId('train-step-epoch').click()
    await expect.poll(() => counter(page, 'epoch')).toBe(1)
    await expect(page.getByTestId('counter-lr-label')).toHaveText('η')
    await expect(page.getByTestId('train-lr-label')).toHaveText('η')
    // The network changes under the paused run, then its η: two values of η on screen.
    await selectNode(page, 'hidden')
    await setParam(page, 'units', '3')
    await showTrainingPanel(page)
    await expect(page.getByTestId('train-stale')).toBeVisible()
    await page.getByTestId('train-lr').fill('3')
    await page.getByTestId('train-lr').press('Enter')
    await expect(page.getByTestId('counter-lr')).toHaveText('2')
    await expect(page.getByTestId('counter-lr-label')).toHaveText('η of this run')
    await expect(page.getByTestId('train-lr-label')).toContainText('η for the next run')
    await expect(page.getByTestId('train-lr')).toHaveValue('3')
    // The next run is the canvas's: one η again.
    await page.getByTestId('train-resume').click()
    await expect(page.getByTestId('counter-lr')).toHaveText('3')
    await expect(page.getByTestId('counter-lr-label')).toHaveText('η')
    await expect(page.getByTestId('train-lr-label')).toHaveText('η')
  })

  test('switching example after pausing: panel, Step, step-through and Export act on the new network', async ({ page }) => {
    const dialogs = answerDialogs(page)
    await openExampleFromGallery(page, 'encoder-8-3-8')
    await page.getByTestId('train-button').click()
    await waitForIterations(page, 5)
    await page.getByTestId('train-pause').click()
    await expect(runState(page)).toHaveAttribute('data-state', 'paused')

    await openExampleFromGallery(page, 'mazur-2-2-2')
    // The run had progress: the user was asked before it was stopped.
    expect(dialogs.some((m) => /stop/i.test(m))).toBe(true)
    await expect(panelTitle(page)).toHaveText('Backpropagation step by step (2-2-2)')
    await expect(page.getByTestId('run-info')).toHaveCount(0)
    // The step-through traces Mazur's net with its lecture weights.
    await page.getByTestId('open-step-through').click()
    await expect(page.getByTestId('step-through').getByTestId('st-w5-after')).toHaveText('0.35891648')
    await page.mouse.click(5, 400)
    await expect(page.getByTestId('step-through')).toHaveCount(0)
    await expect(page.getByTestId('run-info')).toContainText('2 → 2 → 2')
    await page.getByTestId('train-step-example').click()
    await expect.poll(() => counter(page, 'iteration')).toBe(1)
    const download = page.waitForEvent('download')
    await page.getByTestId('export-model').click()
    const model = JSON.parse(readFileSync(await (await download).path(), 'utf8'))
    expect(model.title).toBe('Backpropagation step by step (2-2-2)')
    expect(model.architecture.inputSize).toBe(2)
  })

  test('after a finished run, New and another example leave no trace of the old run', async ({ page }) => {
    answerDialogs(page)
    await openExampleFromGallery(page, 'perceptron-and')
    await page.getByTestId('train-button').click()
    await setSpeed(page, 0)
    await expect(runState(page)).toHaveAttribute('data-state', 'finished')
    await page.getByTestId('cmd-new').click()
    await expect(panelTitle(page)).toHaveText('Untitled network')
    await expect(page.getByTestId('run-info')).toHaveCount(0)
    await expect(page.getByTestId('counter-epoch')).toHaveText('–')
    await openExampleFromGallery(page, 'xor-2-2-1-sigmoid')
    await expect(panelTitle(page)).toHaveText('XOR with a 2-2-1 sigmoid network')
    await page.getByTestId('train-button').click()
    await expect(page.getByTestId('run-info')).toContainText('2 → 2 → 1')
  })

  test('one Train command: the toolbar trains Mazur at once, pauses a running run, asks before starting over', async ({ page }) => {
    const dialogs: string[] = []
    let accept = true
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void (accept ? d.accept() : d.dismiss())
    })
    await openExampleFromGallery(page, 'mazur-2-2-2')
    const toolbarTrain = page.getByTestId('train-button')
    await toolbarTrain.click()
    await expect(runState(page)).toHaveAttribute('data-state', 'finished')
    await expect.poll(() => counter(page, 'iteration')).toBe(1)

    await openExampleFromGallery(page, 'encoder-8-3-8')
    await toolbarTrain.click()
    await setSpeed(page, 1)
    await waitForIterations(page, 5)
    // While it runs, the toolbar says so and its button pauses.
    await expect(toolbarTrain).toHaveText(/Pause/)
    await expect(page.getByTestId('toolbar-run-status')).toContainText(/Training/)
    await toolbarTrain.click()
    await expect(runState(page)).toHaveAttribute('data-state', 'paused')
    const paused = await counter(page, 'iteration')
    await expect(toolbarTrain).toHaveText(/Resume/)
    await expect(page.getByTestId('toolbar-run-status')).toContainText(/Paused/)
    await toolbarTrain.click()
    await expect(runState(page)).toHaveAttribute('data-state', 'running')
    await waitForIterations(page, paused)
    await setSpeed(page, 0)
    await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 150_000 })
    const finished = await counter(page, 'iteration')
    // Starting over loses the run: asked first; "no" keeps it.
    accept = false
    await toolbarTrain.click()
    expect(dialogs.at(-1)).toMatch(/again/i)
    await expect(runState(page)).toHaveAttribute('data-state', 'finished')
    expect(await counter(page, 'iteration')).toBe(finished)
    accept = true
    // Slow, so the new run cannot reach the old count before the poll sees it start over.
    await setSpeed(page, 1)
    await page.getByTestId('train-resume').click()
    await expect.poll(() => counter(page, 'iteration')).toBeLessThan(finished)
  })

  test('η changed mid-run: node, tile and field show the value in force, Reset and the next run included', async ({ page }) => {
    answerDialogs(page)
    await openExampleFromGallery(page, 'xor-2-2-1-sigmoid')
    const optimizer = page.locator('.react-flow__node [data-kind="optimizer"]')
    await expect(optimizer).toContainText('η=2')
    await page.getByTestId('train-button').click()
    await setSpeed(page, 1)
    await waitForIterations(page, 3)
    await page.getByTestId('train-lr').fill('3')
    await page.getByTestId('train-lr').press('Enter')
    await expect(page.getByTestId('counter-lr')).toHaveText('3')
    await expect(page.getByTestId('train-lr')).toHaveValue('3')
    await expect(optimizer).toContainText('η=3')
    await page.getByTestId('train-reset').click()
    await expect(page.getByTestId('counter-iteration')).toHaveText('0')
    await expect(page.getByTestId('counter-lr')).toHaveText('3')
    await expect(page.getByTestId('train-lr')).toHaveValue('3')
    await expect(optimizer).toContainText('η=3')
    // Undo takes the change back everywhere, the run included.
    await page.getByTestId('cmd-undo').click()
    await expect(optimizer).toContainText('η=2')
    await expect(page.getByTestId('counter-lr')).toHaveText('2')
    await expect(page.getByTestId('train-lr')).toHaveValue('2')
  })
})
