/**
 * A seeded random walk over the designer (issue 9): open examples, New, add, delete and
 * connect nodes, undo/redo, Train, Pause, Step, Reset, change η, open the data panel, fold
 * panels, switch theme, reload — with the invariants checked after every action:
 *   - no page error;
 *   - the training panel names the network on the canvas (title; the run's layer sizes are
 *     layers of the canvas);
 *   - Train is enabled exactly when the graph compiles (or it pauses a running run);
 *   - after a reload, the autosave restores the same graph;
 *   - a run started on a small graph that compiles makes progress.
 * "Train for real" opens a lecture example when the canvas has nothing small that compiles, picks
 * a (mostly slow) speed and waits for the run's progress, so the invariants are checked while runs
 * train and after they paused or finished; the walk fails if that happened too rarely.
 *
 * The seed is printed; `AXON_WALK_SEED=<seed>` replays a walk, `AXON_WALK_SEED=random` walks a new
 * one, `AXON_WALK_STEPS` sets its length.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { graphSnapshot } from './helpers/designer'

// CI walks a seed known to pass, so a red run always means a regression; AXON_WALK_SEED=random
// explores new walks. On the 2-core CI machine under load the known seed takes about 5 minutes:
// 13 real runs, the invariants checked 14 times while one trained and 42 times after.
const KNOWN_GOOD_SEED = 940441498
const SEED_ENV = process.env.AXON_WALK_SEED
const SEED = SEED_ENV === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(SEED_ENV ?? KNOWN_GOOD_SEED)
const STEPS = Number(process.env.AXON_WALK_STEPS ?? 300)

/** mulberry32: a small seeded generator, so a walk replays exactly. */
function createRandom(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] }
}
type Random = ReturnType<typeof createRandom>

/** The lecture networks: small enough that a run makes progress within seconds, even on a loaded machine. */
const SMALL_EXAMPLES = ['encoder-8-3-8', 'mazur-2-2-2', 'perceptron-and', 'perceptron-or', 'perceptron-xor', 'sjtu-exercise', 'xor-2-2-1-sigmoid', 'xor-relu-handset', 'residual-circles']
const EXAMPLES = [...SMALL_EXAMPLES, 'fashion-784-100-10', 'nielsen-784-30-10']
/** A graph this small (parameters) trains fast enough for the walk to wait for its progress. */
const SMALL_GRAPH = 300
const BLOCKS = ['input', 'dense', 'dropout', 'activation-sigmoid', 'activation-relu', 'activation-tanh', 'loss-halfSse', 'loss-softmaxCrossEntropy', 'optimizer-sgd', 'optimizer-adam']

/** Clicks `target` unless something covers it (a message, the pane); false when the click could not land. */
async function tryClick(target: Locator): Promise<boolean> {
  try {
    await target.click({ timeout: 5_000 })
    return true
  } catch {
    return false
  }
}

/** Clicks `testId` if it is on screen and enabled; false when it is not there to click. */
async function clickIfThere(page: Page, testId: string): Promise<boolean> {
  const target = page.getByTestId(testId)
  if ((await target.count()) === 0 || !(await target.first().isVisible()) || !(await target.first().isEnabled())) return false
  return tryClick(target.first())
}

/** Unfolds the palette or the side panel (on its Training tab) the way a user would, to act there. */
async function reveal(page: Page, panel: 'palette' | 'training'): Promise<void> {
  const toggle = page.getByTestId(panel === 'palette' ? 'palette-toggle' : 'side-panel-toggle').first()
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await tryClick(toggle)
  if (panel === 'training') await clickIfThere(page, 'tab-training')
}

/**
 * Opens example `id` from the gallery as a user does. A confirm answered No (or the same example
 * asked for again) leaves the gallery open: the user then closes it with Escape. True when `id` is open.
 */
async function openFromGallery(page: Page, id: string): Promise<boolean> {
  const clicked = (await tryClick(page.getByTestId('cmd-examples'))) && (await tryClick(page.getByTestId(`example-${id}`)))
  if ((await page.getByTestId('gallery').count()) > 0) {
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('gallery')).toHaveCount(0)
    return false
  }
  return clicked && (await page.getByTestId('example-card').getAttribute('data-example')) === id
}

async function nodeIdsOnCanvas(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''))
}

