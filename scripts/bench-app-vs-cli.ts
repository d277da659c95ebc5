/**
 * Training throughput in the app against the headless `axon train` (the app should stay within 10%).
 * One run measures both, one after the other (never at once: the cores are shared), on this machine.
 *
 *   npx vite build -c vite.web.config.ts      # once (or after UI/engine changes)
 *   npx tsx scripts/bench-app-vs-cli.ts [--example fashion-784-100-10] [--epochs 40] [--runs 1]
 *
 * (a) CLI: `node bin/axon.mjs train <example> --epochs N --json` as a subprocess. Each epoch's
 *     time is when its `{"event":"epoch"}` line arrives; epoch 0 is the `start` line (data read,
 *     session built). CPU time is utime+stime of the process tree from /proc, sampled every 20 ms.
 * (b) App: the browser build (`vite preview`, port 4396) in Chromium (/usr/bin/chromium, the
 *     flags of playwright.config.ts); the example is opened from the gallery and trained with
 *     ▶ Train. A requestAnimationFrame probe records when the epoch counter on screen changes
 *     (epoch 0 = the first frame showing "Training…") and the frame rate meanwhile. CPU time is
 *     that of all Chromium processes (browser, renderer, GPU, the training worker), sampled the
 *     same way. N is typed into the optimizer node's Epochs field before training.
 *     The dedicated-worker threads' own CPU (where the engine trains) is reported apart: set
 *     against the CLI's CPU it tells the engine's speed in Chromium from time the worker sits idle.
 *
 * Figures: per epoch over all N epochs, and "steady" over epochs 2..N (without the first
 * epoch's warm-up). Prints one JSON line per measurement and a summary. Not for tests.
 */
import { spawn } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { openPreviewedApp, startPreview } from './benchPreview'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : fallback
}
const example = flag('example', 'fashion-784-100-10')
const projectPath = join(ROOT, 'resources/examples', `${example}.axon.json`)
const epochs = Number(flag('epochs', '40'))
const runs = Number(flag('runs', '1'))
const PORT = 4396
// As in playwright.config.ts.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const TICK = 100 // clock ticks per second (getconf CLK_TCK)

/** Wall-clock ms on the Unix epoch (comparable with the page's performance.timeOrigin + now). */
const now = (): number => performance.timeOrigin + performance.now()

/** pid → [ppid, comm, cpu seconds] of every process. */
function processTable(): Map<number, { ppid: number; comm: string; cpu: number }> {
  const table = new Map<number, { ppid: number; comm: string; cpu: number }>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const close = stat.lastIndexOf(')')
      const comm = stat.slice(stat.indexOf('(') + 1, close)
      const f = stat.slice(close + 2).split(' ')
      // Fields after comm: state ppid … utime(14) stime(15) → indices 11, 12 here.
      table.set(Number(name), { ppid: Number(f[1]), comm, cpu: (Number(f[11]) + Number(f[12])) / TICK })
    } catch {
      // The process ended meanwhile.
    }
  }
  return table
}

/** `root` and every process below it in `table`. */
function processTree(root: number, table: ReturnType<typeof processTable>): number[] {
  const found: number[] = []
  const todo = [root]
  while (todo.length > 0) {
    const pid = todo.pop()!
    if (found.includes(pid)) continue
    found.push(pid)
    for (const [child, c] of table) if (c.ppid === pid) todo.push(child)
  }
  return found
}

/** CPU seconds of the processes under `root` (itself included) that `keep` accepts. */
function treeCpu(root: number, keep: (comm: string) => boolean): number {
  const table = processTable()
  let total = 0
  for (const pid of processTree(root, table)) {
    const p = table.get(pid)
    if (p && keep(p.comm)) total += p.cpu
  }
  return total
}

/** CPU seconds of the threads named like `thread` in the processes under `root` named like `comm`. */
function threadCpu(root: number, comm: RegExp, thread: RegExp): number {
  const table = processTable()
  let total = 0
  for (const pid of processTree(root, table)) {
    if (!comm.test(table.get(pid)?.comm ?? '')) continue
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
        const close = stat.lastIndexOf(')')
        if (!thread.test(stat.slice(stat.indexOf('(') + 1, close))) continue
        const f = stat.slice(close + 2).split(' ')
        total += (Number(f[11]) + Number(f[12])) / TICK
      }
    } catch {
      // The process ended meanwhile.
    }
  }
  return total
}

/** Samples a CPU total every 20 ms; `at(t)` interpolates it at a wall-clock time. */
function cpuSampler(read: () => number): { stop: () => void; at: (t: number) => number } {
  const samples: [number, number][] = [[now(), read()]]
  const timer = setInterval(() => samples.push([now(), read()]), 20)
  return {
    stop: () => clearInterval(timer),
    at: (t) => {
      const i = samples.findIndex(([s]) => s >= t)
      if (i < 0) return samples[samples.length - 1][1]
      if (i === 0) return samples[0][1]
      const [t0, c0] = samples[i - 1]
      const [t1, c1] = samples[i]
      return c0 + ((c1 - c0) * (t - t0)) / Math.max(1e-9, t1 - t0)
    },
  }
}

interface Measured {
  /** Wall-clock ms at epoch 0 (start) and after each epoch 1..N. */
  times: number[]
  cpu: number[]
  /** App only: CPU of the dedicated Web Worker threads (where the engine trains). */
  workerCpu?: number[]
  fps?: number
  iterations: number
}

