/**
 * Seeded random small networks with every engine setting the PyTorch export mirrors: layer
 * sizes, activations, inits, frozen parts, batch normalisation, losses and reductions, all update rules, schedules,
 * L1/L2, clipping, batch modes, shuffling, validation split and early stopping.
 * (Dropout and noisy ReLU draw per element from torch's generator in the script, so they are
 * left out of the step-for-step comparison.)
 */
import { createRng, type Rng } from '../../src/engine/rng'
import { dense, engineSpec, tableDataset } from '../../src/engine/train'
import type { ActivationSpec, Dataset, EngineSpec, InitSpec, LayerSpec, LossId, OptimizerId } from '../../src/engine/spec'

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)]
const round = (x: number): number => Math.round(x * 1000) / 1000

function hiddenActivation(rng: Rng): ActivationSpec {
  const id = pick(rng, ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'linear', 'softplus'] as const)
  if (id === 'leakyRelu') return { id, alpha: round(rng.range(0.01, 0.3)) }
  if (id === 'linear') return { id, slope: round(rng.range(0.5, 1.5)) }
  return { id }
}

function init(rng: Rng): InitSpec {
  const id = pick(rng, ['uniform', 'normal', 'standardNormal', 'scaledNormal', 'glorotUniform', 'glorotNormal', 'heNormal', 'heUniform', 'constant'] as const)
  if (id === 'uniform') return { id, low: -0.5, high: 0.5 }
  if (id === 'normal') return { id, mean: 0, std: 0.3 }
  if (id === 'constant') return { id, value: 0.1 }
  return { id }
}

/** Output activation, loss and a target for one output vector of `units`. */
function outputHead(rng: Rng): { activation: ActivationSpec; loss: LossId; units: number; target: (rng: Rng, units: number) => number[] } {
  const oneHot = (r: Rng, units: number): number[] => {
    const t = new Array<number>(units).fill(0)
    t[r.int(units)] = 1
    return t
  }
  const real = (r: Rng, units: number): number[] => Array.from({ length: units }, () => round(r.range(-1, 1)))
  const bits = (r: Rng, units: number): number[] => Array.from({ length: units }, () => r.int(2))
  const signs = (r: Rng, units: number): number[] => Array.from({ length: units }, () => (r.int(2) ? 1 : -1))
  const heads = [
    () => ({ activation: { id: 'softmax' } as ActivationSpec, loss: 'softmaxCrossEntropy' as LossId, units: 2 + rng.int(2), target: oneHot }),
    () => ({ activation: { id: 'softmax' } as ActivationSpec, loss: 'halfSse' as LossId, units: 2 + rng.int(2), target: oneHot }),
    () => ({ activation: { id: 'sigmoid' } as ActivationSpec, loss: pick(rng, ['bce', 'mse', 'halfSse'] as const), units: 1 + rng.int(2), target: bits }),
    () => ({ activation: { id: 'linear' } as ActivationSpec, loss: pick(rng, ['halfSse', 'mae', 'softmaxCrossEntropy'] as const), units: 2, target: oneHot }),
    () => ({ activation: { id: 'tanh' } as ActivationSpec, loss: 'hinge' as LossId, units: 1 + rng.int(2), target: signs }),
    () => ({ activation: { id: 'linear' } as ActivationSpec, loss: pick(rng, ['halfSse', 'mae'] as const), units: 1 + rng.int(2), target: real }),
  ]
  return pick(rng, heads)()
}

/**
 * The output layer's weight init, except a constant one before a softmax. Equal output weights
 * make every gradient below the output layer zero in exact arithmetic (a softmax's deltas sum
 * to zero), so in floating point it is rounding residue, of ~1e-18 in both programs but not the
 * same residue: torch's summation order depends on the CPU's vector width. An adaptive update
 * (Adagrad, RMSprop, Adam) divides that residue by its own root mean square plus ε, which
 * turns it into a weight change of up to lr·residue/ε ≈ 1e-11: random project 53 differed by
 * 5e-12 after one Adagrad step on an AVX2 machine, and matched on another CPU.
 */
