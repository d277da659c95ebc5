// The WebAssembly kernels inside real training: a float32 session with them installed trains
// like one on the TypeScript kernel (to float32 rounding), and repeats bit for bit.
import { afterEach, describe, expect, it } from 'vitest'
import { installWasmKernels, uninstallWasmKernels, wasmKernelStats } from '../../src/engine/kernels/install'
import { createSession, dense, engineSpec } from '../../src/engine/train'
import type { Dataset, EngineSpec } from '../../src/engine/spec'

/** 200 rows of 37 byte "pixels" in 3 classes (class = which third of the row is brightest). */
function byteDataset(): Dataset {
  const count = 200
  const inputSize = 37
  const inputs = new Uint8Array(count * inputSize)
  const labels = new Uint8Array(count)
  let s = 12345
  for (let i = 0; i < count; i++) {
    labels[i] = i % 3
    for (let k = 0; k < inputSize; k++) {
      s = (s * 1103515245 + 12345) >>> 0
      const bright = Math.floor((k * 3) / inputSize) === labels[i]
      inputs[i * inputSize + k] = (s >>> 24) % (bright ? 256 : 96)
    }
  }
  return { count, inputSize, inputs, inputScale: 1 / 255, targetSize: 3, labels }
}

function spec(): EngineSpec {
  return engineSpec(
    {
      inputSize: 37,
      layers: [dense('h', 13, 'relu', { weightInit: { id: 'heNormal' } }), dense('out', 3, 'softmax')],
      loss: { id: 'softmaxCrossEntropy', reduction: 'mean' },
      precision: 'float32',
    },
    {
      seed: 4,
      optimizer: { id: 'sgd', learningRate: 0.5 },
      training: { batch: { mode: 'mini', size: 16 }, maxEpochs: 5, shuffle: true, validationFraction: 0 },
    },
  )
}

function train(): Float64Array {
  const session = createSession(spec(), byteDataset())
  session.trainToEnd()
  return session.getFlatParams()
}

describe('float32 training with the WebAssembly kernels', () => {
  afterEach(() => uninstallWasmKernels())

  it('matches the TypeScript kernels to float32 rounding and repeats bit for bit', () => {
    const plain = train()
    expect(installWasmKernels({ fma: false, arenaBytes: 1 << 20, scratchBytes: 1 << 20 })).toBe(true)
    const wasm = train()
    const again = train()
    expect(again).toEqual(wasm)
    const stats = wasmKernelStats()!
    expect(stats.zeroCopyCalls).toBeGreaterThan(0)
    expect(stats.referenceCalls).toBe(0)
    let maxDiff = 0
    let maxAbs = 0
    for (let i = 0; i < plain.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(plain[i] - wasm[i]))
      maxAbs = Math.max(maxAbs, Math.abs(plain[i]))
    }
    // 5 epochs × 13 updates of float32 sums in another order: measured 1.2e-7 (one ulp or so).
    expect(maxDiff).toBeLessThan(1e-5 * maxAbs)
  })
})
