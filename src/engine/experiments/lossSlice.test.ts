/**
 * The network's own error over two weights: its value is the engine's loss of the whole network,
 * its gradient the engine's backprop gradient (and a finite difference), a grid point the loss
 * with those two weights set; the session is left exactly as it was.
 */
import { describe, expect, it } from 'vitest'
import { createSession, dense, engineSpec, tableDataset, type Session } from '../train'
import { traceExample } from '../trace/trace'
import { weightName } from '../trace/unitNames'
import { regularizationPenalty } from '../nn/regularization'
import { lossSlice, LOSS_SLICE_LIMITS, type LossSliceRequest } from './lossSlice'
import { sessionWeightNames, type SliceWeightRef } from './networkLoss'

const mazurSpec = () =>
  engineSpec(
    {
      inputSize: 2,
      layers: [
        dense('hidden', 2, 'sigmoid', { weights: [[0.15, 0.2], [0.25, 0.3]], biases: [0.35, 0.35], trainBiases: false }),
        dense('output', 2, 'sigmoid', { weights: [[0.4, 0.45], [0.5, 0.55]], biases: [0.6, 0.6], trainBiases: false }),
      ],
      loss: { id: 'halfSse', reduction: 'sum' },
    },
    { optimizer: { id: 'sgd', learningRate: 0.5 } },
  )
const mazurData = tableDataset([[0.05, 0.1]], [[0.01, 0.99]])
const w5: SliceWeightRef = { nodeId: 'output', unit: 0, input: 0, name: 'w5' }
const w6: SliceWeightRef = { nodeId: 'output', unit: 0, input: 1, name: 'w6' }
const request = (weights: [SliceWeightRef, SliceWeightRef], extra: Partial<LossSliceRequest> = {}): LossSliceRequest => ({
  weights,
  span: 1,
  iterations: 5,
  optimizers: [{ id: 'sgd', learningRate: 0.5 }],
  ...extra,
})

/** A 2-3-1 tanh/sigmoid classifier on 40 rows, mean loss, L2 and L1, a validation split, trained 3 epochs in mini-batches. */
function trainedSession(): Session {
  const inputs = Array.from({ length: 40 }, (_, i) => [Math.sin(i * 1.3), Math.cos(i * 0.7)])
  const targets = inputs.map(([a, b]) => [a * b > 0 ? 1 : 0])
  const spec = engineSpec(
    { inputSize: 2, layers: [dense('h', 3, 'tanh'), dense('out', 1, 'sigmoid')], loss: { id: 'bce', reduction: 'mean' } },
    {
      optimizer: { id: 'sgd', learningRate: 0.3 },
      regularization: { l2: 0.4, l1: 0.05 },
      training: { batch: { mode: 'mini', size: 8 }, maxEpochs: 50, shuffle: true, validationFraction: 0.25 },
    },
  )
  const s = createSession(spec, tableDataset(inputs, targets))
  for (let e = 0; e < 3; e++) s.runEpoch()
  return s
}

/** The engine's training loss of the whole network as it is: evaluated on the training rows, plus the penalty. */
function engineLoss(s: Session): number {
  const reg = s.spec.regularization
  return s.evaluate(s.train, s.trainIndices).loss + regularizationPenalty(s.network.params, s.network.trainableWeightRanges, reg.l2, reg.l1, s.trainIndices.length)
}

const hOut: SliceWeightRef = { nodeId: 'out', unit: 0, input: 2, name: 'w9' }
const hIn: SliceWeightRef = { nodeId: 'h', unit: 1, input: 0, name: 'w3' }

