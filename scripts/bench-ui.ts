/**
 * Training in the app vs headless, and how responsive the page stays while snapshots stream.
 *
 *   npx vite build -c vite.web.config.ts      # once (or after UI/engine changes)
 *   npx tsx scripts/bench-ui.ts [--example fashion-784-100-10] [--runs 1] [--threads 2] [--epochs N] [--watch] [--profile]
 *
 * 1. Headless: the example's project is compiled and trained in this process with the engine's
 *    session (same data files, same seed, same validation set as the app), `trainToEnd()` timed,
 *    with the WebAssembly kernel and `--threads` threads (default: the cores), as `axon train`.
 * 2. In the app: the browser build (vite preview on port 4174) in Chromium; the example is
 *    opened from the gallery and trained with ▶ Train at full speed (snapshots latest-wins).
 *    A requestAnimationFrame probe in the page records frame times, how often the iteration
 *    counter on screen changed (snapshots that reached the screen), and the delay of a
 *    setTimeout(0) posted every 50 ms (a proxy for input latency on the main thread). Every
 *    300 ms Playwright clicks the side panel's tabs (Inspector ↔ Training, a real re-render);
 *    click-to-frame is the time from the pointerdown to the start of the second frame after it,
 *    the first that can show what the click changed. The status bar's Threads is set to
 *    `--threads` first. Training time runs from the first frame showing "Training…" to the first
 *    showing "Finished".
 *
 * `--watch` measures the app's training time alone, as a class watching the run sees it: no
 * clicks, and instead of the frame probe (which makes the page render every frame, about 0.07
 * of a core here, a cost of measuring) a MutationObserver notes when the run state and the
 * iteration counter change; fps, frame gaps and click latency are then not measured.
 *
 * `--epochs N` trains N epochs instead of the example's own (typed into the optimizer node's
 * Epochs field in the app; a longer run gives more frames and clicks to measure). `--profile`
 * samples the page's main thread meanwhile and prints the functions that took the most time
 * (`benchProfile.ts`; build with `--minify false` for readable names) and records a Chrome trace
 * of all the page's threads, printed as each thread's busy time and its costliest events
 * (`benchTrace.ts`: layout, paint, scripts on the main thread; the engine's and paint workers).
 *
 * Prints one JSON line per measurement and a summary. Wall-clock figures: not for tests.
 */
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { openPreviewedApp, startPreview } from './benchPreview'
import { startMainThreadProfile } from './benchProfile'
import { startPageTrace, type ThreadLine } from './benchTrace'
import { compileGraph, parseProjectOrThrow } from '../src/engine/project'
import { createSession } from '../src/engine/train'
import { resolveTrainingData } from '../src/engine/host/trainingData'
import { installWasmKernels } from '../src/engine/kernels/install'
import { defaultThreads, startNodeGradientPool } from '../src/engine/host/node/gradientPool'
import { enableRelaxedSimd } from '../src/engine/host/node/relaxedSimd'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : fallback
}
const example = flag('example', 'fashion-784-100-10')
const runs = Number(flag('runs', '1'))
const threads = Number(flag('threads', String(defaultThreads())))
const epochs = args.includes('--epochs') ? Number(flag('epochs', '')) : null
const profiling = args.includes('--profile')
const watching = args.includes('--watch')
const TRACE_PATH = join(tmpdir(), `axon-bench-ui-trace-${process.pid}.json`)
// The preview server's port (AXON_E2E_PORT, else 4174): each checkout on a shared machine its own.
const PORT = Number(flag('port', process.env.AXON_E2E_PORT ?? '4174'))

// As `axon train --threads N`: the same kernel and helpers the app's engine has.
enableRelaxedSimd()
installWasmKernels({ threads })
if (threads > 1) await startNodeGradientPool(threads)

