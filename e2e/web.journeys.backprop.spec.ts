/**
 * A teacher's walk through lecture 001's worked backpropagation (Mazur's 2-2-2 network) at a
 * projector's 1024 × 768, on one page: the step-through read against the lecture's numbers, the
 * update applied (counted as one example, a point on the loss curve), the network exported as model JSON and opened again, and the page reloaded;
 * at each step the next update starts from the lecture's w⁺ (E = 0.291027774, the "after" of the
 * first); an epoch trained and the time machine scrubbed back, the model exported from there,
 * and again once the hidden activation was changed.
 * Each check is kept for the wrong state it would show; every wait is on what the app shows.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { journeyPage } from './helpers/journey'
import { expectTimeMachineInside } from './helpers/layout'
import { openExample, selectNode } from './helpers/designer'
import { counter, runState, showTrainingPanel } from './helpers/training'

const journey = journeyPage(undefined, { downloads: true })
let page: Page
test.beforeAll(() => {
  page = journey.page
})

/** The line of the step-through (whole) that matches `start`. */
async function stepLine(start: RegExp): Promise<string> {
  const lines = (await page.getByTestId('step-through').innerText()).split('\n')
  return lines.find((l) => start.test(l)) ?? `no line ${start}`
}

/** Opens the step-through of example 0 and checks the loss before the update and w5's update. */
async function expectStepFrom(loss: string, w5: string, w5After: string): Promise<void> {
  await showTrainingPanel(page)
  await page.getByTestId('open-step-through').click()
  await expect(page.getByTestId('step-through')).toContainText(`E = Σ ½(target − out)² = ${loss}`)
  expect(await stepLine(/^∂E\/∂w5 /)).toMatch(new RegExp(`w5\\+ = w5 − η·∂E/∂w5 = ${w5} − 0\\.5 × [\\d.]+ = ${w5After}$`))
}

/** The step-through dialog lies inside the window, nothing cut off at its right edge. */
async function expectStepThroughFits(): Promise<void> {
  const box = (await page.getByTestId('step-through').boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(1024)
  const overflow = await page.getByTestId('step-through').evaluate((el) => Array.from(el.querySelectorAll('*')).filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'hidden').length)
  expect(overflow).toBe(0)
}

test('the step-through gives lecture 001’s numbers to the printed digits; Apply update moves to the next step', async () => {
  await openExample(page, 'mazur-2-2-2')
  await expectStepFrom('0.298371109', '0.4', '0.35891648')
  await expectStepThroughFits()
  const st = page.getByTestId('step-through')
  for (const worked of ['outh1 = sigmoid(neth1) = 0.593269992', 'outo1 = sigmoid(neto1) = 0.75136507', '= 0.082167041', '= 0.408666186', '= 0.561370121', '= 0.149780716']) await expect(st).toContainText(worked)
  await expect(st).toContainText('After the update, the same example gives E = 0.291027774')
  await expect(page.getByTestId('chart-loss')).toContainText('No data yet')
  await page.getByTestId('st-apply').click()
  // The next step starts from w5⁺, and its E is the "after" of the first.
  await expect(st).toContainText('E = Σ ½(target − out)² = 0.291027774')
  expect(await stepLine(/^∂E\/∂w5 /)).toContain('= 0.35891648 − 0.5 ×')
  await page.keyboard.press('Escape')
  await expect(st).toHaveCount(0)
  // Found: Iteration 1 but Examples 0, and no point on the loss curve (the update was outside the epoch).
  await expect.poll(() => counter(page, 'iteration')).toBe(1)
  expect(await counter(page, 'examples')).toBe(1)
  expect(await counter(page, 'epoch')).toBe(0)
  await expect(page.getByTestId('chart-loss')).not.toContainText('No data yet')
})

