/**
 * One engine benchmark run in its own process (so peak RSS is this run's alone), in the format
 * of the peers in ../shared/bench/peers: per-epoch training seconds, test accuracy after each
 * epoch, evaluation seconds, peak RSS, then one `RESULT {json}` line (also appended to
 * $RESULTS_JSONL when set, so ../shared/bench/peers/report.py can tabulate it).
 *
 *   tsx bench/runTask.ts --task F|N [--epochs E] [--precision float32|float64] [--threads N]
 *                        [--kernel fma|simd|ts] [--clock wall|cpu] [--max-s S] [--seed S] [--tag T]
 *                        [--save DIR]
 *
 * --kernel fma (default, as every host installs it): the relaxed-SIMD build with fused
 * multiply-add (Chromium, Electron and Node ≥ 22 run it without flags; on Node 20 this script
 * sets V8's flag for it, as the CLI does); simd: the plain WebAssembly SIMD build;
 * ts: the pure TypeScript `gemmReference`.
 * --threads N splits each mini-batch over N threads (the engine's data-parallel helpers, as
 * `axon train --threads N`); the run reports the threads it really used.
 * --clock cpu reports this process's CPU seconds (all its threads) instead of wall seconds (both are recorded):
 * on a machine shared with other work, CPU time is the steadier measure.
 * --save DIR writes the run's initial weights, data order and accuracies (bench/runRecord.ts) for
 * bench/parity.py, which trains PyTorch or NumPy from the same start.
 */
import { appendFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { createSession } from '../src/engine/train'
import { installWasmKernels, wasmKernelStats } from '../src/engine/kernels/install'
import { startNodeGradientPool } from '../src/engine/host/node/gradientPool'
import { enableRelaxedSimd } from '../src/engine/host/node/relaxedSimd'
import { ENGINE_VERSION } from '../src/engine/version'
import type { Precision } from '../src/engine/spec'
import { loadFashionMnist } from './fashion'
import { TASKS, taskSpec, type TaskId } from './tasks'
import { median, parseFlags } from './util'
import { startRunRecord } from './runRecord'

const flags = parseFlags(process.argv.slice(2), { task: 'F', epochs: '', precision: 'float32', kernel: 'fma', threads: '1', clock: 'wall', 'max-s': '600', seed: '1', tag: '', save: '' })
const task = flags.task as TaskId
if (!(task in TASKS)) throw new Error(`--task must be F or N, got ${flags.task}`)
const info = TASKS[task]
const epochs = flags.epochs ? Number(flags.epochs) : info.epochs
const precision = flags.precision as Precision
const maxS = Number(flags['max-s'])
const threads = Number(flags.threads)
if (!Number.isSafeInteger(threads) || threads < 1) throw new Error(`--threads must be a whole number ≥ 1, got ${flags.threads}`)
enableRelaxedSimd()
const useWasm = flags.kernel !== 'ts' && installWasmKernels({ fma: flags.kernel === 'fma', threads })
if (useWasm && threads > 1 && !(await startNodeGradientPool(threads))) console.error('no helper threads started: running on one thread')
if (flags.kernel !== 'ts' && !useWasm) console.error('WebAssembly SIMD unavailable: running the TypeScript kernel')
const kernelName = useWasm ? `wasm ${wasmKernelStats()?.variant === 'relaxed' ? 'relaxed-simd (fma)' : 'simd'}` : 'typescript'

const t0 = performance.now()
const { train, test } = loadFashionMnist()
const loadS = (performance.now() - t0) / 1000

const session = createSession(taskSpec(task, precision, epochs, Number(flags.seed)), train)
const label = `axon task${task} ${precision} ${kernelName} ${threads}t`
const record = flags.save ? startRunRecord(flags.save, session, info, Number(flags.seed)) : null
const cpuS = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}
const useCpu = flags.clock === 'cpu'
const epochWall: number[] = []
const epochCpu: number[] = []
const evalS: number[] = []
const acc: number[] = []
let total = 0
for (let e = 0; e < epochs; e++) {
  const a = performance.now()
  const ca = cpuS()
  const m = session.runEpoch()
  const b = performance.now()
  const cb = cpuS()
  if (!m) throw new Error(`training stopped: ${session.error?.message ?? session.stopped}`)
  const ev = session.evaluate(test)
  const c = performance.now()
  const cc = cpuS()
  record?.epochDone(session)
  epochWall.push((b - a) / 1000)
  epochCpu.push(cb - ca)
  evalS.push(useCpu ? cc - cb : (c - b) / 1000)
  acc.push(ev.accuracy ?? 0)
  total += (c - a) / 1000
  console.error(`[${label}] epoch ${e + 1}: train ${((b - a) / 1000).toFixed(3)}s (cpu ${(cb - ca).toFixed(3)}s) eval ${((c - b) / 1000).toFixed(3)}s acc ${acc[e].toFixed(4)} loss ${m.loss.toFixed(4)}`)
  if (total > maxS && e + 1 < epochs) break
}

record?.finish(label, acc)
const epochS = useCpu ? epochCpu : epochWall
const accAt: Record<string, number> = {}
for (const k of [1, 5, 10, 30]) if (acc.length >= k) accAt[String(k)] = acc[k - 1]
const result = {
  peer: `axon-engine-${ENGINE_VERSION}`,
  impl: 'axon',
  task,
  variant: `${info.act}, ${session.parallel.threads} thread${session.parallel.threads > 1 ? 's' : ''}, ${precision}, ${kernelName} gemm`,
  act: info.act,
  threads: session.parallel.threads,
  /** Helper shares the session's thread computed itself because the helper had not started them (a busy machine). */
  shares_taken_back: session.parallel.sharesTakenBack,
  lr: info.lr,
  batch: info.batch,
  hidden: info.hidden,
  load_s: Number(loadS.toFixed(3)),
  tag: [flags.tag, useCpu ? 'cpu-time' : ''].filter(Boolean).join(' '),
  epochs_requested: epochs,
  epochs_done: epochS.length,
  capped: epochS.length < epochs,
  epoch_s: epochS.map((x) => Number(x.toFixed(4))),
  epoch_s_median_excl_first: median(epochS.length > 1 ? epochS.slice(1) : epochS),
  eval_s_median: median(evalS),
  acc: acc.map((x) => Number(x.toFixed(4))),
  acc_at: accAt,
  final_acc: acc[acc.length - 1] ?? null,
  peak_rss_mb: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
  clock: useCpu ? 'cpu' : 'wall',
  epoch_wall_s: epochWall.map((x) => Number(x.toFixed(4))),
  epoch_cpu_s: epochCpu.map((x) => Number(x.toFixed(4))),
  kernel_stats: wasmKernelStats(),
}
const line = JSON.stringify(result)
console.log(`RESULT ${line}`)
if (process.env.RESULTS_JSONL) appendFileSync(process.env.RESULTS_JSONL, line + '\n')
