/**
 * Sweep points at once or one after another (issue 13): the engine in a worker_threads host,
 * as the CLI and the desktop app run it, trains `--points` sweep points (`trainSweepPoint`, each
 * an engine of its own on one runner thread) with the threads setting at 2 (two points at once)
 * and at 1 (one after another), alternated `--rounds` times. Prints wall seconds per round and
 * the load average beside each.
 *
 *   tsx bench/sweeps.ts [--points 2] [--epochs 2] [--rows 20000] [--rounds 3]
 *
 * The points are Task F's network (784-100-10 ReLU, softmax-CE, mini-batch 300, float32) on the
 * first `--rows` Fashion-MNIST training images with different η, tested on the 10,000 test images.
 */
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { performance } from 'node:perf_hooks'
import { dense, engineSpec } from '../src/engine/train'
import { FASHION_MNIST_LABELS } from '../src/engine/data'
import { startEngineWorker } from '../src/engine/host/node/startEngineWorker'
import { FMNIST_DIR } from './fashion'
import { parseFlags } from './util'

const flags = parseFlags(process.argv.slice(2), { points: '2', epochs: '2', rows: '20000', rounds: '3' })
const points = Number(flags.points)
const epochs = Number(flags.epochs)
const rounds = Number(flags.rounds)

const spec = (learningRate: number) =>
  engineSpec(
    { inputSize: 784, layers: [dense('h', 100, 'relu', { weightInit: { id: 'heNormal' } }), dense('o', 10, 'softmax')], loss: { id: 'softmaxCrossEntropy', reduction: 'mean' }, precision: 'float32' },
    { seed: 1, optimizer: { id: 'sgd', learningRate }, training: { batch: { mode: 'mini', size: 300 }, maxEpochs: epochs, shuffle: true, validationFraction: 0 } },
  )

const host = startEngineWorker(() => undefined, 2)
const read = (name: string) => new Uint8Array(gunzipSync(readFileSync(join(FMNIST_DIR, name))))
const data = {
  kind: 'idx' as const,
  trainImages: read('train-images-idx3-ubyte.gz'),
  trainLabels: read('train-labels-idx1-ubyte.gz'),
  testImages: read('t10k-images-idx3-ubyte.gz'),
  testLabels: read('t10k-labels-idx1-ubyte.gz'),
  labelNames: [...FASHION_MNIST_LABELS],
  limit: Number(flags.rows),
}
const rates = Array.from({ length: points }, (_, i) => 0.1 * (i + 1))

/** Train every point with `threads` as the setting (2: at once; 1: one after another); wall seconds. */
async function sweep(threads: number, round: number): Promise<number> {
  await host.engine.setThreads(threads)
  const t0 = performance.now()
  await Promise.all(rates.map((eta, i) => host.engine.trainSweepPoint(`r${round}-t${threads}-${i}`, spec(eta), data)))
  return (performance.now() - t0) / 1000
}

await sweep(2, -1) // warm-up: runner threads started, kernels compiled
for (let round = 0; round < rounds; round++) {
  for (const threads of round % 2 ? [1, 2] : [2, 1]) {
    const load = loadavg()[0].toFixed(1)
    const s = await sweep(threads, round)
    console.log(`${points} points × ${epochs} epochs, ${threads === 2 ? 'two at once    ' : 'one after other'}: ${s.toFixed(2)} s (load ${load})`)
  }
}
await host.close()
