/**
 * A model handed back: a class trains XOR (Run 1), exports the model, trains again with another
 * η (Run 2), then opens the exported model file. It joins the project's runs as Run 3, its
 * weights on the canvas, so the Runs tab compares it with the run it was exported from; opened
 * mid-run, the run it ends is recorded before it; all are kept through a reload. The notice still offers to open it as a new project. A model of another
 * network opens as a new project, as before. Every wait is on what the app shows.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { graphSnapshot, openExample, selectNode, setParam } from './helpers/designer'
import { openExperiments } from './helpers/experiments'
import { journeyPage } from './helpers/journey'
import { counter, runState, setSpeed, showTrainingPanel, trainToEnd, waitForIterations } from './helpers/training'

const journey = journeyPage(undefined, { downloads: true })
let page: Page
let model = ''
test.beforeAll(() => {
  page = journey.page
})

/** The weights editor of a dense node: its heading and the numbers in its fields. */
async function weightsEditor(nodeId: string): Promise<{ heading: string; values: number[] }> {
  await selectNode(page, nodeId)
  const editor = page.getByTestId('weights-editor')
  const values = await editor.locator('input').evaluateAll((inputs) => inputs.map((i) => Number((i as HTMLInputElement).value)))
  return { heading: (await editor.locator('h3').textContent()) ?? '', values }
}

/** Opens `text` with Open model… as the file `name`. */
async function openModel(name: string, text: string): Promise<void> {
  await page.getByTestId('open-model-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
}

test('XOR trained and exported, trained again with η = 0.5', async () => {
  await openExample(page, 'xor-2-2-1-sigmoid')
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '300')
  await trainToEnd(page)
  const download = page.waitForEvent('download')
  await page.getByTestId('export-model').click()
  model = readFileSync((await (await download).path())!, 'utf8')
  await selectNode(page, 'optimizer')
  await setParam(page, 'learningRate', '0.5')
  await trainToEnd(page)
  await openExperiments(page, 'runs')
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '2')
  await page.keyboard.press('Escape')
})

test('the exported model opened: it is Run 3 of this project, on the canvas, compared with Run 1 it came from', async () => {
  // Found: the command's tooltip still said every model opens as a network with its weights hand-set.
  await page.getByTestId('cmd-more').click()
  await expect(page.getByTestId('cmd-open-model')).toHaveAttribute('title', /a model of this network joins its runs/)
  await page.keyboard.press('Escape')
  await openModel('xor.model.json', model)
  // Found: it opened as a new project, "Untitled", with no runs to compare it with.
  await expect(page.getByTestId('notice')).toContainText('Opened the model xor.model.json on this network: its trained weights are hand-set on the dense layers. It is “Run 3” in this project’s runs')
  const hidden = (JSON.parse(model) as { architecture: { layers: { weights: number[][]; biases: number[] }[] } }).architecture.layers[0]
  const shown = await weightsEditor('hidden')
  expect(shown.heading).toBe('Weights (hand-set)')
  for (const w of [...hidden.weights.flat(), ...hidden.biases]) expect(shown.values.some((v) => Math.abs(v - w) < 1e-3)).toBe(true)
  // Its settings came with it: η = 2, as when it trained; the panel is ready, paused before its first update.
  await selectNode(page, 'optimizer')
  await expect(page.getByTestId('param-learningRate')).toHaveValue('2')
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  expect(await counter(page, 'iteration')).toBe(0)

  await page.getByTestId('notice-action').click()
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '3')
  await expect(page.getByTestId('run-changes-Run 3')).toHaveText('Learning rate η 0.5 → 2')
  await expect(page.getByTestId('run-row-Run 3')).toContainText('300')
  await expect(page.getByTestId('run-row-Run 3').locator('td').nth(8)).toHaveText('–')
  await page.getByTestId('run-select-Run 1').check()
  await page.getByTestId('run-select-Run 3').check()
  await expect(page.getByTestId('run-compare-same')).toBeVisible()
  const loss = page.getByTestId('run-compare-metrics').locator('tr[data-metric="final train loss"] td')
  await expect(loss).toHaveCount(2)
  expect(await loss.nth(1).textContent()).toBe(await loss.nth(0).textContent())
  await page.getByTestId('experiments').screenshot({ path: test.info().outputPath('runs-with-model.png') })
  await page.keyboard.press('Escape')
})

