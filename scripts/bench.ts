/**
 * `npm run bench`: the engine's speed on real Fashion-MNIST, optionally beside the PyTorch and
 * NumPy peers of ../shared/bench/peers, in one run and one table.
 *
 *   npm run bench                       kernel GFLOP/s, then Task F (10 epochs) and Task N (30 epochs)
 *   npm run bench -- --quick            2 epochs per task
 *   npm run bench -- --peers            also PyTorch and NumPy (float32), with the same threads as the engine
 *   npm run bench -- --threads 1,2      engine (and peers) with 1 and with 2 threads (default 1); the
 *                                       two-thread comparison is wall-clock (CPU time adds up the threads)
 *   npm run bench -- --kernels fma,simd,ts   engine runs per gemm kernel (default: fma)
 *   npm run bench -- --tasks F          only Task F;  --epochs E  override epochs;  --max-s S  cap per run
 *   npm run bench -- --gemm-only        only the kernel micro-benchmark
 *   npm run bench -- --clock cpu        per-epoch CPU seconds of each process instead of wall
 *                                       seconds, engine and peers alike (steadier on a busy machine)
 *
 * Each training run is its own process (peak RSS is that run's alone) and prints a
 * `RESULT {json}` line in the peers' format; all of them go to bench/results/results[-quick].jsonl,
 * which ../shared/bench/peers/report.py tabulates. Runs are sequential: the machine is shared.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createWasmGemm } from '../src/engine/kernels/wasmGemm'
import { enableRelaxedSimd } from '../src/engine/host/node/relaxedSimd'
import { STEP_SHAPES, gemmGflops, referenceF32 } from '../bench/gemmBench'
import { TASKS, type TaskId } from '../bench/tasks'
import { parseFlags } from '../bench/util'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const PEERS = process.env.PEERS_DIR ?? resolve(ROOT, '../shared/bench/peers')
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3'

/**
 * The peers at their best: OpenBLAS picks its kernel from the CPU's model name, and this VM's
 * generic "Intel Xeon Processor" makes it fall back to Prescott (no AVX2/FMA, about 1.7× slower on
 * Task F). Where the CPU has AVX2 and FMA, name Haswell unless the caller chose a core type.
 */
function peerEnv(): Record<string, string> {
  if (process.env.OPENBLAS_CORETYPE || !existsSync('/proc/cpuinfo')) return {}
  const flagsLine = readFileSync('/proc/cpuinfo', 'utf8').match(/^flags\s*:(.*)$/m)?.[1] ?? ''
  const cpuFlags = new Set(flagsLine.trim().split(/\s+/))
  return cpuFlags.has('avx2') && cpuFlags.has('fma') ? { OPENBLAS_CORETYPE: 'Haswell' } : {}
}

const flags = parseFlags(process.argv.slice(2), {
  quick: '',
  peers: '',
  kernels: 'fma',
  threads: '1',
  tasks: 'F,N',
  epochs: '',
  'max-s': '',
  'gemm-only': '',
  'no-gemm': '',
  clock: 'wall',
})
const cpuClock = flags.clock === 'cpu'
const quick = flags.quick === '1'
const suffix = quick ? '-quick' : ''
const maxS = flags['max-s'] || (quick ? '60' : '300')
const tasks = flags.tasks.split(',').filter(Boolean) as TaskId[]
const threadCounts = flags.threads.split(',').filter(Boolean).map(Number)
if (threadCounts.some((t) => !Number.isSafeInteger(t) || t < 1)) throw new Error(`--threads takes whole numbers ≥ 1 (e.g. 1,2), got ${flags.threads}`)
const outDir = join(ROOT, 'bench', 'results')
mkdirSync(outDir, { recursive: true })
const jsonl = join(outDir, `results${suffix}.jsonl`)
writeFileSync(jsonl, '')

function epochsFor(task: TaskId): number {
  if (flags.epochs) return Number(flags.epochs)
  return quick ? 2 : TASKS[task].epochs
}

/** Run a command, streaming its stderr (progress) through; resolves with its exit code. */
function run(cmd: string, args: string[], cwd: string): Promise<number> {
  console.error(`\n$ ${[cmd, ...args].join(' ')}`)
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...peerEnv(), RESULTS_JSONL: jsonl }, stdio: ['ignore', 'pipe', 'inherit'] })
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) if (line && !line.startsWith('RESULT ')) console.error(line)
    })
    child.on('close', (code) => done(code ?? 1))
    child.on('error', (e) => {
      console.error(`cannot run ${cmd}: ${e.message}`)
      done(1)
    })
  })
}

