/**
 * Accuracy parity with the peers, like for like: for each task and seed, the engine trains with
 * every kernel the app uses (`bench/runTask.ts --save`), and PyTorch and NumPy train the same
 * network from the engine's own start (its initial weights and data order, `bench/parity.py`).
 * Prints test accuracy after the last epoch per seed, then per runner the mean ± standard
 * deviation over seeds and the paired difference from each peer on the same starts.
 *
 *   npx tsx bench/parity.ts [--tasks F,N] [--seeds 1,2,3,4,5] [--epochs 5]
 *                           [--runners fma,simd,ts,fma-2t,simd-2t,torch,numpy]
 *
 * Why: Task N (η = 3, N(0, 1) weights) is chaotic: rounding differences of 1e-16 grow to 1e-7
 * within 1,000 updates and to different accuracies within an epoch, whatever the implementation
 * (float64 PyTorch and NumPy differ from each other as much). One run per runner from its own
 * random start ranks starts, not kernels; many paired starts rank the kernels.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tmpdir } from 'node:os'
import { parseFlags } from './util'
import type { TaskId } from './tasks'

const flags = parseFlags(process.argv.slice(2), { tasks: 'F,N', seeds: '1,2,3,4,5', epochs: '5', runners: 'fma,simd,ts,fma-2t,simd-2t,torch,numpy', dir: join(tmpdir(), 'axon-parity') })
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3'
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const tasks = flags.tasks.split(',') as TaskId[]
const seeds = flags.seeds.split(',').map(Number)
const runners = flags.runners.split(',')
/** Peers train from the engine's start: PyTorch and NumPy in float32, `-f64` in float64 (how far rounding alone moves a run). */
const PEERS = new Set(['torch', 'numpy', 'torch-f64', 'numpy-f64'])

/** Run a command; resolve with its stdout (stderr, the progress, passes through). */
function run(cmd: string, args: string[]): Promise<string> {
  console.error(`$ ${[cmd, ...args].join(' ')}`)
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))))
  })
}

/** The runner's test accuracy after each epoch, training from `start`'s initial weights and order. */
async function accuracies(task: TaskId, seed: number, runner: string, start: string): Promise<number[]> {
  if (PEERS.has(runner)) {
    const [impl, dtype] = runner.split('-')
    const out = await run(PYTHON, ['bench/parity.py', start, '--impl', impl, '--dtype', dtype ?? 'f32', '--epochs', flags.epochs])
    return JSON.parse(out.split('\n').find((l) => l.startsWith('PARITY '))!.slice(7)).acc
  }
  const [kernel, threads] = runner.endsWith('-2t') ? [runner.slice(0, -3), '2'] : [runner, '1']
  const save = join(flags.dir, `${task}${seed}-${runner}`)
  const args = ['--import', 'tsx', 'bench/runTask.ts', '--task', task, '--seed', String(seed), '--epochs', flags.epochs, '--kernel', kernel, '--threads', threads, '--save', save, '--max-s', '1e9']
  const out = await run(process.execPath, args)
  if (save !== start && !sameStart(save, start)) throw new Error(`${runner} started from other weights or another order than ${start}`)
  return JSON.parse(out.split('\n').find((l) => l.startsWith('RESULT '))!.slice(7)).acc
}

function sameStart(a: string, b: string): boolean {
  return ['init.f64', 'order.i32'].every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))))
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
const sd = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / Math.max(1, xs.length - 1))
const pct = (x: number) => (100 * x).toFixed(2)
const pm = (xs: number[]) => `${pct(mean(xs))} ± ${pct(sd(xs))}`

mkdirSync(flags.dir, { recursive: true })
for (const task of tasks) {
  const final = new Map<string, number[]>(runners.map((r) => [r, []]))
  for (const seed of seeds) {
    // The first engine runner saves the start the others (and the peers) must share.
    const first = runners.find((r) => !PEERS.has(r)) ?? 'fma'
    const start = join(flags.dir, `${task}${seed}-${first}`)
    for (const runner of [first, ...runners.filter((r) => r !== first)]) {
      const acc = await accuracies(task, seed, runner, start)
      final.get(runner)?.push(acc[acc.length - 1])
    }
  }
  console.log(`\n### Task ${task}: test accuracy % after ${flags.epochs} epochs, same start per seed (seeds ${seeds.join(', ')})\n`)
  const peers = runners.filter((r) => r === 'torch' || r === 'numpy')
  console.log(`| runner | ${seeds.map((s) => `seed ${s}`).join(' | ')} | mean ± sd | ${peers.map((p) => `− ${p} (paired)`).join(' | ')} |`)
  console.log(`|---|${seeds.map(() => '---|').join('')}---|${peers.map(() => '---|').join('')}`)
  for (const r of runners) {
    const xs = final.get(r)!
    const diffs = peers.map((p) => pm(xs.map((x, i) => x - final.get(p)![i])))
    console.log(`| ${r} | ${xs.map(pct).join(' | ')} | ${pm(xs)} | ${diffs.join(' | ')} |`)
  }
}
