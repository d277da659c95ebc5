/**
 * A teacher's walk across documents while a run trains, on one page at 1024 × 768: another
 * example opened mid-run, a reload mid-run, Undo and Redo across them; a class-labelled CSV
 * loaded mid-run, the network fitted to it and trained, then undone back to the example and
 * redone. After each step the panel names the network on the canvas and its run is that
 * network's or none. Every wait is on what the app shows.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { dropFiles, journeyPage } from './helpers/journey'
import { openExample, selectNode, setParam } from './helpers/designer'
import { counter, runState, trainExample } from './helpers/training'
import { openExperiments } from './helpers/experiments'

const journey = journeyPage()
const dialogs = journey.dialogs
let page: Page
test.beforeAll(() => {
  page = journey.page
})

const title = () => page.getByTestId('training-title')
const undo = () => page.getByTestId('cmd-undo')
const redo = () => page.getByTestId('cmd-redo')

/** The run makes progress from where it is. */
async function expectProgress(): Promise<void> {
  const now = (await counter(page, 'iteration')) || 0
  await expect.poll(async () => (await counter(page, 'iteration')) || 0, { timeout: 60_000 }).toBeGreaterThan(now)
}

test('another example opened mid-run, a reload mid-run, then Undo: the switch asks, the old run goes with its network, nothing undoes into the wrong network', async () => {
  await trainExample(page, 'xor-2-2-1-sigmoid', { epochs: 100_000, speed: 1 })
  await expectProgress()
  await selectNode(page, 'optimizer')
  await setParam(page, 'learningRate', '1.5')
  await expect(undo()).toBeEnabled()
  const asked = dialogs.length
  await openExample(page, 'encoder-8-3-8')
  expect(dialogs.slice(asked).join('\n')).toMatch(/^Discard the unsaved changes to this network and stop its training \(epoch [\d,]+, iteration [\d,]+\)\?$/)
  await expect(title()).toHaveText('The 8-3-8 encoder')
  await expect(page.getByTestId('run-info')).toHaveCount(0)
  // Opening another example starts a new history: Undo cannot put XOR's η edit onto the encoder.
  await expect(undo()).toBeDisabled()

  await page.getByTestId('train-button').click()
  await expectProgress()
  await page.reload()
  await expect(page.getByTestId('engine-version')).toBeVisible()
  await expect(page.getByTestId('notice')).toContainText('Your last session was recovered.')
  await expect(title()).toHaveText('The 8-3-8 encoder')
  await expect(page.getByTestId('counter-epoch')).toHaveText('–')
  await expect(undo()).toBeDisabled()
  await expect(redo()).toBeDisabled()
})

test('a class-labelled CSV loaded mid-run pauses the run as out of date; fitted and trained; two Undos bring the encoder back (the iris run out of date), two Redos the iris network with its run', async () => {
  await page.getByTestId('train-button').click()
  await expectProgress()
  await page.getByTestId('data-open').click()
  await page.getByTestId('data-file-input').setInputFiles({ name: 'iris-sklearn.csv', mimeType: 'text/csv', buffer: readFileSync(join(import.meta.dirname, 'fixtures/data/iris-sklearn.csv')) })
  await expect(page.getByTestId('data-task')).toContainText('Classification: 3 classes')
  await page.getByTestId('data-apply').click()
  await expect(page.getByTestId('data-dialog')).toHaveCount(0)
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  await expect(page.getByTestId('train-stale')).toBeVisible()
  await expect(page.getByTestId('compile-status')).toHaveAttribute('data-ok', 'false')
  await page.getByTestId('data-fit-network').click()
  await expect(page.getByTestId('compile-status')).toHaveAttribute('data-ok', 'true')
  const asked = dialogs.length
  await page.getByTestId('train-button').click()
  expect(dialogs.slice(asked).join('\n')).toContain('The network on the canvas has changed. Train again from the start?')
  await expect(page.getByTestId('run-info')).toContainText('4 → 3 → 3 · ')
  await expect(page.getByTestId('run-info')).toContainText('150 examples')
  await expectProgress()

  await undo().click()
  await expect(page.getByTestId('compile-status')).toHaveAttribute('data-ok', 'false')
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  await undo().click()
  await expect(page.getByTestId('data-summary')).toContainText('inputs 8 · targets 8')
  await expect(page.getByTestId('compile-status')).toHaveAttribute('data-ok', 'true')
  // Found: it said "undo brings this run back", which takes the canvas further from it.
  await expect(page.getByTestId('train-stale')).toContainText('(redo brings this run back)')
  await redo().click()
  await redo().click()
  await expect(page.getByTestId('data-summary')).toContainText('iris-sklearn.csv')
  await expect(page.getByTestId('train-stale')).toHaveCount(0)
  await expect(page.getByTestId('run-info')).toContainText('4 → 3 → 3 · ')
  await page.getByTestId('train-button').click()
  await expectProgress()
})

