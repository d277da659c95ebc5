/**
 * Trained models out and back in (browser build): export a trained XOR as model JSON from the
 * training panel, open it with "Open model…" (or "Open…", which takes a model file as Open model…
 * does), and see the same weights and the same predictions; a broken file changes nothing. Plus a diverging run shown where the user looks.
 *
 * With AXON_SCREENSHOTS=1 the tests also write docs/screenshots/*.png.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { graphSnapshot, openExample, selectNode } from './helpers/designer'
import { viewsPainted } from './helpers/training'

const SHOTS = process.env.AXON_SCREENSHOTS === '1'

async function shot(target: Locator | Page, name: string): Promise<void> {
  if (SHOTS) await target.screenshot({ path: `docs/screenshots/${name}.png` })
}

/** Presses Train and waits for the first snapshot. */
async function train(page: Page): Promise<void> {
  await page.getByTestId('train-button').click()
  await expect(page.getByTestId('training-panel')).toBeVisible()
  await expect(page.getByTestId('counter-iteration')).toHaveText(/^\d[\d,]*$/)
}

/** The value of every unit link (w_jk as the engine streamed it), in order. */
async function linkValues(page: Page, nodeId: string): Promise<string[]> {
  return page.getByTestId(`unit-links-${nodeId}`).locator('line title').allTextContents()
}

/** The hand-set weights the designer shows on a dense node (`w11 = …` titles). */
async function handSetWeights(page: Page, nodeId: string): Promise<string[]> {
  return page.locator(`.react-flow__node[data-id="${nodeId}"] .weight-grid span`).evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''))
}

test.beforeEach(async ({ page }) => {
  // Force the download path (the File System Access picker cannot be driven here).
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker
  })
  await page.goto('/')
  await expect(page.getByTestId('engine-version')).toBeVisible()
})

test('train XOR, export the model, open it again: the same weights and the same predictions', async ({ page }) => {
  await openExample(page, 'xor-2-2-1-sigmoid')
  await train(page)
  await page.getByTestId('train-speed').selectOption('0')
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'finished', { timeout: 45_000 })

  // The canvas shows the trained weights: a heatmap per dense node, unit links for these small layers.
  await expect(page.getByTestId('node-heatmap-hidden')).toBeVisible()
  // Found: its one output unit was "1 units × 2 inputs".
  await expect(page.getByTestId('node-heatmap-output')).toHaveAttribute('title', /^Weights: 1 unit × 2 inputs, max \|w\| = /)
  await expect(page.getByTestId('heatmap-output')).toHaveAttribute('title', '1 unit × 2 inputs')
  const hiddenLinks = await linkValues(page, 'hidden')
  const outputLinks = await linkValues(page, 'output')
  expect(hiddenLinks).toHaveLength(4)
  expect(outputLinks).toHaveLength(2)
  // The gradient tint shows other numbers on the same links.
  await page.getByTestId('canvas-tint-gradients').click()
  await expect(page.getByTestId('unit-links-hidden')).toHaveAttribute('data-tint', 'gradients')
  expect(await linkValues(page, 'hidden')).not.toEqual(hiddenLinks)
  await page.getByTestId('canvas-tint-weights').click()
  await expect(page.getByTestId('unit-links-hidden')).toHaveAttribute('data-tint', 'weights')
  await viewsPainted(page)
  const boundary = await page.getByTestId('decision-boundary').screenshot()
  await shot(page, 'canvas-live-weights')

  const download = page.waitForEvent('download')
  await page.getByTestId('export-model').click()
  const file = await download
  expect(file.suggestedFilename()).toBe('xor-with-a-2-2-1-sigmoid-network.model.json')
  const text = readFileSync(await file.path(), 'utf8')
  await expect(page.getByTestId('export-status')).toHaveText('Saved xor-with-a-2-2-1-sigmoid-network.model.json')
  const model = JSON.parse(text)
  expect(model).toMatchObject({ format: 'axon-studio/model', version: 1, title: 'XOR with a 2-2-1 sigmoid network', history: { stopReason: 'maxEpochs' } })
  expect(model.data.kind).toBe('inline')

  // Open… (the project button, as a double-click or Open with on the desktop) takes the model
  // file as Open model… does. On the network it came from, it joins the project's runs, its
  // weights on the canvas (web.journeys.models.spec.ts walks that).
  const expected = (layer: { weights: number[][]; biases: number[] }) => [...layer.weights.flatMap((row, j) => [...row.map((w, k) => `w${j + 1}${k + 1} = ${w}`), `b${j + 1} = ${layer.biases[j]}`])]
  await page.getByTestId('open-file-input').setInputFiles({ name: 'xor.model.json', mimeType: 'application/json', buffer: Buffer.from(text) })
  await expect(page.getByTestId('notice')).toContainText('Opened the model xor.model.json on this network')

  // Opened as a new project instead (the notice offers it): the dense nodes carry the exported
  // numbers, digit for digit. (The network the model was put on is not saved: the app asks first.)
  page.once('dialog', (d) => void d.accept())
  const before = await graphSnapshot(page)
  await page.getByTestId('notice-other-action').click()
  await expect(page.getByTestId('notice')).toContainText('Opened the model xor.model.json: its trained weights')
  await expect.poll(() => handSetWeights(page, 'hidden')).toEqual(expected(model.architecture.layers[0]))
  await expect.poll(() => handSetWeights(page, 'output')).toEqual(expected(model.architecture.layers[1]))
  expect((await graphSnapshot(page)).edges).toHaveLength(before.edges.length)
  await expect(page.getByTestId('compile-status')).toHaveAttribute('data-ok', 'true')
  await expect(page.getByTestId('example-card')).toContainText('Opened from a model file')
  await shot(page, 'model-import')

  // Train the opened network; Reset keeps the hand-set (trained) weights: the same links and the same boundary.
  await train(page)
  await page.getByTestId('train-reset').click()
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'paused')
  await expect(page.getByTestId('counter-iteration')).toHaveText('0')
  expect(await linkValues(page, 'hidden')).toEqual(hiddenLinks)
  expect(await linkValues(page, 'output')).toEqual(outputLinks)
  await viewsPainted(page)
  const reopened = await page.getByTestId('decision-boundary').screenshot()
  expect(reopened.equals(boundary)).toBe(true)
})

