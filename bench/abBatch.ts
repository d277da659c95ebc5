/**
 * Two builds of the engine in one process, Task N or F batches alternated: the way to tell a
 * change of a few per cent on this shared machine, where runs minutes apart differ by 20–30 %.
 * Each tree (a checkout: e.g. a copy of main in /tmp and this one) is imported from its own path,
 * so each has its own modules, kernels and session; windows of CPU time alternate between them
 * and the paired ratios cancel whatever the machine did meanwhile.
 *
 *   npx tsx bench/abBatch.ts --old /tmp/main-copy [--new .] [--task N|F] [--kernel fma|simd] [--rounds 30] [--window-ms 15]
 *
 * Prints each tree's best and median CPU µs per batch and the median of new ÷ old over the rounds.
 */
import { resolve } from 'node:path'
import type { Session } from '../src/engine/train'
import { cpuMicros, median, parseFlags } from './util'

const flags = parseFlags(process.argv.slice(2), { old: '', new: '.', task: 'N', kernel: 'fma', rounds: '30', 'window-ms': '15' })
if (!flags.old) throw new Error('--old DIR: the tree to compare against (a checkout with node_modules reachable)')

/** A Task session from the tree at `root`, on its own kernels, after 3,000 batches of warm-up. */
async function sessionOf(root: string): Promise<Session> {
  const dir = resolve(root)
  const { createSession } = (await import(`${dir}/src/engine/train/index.ts`)) as typeof import('../src/engine/train')
  const { installWasmKernels } = (await import(`${dir}/src/engine/kernels/install.ts`)) as typeof import('../src/engine/kernels/install')
  const { enableRelaxedSimd } = (await import(`${dir}/src/engine/host/node/relaxedSimd.ts`)) as typeof import('../src/engine/host/node/relaxedSimd')
  const { loadFashionMnist } = (await import(`${dir}/bench/fashion.ts`)) as typeof import('./fashion')
  const { taskSpec } = (await import(`${dir}/bench/tasks.ts`)) as typeof import('./tasks')
  enableRelaxedSimd()
  if (!installWasmKernels({ fma: flags.kernel === 'fma', threads: 1 })) throw new Error(`${dir}: no WebAssembly kernel`)
  const session = createSession(taskSpec(flags.task === 'F' ? 'F' : 'N', 'float32', 1_000_000, 1), loadFashionMnist().train)
  for (let i = 0; i < 3000; i++) session.step('batch')
  return session
}

/** CPU µs per batch over one window of at least `window-ms` of this process's CPU time. */
function window(session: Session): number {
  const t0 = cpuMicros()
  let batches = 0
  do {
    session.step('batch')
    batches++
  } while (cpuMicros() - t0 < Number(flags['window-ms']) * 1000)
  return (cpuMicros() - t0) / batches
}

const before = await sessionOf(flags.old)
const after = await sessionOf(flags.new)
const old: number[] = []
const now: number[] = []
const ratio: number[] = []
for (let r = 0; r < Number(flags.rounds); r++) {
  old.push(window(before))
  now.push(window(after))
  ratio.push(now[r] / old[r])
}
const fmt = (xs: number[]) => `best ${Math.min(...xs).toFixed(2)} median ${median(xs)?.toFixed(2)}`
console.log(`Task ${flags.task}, ${flags.kernel}, CPU µs per batch: old ${fmt(old)} | new ${fmt(now)} | new ÷ old, paired median ${median(ratio)?.toFixed(3)} (${ratio.filter((x) => x < 1).length} of ${ratio.length} windows faster)`)