test('exported as model JSON, the weights are the lecture’s w⁺; the file opened again steps on from them, and so after a reload', async () => {
  const download = page.waitForEvent('download')
  await page.getByTestId('export-model').click()
  const model = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { architecture: { layers: { weights: number[][] }[] } }
  const [hidden, output] = model.architecture.layers.map((l) => l.weights.flat().map((w) => Number(w.toFixed(9))))
  expect(hidden).toEqual([0.149780716, 0.199561432, 0.249751144, 0.299502287])
  expect(output).toEqual([0.35891648, 0.408666186, 0.51130127, 0.561370121])

  await page.getByTestId('open-model-input').setInputFiles({ name: 'mazur.model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) })
  await expect(page.getByTestId('notice')).toContainText('Opened the model mazur.model.json')
  await expectStepFrom('0.291027774', '0.35891648', '0.317353862')
  await page.keyboard.press('Escape')

  await page.reload()
  await expect(page.getByTestId('engine-version')).toBeVisible()
  await expectStepFrom('0.291027774', '0.35891648', '0.317353862')
  await expectStepThroughFits()
})

test('trained an epoch, then scrubbed back to the epoch before: the step-through shows the present again, with the views', async () => {
  await page.keyboard.press('Escape')
  await page.getByTestId('train-button').click()
  await expect(runState(page)).toHaveAttribute('data-state', 'finished')
  const scrubber = page.getByTestId('time-scrubber')
  await expect(scrubber).toHaveAttribute('data-recorded', '0 1')
  await page.getByTestId('time-scrubber-range').fill('0')
  await expect(scrubber).toHaveAttribute('data-epoch', '0')
  await page.getByTestId('open-step-through').click()
  // Found: the views and the canvas showed epoch 0 (w5 = 0.35891648) "as it was", while the
  // step-through traced the present network (w5 = 0.317353862) beside them without a word.
  await expect(scrubber).toHaveAttribute('data-epoch', 'now')
  await expect(page.getByTestId('step-through')).toContainText('w5+ = w5 − η·∂E/∂w5 = 0.317353862 − 0.5 ×')
})

test('scrubbed back again: every control of the time machine in the panel; Export model and ONNX save the present and show it again', async () => {
  await page.keyboard.press('Escape')
  const scrubber = page.getByTestId('time-scrubber')
  await page.getByTestId('time-scrubber-range').fill('0')
  await expect(scrubber).toHaveAttribute('data-epoch', '0')
  // Found: "Back to live" lay past the panel's right edge at 1024 px, cut to "Bac / to / live".
  await expectTimeMachineInside(page, page.getByTestId('training-panel'))
  const download = page.waitForEvent('download')
  await page.getByTestId('export-model').click()
  const model = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { architecture: { layers: { weights: number[][] }[] } }
  // The present's w5 (epoch 0 showed 0.35891648), and the screen shows the present again.
  // Found: the file held the present while the canvas and views went on showing epoch 0 "as it was".
  expect(Number(model.architecture.layers[1].weights[0][0].toFixed(9))).toBe(0.317353862)
  await expect(scrubber).toHaveAttribute('data-epoch', 'now')
  await expect(page.getByTestId('export-status')).toContainText('Saved ')
  // The same from More ▾ › Export ONNX model….
  await page.getByTestId('time-scrubber-range').fill('0')
  await expect(scrubber).toHaveAttribute('data-epoch', '0')
  const onnx = page.waitForEvent('download')
  await page.getByTestId('cmd-more').click()
  await page.getByTestId('cmd-export-onnx').click()
  expect((await onnx).suggestedFilename()).toBe('backpropagation-step-by-step-2-2-2.onnx')
  await expect(scrubber).toHaveAttribute('data-epoch', 'now')
})

test('the hidden activation changed after training: Export model saves the trained run, not a new untrained one', async () => {
  await selectNode(page, 'hidden-act')
  await page.getByTestId('param-activation').selectOption('tanh')
  await showTrainingPanel(page)
  await expect(page.getByTestId('train-stale')).toBeVisible()
  const asked = journey.dialogs.length
  const download = page.waitForEvent('download')
  await page.getByTestId('export-model').click()
  const model = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { architecture: { layers: { activation: { id: string }; weights: number[][] }[] } }
  // Found: it asked "Train again from the start? The run so far (epoch 1, iteration 1) will be lost.",
  // then threw the trained run away and saved the changed network's initial weights.
  expect(journey.dialogs.slice(asked)).toEqual([])
  expect(model.architecture.layers.map((l) => l.activation.id)).toEqual(['sigmoid', 'sigmoid'])
  expect(Number(model.architecture.layers[1].weights[0][0].toFixed(9))).toBe(0.317353862)
  await expect(page.getByTestId('counter-epoch')).toContainText('1')
  await expect(page.getByTestId('train-stale')).toBeVisible()
})
