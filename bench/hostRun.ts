/**
 * The engine's run loop against the bare session (issue 13, app ÷ headless): the Fashion-MNIST
 * example trained N epochs (a) by `session.trainToEnd` and (b) through `createEngineApi` in this
 * process, as the app's engine worker runs it (slices, yields to the host, snapshots offered
 * and answered `--answer-ms` later, as the page's drawing budget answers them). Alternates (a) and (b) `--runs` times; prints wall and CPU seconds,
 * and the helper's sleeps per update (how often it had to be woken).
 *
 *   tsx bench/hostRun.ts [--threads 2] [--epochs 100] [--runs 2] [--only host|headless] [--answer-ms 100]
 */
import { readFileSync, readdirSync } from 'node:fs'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { createSession } from '../src/engine/train'
import { installWasmKernels } from '../src/engine/kernels/install'
import { startNodeGradientPool } from '../src/engine/host/node/gradientPool'
import { enableRelaxedSimd } from '../src/engine/host/node/relaxedSimd'
import { createEngineApi } from '../src/engine/host/api'
import { projectSession } from '../src/cli/commands'
import { parseFlags } from './util'

const flags = parseFlags(process.argv.slice(2), { threads: '2', epochs: '100', runs: '2', only: '', 'answer-ms': '100', example: 'fashion-784-100-10' })
const threads = Number(flags.threads)
const epochs = Number(flags.epochs)
const answerMs = Number(flags['answer-ms'])
const path = `resources/examples/${flags.example}.axon.json`

enableRelaxedSimd()
installWasmKernels({ fma: true, threads })
if (threads > 1 && !(await startNodeGradientPool(threads))) console.error('no helper threads started: one thread')
const { session: first, data } = projectSession(path, { epochs })
const spec = first.spec
const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

/** Voluntary context switches (sleeps) of every thread of this process. */
function sleeps(): number {
  let total = 0
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const m = /voluntary_ctxt_switches:\s+(\d+)/.exec(readFileSync(`/proc/self/task/${tid}/status`, 'utf8'))
      total += Number(m?.[1] ?? 0)
    } catch {
      // the thread ended meanwhile
    }
  }
  return total
}

async function measure(what: string, run: () => Promise<number>): Promise<void> {
  const load = loadavg()[0].toFixed(1)
  const t0 = performance.now()
  const c0 = cpu()
  const z0 = sleeps()
  const iterations = await run()
  const wall = (performance.now() - t0) / 1000
  console.log(`${what.padEnd(8)} wall ${wall.toFixed(2)} s, cpu ${(cpu() - c0).toFixed(2)} s, ${iterations} updates, ${(iterations / wall).toFixed(0)}/s, ${((sleeps() - z0) / iterations).toFixed(1)} sleeps/update (load ${load})`)
}

const headless = async (): Promise<number> => {
  const s = createSession(spec, data.train)
  s.trainToEnd()
  return s.iteration
}

/** Seconds `startRun` took in the last hosted run (session, first snapshot with every view). */
let setUp = 0
const hosted = async (): Promise<number> => {
  let done: (iterations: number) => void = () => undefined
  const finished = new Promise<number>((resolve) => (done = resolve))
  const api = createEngineApi({
    emit: async (event) => {
      if (event.kind === 'trainSnapshot' && (event.snapshot.state === 'finished' || event.snapshot.state === 'failed')) done(event.snapshot.iteration)
      // The page answers a running snapshot when its drawing budget allows (4–10 a second at
      // full speed), any other (the first, paused, finished) at once.
      if (event.kind === 'trainSnapshot' && event.snapshot.state === 'running') await new Promise((resolve) => setTimeout(resolve, answerMs))
      return { viewsDue: false }
    },
    yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)),
  })
  const t0 = performance.now()
  await api.startRun('bench', spec, { kind: 'dataset', train: data.train }, { autoStart: true, speed: 0 })
  setUp = (performance.now() - t0) / 1000
  const iterations = await finished
  await api.stop('bench')
  return iterations
}

console.log(`${flags.example}, ${epochs} epochs, ${threads} thread(s)`)
for (let r = 0; r < Number(flags.runs); r++) {
  if (flags.only !== 'host') await measure('headless', headless)
  if (flags.only !== 'headless') {
    await measure('host', hosted)
    console.log(`  (of which startRun ${setUp.toFixed(2)} s)`)
  }
}
process.exit(0)