/** Draws a wire between two nodes' handles; the app may refuse it (that is part of the walk). */
async function tryConnect(page: Page, source: string, target: string): Promise<void> {
  // A node may have gone (or have no such handle): then there is nothing to draw.
  const box = (selector: string) => page.locator(selector).first().boundingBox({ timeout: 2_000 }).catch(() => null)
  const from = await box(`.react-flow__node[data-id="${source}"] .react-flow__handle.source`)
  const to = await box(`.react-flow__node[data-id="${target}"] .react-flow__handle.target`)
  if (!from || !to) return
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 6 })
  await page.mouse.up()
}

/** Invariant checks made while a run was training, and after one had trained (paused, solved, finished). */
const checked = { duringRun: 0, afterRun: 0 }

/** How many of the app's confirms the walk has answered No (a declined restart starts no run). */
const confirms = { declined: 0 }

/** What the toolbar says about the run ("Training · epoch 12 · of 3,000"), or '' without one. */
async function runStatus(page: Page): Promise<string> {
  const status = page.getByTestId('toolbar-run-status')
  return (await status.count()) === 0 ? '' : ((await status.textContent()) ?? '')
}

const epochOf = (status: string) => Number(/epoch ([\d,]+)/.exec(status)?.[1].replace(/,/g, '') ?? -1)
/** A run that has trained: running, or paused, solved or finished after at least one epoch's worth of steps. */
const RUNNING = /^Training · epoch/
const TRAINED = /^(Paused · epoch|Solved · epoch|Finished · epoch)/

/** The parameter count when the graph on the canvas compiles ("✓ Compiles · 9 parameters"), else null. */
async function compiledParameters(page: Page): Promise<number | null> {
  const status = page.getByTestId('compile-status')
  if ((await status.count()) === 0 || (await status.getAttribute('data-ok')) !== 'true') return null
  return Number(/([\d,]+) parameters/.exec((await status.textContent()) ?? '')?.[1].replace(/,/g, '') ?? NaN)
}

/**
 * A real run: train the graph on the canvas when it compiles and is small, else open a lecture
 * example first; then wait until the run has made progress (its epoch advanced, or it was solved).
 */
async function trainForReal(page: Page, r: Random, errors: string[]): Promise<string> {
  const params = await compiledParameters(page)
  let what = 'the graph on the canvas'
  if (params === null || params > SMALL_GRAPH || r.next() < 0.3) {
    const id = r.pick(SMALL_EXAMPLES)
    // A run with progress asks before it is dropped; the walk may have said no.
    if (!(await openFromGallery(page, id))) return `train for real: open ${id} (covered or declined)`
    what = id
  }
  // Mostly slow, so the run is still going while the next actions edit, switch and step around it.
  await reveal(page, 'training')
  const speed = page.getByTestId('train-speed')
  if ((await speed.count()) > 0 && (await speed.isVisible())) await speed.selectOption(r.pick(['1', '1', '5', '20']))
  const train = page.getByTestId('train-button')
  const declinedBefore = confirms.declined
  if ((await train.getAttribute('data-action')) !== 'pause') {
    if (!(await train.isEnabled()) || !(await tryClick(train))) return `train for real: ${what} (cannot train)`
  }
  const before = epochOf(await runStatus(page))
  await expect
    .poll(async () => {
      const status = await runStatus(page)
      return confirms.declined > declinedBefore || /^(Solved|Finished|Failed)/.test(status) || epochOf(status) > before
    }, { message: `a run of ${what} makes progress`, timeout: 60_000 })
    .toBe(true)
  if (confirms.declined > declinedBefore) return `train for real: ${what} (restart declined)`
  const status = await runStatus(page)
  // While it trains, the invariants hold too (the walk's check after this action may find it done).
  if (RUNNING.test(status)) await checkInvariants(page, errors)
  return `train-for-real ${what} → ${status}`
}

