/**
 * A teacher's walks across features, at a projector's 1024 × 768, on one page as in a class:
 * a lesson answered wrong then right and opened in teacher mode; a reload mid-lesson and a CSV
 * dropped on a lesson; a run restored from the Runs tab mid-run, scrubbed back and undone; a run
 * given ten more epochs once finished and while it trains. Each walk is kept for the wrong state
 * it found (see the comments); every wait is on what the app shows.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { openExample, selectNode, setParam, viewportSettled } from './helpers/designer'
import { openExperiments } from './helpers/experiments'
import { answerNumber, next, openLesson } from './helpers/lessons'
import { counter, runState, setSpeed, showTrainingPanel, trainExample, trainToEnd } from './helpers/training'

test.describe.configure({ mode: 'serial' })

let page: Page

test.beforeAll(async ({ browser }, info) => {
  page = await browser.newPage({ baseURL: info.project.use.baseURL, viewport: { width: 1024, height: 768 } })
  page.on('dialog', (d) => void d.accept())
  await page.goto('/')
  await expect(page.getByTestId('engine-version')).toBeVisible()
})

test.afterAll(async () => {
  await page.close()
})

/** The right edge of `testId`'s box lies within the lesson column (nothing pushed out of it). */
async function expectInLessonColumn(testId: string): Promise<void> {
  const column = await page.locator('.lesson-column').boundingBox()
  const box = await page.getByTestId(testId).boundingBox()
  expect(box && column && box.x >= column.x && box.x + box.width <= column.x + column.width + 0.5, `${testId} inside the lesson column`).toBe(true)
}

test('a lesson answered wrong then right, then edited in teacher mode: every verdict in view, × and Data… at hand', async () => {
  await openLesson(page, 'backprop-by-hand')
  // Found: × (leave the lesson) was pushed out of the 225 px column by the title's long word.
  await expectInLessonColumn('lesson-exit')
  // Found: the step's 7-node row was drawn at a third of its size; it wraps as an example does.
  await viewportSettled(page)
  const zoom = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a)
  expect(zoom, 'canvas zoom of the lesson’s network').toBeGreaterThanOrEqual(0.45)
  // Found: "Open link…" stayed among the file commands the step hides (it replaces the lesson's network); it is in More ▾, hidden with them.
  await expect(page.getByTestId('cmd-more')).toBeHidden()
  await expect(page.getByTestId('cmd-open')).toBeHidden()
  const feedback = page.getByTestId('lesson-feedback')
  await page.getByTestId('lesson-answer').fill('0.1')
  await page.getByTestId('lesson-check').click()
  await expect(feedback).toHaveAttribute('data-correct', 'false')
  // Found: the verdict landed below the fold of the lesson's text; the student saw nothing happen.
  await expect(feedback).toBeInViewport({ ratio: 1 })
  expect(await answerNumber(page, '0.5', '0.593270')).toContain('0.593269')
  await expect(feedback).toBeInViewport({ ratio: 1 })

  await page.getByTestId('lesson-edit').click()
  await expect(page.getByTestId('teacher-panel')).toHaveAttribute('data-steps', '5')
  // Found: the palette under teacher mode had no Data… button (its portal slot was looked up once).
  await expect(page.getByTestId('data-open')).toBeVisible()
  await page.getByTestId('teacher-record').click()
  await expect(page.getByTestId('teacher-panel')).toHaveAttribute('data-steps', '6')
  await page.getByTestId('teacher-question-kind').selectOption('choice')
  await page.getByTestId('teacher-options').fill('only one option')
  await page.getByTestId('teacher-preview').click()
  await expect(page.getByTestId('teacher-problems')).toContainText('$.steps[1].question.options')
  // Found: the problems kept the inspector's 126 px indent and ran out of the column.
  await expectInLessonColumn('teacher-problems')
  await page.getByTestId('teacher-close').click()
  await expect(page.getByTestId('teacher-panel')).toHaveCount(0)
  await expect(page.getByTestId('data-open')).toBeVisible()
})

