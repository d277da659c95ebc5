/**
 * The journey suite (issue 9): for every ordered pair of examples A → B, with A's run running,
 * paused or finished, switching to B leaves nothing of A: the panel names B, and Train, Step,
 * the step-through and Export act on B's network.
 *
 * One page walks an Eulerian circuit through the 10 examples (each ordered pair once), so each
 * switch starts from where the last check left the page, as in a teacher's session. Sized to
 * about three minutes on a busy 2-core machine: each example is left running, paused and
 * finished three times each on its nine ways out, and the check on B rotates through Train,
 * Step, the step-through and Export on its nine ways in. `AXON_JOURNEYS_FULL=1` walks the
 * circuit three times, every pair from every state (270 switches). Every wait is on what the
 * app shows, never on the clock.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { counter, runState, setSpeed, showTrainingPanel } from './helpers/training'
import { selectNode, setParam, viewportSettled } from './helpers/designer'

/** Layer sizes of each example, input first (what the run-info line must say). */
const EXAMPLES: Record<string, number[]> = {
  'encoder-8-3-8': [8, 3, 8],
  'fashion-784-100-10': [784, 100, 10],
  'mazur-2-2-2': [2, 2, 2],
  'nielsen-784-30-10': [784, 30, 10],
  'perceptron-and': [2, 1],
  'perceptron-or': [2, 1],
  'perceptron-xor': [2, 1],
  'sjtu-exercise': [2, 2, 1],
  'xor-2-2-1-sigmoid': [2, 2, 1],
  'xor-relu-handset': [2, 2, 1],
}
const IDS = Object.keys(EXAMPLES)
/** Examples on the Fashion-MNIST sample: their epoch limit is set to 1 before they are trained to the end. */
const BIG = new Set(['fashion-784-100-10', 'nielsen-784-30-10'])

type RunCondition = 'running' | 'paused' | 'finished'
type Check = 'train' | 'step' | 'trace' | 'export'
const CONDITIONS: RunCondition[] = ['running', 'paused', 'finished']
const CHECKS: Check[] = ['train', 'step', 'trace', 'export']

function titleOf(id: string): string {
  return JSON.parse(readFileSync(`resources/examples/${id}.axon.json`, 'utf8')).meta.title as string
}

/** An Eulerian circuit of the complete directed graph on `ids` (every ordered pair once), from ids[0]. */
export function everyOrderedPair(ids: string[]): [string, string][] {
  const unused = new Map(ids.map((a) => [a, ids.filter((b) => b !== a)]))
  const stack = [ids[0]]
  const circuit: string[] = []
  while (stack.length) {
    const top = stack[stack.length - 1]
    const next = unused.get(top)!.shift()
    if (next === undefined) circuit.push(stack.pop()!)
    else stack.push(next)
  }
  circuit.reverse()
  return circuit.slice(1).map((b, i) => [circuit[i], b])
}

async function openExample(page: Page, id: string): Promise<void> {
  await page.getByTestId('cmd-examples').click()
  await page.getByTestId(`example-${id}`).click()
  await expect(page.getByTestId('example-card')).toHaveAttribute('data-example', id)
}

async function state(page: Page): Promise<string> {
  return (await runState(page).getAttribute('data-state')) ?? ''
}

/** Presses the panel's Train / Resume (whichever it shows). */
async function pressTrain(page: Page): Promise<void> {
  await page.getByTestId('train-resume').click()
}

