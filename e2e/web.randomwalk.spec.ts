/**
 * A seeded random walk over the designer (issue 9): open examples, New, add, delete and
 * connect nodes, undo/redo, Train, Pause, Step, Reset, change η, type an epoch limit into a
 * running or finished run, open the data panel, fold panels, switch theme, presentation mode,
 * the keyboard's shortcuts, a projector's screen sizes (1024 × 768, and at 150 %: 683 × 512),
 * open a lesson and go through it (Next, Back, a step, an answer, leave), reload — with the
 * invariants checked after every action:
 *   - no page error;
 *   - the page itself never scrolls, and Train is on screen, at every size;
 *   - a run is within its epoch limit;
 *   - the training panel names the network on the canvas (title; the run's layer sizes are
 *     layers of the canvas);
 *   - Train is enabled exactly when the graph compiles (or it pauses a running run);
 *   - after a reload, the autosave restores the same graph, and the same lesson at the same step;
 *   - an open lesson's step is one of its steps, and its Back and Next are on screen;
 *   - a run started on a small graph that compiles makes progress.
 * "Train for real" opens a lecture example when the canvas has nothing small that compiles, picks
 * a (mostly slow) speed and waits for the run's progress, so the invariants are checked while runs
 * train and after they paused or finished; the walk fails if that happened too rarely.
 *
 * The seed is printed; `AXON_WALK_SEED=<seed>` replays a walk, `AXON_WALK_SEED=random` walks a new
 * one, `AXON_WALK_STEPS` sets its length.
 */
import { expect, test, type Page } from '@playwright/test'
import { graphSnapshot } from './helpers/designer'
import { readdirSync } from 'node:fs'
import { RUNNING, TRAINED, canvasDenseUnits, clickIfThere, compiledParameters, createRandom, docTitle, epochField, epochOf, lessonOpen, nodeIdsOnCanvas, openFromGallery, openLessonFromGallery, reveal, roomToTrain, runStatus, tryClick, tryConnect, type Random } from './helpers/randomWalk'

// CI walks a seed known to pass, so a red run always means a regression; AXON_WALK_SEED=random
// explores new walks. On this 2-core machine under load the known seed took 6.5 minutes: 6 real
// runs, 5 moves in lessons (Next, Back, answers), the invariants checked 11 times while one trained and
// 183 times after. (It found the page scrolling in a lesson presented with the interface at 150 %.)
const KNOWN_GOOD_SEED = 922750014
const SEED_ENV = process.env.AXON_WALK_SEED
const SEED = SEED_ENV === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(SEED_ENV ?? KNOWN_GOOD_SEED)
const STEPS = Number(process.env.AXON_WALK_STEPS ?? 300)

/** The lecture networks: small enough that a run makes progress within seconds, even on a loaded machine. */
const SMALL_EXAMPLES = ['encoder-8-3-8', 'mazur-2-2-2', 'perceptron-and', 'perceptron-or', 'perceptron-xor', 'sjtu-exercise', 'xor-2-2-1-sigmoid', 'xor-relu-handset', 'residual-circles']
const EXAMPLES = [...SMALL_EXAMPLES, 'fashion-784-100-10', 'nielsen-784-30-10']
/** The lessons that ship (resources/lessons), each opened from the gallery. */
const LESSONS = readdirSync('resources/lessons').filter((f) => f.endsWith('.axon-lesson.json')).map((f) => f.replace('.axon-lesson.json', ''))
/** A laptop, a projector at 1024 × 768, the same at 150 % browser zoom. */
const SCREENS: [number, number][] = [[1400, 900], [1024, 768], [683, 512]]
/** The keyboard's shortcuts a teacher presses: presentation, fit, tidy, the panels, undo/redo, the sheet, interface zoom. */
const KEYS = ['p', 'f', 'l', '[', ']', 'Escape', '?', 'Control+z', 'Control+y', 'Control+=', 'Control+-', 'Control+0']
/** A graph this small (parameters) trains fast enough for the walk to wait for its progress. */
const SMALL_GRAPH = 300
const BLOCKS = ['input', 'dense', 'dropout', 'activation-sigmoid', 'activation-relu', 'activation-tanh', 'loss-halfSse', 'loss-softmaxCrossEntropy', 'optimizer-sgd', 'optimizer-adam']