/** Drops a file on the window, as a student dragging it from the desktop does. */
async function dropOnWindow(name: string, text: string): Promise<void> {
  await page.evaluate(
    ([name, text]) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([text], name, { type: 'text/csv' }))
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    },
    [name, text],
  )
}

test('a reload mid-lesson reopens it at the student’s step with its locks; a CSV dropped on it cannot replace a locked Input’s data', async () => {
  await openLesson(page, 'perceptron-rule')
  await next(page, 1)
  await next(page, 2)
  await page.reload()
  await expect(page.getByTestId('engine-version')).toBeVisible()
  // Found: the lesson was gone after a reload and its network on the canvas was unlocked.
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-step', '2')
  await expect(page.getByTestId('notice')).toContainText('“The perceptron learning rule” is open again at step 3')
  await expect(page.getByTestId('palette')).toHaveCount(0)
  await selectNode(page, 'neuron')
  await expect(page.getByTestId('param-units')).toBeDisabled()

  // Found: class-labelled iris dropped on the lesson replaced its data; the locked Input then never fit.
  await dropOnWindow('iris-sklearn.csv', readFileSync(join(import.meta.dirname, 'fixtures/data/iris-sklearn.csv'), 'utf8'))
  await expect(page.getByTestId('data-task')).toContainText('Classification: 3 classes')
  await page.getByTestId('data-apply').click()
  await expect(page.getByTestId('data-error-message')).toHaveText('This lesson step locks the Input node, so its data cannot change.')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('data-dialog')).toHaveCount(0)
  await expect(page.getByTestId('compile-status')).toContainText('Compiles')

  // Left, the lesson stays closed after a reload.
  await page.getByTestId('lesson-exit').click()
  await page.reload()
  await expect(page.getByTestId('engine-version')).toBeVisible()
  await expect(page.getByTestId('palette')).toBeVisible()
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0)
})

const lossChart = () => page.getByTestId('chart-loss')

test('a run restored from the Runs tab mid-run, scrubbed back, then undone and redone: no replayed epoch without its scrubber', async () => {
  await trainExample(page, 'xor-2-2-1-sigmoid', { epochs: 300, speed: 0 })
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 60_000 })
  await selectNode(page, 'optimizer')
  await setParam(page, 'learningRate', '0.5')
  await showTrainingPanel(page)
  await setSpeed(page, 1)
  await page.getByTestId('train-button').click()
  await expect.poll(() => counter(page, 'epoch')).toBeGreaterThan(3)

  // Restore the first run while the second trains: the second is kept as stopped, the first is ready.
  await openExperiments(page, 'runs')
  await page.getByTestId('run-restore-Run 1').click()
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '2')
  await expect(page.getByTestId('run-row-Run 2')).toContainText('stopped')
  await page.keyboard.press('Escape')
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  await expect(page.getByTestId('counter-lr')).toContainText('2')

  await page.getByTestId('train-button').click()
  await expect.poll(() => counter(page, 'epoch')).toBeGreaterThan(3)
  await page.getByTestId('train-pause').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  await page.getByTestId('time-scrubber-range').fill('1')
  await expect(page.getByTestId('time-scrubber')).not.toHaveAttribute('data-epoch', 'now')
  await expect(lossChart()).toContainText('shown: epoch')

  // Undo the restore: the run is of another network now, its scrubber goes and so must the replay.
  await page.getByTestId('cmd-undo').click()
  await expect(page.getByTestId('train-stale')).toBeVisible()
  await expect(page.getByTestId('time-scrubber')).toHaveCount(0)
  // Found: the curves kept "shown: epoch 1" with no scrubber to come back to the present.
  await expect(lossChart()).not.toContainText('shown: epoch')
  await page.getByTestId('cmd-redo').click()
  await expect(page.getByTestId('train-stale')).toHaveCount(0)
  await expect(page.getByTestId('time-scrubber')).toHaveAttribute('data-epoch', 'now')
})

/** How many points the loss chart's training curve has. */
async function lossPoints(): Promise<number> {
  return Number(await lossChart().getAttribute('data-points'))
}

