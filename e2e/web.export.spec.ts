/**
 * File › Export in the browser build (the toolbar's Export menu): the project as a PyTorch
 * script, and the trained network as ONNX, which onnxruntime runs to the app's own predictions.
 * Before training, ONNX says to train first, unless every weight is on the canvas (hand-set).
 */
import { readFileSync } from 'node:fs'
import * as ort from 'onnxruntime-node'
import { expect, test, type Page } from '@playwright/test'
import { openExample, selectNode } from './helpers/designer'
import { sweepExample } from './helpers/experiments'
import { showTrainingPanel, waitForIterations } from './helpers/training'
import { createPredictor, parseModelOrThrow } from '../src/engine/model'

async function exportAs(page: Page, item: 'pytorch' | 'onnx') {
  const download = page.waitForEvent('download')
  await page.getByTestId('cmd-more').click()
  await page.getByTestId(`cmd-export-${item}`).click()
  return download
}

test.beforeEach(async ({ page }) => {
  // Force the download path (the File System Access picker cannot be driven here).
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker
  })
  await page.goto('/')
  await expect(page.getByTestId('engine-version')).toBeVisible()
})

test('Export › PyTorch script… and, after training, ONNX model… give files that run', async ({ page }) => {
  await openExample(page, 'xor-2-2-1-sigmoid')

  // ONNX before any training: refused, saying what to do.
  await page.getByTestId('cmd-more').click()
  await expect(page.getByTestId('cmd-export-pytorch')).toBeVisible()
  if (process.env.AXON_SCREENSHOTS === '1') await page.screenshot({ path: 'docs/screenshots/export-menu.png', clip: { x: 200, y: 0, width: 700, height: 210 } })
  await page.getByTestId('cmd-export-onnx').click()
  await expect(page.getByTestId('notice')).toContainText('The ONNX model could not be exported. Train the network first')

  const script = await exportAs(page, 'pytorch')
  expect(script.suggestedFilename()).toBe('xor-with-a-2-2-1-sigmoid-network.py')
  const text = readFileSync(await script.path(), 'utf8')
  expect(text).toContain('TITLE = "XOR with a 2-2-1 sigmoid network"')
  expect(text).toContain('DistributedDataParallel')
  expect(text).toMatch(/"inputs": \[\s*\[0, 0\],\s*\[0, 1\],\s*\[1, 0\],\s*\[1, 1\]\s*\]/)
  await expect(page.getByTestId('notice')).toContainText('The PyTorch script saved as xor-with-a-2-2-1-sigmoid-network.py')

  await page.getByTestId('train-button').click()
  await page.getByTestId('train-speed').selectOption('0')
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'finished', { timeout: 60_000 })

  const onnxFile = await exportAs(page, 'onnx')
  expect(onnxFile.suggestedFilename()).toBe('xor-with-a-2-2-1-sigmoid-network.onnx')
  const modelDownload = page.waitForEvent('download')
  await page.getByTestId('export-model').click()
  const model = parseModelOrThrow(readFileSync(await (await modelDownload).path(), 'utf8'))

  // onnxruntime on the exported bytes gives what the app's own predictor gives.
  const session = await ort.InferenceSession.create(readFileSync(await onnxFile.path()))
  const inputs = [0, 0, 0, 1, 1, 0, 1, 1]
  const out = (await session.run({ input: new ort.Tensor('float32', Float32Array.from(inputs), [4, 2]) })).output.data as Float32Array
  const expected = createPredictor(model).predictRaw(inputs, 4)
  expected.forEach((v, i) => expect(Math.abs(v - out[i])).toBeLessThan(1e-5))
})

const XOR_INPUTS = [0, 0, 0, 1, 1, 0, 1, 1]

/** ONNX › saved (said so), run by onnxruntime on the four XOR inputs, beside Export model's JSON run by the app's predictor. */
async function onnxAndModelOutputs(page: Page): Promise<{ onnx: number[]; app: number[] }> {
  const download = page.waitForEvent('download')
  await page.getByTestId('cmd-more').click()
  await page.getByTestId('cmd-export-onnx').click()
  // What the teacher reads comes first: a refusal fails here with its text, not as a missing download.
  await expect(page.getByTestId('notice')).toContainText('The ONNX model saved as')
  const onnxFile = await download
  const session = await ort.InferenceSession.create(readFileSync(await onnxFile.path()))
  const onnx = Array.from((await session.run({ input: new ort.Tensor('float32', Float32Array.from(XOR_INPUTS), [4, 2]) })).output.data as Float32Array)
  await showTrainingPanel(page)
  const modelDownload = page.waitForEvent('download')
  await page.getByTestId('export-model').click()
  const model = parseModelOrThrow(readFileSync(await (await modelDownload).path(), 'utf8'))
  return { onnx, app: Array.from(createPredictor(model).predictRaw(XOR_INPUTS, 4)) }
}