describe('loss slice of the Mazur 2-2-2 network', () => {
  it('names its weights as the step-through does: w5, w6 from h1, h2 into o1', () => {
    const names = sessionWeightNames(createSession(mazurSpec(), mazurData))
    expect(names).toEqual([
      { nodeId: 'hidden', units: ['h1', 'h2'], inputs: ['i1', 'i2'], firstWeight: 1 },
      { nodeId: 'output', units: ['o1', 'o2'], inputs: ['h1', 'h2'], firstWeight: 5 },
    ])
    // One naming of w_jk (trace/unitNames.ts) for the slice's axes and the page's weight pickers: w1 … w8, row by row.
    expect(names.flatMap((l) => l.units.flatMap((_, j) => l.inputs.map((_, k) => weightName(l, j, k))))).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8'])
  })

  it('at the current point is E_total = 0.298371109 with ∂E/∂w5 = 0.082167041, as the lecture prints', () => {
    const s = createSession(mazurSpec(), mazurData)
    const slice = lossSlice(s, request([w5, w6]))
    expect(slice.names).toEqual(['w5', 'w6'])
    expect(slice.center).toEqual([0.4, 0.45])
    expect(slice.loss).toBeCloseTo(0.298371109, 9)
    expect(slice.loss).toBe(engineLoss(s))
    const t = traceExample(s, [0.05, 0.1], [0.01, 0.99])
    expect(slice.gradient[0]).toBeCloseTo(0.082167041, 9)
    expect(slice.gradient).toEqual([t.layers[1].gradWeights![0][0], t.layers[1].gradWeights![0][1]])
    // SGD's first step is the lecture's update: w5⁺ = 0.35891648.
    expect(slice.paths[0].rows[0].f).toBe(slice.loss)
    expect(slice.paths[0].rows[1].point[0]).toBeCloseTo(0.35891648, 8)
  })
})

describe('loss slice of a trained network (mean loss, L2 + L1, validation split)', () => {
  it('equals the engine’s loss of the whole network at the current point, and leaves the network as it was', () => {
    const s = trainedSession()
    const before = s.getFlatParams()
    const slice = lossSlice(s, request([hIn, hOut]))
    expect(slice.penalty).toBeGreaterThan(0)
    expect(slice.loss).toBe(engineLoss(s))
    expect(slice.rows).toBe(30)
    expect(s.getFlatParams()).toEqual(before)
  })

  it('has the gradient the engine trains with, and agrees with a finite difference', () => {
    const s = trainedSession()
    const slice = lossSlice(s, request([hIn, hOut]))
    // One full-batch SGD step of a copy moves every weight by −η·(∂C0/∂w + (λ2/n)w + (λ1/n)sign w).
    const full = createSession({ ...s.spec, training: { ...s.spec.training, batch: { mode: 'full' }, shuffle: false } }, s.train)
    full.setFlatParams(s.getFlatParams())
    // Flat offsets: h's W is 3×2 (W[1][0] at 2), then its 3 biases; out's W[0][2] at 6 + 3 + 2.
    const offsets = [2, 11]
    const w = full.getFlatParams()
    const n = full.trainIndices.length
    expect(n).toBe(s.trainIndices.length)
    expect(Array.from(full.trainIndices)).toEqual(Array.from(s.trainIndices))
    full.step('batch')
    const after = full.getFlatParams()
    offsets.forEach((o, i) => expect(slice.gradient[i]).toBeCloseTo((w[o] - after[o]) / 0.3, 9))
    // Central differences of the engine's loss with one weight moved.
    const eps = 1e-6
    offsets.forEach((o, i) => {
      const at = (v: number) => {
        const p = s.getFlatParams()
        p[o] = v
        const copy = createSession(s.spec, s.train)
        copy.setFlatParams(p)
        return engineLoss(copy)
      }
      expect(slice.gradient[i]).toBeCloseTo((at(w[o] + eps) - at(w[o] - eps)) / (2 * eps), 7)
    })
  })

  it('at a grid point away from the centre equals the loss with those two weights set', () => {
    const s = trainedSession()
    const slice = lossSlice(s, request([hIn, hOut], { span: 1.5 }))
    const { size, extent } = slice
    expect(size).toBe(LOSS_SLICE_LIMITS.maxSize)
    const [r, c] = [7, 50]
    const x = extent.xMin + ((extent.xMax - extent.xMin) * c) / (size - 1)
    const y = extent.yMax - ((extent.yMax - extent.yMin) * r) / (size - 1)
    const p = s.getFlatParams()
    p[2] = x
    p[11] = y
    const copy = createSession(s.spec, s.train)
    copy.setFlatParams(p)
    expect(slice.grid[r * size + c]).toBe(engineLoss(copy))
    expect(Math.abs(x - slice.center[0])).toBeGreaterThan(0.5)
  })

  it('is deterministic and does not disturb training under way (mid-batch)', () => {
    const a = trainedSession()
    const b = trainedSession()
    a.step('example')
    b.step('example')
    const one = lossSlice(a, request([hIn, hOut], { optimizers: [{ id: 'adam', learningRate: 0.05 }, { id: 'nesterov', learningRate: 0.1 }] }))
    const two = lossSlice(a, request([hIn, hOut], { optimizers: [{ id: 'adam', learningRate: 0.05 }, { id: 'nesterov', learningRate: 0.1 }] }))
    expect(two).toEqual(one)
    a.runEpoch()
    b.runEpoch()
    expect(a.getFlatParams()).toEqual(b.getFlatParams())
  })
})

