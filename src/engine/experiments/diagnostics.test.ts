/**
 * Each diagnostic on a network built to show it, and on one that must not show it.
 */
import { describe, expect, it } from 'vitest'
import { createSession, dense, engineSpec } from '../train'
import { builtinDataset } from '../data'
import type { Dataset, DenseLayerSpec, EngineSpec, InitSpec } from '../spec'
import { copiedUnits, diagnoseSession, DiagnosticsTracker, EXAMPLES_PER_PROBE_ROW, type DiagnosticId } from './diagnostics'
import type { WeightedLayer } from '../nn/network'

const circles = builtinDataset('circles', { count: 200 })

function spec(layers: DenseLayerSpec[], extra: Partial<EngineSpec> = {}, loss: EngineSpec['model']['loss'] = { id: 'softmaxCrossEntropy', reduction: 'mean' }): EngineSpec {
  return engineSpec({ inputSize: 2, layers, loss }, { seed: 5, training: { batch: { mode: 'full' }, maxEpochs: 10, shuffle: false, validationFraction: 0 }, ...extra })
}

const init = (id: InitSpec['id'], more: Partial<InitSpec> = {}): InitSpec => ({ id, ...more })

/** Findings of `id` after training `epochs` epochs (0: as initialised, after one forward pass). */
function findings(s: EngineSpec, id: DiagnosticId, epochs: number, data: Dataset = circles) {
  const session = createSession(s, data)
  for (let e = 0; e < epochs && !session.stopped; e++) session.step('epoch')
  expect(session.epoch).toBe(epochs)
  return diagnoseSession(session).filter((d) => d.id === id)
}