function outputInit(drawn: InitSpec, head: { activation: ActivationSpec; loss: LossId }): InitSpec {
  const softmax = head.activation.id === 'softmax' || head.loss === 'softmaxCrossEntropy'
  return softmax && drawn.id === 'constant' ? { id: 'glorotUniform' } : drawn
}

function optimizer(rng: Rng): EngineSpec['optimizer'] {
  const id = pick(rng, ['sgd', 'momentum', 'momentumEma', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const satisfies readonly OptimizerId[])
  const learningRate = round(rng.range(0.01, 0.5))
  if (id === 'momentumEma') return { id, learningRate, momentum: round(rng.range(0.5, 0.95)) }
  if (id === 'momentum' || id === 'nesterov') return { id, learningRate, momentum: round(rng.range(0.5, 0.95)), form: pick(rng, ['lecture', 'pytorch'] as const) }
  if (id === 'rmsprop') return { id, learningRate: learningRate / 10, rho: 0.9, epsilon: 1e-7 }
  if (id === 'adam') return { id, learningRate: learningRate / 10, beta1: 0.9, beta2: 0.99, epsilon: 1e-8 }
  return { id, learningRate }
}

function schedule(rng: Rng): EngineSpec['schedule'] {
  return pick(rng, [
    { id: 'constant' },
    { id: 'step', every: 2, factor: 0.5 },
    { id: 'exponential', gamma: 0.9 },
    { id: 'piecewise', boundaries: [1, 3], values: [0.2, 0.1, 0.05] },
  ] as EngineSpec['schedule'][])
}

export interface RandomProject {
  seed: number
  spec: EngineSpec
  data: Dataset
  /** Updates to compare after. */
  steps: number
}

/** Random project number `n` of the sample (same n → same project). */
export function randomProject(n: number): RandomProject {
  const rng = createRng(1000 + n)
  const inputSize = 1 + rng.int(4)
  const batch = pick(rng, [{ mode: 'online' }, { mode: 'full' }, { mode: 'mini', size: 2 + rng.int(4) }] as EngineSpec['training']['batch'][])
  const layers: LayerSpec[] = []
  const hidden = rng.int(3)
  for (let i = 0; i < hidden; i++) {
    layers.push(dense(`h${i}`, 1 + rng.int(4), hiddenActivation(rng), {
      weightInit: init(rng),
      biasInit: rng.int(3) === 0 ? init(rng) : { id: 'zeros' },
      useBias: rng.int(5) !== 0,
      trainWeights: rng.int(6) !== 0,
      trainBiases: rng.int(6) !== 0,
    }))
    if (batch.mode !== 'online' && rng.int(3) === 0) layers.push({ kind: 'batchNorm', nodeId: `bn${i}`, momentum: round(rng.range(0.05, 0.5)), epsilon: 1e-5 })
  }
  const head = outputHead(rng)
  layers.push(dense('out', head.units, head.activation, { weightInit: outputInit(init(rng), head) }))
  const count = 4 + rng.int(9)
  const inputs = Array.from({ length: count }, () => Array.from({ length: inputSize }, () => round(rng.range(-2, 2))))
  const targets = Array.from({ length: count }, () => head.target(rng, head.units))
  const spec = engineSpec(
    { inputSize, layers, loss: { id: head.loss, reduction: rng.int(2) ? 'mean' : 'sum' } },
    {
      seed: rng.nextUint32(),
      optimizer: optimizer(rng),
      schedule: schedule(rng),
      regularization: {
        l2: rng.int(2) ? round(rng.range(0, 0.5)) : 0,
        l1: rng.int(3) === 0 ? round(rng.range(0, 0.2)) : 0,
        ...(rng.int(3) === 0 ? { clipValue: 0.5 } : {}),
        ...(rng.int(3) === 0 ? { clipNorm: 1 } : {}),
      },
      training: {
        batch,
        maxEpochs: 4 + rng.int(4),
        shuffle: rng.int(3) !== 0,
        validationFraction: rng.int(3) === 0 ? 0.25 : 0,
        ...(rng.int(3) === 0 ? { earlyStopping: { patience: 1 + rng.int(2), minDelta: 0, restoreBest: rng.int(2) === 1 } } : {}),
      },
    },
  )
  return { seed: spec.seed, spec, data: tableDataset(inputs, targets), steps: 1 + rng.int(25) }
}