describe('loss slice: what it refuses, in words', () => {
  it('a weight that no longer exists, the same weight twice, a perceptron, a network too big', () => {
    const s = createSession(mazurSpec(), mazurData)
    expect(() => lossSlice(s, request([w5, { nodeId: 'output', unit: 2, input: 0, name: 'w9' }]))).toThrow('Weight w9 no longer exists: its layer has 2 units now. Pick another weight.')
    expect(() => lossSlice(s, request([w5, { nodeId: 'gone', unit: 0, input: 0, name: 'w1' }]))).toThrow('Weight w1 no longer exists: the network has no dense layer “gone” now.')
    expect(() => lossSlice(s, request([w5, { ...w5, name: 'w5' }]))).toThrow('Pick two different weights (both are w5).')
    const perceptron = createSession(engineSpec({ inputSize: 2, layers: [dense('p', 1, 'step')], loss: { id: 'halfSse', reduction: 'sum' } }, { optimizer: { id: 'perceptron', learningRate: 1 } }), tableDataset([[0, 1]], [[1]]))
    expect(() => lossSlice(perceptron, request([{ nodeId: 'p', unit: 0, input: 0, name: 'w1' }, { nodeId: 'p', unit: 0, input: 1, name: 'w2' }]))).toThrow('The perceptron rule trains without a loss gradient')
    const big = createSession(
      engineSpec({ inputSize: 784, layers: [dense('h', 100, 'sigmoid'), dense('o', 10, 'sigmoid')] }),
      tableDataset(Array.from({ length: 30 }, () => new Array(784).fill(0)), Array.from({ length: 30 }, () => new Array(10).fill(0))),
    )
    expect(() => lossSlice(big, request([{ nodeId: 'h', unit: 0, input: 0, name: 'w1' }, { nodeId: 'h', unit: 0, input: 1, name: 'w2' }]))).toThrow('This network is too big for a slice: each point is a pass over 30 training rows and 79,510 parameters')
    const medium = createSession(
      engineSpec({ inputSize: 784, layers: [dense('h', 10, 'sigmoid'), dense('o', 10, 'sigmoid')] }),
      tableDataset(Array.from({ length: 30 }, () => new Array(784).fill(0)), Array.from({ length: 30 }, () => new Array(10).fill(0))),
    )
    const mediumWeights: [SliceWeightRef, SliceWeightRef] = [{ nodeId: 'h', unit: 0, input: 0, name: 'w1' }, { nodeId: 'o', unit: 0, input: 1, name: 'w7842' }]
    expect(() => lossSlice(medium, request(mediumWeights, { iterations: 1000 }))).toThrow("At most 697 iterations on this network's slice with 1 optimizer (each step is a pass over all 30 training rows).")
    expect(lossSlice(medium, request(mediumWeights, { iterations: 3 })).size).toBe(61)
  })
})

describe('loss slice of a network whose training pass is random', () => {
  it('says it is computed in evaluation mode (dropout off) and still matches the engine’s evaluation loss', () => {
    const inputs = Array.from({ length: 12 }, (_, i) => [Math.sin(i), Math.cos(2 * i)])
    const spec = engineSpec({ inputSize: 2, layers: [dense('h', 4, 'relu'), { kind: 'dropout', nodeId: 'drop', rate: 0.5 }, dense('out', 1, 'sigmoid')], loss: { id: 'bce', reduction: 'mean' } })
    const s = createSession(spec, tableDataset(inputs, inputs.map(([a]) => [a > 0 ? 1 : 0])))
    const before = s.getFlatParams()
    const slice = lossSlice(s, request([{ nodeId: 'h', unit: 0, input: 0, name: 'w1' }, { nodeId: 'out', unit: 0, input: 3, name: 'w12' }]))
    expect(slice.note).toContain('evaluation mode')
    expect(slice.loss).toBe(engineLoss(s))
    expect(s.getFlatParams()).toEqual(before)
    expect(lossSlice(createSession(mazurSpec(), mazurData), request([w5, w6])).note).toBeNull()
  })
})