function gemmTable(): void {
  enableRelaxedSimd()
  const fma = createWasmGemm({ fma: true, arenaBytes: 16 << 20, scratchBytes: 1 << 20 })
  const simd = createWasmGemm({ fma: false, arenaBytes: 16 << 20, scratchBytes: 1 << 20 })
  const plain = (n: number) => new Float32Array(n)
  const rounds = quick ? 10 : 30
  console.log('\n### float32 GEMM, one thread, GFLOP/s (best of short windows of CPU time)\n')
  console.log(`| product | wasm ${fma?.stats().variant === 'relaxed' ? 'relaxed-simd (fma)' : '(no relaxed simd)'} | wasm simd | TypeScript reference |`)
  console.log('|---|---|---|---|')
  for (const shape of STEP_SHAPES) {
    const f = fma ? gemmGflops(fma.gemm, fma.alloc, shape, rounds).toFixed(1) : '-'
    const s = simd ? gemmGflops(simd.gemm, simd.alloc, shape, rounds).toFixed(1) : '-'
    const r = gemmGflops(referenceF32, plain, shape, 3, 100).toFixed(2)
    console.log(`| ${shape.name} | ${f} | ${s} | ${r} |`)
  }
}

interface Result {
  peer: string
  task: TaskId
  variant: string
  threads: number
  epochs_done: number
  epoch_s_median_excl_first: number | null
  eval_s_median: number | null
  final_acc: number | null
  peak_rss_mb: number
  capped: boolean
}

function resultTable(): void {
  const rows = readFileSync(jsonl, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Result)
  for (const task of tasks) {
    const rs = rows.filter((r) => r.task === task)
    if (rs.length === 0) continue
    // Each runner is compared with NumPy at the same thread count (the targets are ÷ NumPy).
    const numpyAt = (threads: number) => rs.find((r) => r.peer.startsWith('numpy') && r.threads === threads)?.epoch_s_median_excl_first ?? null
    const t = TASKS[task]
    const clock = cpuClock ? 'CPU s' : 's'
    console.log(`\n### Task ${task} (784-${t.hidden}-10 ${t.act}, batch ${t.batch}, η = ${t.lr}), ${epochsFor(task)} epochs\n`)
    console.log(`| runner | variant | threads | ${clock}/epoch (median, excl. 1st) | ÷ NumPy (same threads) | eval ${clock} | test acc % (last epoch) | epochs | peak RSS MiB |`)
    console.log('|---|---|---|---|---|---|---|---|---|')
    for (const r of [...rs].sort((a, b) => a.threads - b.threads)) {
      const s = r.epoch_s_median_excl_first
      const numpy = numpyAt(r.threads)
      const ratio = s !== null && numpy ? (s / numpy).toFixed(2) : '-'
      console.log(
        `| ${r.peer} | ${r.variant} | ${r.threads} | ${s?.toFixed(3) ?? '-'} | ${ratio} | ${r.eval_s_median?.toFixed(3) ?? '-'} | ` +
          `${r.final_acc !== null ? (100 * r.final_acc).toFixed(2) : '-'} | ${r.epochs_done}${r.capped ? ' (capped)' : ''} | ${r.peak_rss_mb.toFixed(0)} |`,
      )
    }
  }
  if (flags.peers === '1') {
    console.log('\nTest accuracy: each runner from its own start (the peers draw their own weights and order; Task N is')
    console.log('chaotic, so one start can differ by points). Like for like, over several seeds: npx tsx bench/parity.ts')
  }
  console.log(`\nRESULT lines: ${jsonl}`)
}

if (flags['no-gemm'] !== '1') gemmTable()
if (flags['gemm-only'] !== '1') {
  for (const task of tasks) {
    const epochs = String(epochsFor(task))
    for (const threads of threadCounts) {
      for (const kernel of flags.kernels.split(',').filter(Boolean)) {
        const args = ['--import', 'tsx', 'bench/runTask.ts', '--task', task, '--epochs', epochs, '--kernel', kernel, '--threads', String(threads), '--max-s', maxS, '--clock', flags.clock]
        await run(process.execPath, args, ROOT)
      }
      if (flags.peers === '1') await runPeers(task, epochs, threads)
    }
  }
  resultTable()
}

/** PyTorch and NumPy (float32) on one task with `threads` threads. */
async function runPeers(task: TaskId, epochs: string, threads: number): Promise<void> {
  const py = join(PEERS, 'py')
  if (!existsSync(py)) {
    console.error(`peers not found at ${PEERS} (set PEERS_DIR)`)
    return
  }
  const common = ['--threads', String(threads), '--epochs', epochs, '--max-s', maxS, ...(cpuClock ? ['--tag', 'cpu-time'] : [])]
  const f = task === 'F' ? ['--act', 'relu', '--lr', String(TASKS.F.lr)] : []
  // With --clock cpu the peer runs under bench/cpuclock.py (perf_counter → process_time).
  const shim = cpuClock ? [join(ROOT, 'bench', 'cpuclock.py')] : []
  await run(PYTHON, [...shim, 'peer_torch.py', '--task', task, ...f, ...common], py)
  await run(PYTHON, [...shim, 'peer_numpy.py', '--task', task, ...f, '--mode', 'batch', '--dtype', 'f32', ...common], py)
}