function summary(where: string, m: Measured): Record<string, number | string> {
  const n = m.times.length - 1
  const wall = (m.times[n] - m.times[0]) / 1000 / n
  const cpu = (m.cpu[n] - m.cpu[0]) / n
  const steadyWall = n > 1 ? (m.times[n] - m.times[1]) / 1000 / (n - 1) : wall
  const steadyCpu = n > 1 ? (m.cpu[n] - m.cpu[1]) / (n - 1) : cpu
  return {
    example,
    where,
    epochs: n,
    iterations: m.iterations,
    epochWallS: round(wall),
    epochCpuS: round(cpu),
    steadyEpochWallS: round(steadyWall),
    steadyEpochCpuS: round(steadyCpu),
    epochWallsS: m.times.slice(1).map((t, i) => round((t - m.times[i]) / 1000)).join(' '),
    ...(m.workerCpu ? { epochWorkerCpuS: round((m.workerCpu[n] - m.workerCpu[0]) / n) } : {}),
    ...(m.fps !== undefined ? { fps: Math.round(m.fps) } : {}),
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000

async function cli(): Promise<Measured> {
  const child = spawn(process.execPath, ['bin/axon.mjs', 'train', projectPath, '--epochs', String(epochs), '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const sampler = cpuSampler(() => treeCpu(child.pid!, () => true))
  const times: number[] = []
  let iterations = 0
  for await (const line of createInterface({ input: child.stdout })) {
    const t = now()
    const e = JSON.parse(line) as { event: string; iterations?: number }
    if (e.event === 'start' || e.event === 'epoch') times.push(t)
    if (e.event === 'epoch') iterations = e.iterations!
  }
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
  sampler.stop()
  return { times, cpu: times.map(sampler.at), iterations }
}

interface PageProbe {
  frames: number[]
  epochAt: number[]
  runningAt: number | null
  iteration: number
  timeOrigin: number
}

/** The in-page probe, as source text (tsx would otherwise inject helpers the page lacks). */
const PROBE = `(() => {
  const probe = { frames: [], epochAt: [], runningAt: null, iteration: 0, timeOrigin: performance.timeOrigin }
  window.__probe = probe
  const number = (id) => Number((document.querySelector('[data-testid="' + id + '"]')?.firstChild?.textContent ?? '').replace(/[^0-9]/g, ''))
  const frame = (t) => {
    probe.frames.push(t)
    const state = document.querySelector('[data-testid="train-state"]')?.getAttribute('data-state')
    if (state === 'running' && probe.runningAt === null) { probe.runningAt = t; probe.epochAt.push(t) }
    if (probe.runningAt !== null) {
      const epoch = number('counter-epoch')
      while (probe.epochAt.length <= epoch) probe.epochAt.push(t)
      probe.iteration = number('counter-iteration')
    }
    if (probe.epochAt.length <= ${epochs}) requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
})()`

async function inApp(): Promise<Measured> {
  const server = startPreview(ROOT, PORT)
  try {
    const browser = await chromium.launch({ executablePath: process.env.AXON_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await openPreviewedApp(page, PORT)
    await page.getByTestId('cmd-examples').click()
    await page.getByTestId(`example-${example}`).click()
    await page.locator('.react-flow__node[data-id="optimizer"] .layer-node-kind').click()
    await page.getByTestId('param-epochs').fill(String(epochs))
    await page.getByTestId('param-epochs').press('Enter')
    // Chromium's processes: this process's descendants named chrom… (not the preview server's node).
    const sampler = cpuSampler(() => treeCpu(process.pid, (comm) => /chrom/i.test(comm)))
    const workerSampler = cpuSampler(() => threadCpu(process.pid, /chrom/i, /^DedicatedWorker/))
    await page.evaluate(PROBE)
    await page.getByTestId('train-button').click()
    // (waitForFunction evaluates a string with eval, which the app's CSP forbids: poll instead.)
    while (((await page.evaluate('window.__probe.epochAt.length')) as number) <= epochs) await new Promise((r) => setTimeout(r, 100))
    sampler.stop()
    workerSampler.stop()
    const p = (await page.evaluate('window.__probe')) as PageProbe
    await browser.close()
    const times = p.epochAt.slice(0, epochs + 1).map((t) => p.timeOrigin + t)
    const t0 = p.epochAt[0]
    const t1 = p.epochAt[epochs]
    const frames = p.frames.filter((t) => t >= t0 && t <= t1).length
    return { times, cpu: times.map(sampler.at), workerCpu: times.map(workerSampler.at), fps: frames / ((t1 - t0) / 1000), iterations: p.iteration }
  } finally {
    server.stop()
  }
}

console.log(JSON.stringify({ loadavg: readFileSync('/proc/loadavg', 'utf8').trim(), epochs }))
const rows: Record<string, number | string>[][] = []
for (let r = 0; r < runs; r++) {
  const c = summary('cli', await cli())
  console.log(JSON.stringify(c))
  const a = summary('app', await inApp())
  console.log(JSON.stringify(a))
  rows.push([c, a])
}
console.log(JSON.stringify({ loadavg: readFileSync('/proc/loadavg', 'utf8').trim() }))
for (const [c, a] of rows) {
  const pct = (x: number | string, y: number | string) => `${((100 * Number(x)) / Number(y) - 100).toFixed(1)}%`
  console.log(
    `${example}, ${c.epochs} epochs: axon train ${c.epochWallS} s/epoch wall, ${c.epochCpuS} s CPU (steady ${c.steadyEpochWallS} / ${c.steadyEpochCpuS}) · ` +
      `app ${a.epochWallS} s/epoch wall, ${a.epochCpuS} s CPU (steady ${a.steadyEpochWallS} / ${a.steadyEpochCpuS}; worker threads ${a.epochWorkerCpuS}), ${a.fps} fps · ` +
      `app vs CLI wall ${pct(a.epochWallS, c.epochWallS)} (steady ${pct(a.steadyEpochWallS, c.steadyEpochWallS)})`,
  )
}