test('a file that is not a valid model is refused with its paths; the network is unchanged', async ({ page }) => {
  await openExample(page, 'mazur-2-2-2')
  const before = await graphSnapshot(page)
  const broken = { format: 'axon-studio/model', version: 1, engineVersion: '0', title: 'x', task: 'regression', architecture: { inputSize: 2, outputSize: 1, precision: 'float64', loss: { id: 'halfSse', reduction: 'sum' }, layers: [{ kind: 'dense', nodeId: 'h', units: 1, nIn: 2, activation: { id: 'sigmoid' }, weights: [[1]], biases: null }] }, preprocessing: { scale: 1 } }
  await page.getByTestId('open-model-input').setInputFiles({ name: 'broken.model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) })
  const notice = page.getByTestId('notice')
  await expect(notice).toContainText('broken.model.json could not be opened as a model')
  // The notice shows the first three problems: the two missing blocks, then the short weight row.
  await expect(notice).toContainText('$.training is missing')
  await expect(notice).toContainText('$.architecture.layers[0].weights[0] must be 2 numbers')
  await expect(notice).toContainText('Your network is unchanged')
  expect(await graphSnapshot(page)).toEqual(before)
  // A project file opened as a model says what it is.
  await page.getByTestId('open-model-input').setInputFiles({ name: 'mazur.axon.json', mimeType: 'application/json', buffer: readFileSync('resources/examples/mazur-2-2-2.axon.json') })
  await expect(notice).toContainText('this is a project file')
  expect(await graphSnapshot(page)).toEqual(before)
})

test('η = 10⁶ on a linear output: the panel shows the DivergenceError naming the layer, the node gets a badge, the graph is unchanged', async ({ page }) => {
  await openExample(page, 'xor-2-2-1-sigmoid')
  // An unbounded (linear) output: a sigmoid one would only saturate, never overflow.
  await selectNode(page, 'output-act')
  await page.getByTestId('param-activation').selectOption('linear')
  await selectNode(page, 'optimizer')
  await page.getByTestId('param-learningRate').fill('1e6')
  const before = await graphSnapshot(page)

  await train(page)
  await page.getByTestId('train-speed').selectOption('0')
  const failure = page.getByTestId('training-failure')
  await expect(failure).toBeVisible({ timeout: 30_000 })
  await expect(failure).toHaveAttribute('data-error-name', 'DivergenceError')
  const layer = await failure.getAttribute('data-node')
  expect(['hidden', 'output']).toContain(layer)
  await expect(failure).toContainText(`DivergenceError in layer “${layer}”`)
  await expect(failure).toContainText(`NaN or Infinity appeared in`)
  await expect(failure).toContainText(`layer "${layer}"`)
  await expect(failure).toContainText('the learning rate η = 1000000 is probably too high (try 10× smaller)')
  await expect(page.getByTestId('train-state')).toHaveAttribute('data-state', 'failed')
  const badge = page.getByTestId(`train-error-badge-${layer}`)
  await expect(badge).toHaveAttribute('data-error-name', 'DivergenceError')
  await expect(page.locator('[data-testid^="train-error-badge-"]')).toHaveCount(1)
  expect(await graphSnapshot(page)).toEqual(before)
  await page.getByTestId('training-failure-show').click()
  await expect(page.locator(`.react-flow__node[data-id="${layer}"]`)).toHaveClass(/selected/)
  await badge.hover()
  await expect(badge.locator('.diag-callout')).toBeVisible()
  await shot(page, 'training-divergence')
})
