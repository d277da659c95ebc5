/**
 * A teacher's export after the engine restarted, on one page at 1024 × 768: XOR trained to its
 * end (kept in the Runs tab with its weights) and saved as model JSON, trained again and paused,
 * then the engine's worker killed. Export model and ONNX save nothing untrained: each says the
 * run went with the engine and names the kept run (the PyTorch script, which trains from the
 * seed, is saved); restored from the Runs tab, Export model saves that run's trained weights,
 * the same as before the restart. Every wait is on what the
 * app shows.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Download, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'
import { openExample } from './helpers/designer'
import { openExperiments } from './helpers/experiments'
import { runState, setSpeed, showTrainingPanel, waitForIterations } from './helpers/training'

const journey = journeyPage(undefined, { downloads: true })
let page: Page
const downloads: Download[] = []
test.beforeAll(() => {
  page = journey.page
  page.on('download', (d) => downloads.push(d))
})

/** The dense layers' weights and biases of a model JSON file (XOR has two). */
async function weightsOf(download: Download): Promise<unknown> {
  const model = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { architecture: { layers: { weights?: number[][]; biases?: number[] }[] } }
  const dense = model.architecture.layers.filter((l) => l.weights)
  expect(dense).toHaveLength(2)
  return dense.map((l) => [l.weights, l.biases])
}

/** Export model… in the training panel, and the file it saves. */
async function exportModel(): Promise<Download> {
  const download = page.waitForEvent('download')
  await page.getByTestId('export-model').click()
  return download
}

/** The engine's worker fails as an uncaught error kills it; the page starts another and says the run was lost. */
async function killEngine(): Promise<void> {
  const engine = page.workers().find((w) => /engine\.worker/.test(w.url()))
  if (!engine) throw new Error(`no engine worker among ${page.workers().map((w) => w.url()).join(', ')}`)
  await engine.evaluate(() => void setTimeout(() => {
    throw new Error('engine killed by the test')
  }))
  await expect(page.getByTestId('training-error')).toContainText('was lost')
}

let trained: unknown

test('XOR trained to its end, exported, trained again and paused: the engine restarts', async () => {
  await openExample(page, 'xor-2-2-1-sigmoid')
  await showTrainingPanel(page)
  await setSpeed(page, 0)
  await page.getByTestId('train-button').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 120_000 })
  trained = await weightsOf(await exportModel())
  await openExperiments(page, 'runs')
  await expect(page.getByTestId('runs-tab')).toHaveAttribute('data-runs', '1')
  await page.keyboard.press('Escape')
  await setSpeed(page, 1)
  await page.getByTestId('train-button').click()
  await waitForIterations(page, 20)
  await page.getByTestId('train-pause').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'paused')
  await killEngine()
})

test('Export model and ONNX save nothing untrained: they say the run went with the engine, and name the kept run', async () => {
  const before = downloads.length
  await page.getByTestId('export-model').click()
  // Found: a new untrained run of the canvas was started and saved as xor-….model.json, without a word.
  await expect(page.getByTestId('export-refused')).toBeInViewport()
  await expect(page.getByTestId('export-refused')).toHaveText(
    'Nothing was exported: the engine stopped and was restarted, and the training run went with it: train the network again (▶ Train), or put “Run 1”, kept with its trained weights, back on the canvas (Experiments › Runs › Restore) and export it; the model would hold untrained weights.',
  )
  await page.getByTestId('cmd-more').click()
  await page.getByTestId('cmd-export-onnx').click()
  await expect(page.getByTestId('notice')).toContainText('The ONNX model could not be exported. The engine stopped and was restarted, and the training run went with it: train the network again (▶ Train), or put “Run 1”, kept with its trained weights, back on the canvas')
  await page.screenshot({ path: test.info().outputPath('refused.png') })
  expect(downloads.length).toBe(before)
  await expect(page.getByTestId('run-info')).toHaveCount(0)
  // The PyTorch script is the project's, which trains from the seed as ▶ Train does: it needs no run.
  const script = page.waitForEvent('download')
  await page.getByTestId('cmd-more').click()
  await page.getByTestId('cmd-export-pytorch').click()
  expect(readFileSync((await (await script).path())!, 'utf8')).toContain('--seed')
})

test('Run 1 restored from the Runs tab: Export model saves its trained weights, as before the restart', async () => {
  await openExperiments(page, 'runs')
  await page.getByTestId('run-restore-Run 1').click()
  await page.keyboard.press('Escape')
  await showTrainingPanel(page)
  await expect(page.getByTestId('run-info')).toBeVisible()
  expect(await weightsOf(await exportModel())).toEqual(trained)
})