/** Invariant checks made while a run was training, and after one had trained (paused, solved, finished). */
const checked = { duringRun: 0, afterRun: 0 }

/** How many of the app's confirms the walk has answered No (a declined restart starts no run). */
const confirms = { declined: 0 }

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
  await roomToTrain(page)
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
  { name: 'present', weight: 2, run: async (page) => ((await clickIfThere(page, 'cmd-present')) ? 'presentation mode on/off' : 'present (covered)') },
  {
    name: 'screen',
    weight: 2,
    run: async (page, r) => {
      const [width, height] = r.pick(SCREENS)
      await page.setViewportSize({ width, height })
      return `screen ${width} × ${height}`
    },
  },
  {
    name: 'keys',
    weight: 3,
    run: async (page, r) => {
      const key = r.pick(KEYS)
      await page.keyboard.press(key)
      return `key ${key}`
    },
  },
  {
    name: 'epochs',
    weight: 3,
    run: async (page, r) => {
      // "Ten more epochs": the optimizer's epoch limit typed while a run trains or after it ended.
      const field = await epochField(page)
      if (typeof field === 'string') return `epochs (${field})`
      const epoch = Math.max(0, epochOf(await runStatus(page)))
      const limit = r.pick([epoch + 10, epoch + 1, Math.max(1, epoch - 5), 50])
      await field.fill(String(limit))
      await field.press('Enter')
      return `epochs = ${limit}`
    },
  },
  {
    name: 'lesson',
    weight: 3,
    run: async (page, r) => {
      const id = r.pick(LESSONS)
      return (await openLessonFromGallery(page, id)) ? `open-lesson ${id}` : `open-lesson ${id} (covered or declined)`
    },
  },
  { name: 'lesson step', weight: 5, run: lessonStep },
  {
    name: 'reload',
    weight: 2,
    run: async (page) => {
      const before = await graphSnapshot(page)
      const lesson = await lessonOpen(page)
      await page.reload()
      await expect(page.getByTestId('engine-version')).toBeVisible()
      // The autosave restores the same graph (it is written on page hide, so nothing is lost).
      await expect.poll(() => graphSnapshot(page)).toEqual(before)
      // A lesson open at the reload opens again at the same step.
      await expect.poll(() => lessonOpen(page), { message: 'the lesson comes back at its step' }).toEqual(lesson)
      return lesson ? `reload in lesson ${lesson.lesson}, step ${lesson.step}` : 'reload'
    },
  },
]

/** In an open lesson: Next, Back, a step of its own, an answer (right or wrong: a seeded number or option), or leave it. */
async function lessonStep(page: Page, r: Random): Promise<string> {
  const open = await lessonOpen(page)
  if (!open) return 'lesson step (no lesson)'
  const move = r.pick(['next', 'next', 'prev', 'step', 'answer', 'answer', 'exit'])
  if (move === 'step') {
    const i = Math.floor(r.next() * (await page.getByTestId('lesson-panel').locator('.lesson-steps button').count()))
    return (await clickIfThere(page, `lesson-step-${i}`)) ? `lesson step ${i}` : `lesson step ${i} (covered)`
  }
  if (move === 'answer') {
    const answer = page.getByTestId('lesson-answer')
    const options = page.getByTestId('lesson-panel').locator('[data-testid^="lesson-option-"]')
    if ((await answer.count()) > 0 && (await answer.isVisible()) && (await answer.isEnabled())) await answer.fill(r.pick(['0.5', '1', '-2', '0.731', 'abc', '']))
    else if ((await options.count()) > 0) await tryClick(options.nth(Math.floor(r.next() * (await options.count()))))
    return (await clickIfThere(page, 'lesson-check')) ? `lesson answer at step ${open.step}` : `lesson answer at step ${open.step} (no question)`
  }
  const testId = { next: 'lesson-next', prev: 'lesson-prev', exit: 'lesson-exit' }[move]!
  return (await clickIfThere(page, testId)) ? `lesson ${move} from step ${open.step}` : `lesson ${move} (not there)`
}

