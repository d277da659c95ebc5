/**
 * Checks of a model file's `training` block and loss: every field the engine reads when the
 * model is evaluated or trained on, with its type and range, so a damaged file is refused with
 * its JSON path instead of failing deep in the engine (or evaluating to NaN).
 */
import { OPTIMIZER_FORMS, OPTIMIZERS, SCHEDULES } from '../project/nodeKinds'

type Json = Record<string, unknown>
type Fail = (path: string, message: string) => void

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x)
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)

/** A number in [min, max] (or (min, max] with `open`), or absent when `optional`. */
function range(fail: Fail, value: unknown, path: string, min: number, max: number, opts: { optional?: boolean; open?: boolean; integer?: boolean } = {}): void {
  if (value === undefined && opts.optional) return
  const ok = isNumber(value) && (opts.open ? value > min : value >= min) && value <= max && (!opts.integer || Number.isInteger(value))
  if (!ok) {
    const what = opts.integer ? 'a whole number' : 'a number'
    const upper = max === Infinity ? '' : max === 1 && !opts.integer ? ' and ≤ 1' : ` and ≤ ${max}`
    fail(path, `must be ${what} ${opts.open ? '>' : '≥'} ${min}${upper}`)
  }
}

/** `architecture.loss`: a known id (checked by the caller) and its reduction. */
export function checkLossReduction(fail: Fail, loss: unknown): void {
  if (isObject(loss) && loss.reduction !== 'mean' && loss.reduction !== 'sum') fail('$.architecture.loss.reduction', 'must be "mean" or "sum"')
}

function checkOptimizer(fail: Fail, o: unknown, path: string): void {
  if (!isObject(o)) return fail(path, 'must be an object')
  if (typeof o.id !== 'string' || !Object.hasOwn(OPTIMIZERS, o.id)) fail(`${path}.id`, `must be one of ${Object.keys(OPTIMIZERS).join(', ')}`)
  range(fail, o.learningRate, `${path}.learningRate`, 0, Infinity)
  range(fail, o.momentum, `${path}.momentum`, 0, 1, { optional: true })
  if (o.form !== undefined && (typeof o.form !== 'string' || !Object.hasOwn(OPTIMIZER_FORMS, o.form))) fail(`${path}.form`, `must be one of ${Object.keys(OPTIMIZER_FORMS).join(', ')}`)
  range(fail, o.rho, `${path}.rho`, 0, 1, { optional: true })
  range(fail, o.beta1, `${path}.beta1`, 0, 1, { optional: true })
  range(fail, o.beta2, `${path}.beta2`, 0, 1, { optional: true })
  range(fail, o.epsilon, `${path}.epsilon`, 0, 1, { optional: true, open: true })
}

function checkSchedule(fail: Fail, s: unknown, path: string): void {
  if (!isObject(s)) return fail(path, 'must be an object')
  if (typeof s.id !== 'string' || !Object.hasOwn(SCHEDULES, s.id)) return fail(`${path}.id`, `must be one of ${Object.keys(SCHEDULES).join(', ')}`)
  if (s.id === 'step') {
    range(fail, s.every, `${path}.every`, 1, Infinity, { integer: true })
    range(fail, s.factor, `${path}.factor`, 0, Infinity, { open: true })
  } else if (s.id === 'exponential') {
    range(fail, s.gamma, `${path}.gamma`, 0, Infinity, { open: true })
  } else if (s.id === 'piecewise') {
    const ok = Array.isArray(s.boundaries) && Array.isArray(s.values) && s.boundaries.every(isNumber) && s.values.every(isNumber) && s.values.length === s.boundaries.length + 1
    if (!ok) fail(path, 'piecewise needs numeric boundaries and one more value than boundaries')
  }
}

function checkRegularization(fail: Fail, r: unknown, path: string): void {
  if (!isObject(r)) return fail(path, 'must be an object')
  range(fail, r.l2, `${path}.l2`, 0, Infinity)
  range(fail, r.l1, `${path}.l1`, 0, Infinity)
  range(fail, r.clipValue, `${path}.clipValue`, 0, Infinity, { optional: true, open: true })
  range(fail, r.clipNorm, `${path}.clipNorm`, 0, Infinity, { optional: true, open: true })
}

function checkRun(fail: Fail, t: unknown, path: string): void {
  if (!isObject(t)) return fail(path, 'must be an object')
  const b = t.batch
  if (!isObject(b) || (b.mode !== 'online' && b.mode !== 'full' && b.mode !== 'mini')) fail(`${path}.batch.mode`, 'must be "online", "full" or "mini"')
  else if (b.mode === 'mini') range(fail, b.size, `${path}.batch.size`, 1, Infinity, { integer: true })
  range(fail, t.maxEpochs, `${path}.maxEpochs`, 1, Infinity, { integer: true })
  if (typeof t.shuffle !== 'boolean') fail(`${path}.shuffle`, 'must be true or false')
  range(fail, t.targetLoss, `${path}.targetLoss`, 0, Infinity, { optional: true })
  if (!(isNumber(t.validationFraction) && t.validationFraction >= 0 && t.validationFraction < 1)) fail(`${path}.validationFraction`, 'must be a number ≥ 0 and < 1')
  const e = t.earlyStopping
  if (e !== undefined) {
    if (!isObject(e)) return fail(`${path}.earlyStopping`, 'must be an object')
    range(fail, e.patience, `${path}.earlyStopping.patience`, 1, Infinity, { integer: true })
    range(fail, e.minDelta, `${path}.earlyStopping.minDelta`, 0, Infinity)
    if (typeof e.restoreBest !== 'boolean') fail(`${path}.earlyStopping.restoreBest`, 'must be true or false')
  }
}

/** Checks `training` (seed, optimizer, schedule, regularisation, run settings). */
export function checkModelTraining(fail: Fail, t: unknown): void {
  if (!isObject(t)) return fail('$.training', 'must be an object')
  range(fail, t.seed, '$.training.seed', 0, 0xffffffff, { integer: true })
  checkOptimizer(fail, t.optimizer, '$.training.optimizer')
  checkSchedule(fail, t.schedule, '$.training.schedule')
  checkRegularization(fail, t.regularization, '$.training.regularization')
  checkRun(fail, t.training, '$.training.training')
}