function headless(): { seconds: number; cpuSeconds: number; iterations: number; epochs: number; threads: number } {
  const file = join(ROOT, 'resources/examples', `${example}.axon.json`)
  const project = parseProjectOrThrow(readFileSync(file, 'utf8'))
  const optimizer = project.nodes.find((n) => n.kind === 'optimizer')
  if (epochs !== null && optimizer) Object.assign(optimizer.params, { stop: 'epochs', epochs })
  const { spec } = compileGraph(project)
  if (!spec) throw new Error('The example does not compile')
  const d = project.data
  const data =
    d.kind === 'file'
      ? resolveTrainingData({
          kind: 'idx',
          trainImages: readFileSync(resolve(dirname(file), d.path)),
          trainLabels: readFileSync(resolve(dirname(file), d.labelsPath!)),
          testImages: d.testPath ? readFileSync(resolve(dirname(file), d.testPath)) : undefined,
          testLabels: d.testLabelsPath ? readFileSync(resolve(dirname(file), d.testLabelsPath)) : undefined,
          labelNames: d.labelNames,
        })
      : d.kind === 'inline'
        ? resolveTrainingData({ kind: 'inline', inputs: d.inputs, targets: d.targets })
        : resolveTrainingData({ kind: 'builtin', id: d.id, options: d.options })
  const session = createSession(spec, data.train, data.validation ? { validation: data.validation } : {})
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  session.trainToEnd()
  const cpu = process.cpuUsage(cpu0)
  // CPU of this process's threads (the helpers' too): steadier than wall time on a loaded machine.
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, iterations: session.iteration, epochs: session.epoch, threads: session.parallel.threads }
}

interface PageProbe {
  frames: number[]
  clicks: number[]
  changes: number
  delays: number[]
  runningAt: number | null
  finishedAt: number | null
  iteration: number
}

/**
 * The probes' common part, as source text: at time t, note the run state (when it began running
 * and finished) and whether the iteration counter changed (a snapshot that reached the screen).
 */
const LOOK = `
  const probe = { frames: [], clicks: [], changes: 0, delays: [], runningAt: null, finishedAt: null, iteration: -1 }
  window.__probe = probe
  const look = (t) => {
    const state = document.querySelector('[data-testid="train-state"]')?.getAttribute('data-state')
    const text = document.querySelector('[data-testid="counter-iteration"]')?.textContent ?? ''
    const iteration = Number(text.replace(/[^0-9]/g, ''))
    if (state === 'running' && probe.runningAt === null) probe.runningAt = t
    if (probe.runningAt !== null && iteration !== probe.iteration) probe.changes++
    probe.iteration = iteration
    if (state === 'finished' && probe.finishedAt === null) probe.finishedAt = t
  }`

/** The in-page probe, as source text (tsx would otherwise inject helpers the page lacks): every frame, clicks and timer delays. */
const PROBE = `(() => {${LOOK}
  addEventListener('pointerdown', (e) => {
    const at = e.timeStamp
    requestAnimationFrame(() => requestAnimationFrame((t) => probe.clicks.push(t - at)))
  }, true)
  const frame = (t) => {
    probe.frames.push(t)
    look(t)
    if (probe.finishedAt === null) requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
  const tick = () => {
    const posted = performance.now()
    setTimeout(() => {
      probe.delays.push(performance.now() - posted)
      if (probe.finishedAt === null) setTimeout(tick, 50)
    }, 0)
  }
  tick()
})()`

/** The probe of `--watch`: the run's state and counter changes, with no work between them. */
const WATCH_PROBE = `(() => {${LOOK}
  new MutationObserver(() => look(performance.now())).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'], characterData: true })
})()`