function pickAction(r: Random) {
  const total = ACTIONS.reduce((s, a) => s + a.weight, 0)
  let x = r.next() * total
  for (const a of ACTIONS) if ((x -= a.weight) < 0) return a
  return ACTIONS[ACTIONS.length - 1]
}

async function checkInvariants(page: Page, errors: string[]): Promise<void> {
  const status = await runStatus(page)
  await checkInvariantsNow(page, errors)
  if (RUNNING.test(status)) checked.duringRun++
  else if (TRAINED.test(status)) checked.afterRun++
}

async function checkInvariantsNow(page: Page, errors: string[]): Promise<void> {
  expect(errors, 'no page error').toEqual([])
  // At every screen size the page itself never scrolls, and Train (or Pause) is on screen.
  const page_ = await page.evaluate(() => {
    // What sticks out, for the failure message: the outermost elements past the window's edges.
    const out = Array.from(document.body.querySelectorAll('*')).filter((el) => {
      const r = el.getBoundingClientRect()
      const parent = el.parentElement?.getBoundingClientRect()
      const past = (b: DOMRect) => b.right > innerWidth + 0.5 || b.bottom > innerHeight + 0.5
      return r.width > 0 && past(r) && !(parent && past(parent))
    })
    const describe = (el: Element) => `${el.tagName.toLowerCase()}.${el.className} [${el.getAttribute('data-testid') ?? ''}] ${JSON.stringify(el.getBoundingClientRect())}`
    return { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight, innerWidth, innerHeight, out: out.slice(0, 5).map(describe).join('; ') }
  })
  expect(page_.width, `the page does not scroll sideways (${page_.out})`).toBeLessThanOrEqual(page_.innerWidth)
  expect(page_.height, `the page does not scroll down (${page_.out})`).toBeLessThanOrEqual(page_.innerHeight)
  const train = await page.getByTestId('train-button').boundingBox()
  expect(train && train.x >= 0 && train.y >= 0 && train.x + train.width <= page_.innerWidth && train.y + train.height <= page_.innerHeight, 'Train is on screen').toBe(true)
  // A run never trains past its epoch limit ("Paused · epoch 12 · of 10" would be a run gone wrong).
  const status = await runStatus(page)
  const limit = /of ([\d,]+)/.exec(status)?.[1]
  if (limit) expect(epochOf(status), `the run is within its epoch limit (${status})`).toBeLessThanOrEqual(Number(limit.replace(/,/g, '')))
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
  await checkLesson(page, page_)
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

/**
 * An open lesson is at one of its steps, says which, and its Back and Next are on screen (a
 * projector's 683 × 512 too), presenting as well: the step's column stays beside the network.
 */
async function checkLesson(page: Page, window: { innerWidth: number; innerHeight: number }): Promise<void> {
  const open = await lessonOpen(page)
  if (!open) return
  const steps = await page.getByTestId('lesson-panel').locator('.lesson-steps button').count()
  expect(open.step >= 0 && open.step < steps, `lesson ${open.lesson} at step ${open.step} of ${steps}`).toBe(true)
  await expect(page.getByTestId('lesson-panel').locator('.lesson-nav')).toContainText(`Step ${open.step + 1} of ${steps}`)
  for (const id of ['lesson-prev', 'lesson-next']) {
    const box = await page.getByTestId(id).boundingBox()
    expect(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= window.innerWidth && box.y + box.height <= window.innerHeight, `the lesson's ${id} is on screen`).toBe(true)
  }
}

// An action that cannot act (a field locked, a button gone) fails within this, naming itself,
// rather than waiting until the test's timeout.
test.use({ actionTimeout: 30_000 })

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