test('ten more epochs: a run finished at its limit goes on from where it stopped when the limit is raised; undo and redo follow', async () => {
  // The example as it comes, trained to its own limit of 3,000 epochs.
  await openExample(page, 'xor-2-2-1-sigmoid')
  const asked: string[] = []
  const onDialog = (d: { message(): string }) => void asked.push(d.message())
  page.on('dialog', onDialog)
  await trainToEnd(page)
  expect(await counter(page, 'epoch')).toBe(3000)
  const points = await lossPoints()
  expect(points).toBeGreaterThan(1)

  // Found: raising the limit marked the run out of date, and ▶ Train asked to start again from epoch 0.
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '3010')
  await showTrainingPanel(page)
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  await expect(page.getByTestId('counter-run-length')).toHaveText('/ 3,010')
  await expect(page.getByTestId('train-stale')).toHaveCount(0)
  // Undone before training on: finished at 3,000 again; redone: ready to go on.
  await page.getByTestId('cmd-undo').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'finished')
  await expect(page.getByTestId('counter-run-length')).toHaveText('/ 3,000')
  await page.getByTestId('cmd-redo').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  await expect(page.getByTestId('train-stale')).toHaveCount(0)

  await setSpeed(page, 1)
  await page.getByTestId('train-button').click()
  await expect.poll(() => counter(page, 'epoch')).toBeGreaterThan(3000)
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 60_000 })
  expect(await counter(page, 'epoch')).toBe(3010)
  // The curve went on (a restart would have begun it again with a point or two).
  expect(await lossPoints()).toBeGreaterThan(points)
  await expect(page.getByTestId('time-scrubber')).toHaveAttribute('data-epoch', 'now')
  expect(asked, 'no question on the way').toEqual([])
  // One run in the Runs tab, its record now where it ended.
  await openExperiments(page, 'runs')
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '1')
  await expect(page.getByTestId('run-row-Run 1')).toContainText('3010')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('experiments')).toHaveCount(0)

  // Undo the raise now: the run went past 3,000, so it is out of date; redo brings it back as it was.
  await page.getByTestId('cmd-undo').click()
  await expect(page.getByTestId('train-stale')).toContainText('redo brings this run back')
  await page.getByTestId('cmd-redo').click()
  await expect(page.getByTestId('train-stale')).toHaveCount(0)
  await expect(runState(page)).toHaveAttribute('data-state', 'finished')
  expect(await counter(page, 'epoch')).toBe(3010)
  page.off('dialog', onDialog)
})

/** XOR with an epoch limit of `epochs`, training at `speed` updates a frame (0: full speed). */
async function trainXor(epochs: string, speed: number): Promise<void> {
  await openExample(page, 'xor-2-2-1-sigmoid')
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', epochs)
  await showTrainingPanel(page)
  await setSpeed(page, speed)
  await page.getByTestId('train-button').click()
}

test('ten more epochs while it trains: a running run whose limit is raised runs on to it, no question asked', async () => {
  await trainXor('2000', 1)
  await expect.poll(() => counter(page, 'epoch')).toBeGreaterThan(5)
  const asked: string[] = []
  const onDialog = (d: { message(): string }) => void asked.push(d.message())
  page.on('dialog', onDialog)
  // Found: the edit paused the run as out of date.
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '2100')
  await expect(page.getByTestId('toolbar-run-status')).toContainText('of 2,100')
  await expect(page.getByTestId('toolbar-run-status')).toContainText('Training')
  await showTrainingPanel(page)
  await expect(page.getByTestId('train-stale')).toHaveCount(0)
  await setSpeed(page, 0)
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 60_000 })
  expect(await counter(page, 'epoch')).toBe(2100)
  expect(asked, 'no question on the way').toEqual([])
  page.off('dialog', onDialog)
})