async function inApp(): Promise<Record<string, number>> {
  const server = startPreview(ROOT, PORT)
  try {
    const browser = await chromium.launch({ executablePath: process.env.AXON_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    page.on('crash', () => console.error('The page crashed'))
    await openPreviewedApp(page, PORT)
    await page.getByTestId('engine-threads').selectOption(String(threads))
    await page.getByTestId('cmd-examples').click()
    await page.getByTestId(`example-${example}`).click()
    if (epochs !== null) {
      await page.locator('.react-flow__node[data-id="optimizer"] .layer-node-kind').click()
      await page.getByTestId('param-epochs').fill(String(epochs))
      await page.getByTestId('param-epochs').press('Enter')
    }
    const profile = profiling ? await startMainThreadProfile(page) : null
    const trace = profiling ? await startPageTrace(browser, page, TRACE_PATH) : null
    // The probe: every frame (or, watching, every change), note the time, whether the counter changed, and the run state.
    await page.evaluate(watching ? WATCH_PROBE : PROBE)
    await page.getByTestId('train-button').click()
    // (waitForFunction evaluates a string with eval, which the app's CSP forbids: poll instead.)
    const tabs = ['tab-inspector', 'tab-training']
    for (let i = 0; (await page.evaluate('window.__probe.finishedAt')) === null; i++) {
      if (!watching) await page.getByTestId(tabs[i % 2]).click()
      await new Promise((r) => setTimeout(r, 300))
    }
    const p = (await page.evaluate('window.__probe')) as PageProbe
    if (profile) printProfile(await profile.stop())
    if (trace) printThreads(await trace.stop())
    await browser.close()
    const t0 = p.runningAt!
    const t1 = p.finishedAt!
    const during = p.frames.filter((t) => t >= t0 && t <= t1)
    const gaps = during.slice(1).map((t, i) => t - during[i])
    const sorted = [...p.delays].sort((a, b) => a - b)
    const clicks = [...p.clicks].sort((a, b) => a - b)
    return {
      clicks: clicks.length,
      clickToFrameMedianMs: clicks[Math.floor(clicks.length / 2)] ?? NaN,
      clickToFrameP95Ms: clicks[Math.floor(0.95 * (clicks.length - 1))] ?? NaN,
      seconds: (t1 - t0) / 1000,
      iterations: p.iteration,
      fps: during.length / ((t1 - t0) / 1000),
      maxFrameGapMs: Math.max(...gaps),
      p95FrameGapMs: [...gaps].sort((a, b) => a - b)[Math.floor(0.95 * (gaps.length - 1))] ?? 0,
      snapshotsOnScreenPerSecond: p.changes / ((t1 - t0) / 1000),
      timerDelayMedianMs: sorted[Math.floor(sorted.length / 2)],
      timerDelayP95Ms: sorted[Math.floor(0.95 * (sorted.length - 1))],
    }
  } finally {
    server.stop()
  }
}

function printProfile(summary: Awaited<ReturnType<Awaited<ReturnType<typeof startMainThreadProfile>>['stop']>>): void {
  console.log(`Main thread, ${(summary.sampledMs / 1000).toFixed(1)} s sampled. By total time (ms):`)
  for (const l of summary.byTotal) console.log(`  ${l.totalMs.toFixed(0).padStart(7)}  ${l.name}`)
  console.log('By self time (ms):')
  for (const l of summary.bySelf) console.log(`  ${l.selfMs.toFixed(0).padStart(7)}  ${l.name}`)
}

function printThreads(lines: ThreadLine[]): void {
  console.log(`The page's threads (Chrome trace, written to ${TRACE_PATH}), busy ms, CPU ms and the events with the most self time:`)
  for (const l of lines) console.log(`  ${l.busyMs.toFixed(0).padStart(7)} ${l.cpuMs.toFixed(0).padStart(7)}  ${l.thread}: ${l.top.map((t) => `${t.name} ${t.selfMs.toFixed(0)}`).join(', ')}`)
}

const results = []
for (let r = 0; r < runs; r++) {
  const h = args.includes('--app-only') ? { seconds: NaN, cpuSeconds: NaN, iterations: NaN, epochs: NaN, threads } : headless()
  console.log(JSON.stringify({ example, where: 'headless', ...h }))
  const a = await inApp()
  console.log(JSON.stringify({ example, where: 'app', ...a }))
  results.push({ h, a })
}
for (const { h, a } of results) {
  const page = watching
    ? 'watched: no clicks, no frame probe, '
    : `${a.fps.toFixed(0)} fps, p95 frame gap ${a.p95FrameGapMs.toFixed(0)} ms, max ${a.maxFrameGapMs.toFixed(0)} ms, ` +
      `click to frame median ${a.clickToFrameMedianMs.toFixed(0)} ms / p95 ${a.clickToFrameP95Ms.toFixed(0)} ms (${a.clicks} clicks), `
  console.log(
    `${example}, ${h.threads} thread(s): headless ${h.seconds.toFixed(2)} s (CPU ${h.cpuSeconds.toFixed(2)} s, ${(h.iterations / h.seconds).toFixed(1)} it/s) · app ${a.seconds.toFixed(2)} s (${(a.iterations / a.seconds).toFixed(1)} it/s, ` +
      `app ÷ headless ${(a.seconds / h.seconds).toFixed(2)}) · ${page}` +
      `${a.snapshotsOnScreenPerSecond.toFixed(1)} snapshots/s on screen` +
      (watching ? '' : `, timer delay median ${a.timerDelayMedianMs.toFixed(1)} ms / p95 ${a.timerDelayP95Ms.toFixed(1)} ms`),
  )
}