/** Leaves the current example's run in `condition`, the way a user gets there. */
async function bringRunTo(page: Page, id: string, condition: RunCondition): Promise<void> {
  if (condition === 'finished') {
    let changed = false
    if (BIG.has(id)) {
      // A teacher short of time trains the big nets for one epoch.
      const hadRun = (await page.getByTestId('training-hint').count()) === 0
      await selectNode(page, 'optimizer')
      await setParam(page, 'epochs', '1')
      await showTrainingPanel(page)
      if (hadRun) {
        // A run short of the end of its first epoch takes the new limit and goes on to it; one
        // past it is out of date (paused; ▶ Train starts again).
        const stale = page.getByTestId('train-stale')
        await expect(stale.or(page.getByTestId('counter-run-length').filter({ hasText: /\/ 1$/ }))).toBeVisible()
        changed = (await stale.count()) > 0
        if (changed) await expect(runState(page)).not.toHaveAttribute('data-state', 'running')
      }
    }
    await setSpeed(page, 0)
    if (changed || (await state(page)) === 'paused') await pressTrain(page)
    // Slower machines, bigger nets: the wait is on the run's own end.
    await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 180_000 })
    return
  }
  await setSpeed(page, 1)
  if ((await state(page)) !== 'running') await pressTrain(page)
  // Some progress first (or the end, for a one-update example), so switching has a run to stop.
  await expect.poll(async () => (await counter(page, 'iteration')) > 0 || (await state(page)) === 'finished', { timeout: 60_000 }).toBe(true)
  if (condition === 'paused') {
    // A short run can finish between reading its state and the click (its Pause button then goes):
    // retry until it is paused or finished, never waiting on a button that has gone.
    await expect(async () => {
      if ((await state(page)) === 'running') await page.getByTestId('train-pause').click({ timeout: 2_000 })
      expect(await state(page)).toMatch(/paused|finished/)
    }).toPass()
  }
}

/** What a run of example `id` says about its network. */
function runInfoOf(id: string): string {
  return `${EXAMPLES[id].join(' → ')} · `
}

/** Acts on the example on the canvas with `check` and sees that it was this network that answered. */
async function actOn(page: Page, id: string, check: Check): Promise<void> {
  const sizes = EXAMPLES[id]
  const runInfo = page.getByTestId('run-info')
  if (check === 'train') {
    await pressTrain(page)
    await expect(runInfo).toContainText(runInfoOf(id))
    await expect(runState(page)).toHaveAttribute('data-state', /running|finished/)
  } else if (check === 'step') {
    await page.getByTestId('train-step-batch').click()
    await expect(runInfo).toContainText(runInfoOf(id))
    await expect.poll(() => counter(page, 'iteration')).toBe(1)
  } else if (check === 'trace') {
    await page.getByTestId('open-step-through').click()
    const dialog = page.getByTestId('step-through')
    await expect(dialog.getByTestId('st-loss')).toBeVisible()
    const shown = sizes.slice(1).reduce((sum, units) => sum + Math.min(units, 8), 0)
    await expect(dialog.locator('[data-testid^="st-forward-"]')).toHaveCount(shown)
    await page.mouse.click(4, 300)
    await expect(dialog).toHaveCount(0)
    await expect(runInfo).toContainText(runInfoOf(id))
  } else {
    const download = page.waitForEvent('download')
    await page.getByTestId('export-model').click()
    const model = JSON.parse(readFileSync(await (await download).path(), 'utf8'))
    expect(model.title).toBe(titleOf(id))
    expect(model.architecture.inputSize).toBe(sizes[0])
    expect(model.architecture.layers.filter((l: { kind: string }) => l.kind === 'dense').map((l: { units: number }) => l.units)).toEqual(sizes.slice(1))
  }
}

