/**
 * Schemas of the engine spec's parts that files store as they are: initialisers, activations,
 * losses, optimizers, schedules, regularisation and the run settings. The types in `spec.ts`
 * are inferred from these, and the model file's `training` block is checked with them.
 * Ids are the keys of the engine's registries (`nn/*.ts`).
 */
import { ACTIVATION_PARAMS, activations } from '../nn/activations'
import { initializers } from '../nn/init'
import { losses } from '../nn/losses'
import { optimizerForms, optimizerRules } from '../nn/optimizers'
import { int, number, numberList, registryId, seed } from './fields'
import { z } from './z'

const activationId = registryId(activations)
const initId = registryId(initializers)
const lossId = registryId(losses)
const optimizerId = registryId(optimizerRules)

/** How a layer's weights or biases start. Which numbers an initialiser needs depends on its id. */
export const initSpec = z
  .object({
    id: initId,
    /** `constant`. */
    value: z.number().optional(),
    /** `uniform(low, high)`. */
    low: z.number().optional(),
    high: z.number().optional(),
    /** `normal(mean, std)`. */
    mean: z.number().optional(),
    std: number({ min: 0 }).optional(),
  })
  .superRefine((init, ctx) => {
    const need = (keys: readonly (keyof typeof init)[], what: string): void => {
      if (keys.some((k) => init[k] === undefined))
        ctx.addIssue({
          code: 'custom',
          message: `needs ${what} for the ${init.id} initialiser`,
          input: init,
        })
    }
    if (init.id === 'constant') need(['value'], 'a value')
    if (init.id === 'normal') need(['mean', 'std'], 'a mean and a std ≥ 0')
    if (init.id === 'uniform') {
      need(['low', 'high'], 'low < high')
      if (init.low !== undefined && init.high !== undefined && !(init.low < init.high))
        ctx.addIssue({
          code: 'custom',
          message: 'needs low < high for the uniform initialiser',
          input: init,
        })
    }
  })
  .meta({
    id: 'init',
    description: 'constant needs value; uniform needs low < high; normal needs mean and std ≥ 0.',
  })

export const activationSpec = z.object({
  id: activationId,
  /** Slope a of `linear` (f(x) = a·x). Bounds and defaults: `ACTIVATION_PARAMS`. */
  slope: number(ACTIVATION_PARAMS.slope).optional(),
  /** Negative-side slope α of `leakyRelu`. */
  alpha: number(ACTIVATION_PARAMS.alpha).optional(),
  /** Standard deviation of the Gaussian noise of `noisyRelu` (training only). */
  noiseStd: number(ACTIVATION_PARAMS.noiseStd).optional(),
})

const lossReduction = z.enum(['mean', 'sum'])

export const lossSpec = z.object({
  id: lossId,
  /**
   * How per-example losses combine over a batch: `mean` is the lectures' mini-batch rule
   * w ← w − η/|B|·Σ∂C_i/∂w; `sum` adds the per-example gradients.
   */
  reduction: lossReduction,
})

/** A decay rate or momentum: at least 0, less than 1. */
const decay = number({ min: 0, exclusiveMax: 1 })
/** A number greater than 0 (ε, factors, clipping thresholds). */
const positive = number({ exclusiveMin: 0 })

export const optimizerSpec = z.object({
  id: optimizerId,
  learningRate: number({ min: 0 }),
  /** α of `momentum`/`nesterov`, λ of `momentumEma`. */
  momentum: decay.optional(),
  /** `momentum`/`nesterov` only: as the lectures' source writes it (default) or as PyTorch. */
  form: registryId(optimizerForms).optional(),
  /** Decay ρ of `rmsprop`. */
  rho: decay.optional(),
  beta1: decay.optional(),
  beta2: decay.optional(),
  epsilon: positive.optional(),
})

/** The four schedules; piecewise needs one more value than boundaries. */
export const scheduleSpec = z
  .discriminatedUnion('id', [
    z.object({ id: z.literal('constant') }),
    /** η multiplied by `factor` every `every` epochs. */
    z.object({ id: z.literal('step'), every: int({ min: 1 }), factor: positive }),
    /** η = values[i] from epoch boundaries[i-1] on. */
    z
      .object({ id: z.literal('piecewise'), boundaries: numberList, values: numberList })
      .refine((s) => s.values.length === s.boundaries.length + 1, {
        error: 'needs one more value than boundaries',
      })
      .refine(
        (s) =>
          s.values.every((v) => v > 0) &&
          s.boundaries.every((b, i) => b > 0 && (i === 0 || b > s.boundaries[i - 1])),
        { error: 'needs increasing boundaries and values > 0' },
      ),
    /** η = η0·gamma^epoch. */
    z.object({ id: z.literal('exponential'), gamma: positive }),
  ])
  .meta({ id: 'schedule' })

export const regularizationSpec = z.object({
  /** λ of L2 weight decay (applies to weights, not biases). 0 = off. */
  l2: number({ min: 0 }),
  /** λ of L1. 0 = off. */
  l1: number({ min: 0 }),
  /** Clip each gradient entry to ±clipValue. Absent = off. */
  clipValue: positive.optional(),
  /** Rescale the whole gradient so its L2 norm is at most clipNorm. Absent = off. */
  clipNorm: positive.optional(),
})

export const batchSpec = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('online') }),
  z.object({ mode: z.literal('full') }),
  z.object({ mode: z.literal('mini'), size: int({ min: 1 }) }),
])

export const earlyStoppingSpec = z.object({
  patience: int({ min: 1 }),
  minDelta: number({ min: 0 }),
  restoreBest: z.boolean(),
})

/** A share of the rows held out (validation, test): at least 0, less than 1. */
export const heldOutFraction = number({ min: 0, exclusiveMax: 1 })

/**
 * What else ends a run: `solved` once the training accuracy reaches `targetAccuracy`
 * (classification; a regression run needs `targetLoss`), `stopped` only when the user stops it.
 * Either way `maxEpochs` is not a limit. Target loss, early stopping and the perceptron's
 * convergence still end the run.
 */
export const runUntil = z.enum(['solved', 'stopped'])

export const trainingSpec = z.object({
  batch: batchSpec,
  /** The run ends after this many epochs (unless `until` is set). */
  maxEpochs: int({ min: 1 }),
  /** Train past `maxEpochs`: until solved, or until stopped. Absent = stop at `maxEpochs`. */
  until: runUntil.optional(),
  /** Training accuracy that counts as solved (`until: 'solved'`), in (0, 1]. Default 1. */
  targetAccuracy: number({ exclusiveMin: 0, max: 1 }).optional(),
  shuffle: z.boolean(),
  /** Stop once the training loss is at or below this. */
  targetLoss: number({ min: 0 }).optional(),
  /** Fraction of the training data held out for validation (seeded split). 0 = none. */
  validationFraction: heldOutFraction,
  earlyStopping: earlyStoppingSpec.optional(),
})

/** Optimizer settings that may change mid-run (absent fields stay as they are). */
export const optimizerSettings = optimizerSpec
  .pick({ learningRate: true, momentum: true, rho: true, beta1: true, beta2: true, epsilon: true })
  .partial()

/** How a network is trained: what an `EngineSpec` holds besides the model, and a model file's `training`. */
export const runSettings = z.object({
  /** One seed; init, split, shuffle and dropout streams derive from it. */
  seed,
  optimizer: optimizerSpec,
  schedule: scheduleSpec,
  regularization: regularizationSpec,
  training: trainingSpec,
})