describe('training diagnostics', () => {
  it('a run of 150,000 epochs is diagnosed (its history once overflowed the stack as Math.min arguments, and the run failed)', () => {
    const xor = builtinDataset('xor')
    const session = createSession(engineSpec({ inputSize: 2, layers: [dense('h', 2, 'sigmoid'), dense('o', 1, 'sigmoid')], loss: { id: 'mse', reduction: 'mean' } }, { seed: 3, training: { batch: { mode: 'full' }, maxEpochs: 150_000, shuffle: false, validationFraction: 0 } }), xor)
    session.trainToEnd()
    expect(session.history.length).toBe(150_000)
    expect(() => diagnoseSession(session)).not.toThrow()
  })

  it('dead ReLUs: a layer whose biases start at −10 never fires; He initialisation does', () => {
    const dead = findings(spec([dense('h', 16, 'relu', { biasInit: init('constant', { value: -10 }) }), dense('o', 2, 'softmax')]), 'deadRelu', 0)
    expect(dead).toHaveLength(1)
    expect(dead[0]).toMatchObject({ nodeId: 'h', value: 1 })
    expect(dead[0].message).toMatch(/^16 of 16 ReLU units \(100%\) are dead: never active on 200 training examples/)
    expect(findings(spec([dense('h', 16, 'relu', { weightInit: init('heNormal') }), dense('o', 2, 'softmax')]), 'deadRelu', 3)).toEqual([])
  })

  it('saturated units: sigmoid units with N(0, 100) weights sit at 0 or 1; Glorot ones do not', () => {
    const sat = findings(spec([dense('h', 12, 'sigmoid', { weightInit: init('normal', { std: 100 }) }), dense('o', 2, 'softmax')]), 'saturated', 0)
    expect(sat).toHaveLength(1)
    expect(sat[0].nodeId).toBe('h')
    expect(sat[0].value).toBeGreaterThanOrEqual(0.5)
    expect(findings(spec([dense('h', 12, 'tanh', { weightInit: init('glorotNormal') }), dense('o', 2, 'softmax')]), 'saturated', 3)).toEqual([])
  })

  it('vanishing gradients: eight sigmoid layers with small weights; three ReLU layers with He do not', () => {
    const deep = Array.from({ length: 8 }, (_, i) => dense(`h${i}`, 10, 'sigmoid', { weightInit: init('normal', { std: 0.1 }) }))
    const v = findings(spec([...deep, dense('o', 2, 'softmax')]), 'vanishingGradients', 1)
    expect(v).toHaveLength(1)
    expect(v[0]).toMatchObject({ nodeId: 'h0' })
    expect(v[0].value).toBeLessThan(1e-3)
    const ok = [dense('a', 16, 'relu', { weightInit: init('heNormal') }), dense('b', 16, 'relu', { weightInit: init('heNormal') })]
    expect(findings(spec([...ok, dense('o', 2, 'softmax')]), 'vanishingGradients', 1)).toEqual([])
  })

  it('exploding gradients: eight linear layers with N(0, 3) weights; Glorot ones do not', () => {
    const deep = (w: InitSpec) => Array.from({ length: 8 }, (_, i) => dense(`h${i}`, 10, 'linear', { weightInit: w }))
    const mse = { id: 'mse', reduction: 'mean' } as const
    const tiny = { optimizer: { id: 'sgd' as const, learningRate: 1e-12 } }
    const e = findings(spec([...deep(init('normal', { std: 3 })), dense('o', 2, 'linear', { weightInit: init('normal', { std: 3 }) })], tiny, mse), 'explodingGradients', 1)
    expect(e).toHaveLength(1)
    expect(e[0].value).toBeGreaterThan(1e6)
    expect(e[0].message).toMatch(/^Exploding gradients: the gradient per weight reaches [\d.e+]+ \(RMS per layer, input to output: /)
    expect(findings(spec([...deep(init('glorotNormal')), dense('o', 2, 'linear')], tiny, mse), 'explodingGradients', 1)).toEqual([])
  })

  it('learning rate too high: η = 30 makes the loss swing; η = 0.5 brings it down smoothly', () => {
    const net = (eta: number) => spec([dense('h', 8, 'tanh', { weightInit: init('glorotNormal') }), dense('o', 2, 'softmax')], { optimizer: { id: 'sgd', learningRate: eta }, training: { batch: { mode: 'full' }, maxEpochs: 40, shuffle: false, validationFraction: 0 } })
    const high = findings(net(30), 'learningRateTooHigh', 30)
    expect(high).toHaveLength(1)
    expect(high[0]).toMatchObject({ nodeId: null })
    expect(high[0].message).toMatch(/^The learning rate looks too high: the training loss went up in \d+ of the last 9 epochs/)
    expect(findings(net(0.5), 'learningRateTooHigh', 30)).toEqual([])
  })

  it('overfitting: a wide net on 30 noisy points passes its validation minimum; a small one on 400 clean points does not', () => {
    const noisy = builtinDataset('clusters', { count: 60, noise: 1.2 })
    const wide = spec([dense('h', 64, 'tanh', { weightInit: init('glorotNormal') }), dense('o', noisy.targetSize, 'softmax')], { optimizer: { id: 'adam', learningRate: 0.05 }, training: { batch: { mode: 'full' }, maxEpochs: 400, shuffle: false, validationFraction: 0.5 } })
    const o = findings({ ...wide, model: { ...wide.model, inputSize: 2 } }, 'overfitting', 300, noisy)
    expect(o).toHaveLength(1)
    expect(o[0].message).toMatch(/^Overfitting since epoch \d+: the validation loss was lowest there/)
    expect(o[0].hint).toMatch(/Early stopping \(patience 5\) would stop at epoch \d+ and restore epoch \d+/)
    const clean = builtinDataset('clusters', { count: 400, noise: 0.2 })
    const small = spec([dense('h', 4, 'tanh', { weightInit: init('glorotNormal') }), dense('o', clean.targetSize, 'softmax')], { optimizer: { id: 'adam', learningRate: 0.02 }, training: { batch: { mode: 'full' }, maxEpochs: 400, shuffle: false, validationFraction: 0.3 } })
    expect(findings(small, 'overfitting', 100, clean)).toEqual([])
  })

  it('symmetric initialisation: all-zero or constant weights make identical units; random ones do not', () => {
    const zero = findings(spec([dense('h', 6, 'tanh', { weightInit: init('zeros') }), dense('o', 2, 'softmax', { weightInit: init('zeros') })]), 'symmetricUnits', 5)
    expect(zero.map((d) => d.nodeId)).toEqual(['h', 'o'])
    expect(zero[0].message).toBe('All weights of this layer are 0: its 6 units compute the same thing, get the same gradient and stay identical.')
    const constant = findings(spec([dense('h', 6, 'tanh', { weightInit: init('constant', { value: 0.3 }) }), dense('o', 2, 'softmax', { weightInit: init('constant', { value: 0.3 }) })]), 'symmetricUnits', 5)
    expect(constant[0].message).toBe('6 of 6 units have identical weights: they get identical gradients and stay copies of each other.')
    expect(findings(spec([dense('h', 6, 'tanh', { weightInit: init('glorotNormal') }), dense('o', 2, 'softmax')]), 'symmetricUnits', 5)).toEqual([])
    // Zero weights in one layer alone are harmless: the random weights after it tell its units apart.
    expect(findings(spec([dense('h', 6, 'tanh', { weightInit: init('zeros') }), dense('o', 2, 'softmax')]), 'symmetricUnits', 5)).toEqual([])
  })

  it('copied units: exact copies counted in groups, look-alike sums not', () => {
    const layer = (units: number, nIn: number, W: number[], b: number[] | null) => ({ units, nIn, weights: { W: Float64Array.from(W), b: b && Float64Array.from(b) } }) as unknown as WeightedLayer
    // Units 0 and 2 are copies, and units 3 and 4 (-0 equals 0); unit 1 is alone.
    const l = layer(5, 2, [1, 2, 0.5, 0.25, 1, 2, 0, 3, -0, 3], [0.1, 0.1, 0.1, 0.2, 0.2])
    expect(copiedUnits(l, null)).toBe(4)
    // Rows with equal sums and equal weighted sums but different weights: [1, 4, 1] and [2, 2, 2] (sums 6, weighted 12).
    expect(copiedUnits(layer(2, 3, [1, 4, 1, 2, 2, 2], null), null)).toBe(0)
    // Outgoing weights tell copies apart.
    const next = layer(1, 2, [0.5, 0.7], null)
    expect(copiedUnits(layer(2, 1, [1, 1], null), next)).toBe(0)
    expect(copiedUnits(layer(2, 1, [1, 1], null), layer(1, 2, [0.5, 0.5], null))).toBe(2)
  })

  it('the tracker diagnoses a small network every epoch and a big one on short epochs every few (force: at once)', () => {
    const epochsBetween = (units: number): number[] => {
      const session = createSession(spec([dense('h', units, 'tanh'), dense('o', 2, 'softmax')], { training: { batch: { mode: 'full' }, maxEpochs: 50, shuffle: false, validationFraction: 0 } }), circles)
      const tracker = new DiagnosticsTracker()
      let last = tracker.current(session)
      const redone: number[] = []
      while (!session.stopped) {
        session.step('epoch')
        const now = tracker.current(session)
        if (now !== last) redone.push(session.epoch)
        last = now
      }
      expect(tracker.current(session, true)).not.toBe(last)
      return redone
    }
    expect(epochsBetween(8)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    // 3,000 tanh units: 200 probe rows × ~15,000 parameters; full-batch epochs of 200 examples.
    const every = EXAMPLES_PER_PROBE_ROW
    expect(epochsBetween(3000)).toEqual([every, 2 * every])
  })
})