test('ten more epochs typed key by key while it trains: the values on the way pause it, the limit typed lets it train on', async () => {
  await trainXor('2000', 1)
  await expect.poll(() => counter(page, 'epoch')).toBeGreaterThan(40)
  await selectNode(page, 'optimizer')
  const field = page.getByTestId('param-epochs')
  await field.selectText()
  // "3" and "30" are epochs the run has gone past: each pauses it, out of date; "300" and "3000" it takes.
  await field.pressSequentially('3000', { delay: 150 }) // as a person types
  await expect(page.getByTestId('toolbar-run-status')).toContainText('of 3,000')
  // Found: the run stayed paused at the epoch "3" had stopped it at.
  await expect(runState(page)).toHaveAttribute('data-state', 'running')
  const at = await counter(page, 'epoch')
  await expect.poll(() => counter(page, 'epoch')).toBeGreaterThan(at)
  await page.getByTestId('train-button').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
})

test('a limit it has gone past, undone: the run is back, paused as after any undone change, and a raise then does not start it', async () => {
  await trainXor('2000', 1)
  await expect.poll(() => counter(page, 'epoch')).toBeGreaterThan(10)
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '5')
  await showTrainingPanel(page)
  await expect(page.getByTestId('train-stale')).toBeVisible()
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  await page.getByTestId('cmd-undo').click()
  await expect(page.getByTestId('train-stale')).toHaveCount(0)
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  const at = await counter(page, 'epoch')
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '2100')
  await expect(page.getByTestId('toolbar-run-status')).toContainText('of 2,100')
  // Found: the pause "5" had made was still waiting for a limit the run would take, and the raise started the paused run.
  await expect(page.getByTestId('toolbar-run-status')).toContainText('Paused')
  await showTrainingPanel(page)
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  expect(await counter(page, 'epoch')).toBe(at)
})

test('the limit raised after a run is an undo step of its own: undo goes back to the limit the run had, not to the one before it', async () => {
  await trainXor('300', 0)
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 60_000 })
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '310')
  await expect(page.getByTestId('toolbar-run-status')).toContainText('of 310')
  await page.getByTestId('cmd-undo').click()
  // Found: the two edits of Epochs were one step, and undo went back to the example's 3,000.
  await expect(page.getByTestId('param-epochs')).toHaveValue('300')
  await showTrainingPanel(page)
  await expect(runState(page)).toHaveAttribute('data-state', 'finished')
  await expect(page.getByTestId('train-stale')).toHaveCount(0)
})

/** Presses Tab until `testId` has the focus (at most `limit` times), checking every stop is inside `within`. */
async function tabTo(testId: string, within: string, limit = 12): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    const at = await page.evaluate((within) => {
      const e = document.activeElement
      return { id: e?.getAttribute('data-testid') ?? '', inside: Boolean(e?.closest(`[data-testid="${within}"]`)) }
    }, within)
    expect(at.inside, `Tab stays in ${within}`).toBe(true)
    if (at.id === testId) return
  }
  throw new Error(`${testId} not reached by Tab`)
}

test('keyboard only: the gallery, the shortcut sheet and the Experiments window take the focus, keep Tab inside and give it back', async () => {
  await page.getByTestId('cmd-examples').focus()
  await page.keyboard.press('Enter')
  // Found: the gallery opened with the focus left on the toolbar behind it; Tab never reached an example.
  await tabTo('example-mazur-2-2-2', 'gallery')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('example-card')).toHaveAttribute('data-example', 'mazur-2-2-2')
  await expect(page.getByTestId('cmd-examples')).toBeFocused()

  await page.keyboard.press('?')
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('shortcut-sheet').locator(':focus')).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('shortcut-sheet')).toHaveCount(0)
  // Found: the sheet's close button took the focus first, so the focus went nowhere when it closed.
  await expect(page.getByTestId('cmd-examples')).toBeFocused()

  await page.getByTestId('cmd-experiments').focus()
  await page.keyboard.press('Enter')
  await tabTo('experiments-close', 'experiments')
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByTestId('experiments').locator(':focus')).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('experiments')).toHaveCount(0)
  await expect(page.getByTestId('cmd-experiments')).toBeFocused()
})