test('three project files and a CSV dropped at once mid-run: the first project opens after asking, the notice says only one opens at a time and names the rest', async () => {
  const example = (id: string) => join(process.cwd(), `resources/examples/${id}.axon.json`)
  const csv = join(import.meta.dirname, 'fixtures/data/iris-sklearn.csv')
  const asked = dialogs.length
  // Found: the drop did nothing at all, without a word (several files, or one).
  await dropFiles(page, [example('xor-2-2-1-sigmoid'), example('mazur-2-2-2'), csv, example('encoder-8-3-8')])
  // The page reads the dropped files before it asks (flaky in CI when checked at once: no question yet).
  await expect.poll(() => dialogs.slice(asked).join('\n'), { message: 'the drop asks before it stops the run' }).toMatch(/stop its training/)
  await expect(title()).toHaveText('XOR with a 2-2-1 sigmoid network')
  await expect(page.getByTestId('doc-title')).toContainText('xor-2-2-1-sigmoid.axon.json')
  await expect(page.getByTestId('notice')).toContainText(
    'Opened xor-2-2-1-sigmoid.axon.json. Only one project opens at a time: “mazur-2-2-2.axon.json”, “encoder-8-3-8.axon.json” and “iris-sklearn.csv” were not opened (open them one by one).',
  )
  await expect(page.getByTestId('data-dialog')).toHaveCount(0)
  await expect(page.getByTestId('run-info')).toHaveCount(0)
})

/** Waits until the run history holds `name`, with its trained values (Restore offered), and closes the window. */
async function expectRunKept(name: string): Promise<void> {
  await openExperiments(page, 'runs')
  await expect(page.getByTestId(`run-restore-${name}`)).toBeVisible({ timeout: 30_000 })
  await page.keyboard.press('Escape')
  await expect(page.getByTestId(`run-restore-${name}`)).toHaveCount(0)
}

test('a finished run kept in the Runs tab: another example asks only about the unsaved changes, a reload asks nothing, and the run comes back', async () => {
  // Found: it asked "… and stop its training (epoch 30, …)? Export the model first to keep the
  // trained weights." of a run that had finished and whose weights the Runs tab kept.
  await trainExample(page, 'xor-2-2-1-sigmoid', { epochs: 30, speed: 0 })
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 120_000 })
  await expectRunKept('Run 1')
  let asked = dialogs.length
  await openExample(page, 'encoder-8-3-8')
  expect(dialogs.slice(asked)).toEqual(['Discard the unsaved changes to this network?'])
  await trainExample(page, 'encoder-8-3-8', { epochs: 30, speed: 0 })
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 120_000 })
  await expectRunKept('Run 1')
  asked = dialogs.length
  await page.reload()
  await expect(page.getByTestId('engine-version')).toBeVisible()
  expect(dialogs.slice(asked), 'the reload asks nothing: the autosave keeps the run').toEqual([])
  await expect(title()).toHaveText('The 8-3-8 encoder')
  await expectRunKept('Run 1')
})