// Found: both were refused with "Train the network first", though docs/export.md says a project
// whose weights are all hand-set exports, and Export model saved the same network.
test('the hand-set lecture example exports to ONNX untrained', async ({ page }) => {
  await openExample(page, 'xor-relu-handset')
  const { onnx, app } = await onnxAndModelOutputs(page)
  expect(onnx.map((v) => Math.round(v))).toEqual([0, 1, 1, 0])
  app.forEach((v, i) => expect(Math.abs(v - onnx[i])).toBeLessThan(1e-5))
})

test('a sweep’s run restored in the Runs tab, the page reloaded: ONNX saves the weights on the canvas', async ({ page }) => {
  test.setTimeout(180_000)
  await sweepExample(page, 'xor-2-2-1-sigmoid', '0.5, 4', 2)
  await page.getByTestId('experiments-tab-runs').click()
  await page.getByTestId('run-restore-η = 4 (sweep 1)').click()
  await page.keyboard.press('Escape')
  const hidden = page.locator('.react-flow__node[data-id="hidden"]')
  await expect(hidden).toContainText('hand-set')
  await page.reload()
  await expect(page.getByTestId('engine-version')).toBeVisible()
  await expect(hidden).toContainText('hand-set')

  const { onnx, app } = await onnxAndModelOutputs(page)
  // The trained run's XOR, not the seed's untrained weights.
  expect(onnx.map((v) => Math.round(v))).toEqual([0, 1, 1, 0])
  app.forEach((v, i) => expect(Math.abs(v - onnx[i])).toBeLessThan(1e-5))
})

test('after a reload, a trained run refused says where its weights are kept', async ({ page }) => {
  await sweepExample(page, 'xor-2-2-1-sigmoid', '4', 1)
  await page.reload()
  await expect(page.getByTestId('engine-version')).toBeVisible()
  await page.getByTestId('cmd-more').click()
  await page.getByTestId('cmd-export-onnx').click()
  // Found: it said only "Train the network first", the trained run one Restore away.
  await expect(page.getByTestId('notice')).toContainText('Train the network first (▶ Train), or put a trained run back on the canvas (Experiments › Runs › Restore)')
})

test('hand-set weights edited after an untrained ONNX: the next ONNX saves the canvas’s, not the run’s old ones', async ({ page }) => {
  await openExample(page, 'xor-relu-handset')
  expect((await onnxAndModelOutputs(page)).onnx.map((v) => Math.round(v))).toEqual([0, 1, 1, 0])
  // The output's weight from the second hidden unit, −2 → 0: the output is relu(x1 + x2).
  await selectNode(page, 'output')
  const weight = page.getByTestId('weights-editor').locator('input').nth(1)
  await expect(weight).toHaveValue('-2')
  await weight.fill('0')
  await weight.press('Tab')
  const { onnx, app } = await onnxAndModelOutputs(page)
  // Found: the run ONNX had started (untrained, now out of date) was saved, its old weights giving 0 1 1 0.
  expect(onnx.map((v) => Math.round(v))).toEqual([0, 1, 1, 2])
  app.forEach((v, i) => expect(Math.abs(v - onnx[i])).toBeLessThan(1e-5))
})

test('the engine restarted under a run: ONNX says the run was lost and to train again', async ({ page }) => {
  await openExample(page, 'xor-2-2-1-sigmoid')
  await showTrainingPanel(page)
  await page.getByTestId('train-button').click()
  await waitForIterations(page, 20)
  await page.getByTestId('train-pause').click()
  // The engine's worker fails as an uncaught error kills it; the page starts another.
  const engine = page.workers().find((w) => /engine\.worker/.test(w.url()))
  if (!engine) throw new Error(`no engine worker among ${page.workers().map((w) => w.url()).join(', ')}`)
  await engine.evaluate(() => void setTimeout(() => {
    throw new Error('engine killed by the test')
  }))
  await expect(page.getByTestId('training-error')).toContainText('was lost')
  await page.getByTestId('cmd-more').click()
  await page.getByTestId('cmd-export-onnx').click()
  // Found: 'There is no training run "run-1" (it was stopped or never started)', the run the old engine had.
  await expect(page.getByTestId('notice')).toHaveText(/^The ONNX model could not be exported\. The engine stopped and was restarted, and the training run went with it: train the network again \(▶ Train\); ONNX holds/)
})