/** Every action of the walk, with its weight. Each returns a short description for the log. */
const ACTIONS: { name: string; weight: number; run: (page: Page, r: Random, errors: string[]) => Promise<string> }[] = [
  {
    name: 'example',
    weight: 5,
    run: async (page, r) => {
      const id = r.pick(EXAMPLES)
      return (await openFromGallery(page, id)) ? `open ${id}` : `open ${id} (covered or declined)`
    },
  },
  { name: 'new', weight: 2, run: async (page) => ((await clickIfThere(page, 'cmd-new')) ? 'new' : 'new (not there)') },
  {
    name: 'add',
    weight: 9,
    run: async (page, r) => {
      const block = r.pick(BLOCKS)
      await reveal(page, 'palette')
      return (await clickIfThere(page, `palette-${block}`)) ? `add ${block}` : `add ${block} (palette folded)`
    },
  },
  {
    name: 'delete',
    weight: 4,
    run: async (page, r) => {
      const ids = await nodeIdsOnCanvas(page)
      if (ids.length === 0) return 'delete (nothing)'
      const id = r.pick(ids)
      const title = page.locator(`.react-flow__node[data-id="${id}"] .layer-node-kind`)
      if (!(await title.isVisible()) || !(await tryClick(title))) return `delete ${id} (hidden)`
      await page.keyboard.press('Delete')
      return `delete ${id}`
    },
  },
  {
    name: 'connect',
    weight: 6,
    run: async (page, r) => {
      const ids = await nodeIdsOnCanvas(page)
      if (ids.length < 2) return 'connect (too few nodes)'
      const [a, b] = [r.pick(ids), r.pick(ids)]
      await tryConnect(page, a, b)
      return `connect ${a} → ${b}`
    },
  },
  { name: 'undo', weight: 5, run: async (page) => ((await clickIfThere(page, 'cmd-undo')) ? 'undo' : 'undo (nothing)') },
  { name: 'redo', weight: 3, run: async (page) => ((await clickIfThere(page, 'cmd-redo')) ? 'redo' : 'redo (nothing)') },
  { name: 'train for real', weight: 6, run: trainForReal },
  { name: 'train', weight: 8, run: async (page) => ((await clickIfThere(page, 'train-button')) ? 'toolbar train/pause' : 'train (disabled)') },
  { name: 'pause', weight: 3, run: async (page) => (await reveal(page, 'training'), (await clickIfThere(page, 'train-pause')) ? 'pause' : 'pause (not running)') },
  {
    name: 'step',
    weight: 5,
    run: async (page, r) => {
      const unit = r.pick(['example', 'batch', 'epoch'])
      await reveal(page, 'training')
      return (await clickIfThere(page, `train-step-${unit}`)) ? `step ${unit}` : `step ${unit} (not there)`
    },
  },
  { name: 'reset', weight: 2, run: async (page) => (await reveal(page, 'training'), (await clickIfThere(page, 'train-reset')) ? 'reset' : 'reset (not there)') },
  {
    name: 'eta',
    weight: 3,
    run: async (page, r) => {
      await reveal(page, 'training')
      const field = page.getByTestId('train-lr')
      if ((await field.count()) === 0 || !(await field.isVisible()) || !(await field.isEnabled())) return 'η (not there)'
      const eta = r.pick(['0.1', '0.5', '1', '2', '3'])
      await field.fill(eta)
      await field.press('Enter')
      return `η = ${eta}`
    },
  },
  {
    name: 'data',
    weight: 2,
    run: async (page) => {
      await reveal(page, 'palette')
      if (!(await clickIfThere(page, 'data-open'))) return 'data (not there)'
      await expect(page.getByTestId('data-dialog')).toBeVisible()
      await page.getByTestId('data-close').click()
      await expect(page.getByTestId('data-dialog')).toHaveCount(0)
      return 'open and close the data panel'
    },
  },
  {
    name: 'fold',
    weight: 3,
    run: async (page, r) => {
      const which = r.pick(['palette-toggle', 'side-panel-toggle'])
      return (await tryClick(page.getByTestId(which).first())) ? `fold ${which}` : `fold ${which} (covered)`
    },
  },
  {
    name: 'tab',
    weight: 3,
    run: async (page, r) => {
      const tab = r.pick(['tab-training', 'tab-inspector'])
      return (await clickIfThere(page, tab)) ? tab : `${tab} (folded)`
    },
  },
  { name: 'theme', weight: 1, run: async (page) => ((await clickIfThere(page, 'cmd-theme')) ? 'theme' : 'theme (covered)') },
  {
    name: 'reload',
    weight: 2,
    run: async (page) => {
      const before = await graphSnapshot(page)
      await page.reload()
      await expect(page.getByTestId('engine-version')).toBeVisible()
      // The autosave restores the same graph (it is written on page hide, so nothing is lost).
      await expect.poll(() => graphSnapshot(page)).toEqual(before)
      return 'reload'
    },
  },
]

function pickAction(r: Random) {
  const total = ACTIONS.reduce((s, a) => s + a.weight, 0)
  let x = r.next() * total
  for (const a of ACTIONS) if ((x -= a.weight) < 0) return a
  return ACTIONS[ACTIONS.length - 1]
}

/** The document title the toolbar shows (without the unsaved-changes dot). */
async function docTitle(page: Page): Promise<string> {
  return ((await page.getByTestId('doc-title').textContent()) ?? '').replace('●', '').trim()
}