test('opened again while the next run trains: that run is recorded first (stopped), the model after it', async () => {
  await showTrainingPanel(page)
  await setSpeed(page, 1)
  await page.getByTestId('train-button').click()
  await waitForIterations(page, 10)
  await openModel('xor.model.json', model)
  await expect(page.getByTestId('notice')).toContainText('It is “Run 5” in this project’s runs')
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  expect(await counter(page, 'iteration')).toBe(0)
  await openExperiments(page, 'runs')
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '5')
  // Found: the model was Run 4 and the run it ended, trained before it, Run 5.
  await expect(page.getByTestId('run-row-Run 4')).toContainText('stopped')
  await expect(page.getByTestId('run-row-Run 5').locator('td').nth(8)).toHaveText('–')
  await page.keyboard.press('Escape')
})

test('kept through a reload; the same file can still open as a new project, and another network’s model does', async () => {
  await page.reload()
  await expect(page.getByTestId('notice')).toContainText('Your last session was recovered.')
  // Opened at once, before the other tabs have answered (a second after loading, as a model opened from the desktop).
  await openModel('xor.model.json', model)
  await expect(page.getByTestId('notice')).toContainText('It is “Run 6” in this project’s runs')
  await openExperiments(page, 'runs')
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '6')
  await expect(page.getByTestId('run-row-Run 3').locator('td').nth(8)).toHaveText('–')
  await page.keyboard.press('Escape')
  // Found: the answer (no work kept in other tabs) took the notice's "Open as a new project" away.
  await page.getByTestId('notice-other-action').click()
  await expect(page.getByTestId('notice')).toHaveText(/Opened the model xor\.model\.json: its trained weights are hand-set on the dense layers\./)
  await openExperiments(page, 'runs')
  await expect(page.getByTestId('runs-empty')).toBeVisible()
  await page.keyboard.press('Escape')

  // A 2-2-2 network is not this one: its model opens as a project of its own.
  const mazur = JSON.parse(model) as { architecture: { layers: { units: number; nIn: number; weights: number[][]; biases: number[] }[]; outputSize: number } }
  const out = mazur.architecture.layers[1]
  Object.assign(out, { units: 2, weights: [...out.weights, out.weights[0]], biases: [...out.biases, 0] })
  mazur.architecture.outputSize = 2
  const before = await graphSnapshot(page)
  await openModel('other.model.json', JSON.stringify(mazur))
  await expect(page.getByTestId('notice')).toContainText('Opened the model other.model.json: its trained weights are hand-set')
  expect((await graphSnapshot(page)).nodes).not.toEqual(before.nodes)
})

test('saved, then a model of this network opened: Open as a new project asks only about changes besides the join', async () => {
  await openExample(page, 'xor-2-2-1-sigmoid')
  const saved = page.waitForEvent('download')
  await page.getByTestId('cmd-save').click()
  await saved
  await expect(page.getByTestId('notice')).toContainText('Saved')
  const asked = journey.dialogs.length
  await openModel('xor.model.json', model)
  await expect(page.getByTestId('notice')).toContainText('Opened the model xor.model.json on this network')
  await page.getByTestId('notice-other-action').click()
  await expect(page.getByTestId('notice')).toHaveText(/^Opened the model xor\.model\.json: its trained weights are hand-set/)
  // Found: 'Discard the unsaved changes to this network?' right after the save, the join its only change.
  expect(journey.dialogs.slice(asked)).toEqual([])

  // A change of the user's own (η, not saved) is still asked about, made before the join or after it.
  await openExample(page, 'xor-2-2-1-sigmoid')
  for (const editFirst of [true, false]) {
    const before = journey.dialogs.length
    if (editFirst) await setOptimizerEta('0.25')
    await openModel('xor.model.json', model)
    await expect(page.getByTestId('notice')).toContainText('Opened the model xor.model.json on this network')
    if (!editFirst) await setOptimizerEta('0.25')
    await page.getByTestId('notice-other-action').click()
    await expect.poll(() => journey.dialogs.slice(before)).toEqual(['Discard the unsaved changes to this network?'])
    await openExample(page, 'xor-2-2-1-sigmoid')
  }
})

async function setOptimizerEta(value: string): Promise<void> {
  await selectNode(page, 'optimizer')
  await setParam(page, 'learningRate', value)
}
