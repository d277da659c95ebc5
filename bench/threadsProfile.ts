/**
 * Where a data-parallel epoch's wall time goes on a shared machine (issue 13): Task F with
 * `--threads N`, and per epoch the wall and CPU seconds, the test-set evaluation, the helper
 * shares the session computed itself (the helper had not started them), and for every busy
 * thread of this process its run time and its time waiting for a core (Linux
 * `/proc/self/task/<tid>/schedstat`: a thread that waits for a core is the load, not the engine).
 *
 *   tsx bench/threadsProfile.ts [--threads 2] [--epochs 3]
 */
import { readdirSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { createSession } from '../src/engine/train'
import { installWasmKernels } from '../src/engine/kernels/install'
import { startNodeGradientPool } from '../src/engine/host/node/gradientPool'
import { enableRelaxedSimd } from '../src/engine/host/node/relaxedSimd'
import { loadFashionMnist } from './fashion'
import { taskSpec } from './tasks'
import { parseFlags } from './util'

const flags = parseFlags(process.argv.slice(2), { threads: '2', epochs: '3' })
const threads = Number(flags.threads)
const epochs = Number(flags.epochs)

/** Nanoseconds each thread of this process has run and waited for a core, by thread id. */
function schedstat(): Map<string, [number, number]> {
  const times = new Map<string, [number, number]>()
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const [run, wait] = readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ').map(Number)
      times.set(tid, [run, wait])
    } catch {
      // the thread ended meanwhile
    }
  }
  return times
}

/** "tid run/waited ms" of the threads that ran more than 20 ms between two readings. */
function busyThreads(before: Map<string, [number, number]>, after: Map<string, [number, number]>): string {
  const busy: string[] = []
  for (const [tid, [run, wait]] of after) {
    const [run0, wait0] = before.get(tid) ?? [0, 0]
    if (run - run0 > 20e6) busy.push(`${tid} ${((run - run0) / 1e6).toFixed(0)}/${((wait - wait0) / 1e6).toFixed(0)}`)
  }
  return busy.join(', ')
}

enableRelaxedSimd()
installWasmKernels({ fma: true, threads })
if (threads > 1 && !(await startNodeGradientPool(threads))) console.error('no helper threads started: one thread')
const { train, test } = loadFashionMnist()
const session = createSession(taskSpec('F', 'float32', epochs, 1), train)
const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}
console.log(`Task F, ${threads} thread(s); per thread: ran / waited for a core (ms)`)
for (let e = 1; e <= epochs; e++) {
  const load = loadavg()[0].toFixed(1)
  const takenBefore = session.parallel.sharesTakenBack
  const s0 = schedstat()
  const t0 = performance.now()
  const c0 = cpu()
  session.runEpoch()
  const t1 = performance.now()
  const c1 = cpu()
  const s1 = schedstat()
  session.evaluate(test)
  const t2 = performance.now()
  const taken = session.parallel.sharesTakenBack - takenBefore
  console.log(
    `epoch ${e} (load ${load}): wall ${((t1 - t0) / 1000).toFixed(3)} s, cpu ${(c1 - c0).toFixed(3)} s, eval ${((t2 - t1) / 1000).toFixed(3)} s, ` +
      `shares taken back ${taken}; ${busyThreads(s0, s1)}`,
  )
}
process.exit(0)