/** Units of every dense node on the canvas ("3 units" → 3). */
async function canvasDenseUnits(page: Page): Promise<number[]> {
  const texts = await page.locator('.react-flow__node [data-kind="dense"] .layer-node-main').allTextContents()
  return texts.map((t) => Number(/(\d+) units?/.exec(t)?.[1] ?? NaN))
}

async function checkInvariants(page: Page, errors: string[]): Promise<void> {
  const status = await runStatus(page)
  await checkInvariantsNow(page, errors)
  if (RUNNING.test(status)) checked.duringRun++
  else if (TRAINED.test(status)) checked.afterRun++
}

async function checkInvariantsNow(page: Page, errors: string[]): Promise<void> {
  expect(errors, 'no page error').toEqual([])
  // Train is enabled exactly when the graph compiles (while running it pauses, whatever the graph).
  await expect
    .poll(async () => {
      // An empty canvas has no status line, and never compiles.
      const status = page.getByTestId('compile-status')
      const compiles = (await status.count()) > 0 && (await status.getAttribute('data-ok')) === 'true'
      const train = page.getByTestId('train-button')
      const pausing = (await train.getAttribute('data-action')) === 'pause'
      return pausing || (await train.isEnabled()) === compiles
    }, { message: 'Train enabled iff the graph compiles' })
    .toBe(true)
  const panel = page.getByTestId('training-panel')
  if (!(await panel.isVisible())) return
  await expect(page.getByTestId('training-title'), 'the panel names the network on the canvas').toHaveText(await docTitle(page))
  const runInfo = page.getByTestId('run-info')
  if ((await runInfo.count()) === 0) return
  const text = (await runInfo.textContent()) ?? ''
  const runUnits = text.split(' · ')[0].split(' → ').slice(1).map(Number)
  const canvas = await canvasDenseUnits(page)
  for (const units of runUnits) expect(canvas, `the run's layer of ${units} units is on the canvas (${text})`).toContain(units)
}

test(`a seeded random walk of ${STEPS} UI actions keeps the invariants`, async ({ page }) => {
  test.setTimeout(Math.max(300_000, STEPS * 3_000))
  console.log(`random walk: AXON_WALK_SEED=${SEED} AXON_WALK_STEPS=${STEPS}`)
  test.info().annotations.push({ type: 'seed', description: `AXON_WALK_SEED=${SEED}` })
  const r = createRandom(SEED)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const answers = createRandom(SEED ^ 0x9e3779b9)
  // Confirms get a seeded yes or no; the browser's leave-page prompt (a reload while a run has
  // progress) is always answered Leave, so the reload goes ahead (Stay is web.recovery.spec.ts's).
  page.on('dialog', (d) => {
    const yes = answers.next() < 0.7 || d.type() === 'beforeunload'
    if (!yes) confirms.declined++
    void (yes ? d.accept() : d.dismiss())
  })
  await page.goto('/')
  await expect(page.getByTestId('engine-version')).toBeVisible()
  const log: string[] = []
  for (let i = 0; i < STEPS; i++) {
    const action = pickAction(r)
    try {
      log.push(`${i + 1}. ${action.name} …`)
      log[log.length - 1] = `${i + 1}. ${await action.run(page, r, errors)}`
      await checkInvariants(page, errors)
    } catch (error) {
      console.log(`random walk AXON_WALK_SEED=${SEED} failed after:\n${log.slice(-15).join('\n')}`)
      throw error
    }
  }
  // What the walk did (an action that found nothing to act on says so in brackets).
  const done = log.filter((line) => !line.includes('(')).map((line) => line.split(' ')[1])
  const counts = Object.fromEntries([...new Set(done)].map((name) => [name, done.filter((d) => d === name).length]))
  console.log(`random walk AXON_WALK_SEED=${SEED}: ${done.length} of ${STEPS} actions acted: ${JSON.stringify(counts)}; invariants checked ${checked.duringRun} times during a run, ${checked.afterRun} after one`)
  console.log(`real runs:\n${log.filter((line) => /train.for.real/.test(line)).join('\n')}`)
  // The walk reaches real training often enough that the invariants were checked in and after runs.
  expect(checked.duringRun, 'checks while a run was training').toBeGreaterThanOrEqual(Math.floor(STEPS / 40))
  expect(checked.afterRun, 'checks after a run had trained').toBeGreaterThanOrEqual(Math.floor(STEPS / 40))
})
