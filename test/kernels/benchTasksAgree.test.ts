// Every float32 kernel the app uses (relaxed SIMD `fma`, plain `simd`, the TypeScript `ts`)
// trains the benchmark's networks (bench/tasks.ts: Task N, Nielsen's 784-30-10 sigmoid, and
// Task F, 784-100-10 ReLU/softmax) on the shipped Fashion-MNIST sample like the exact float64
// run from the same start: apart only by float32 rounding. The runs are chaotic beyond a few
// hundred updates (rounding differences grow until accuracies differ by points; see
// bench/README.md, "Accuracy parity"), so this checks the updates before that.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { idxToDataset, parseIdx } from '../../src/engine/data'
import { installWasmKernels, uninstallWasmKernels, wasmKernelStats } from '../../src/engine/kernels/install'
import { createSession } from '../../src/engine/train'
import type { Dataset, Precision } from '../../src/engine/spec'
import { taskSpec, type TaskId } from '../../bench/tasks'

const SAMPLE = join(import.meta.dirname, '../../resources/data/fashion-sample')
const read = (name: string) => parseIdx(readFileSync(join(SAMPLE, name)), { name, inflate: (gz) => gunzipSync(gz) })
const sample: Dataset = idxToDataset(read('train-images-idx3-ubyte.gz'), read('train-labels-idx1-ubyte.gz'))

type Kernel = 'fma' | 'simd' | 'ts'

/** Parameters after `updates` updates of `task` from seed 1's start, with `kernel` installed. */
function train(task: TaskId, precision: Precision, kernel: Kernel, updates: number): Float64Array {
  uninstallWasmKernels()
  if (kernel !== 'ts') {
    expect(installWasmKernels({ fma: kernel === 'fma', arenaBytes: 16 << 20, scratchBytes: 8 << 20 })).toBe(true)
    expect(wasmKernelStats()!.variant).toBe(kernel === 'fma' ? 'relaxed' : 'simd')
  }
  const session = createSession(taskSpec(task, precision, 100, 1), sample)
  while (session.iteration < updates) session.trainSteps(updates - session.iteration)
  return session.getFlatParams()
}

/** ‖a − b‖ / ‖b‖ over all parameters. */
function relativeDistance(a: Float64Array, b: Float64Array): number {
  let num = 0
  let den = 0
  for (let i = 0; i < b.length; i++) {
    num += (a[i] - b[i]) ** 2
    den += b[i] ** 2
  }
  return Math.sqrt(num / den)
}

describe('the benchmark tasks on every float32 kernel against float64, from one start', () => {
  afterEach(() => uninstallWasmKernels())

  // Measured (2026-11-30): ‖Δ‖/‖w‖ 4–5e-7 for Task N after 300 updates, 6–9e-7 for Task F after 20
  // (its zero-skipping products included); float32's own rounding of the start is ~3e-8. A kernel
  // that mis-adds one term per product lands far above the bound.
  for (const [task, updates, bound] of [
    ['N', 300, 5e-6],
    ['F', 20, 1e-5],
  ] as const) {
    it(`Task ${task}, ${updates} updates: fma, simd and ts each within ${bound} of float64 (relative)${task === 'F' ? ', zero skipping offered' : ''}`, () => {
      const exact = train(task, 'float64', 'ts', updates)
      for (const kernel of ['fma', 'simd', 'ts'] as const) {
        const distance = relativeDistance(train(task, 'float32', kernel, updates), exact)
        expect(distance, kernel).toBeLessThan(bound)
        expect(distance, `${kernel}: float32 cannot equal float64`).toBeGreaterThan(0)
        if (task === 'F' && kernel !== 'ts') expect(wasmKernelStats()!.sparseOffered).toBeGreaterThan(0)
      }
      // Two TypeScript-kernel runs of Task F take ~20 s on a busy 2-core machine: room for a slower one.
    }, 240_000)
  }
})
