// A batch's first chunk writes the gradients instead of zeroing them and adding (issue 13, Task N's
// batch of 10: the zeroing pass was ~1 µs of ~50). These check it gives the bits of zeroing and
// adding, on every kernel the app runs (fma, simd) and the TypeScript one, float32 and float64.
import { afterEach, describe, expect, it } from 'vitest'
import { installWasmKernels, uninstallWasmKernels } from '../../src/engine/kernels/install'
import { createNetwork, networkBackward, networkForward, networkLossAndDelta, networkZeroGrad, type Network } from '../../src/engine/nn/network'
import { createRng } from '../../src/engine/rng'
import { datasetReadBatch } from '../../src/engine/train/batchRows'
import { createSession, dense, engineSpec } from '../../src/engine/train'
import type { BatchNormLayerSpec, Dataset, EngineSpec, ModelSpec, Precision } from '../../src/engine/spec'

/** 120 rows of 40 byte "pixels" (about a third of them 0, as in images) in 4 classes. */
function byteDataset(): Dataset {
  const inputs = Uint8Array.from({ length: 120 * 40 }, (_, i) => ((i * 2654435761) >>> 29) < 3 ? 0 : (i * 97 + 13) % 256)
  const labels = Uint8Array.from({ length: 120 }, (_, i) => i % 4)
  return { count: 120, inputSize: 40, inputs, inputScale: 1 / 255, targetSize: 4, labels }
}

const bn: BatchNormLayerSpec = { kind: 'batchNorm', nodeId: 'bn', momentum: 0.1, epsilon: 1e-5 }
const nielsen = { weightInit: { id: 'standardNormal' as const }, biasInit: { id: 'standardNormal' as const } }

/** Task N's shape in small (sigmoid, ½SSE) and one with batch normalisation, whose backward adds. */
const MODELS: Record<string, (precision: Precision) => ModelSpec> = {
  'sigmoid 40-30-4, mse': (precision) => ({
    inputSize: 40,
    layers: [dense('h', 30, 'sigmoid', nielsen), dense('out', 4, 'sigmoid', nielsen)],
    loss: { id: 'mse', reduction: 'mean' },
    precision,
  }),
  'dense → batchNorm → softmax': (precision) => ({
    inputSize: 40,
    layers: [dense('h', 12, 'relu', { weightInit: { id: 'heNormal' } }), bn, dense('out', 4, 'softmax')],
    loss: { id: 'softmaxCrossEntropy', reduction: 'mean' },
    precision,
  }),
}

const KERNELS = ['fma', 'simd', 'ts'] as const

function install(kernel: (typeof KERNELS)[number]): void {
  uninstallWasmKernels()
  if (kernel !== 'ts') expect(installWasmKernels({ fma: kernel === 'fma', arenaBytes: 1 << 22, scratchBytes: 1 << 20 })).toBe(true)
}

/** The bits of every element (two words for a float64). */
const bits = (x: Float32Array | Float64Array) => Array.from(new Uint32Array(x.buffer, x.byteOffset, x.length * (x.BYTES_PER_ELEMENT / 4)))

/** Forward and loss over rows [r0, r0 + rows) of the batch in `nw`'s X and T. */
function forward(nw: Network, r0: number, rows: number): void {
  networkForward(nw, r0, rows, null)
  networkLossAndDelta(nw, r0, rows)
}

describe('a batch’s first chunk writes the gradients', () => {
  afterEach(() => uninstallWasmKernels())

  for (const kernel of KERNELS) {
    for (const precision of ['float32', 'float64'] as const) {
      if (kernel !== 'ts' && precision === 'float64') continue
      for (const [name, model] of Object.entries(MODELS)) {
        it(`${kernel} ${precision}, ${name}: networkBackward(write) over stale gradients gives the bits of zeroing and adding, then adds`, () => {
          install(kernel)
          const ds = byteDataset()
          const nw = createNetwork(model(precision), 10, createRng(3))
          datasetReadBatch(ds, Int32Array.from({ length: 10 }, (_, i) => i * 7), 0, 10, nw.X, nw.T)
          // Zero then add, the first chunk of 6 rows and the second of 4 (what the session did).
          forward(nw, 0, 6)
          networkZeroGrad(nw)
          networkBackward(nw, 0, 6, 0.1)
          forward(nw, 6, 4)
          networkBackward(nw, 6, 4, 0.1)
          const expected = bits(nw.grads)
          // Stale values (NaN included) where the last batch's gradients were, then write and add.
          nw.grads.fill(NaN)
          nw.grads[1] = 7
          forward(nw, 0, 6)
          networkBackward(nw, 0, 6, 0.1, true)
          forward(nw, 6, 4)
          networkBackward(nw, 6, 4, 0.1)
          expect(bits(nw.grads)).toEqual(expected)
        })
      }
    }
  }

  function spec(batch: number): EngineSpec {
    return engineSpec(MODELS['sigmoid 40-30-4, mse']('float32'), {
      seed: 5,
      optimizer: { id: 'sgd', learningRate: 3 },
      training: { batch: { mode: 'mini', size: batch }, maxEpochs: 3, shuffle: false, validationFraction: 0 },
    })
  }

  for (const kernel of KERNELS) {
    it(`${kernel}: a session's epoch gives the bits of zeroing the gradients before each batch (whole batches and batches in chunks)`, () => {
      install(kernel)
      const ds = byteDataset()
      for (const [batch, maxChunk] of [[10, undefined], [10, 4], [7, undefined]] as const) {
        const session = createSession(spec(batch), ds, maxChunk ? { maxChunk } : {})
        const byHand = createSession(spec(batch), ds, maxChunk ? { maxChunk } : {})
        session.runEpoch()
        // The same epoch by hand: zero, then each chunk adds (shuffle off: the order is fixed).
        const nw = byHand.network
        const order = byHand.epochOrder
        const chunk = maxChunk ?? batch
        for (let start = 0; start < order.length; start += batch) {
          const size = Math.min(batch, order.length - start)
          networkZeroGrad(nw)
          for (let r = 0; r < size; r += chunk) {
            const rows = Math.min(chunk, size - r)
            datasetReadBatch(ds, order, start + r, rows, nw.X, nw.T)
            forward(nw, 0, rows)
            networkBackward(nw, 0, rows, 1 / size)
          }
          byHand.applyUpdate()
        }
        expect(bits(session.network.params), `batch ${batch}, chunks of ${chunk}`).toEqual(bits(nw.params))
        expect(bits(session.network.grads), `batch ${batch}, chunks of ${chunk}: the last batch's gradient`).toEqual(bits(nw.grads))
      }
    })
  }
})