test('every ordered pair of examples, from a running, paused and finished run: the panel and its actions follow the canvas', async ({ page }) => {
  test.setTimeout(process.env.AXON_JOURNEYS_FULL === '1' ? 30 * 60_000 : 10 * 60_000)
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.accept()
  })
  // Export takes the download path (the File System Access picker cannot be driven here).
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker
  })
  await page.goto('/')
  await expect(page.getByTestId('engine-version')).toBeVisible()
  await openExample(page, IDS[0])
  await showTrainingPanel(page)

  const circuit = everyOrderedPair(IDS)
  expect(circuit).toHaveLength(IDS.length * (IDS.length - 1))
  const rounds = process.env.AXON_JOURNEYS_FULL === '1' ? CONDITIONS.length : 1
  const out = new Map<string, number>()
  const into = new Map<string, number>()
  const started = Date.now()
  let n = 0
  for (let round = 0; round < rounds; round++) {
    for (const [a, b] of circuit) {
      const i = out.get(a) ?? 0
      const j = into.get(b) ?? 0
      out.set(a, i + 1)
      into.set(b, j + 1)
      const condition = CONDITIONS[(i + round) % CONDITIONS.length]
      const check = CHECKS[j % CHECKS.length]
      if (process.env.AXON_JOURNEYS_LOG === '1') console.log(`journeys: ${a} (${condition}) → ${b}: ${check}`)
      await test.step(`${a} (${condition}) → ${b}: ${check}`, async () => {
        await bringRunTo(page, a, condition)
        // A paused run with progress is stopped only after asking; the panel now names B and has no
        // run. (A run that has finished is kept in the Runs tab once its record is in, and is then
        // not asked about, as the switching spec checks; a running lecture net may finish, and be
        // kept, between any read of its state here and the switch, so only a paused one is sure.)
        const stopped = (await counter(page, 'iteration')) > 0 && (await state(page)) === 'paused'
        const asked = dialogs.length
        await openExample(page, b)
        if (stopped) expect(dialogs.slice(asked).some((m) => m.includes('stop its training'))).toBe(true)
        await expect(page.getByTestId('training-title')).toHaveText(titleOf(b))
        await expect(page.getByTestId('run-info')).toHaveCount(0)
        await expect(page.getByTestId('counter-epoch')).toHaveText('–')
        await expect(page.getByTestId('toolbar-run-status')).toHaveCount(0)
        await actOn(page, b, check)
      })
      if (++n % 10 === 0) console.log(`journeys: ${n} of ${rounds * circuit.length} switches, ${Math.round((Date.now() - started) / 1000)} s`)
    }
  }
})

/** Where `id` is on the screen, once the canvas is still. */
async function nodeBox(page: Page, id: string) {
  await viewportSettled(page)
  return page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox()
}

// A fresh-clone CI run missed a click on a big example's optimizer after its run: the run's status
// beside Train wrapped the header onto a second row at 1400 px, the canvas re-fitted under the
// pointer, and the click landed beside the node. Now nothing of a run moves the network, and an
// automatic fit waits while a button is held on the canvas.
test('a big example trained to its end at 1400 × 900: its nodes stay put, one click selects the optimizer, a fit waits for a held button', async ({ page }) => {
  page.on('dialog', (d) => void d.accept())
  await page.goto('/')
  await expect(page.getByTestId('engine-version')).toBeVisible()
  await openExample(page, 'fashion-784-100-10')
  await selectNode(page, 'optimizer')
  await setParam(page, 'epochs', '1')
  await showTrainingPanel(page)
  await setSpeed(page, 0)
  const before = await nodeBox(page, 'optimizer')
  await pressTrain(page)
  await expect(page.getByTestId('toolbar-run-status')).toBeVisible()
  await expect(runState(page)).toHaveAttribute('data-state', 'finished', { timeout: 180_000 })
  await expect(page.getByTestId('toolbar-run-status')).toHaveText(/^Finished · epoch 1/)
  expect(await nodeBox(page, 'optimizer'), 'the optimizer where it was before Train').toEqual(before)
  // One click, no second try: it selects.
  await page.locator('.react-flow__node[data-id="optimizer"] .layer-node-kind').click()
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-node', 'optimizer')

  // The window grows while a button is held on the canvas (a press on a node, a drag begun):
  // the network stays under the pointer until the release, then fits the new room.
  const held = (await nodeBox(page, 'loss'))!
  await page.mouse.move(held.x + held.width / 2, held.y + 12)
  await page.mouse.down()
  await page.setViewportSize({ width: 1400, height: 1000 })
  await expect.poll(() => page.evaluate(() => document.body.hasAttribute('data-fitting')), 'a fit is waiting').toBe(true)
  // Sixty frames drawn (a second at 60 Hz): an unheld fit starts 80 ms after the resize.
  await page.evaluate(() => new Promise<void>((resolve) => {
    let frames = 0
    const tick = () => (++frames >= 60 ? resolve() : requestAnimationFrame(tick))
    requestAnimationFrame(tick)
  }))
  expect(await page.locator('.react-flow__node[data-id="loss"]').boundingBox(), 'the node under the held button').toEqual(held)
  await page.mouse.up()
  await expect.poll(async () => (await nodeBox(page, 'loss'))!.y, 'the network fitted to the taller canvas').toBeGreaterThan(held.y + 20)
})
