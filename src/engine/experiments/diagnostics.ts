/**
 * Training diagnostics in plain words: what is going wrong in a run, the number behind it and
 * what to try. Each check is a pure function of the session (its weights, last gradients,
 * history) and a probe sample of training inputs; the registry is the list.
 *
 * A finding names the layer (`nodeId`, the dense node) or the run as a whole (`nodeId` null:
 * shown on the optimizer node, where the learning rate and stopping live).
 */
import type { Session } from '../train'
import { datasetReadInput } from '../train/batchRows'
import type { WeightedLayer } from '../nn/network'

/** What a finding is about (a check may give two: vanishing or exploding gradients). */
export type DiagnosticId = 'deadRelu' | 'saturated' | 'vanishingGradients' | 'explodingGradients' | 'learningRateTooHigh' | 'overfitting' | 'symmetricUnits'

export interface TrainingDiagnostic {
  id: DiagnosticId
  /** The dense node it concerns, or null for the run (learning rate, overfitting). */
  nodeId: string | null
  severity: 'warning' | 'info'
  /** One sentence: what is wrong, with its number. */
  message: string
  /** What to try. */
  hint: string
  /** The number behind it (a share, a ratio, an epoch), for tests and sorting. */
  value: number
}

/** What the checks look at. */
export interface DiagnosticContext {
  session: Session
  /** Outputs of every layer on the probe rows, `[rows×units]` each (evaluation mode). */
  activations: { nodeId: string; units: number; out: Float64Array }[]
  rows: number
}

type Check = (ctx: DiagnosticContext) => TrainingDiagnostic[]

/** Probe rows the activation checks use (the first training rows, at most this many). */
export const PROBE_ROWS = 256
/** A ReLU layer is flagged when at least this share of its units never fire. */
export const DEAD_SHARE = 0.25
/** A sigmoid/tanh unit is saturated when this share of rows sit within 2% of an end of its range. */
export const SATURATED_ROWS = 0.9
export const SATURATED_SHARE = 0.5
/** Gradient RMS ratio (first hidden layer : output layer) below/above which gradients vanish/explode. */
export const VANISHING_RATIO = 1e-3
export const EXPLODING_RATIO = 1e3
/** A layer's gradient RMS per weight above which gradients have exploded (inputs of order 1). */
export const EXPLODING_RMS = 100
/** Epochs the learning-rate and overfitting checks need. */
export const MIN_EPOCHS = 5

const pct = (x: number) => `${Math.round(100 * x)}%`
const num = (x: number) => Number(x.toPrecision(3)).toString()
const hidden = (s: Session) => s.network.weighted.slice(0, -1)
const outOf = (ctx: DiagnosticContext, l: WeightedLayer) => ctx.activations.find((a) => a.nodeId === l.nodeId && a.units === l.units)

function deadRelus(ctx: DiagnosticContext): TrainingDiagnostic[] {
  const found: TrainingDiagnostic[] = []
  for (const l of hidden(ctx.session)) {
    const a = outOf(ctx, l)
    if (l.activation?.id !== 'relu' || !a || ctx.rows < 8) continue
    let dead = 0
    for (let j = 0; j < l.units; j++) {
      let fired = false
      for (let r = 0; r < ctx.rows && !fired; r++) fired = a.out[r * l.units + j] > 0
      if (!fired) dead++
    }
    const share = dead / l.units
    if (share >= DEAD_SHARE) {
      found.push({ id: 'deadRelu', nodeId: l.nodeId, severity: 'warning', value: share, message: `${dead} of ${l.units} ReLU units (${pct(share)}) are dead: never active on ${ctx.rows} training examples, so they get no gradient and cannot recover.`, hint: 'Lower η, use leaky ReLU, or initialise with He (and a small positive bias).' })
    }
  }
  return found
}

function saturated(ctx: DiagnosticContext): TrainingDiagnostic[] {
  const found: TrainingDiagnostic[] = []
  for (const l of hidden(ctx.session)) {
    const id = l.activation?.id
    const a = outOf(ctx, l)
    if ((id !== 'sigmoid' && id !== 'tanh') || !a || ctx.rows === 0) continue
    const [lo, hi] = id === 'sigmoid' ? [0.02, 0.98] : [-0.96, 0.96]
    let units = 0
    for (let j = 0; j < l.units; j++) {
      let at = 0
      for (let r = 0; r < ctx.rows; r++) {
        const v = a.out[r * l.units + j]
        if (v <= lo || v >= hi) at++
      }
      if (at >= SATURATED_ROWS * ctx.rows) units++
    }
    const share = units / l.units
    if (share >= SATURATED_SHARE) {
      found.push({ id: 'saturated', nodeId: l.nodeId, severity: 'warning', value: share, message: `${units} of ${l.units} ${id} units (${pct(share)}) are saturated: their output sits at the ends of its range, where the derivative is almost 0, on at least ${pct(SATURATED_ROWS)} of the examples.`, hint: 'Scale the inputs (z-score), initialise with smaller weights (Xavier), or lower η; ReLU does not saturate.' })
    }
  }
  return found
}

/** Root mean square of a layer's last gradient (weights and biases). */
function gradientRms(s: Session): { nodeId: string; rms: number }[] {
  const norms = s.gradientNorms()
  return s.network.weighted.map((l, i) => ({ nodeId: l.nodeId, rms: norms[i].norm / Math.sqrt(l.units * l.nIn + (l.weights.b ? l.units : 0)) }))
}

function gradientFlow(ctx: DiagnosticContext): TrainingDiagnostic[] {
  const s = ctx.session
  if (s.iteration === 0 || s.network.weighted.length < 3) return []
  const rms = gradientRms(s)
  const first = rms[0]
  const last = rms[rms.length - 1]
  if (!(last.rms > 0) || !Number.isFinite(first.rms)) return []
  const ratio = first.rms / last.rms
  const layers = rms.map((r) => num(r.rms)).join(' → ')
  if (ratio < VANISHING_RATIO) {
    return [{ id: 'vanishingGradients', nodeId: first.nodeId, severity: 'warning', value: ratio, message: `Vanishing gradients: the first layer's gradient is ${num(ratio)} × the output layer's (RMS per layer, input to output: ${layers}), so the early layers barely learn.`, hint: 'Use ReLU instead of sigmoid/tanh, He or Xavier initialisation, batch normalisation, or fewer layers.' }]
  }
  const largest = Math.max(...rms.map((r) => r.rms))
  if (ratio > EXPLODING_RATIO || largest > EXPLODING_RMS) {
    return [{ id: 'explodingGradients', nodeId: first.nodeId, severity: 'warning', value: largest, message: `Exploding gradients: the gradient per weight reaches ${num(largest)} (RMS per layer, input to output: ${layers}); one step of η times that throws the weights far away.`, hint: 'Initialise with smaller weights (Xavier/He), lower η, or clip the gradient norm.' }]
  }
  return []
}

function learningRateTooHigh(ctx: DiagnosticContext): TrainingDiagnostic[] {
  const h = ctx.session.history
  if (h.length < MIN_EPOCHS) return []
  const window = h.slice(-10).map((m) => m.loss)
  if (!window.every(Number.isFinite)) return []
  let ups = 0
  let turns = 0
  for (let i = 1; i < window.length; i++) {
    if (window[i] > window[i - 1]) ups++
    if (i > 1 && window[i] > window[i - 1] !== window[i - 1] > window[i - 2]) turns++
  }
  const steps = window.length - 1
  // A loop, not Math.min(...): a long run's history (100,000 epochs of XOR) overflows the stack as arguments.
  const min = h.reduce((lowest, m) => Math.min(lowest, m.loss), Infinity)
  const last = window[window.length - 1]
  const mean = window.reduce((a, b) => a + b, 0) / window.length
  const swing = (Math.max(...window) - Math.min(...window)) / mean
  // Rising: well above the best epoch's loss. Oscillating: turning up and down, by a lot.
  const rising = last > 1.25 * min && ups >= steps / 3
  const oscillating = turns >= (steps - 1) / 2 && swing > 0.1
  if (!rising && !oscillating) return []
  return [{ id: 'learningRateTooHigh', nodeId: null, severity: 'warning', value: ups / steps, message: `The learning rate looks too high: the training loss went up in ${ups} of the last ${steps} epochs (${rising ? `now ${num(last)}, its lowest was ${num(min)}` : `swinging by ${pct(swing)} of its level`}).`, hint: `Lower η (try ${num(ctx.session.learningRate / 3)}), or use a schedule that lowers it over time, or Adam.` }]
}

function overfitting(ctx: DiagnosticContext): TrainingDiagnostic[] {
  const s = ctx.session
  const h = s.history.filter((m) => m.valLoss !== undefined && Number.isFinite(m.valLoss))
  if (h.length < MIN_EPOCHS) return []
  let best = h[0]
  for (const m of h) if (m.valLoss! < best.valLoss!) best = m
  const last = h[h.length - 1]
  const rise = last.valLoss! / best.valLoss! - 1
  if (last.epoch - best.epoch < 3 || rise < 0.05 || !(last.loss < best.loss)) return []
  const patience = s.spec.training.earlyStopping?.patience ?? 5
  return [{ id: 'overfitting', nodeId: null, severity: 'warning', value: best.epoch, message: `Overfitting since epoch ${best.epoch}: the validation loss was lowest there (${num(best.valLoss!)}) and is now ${pct(rise)} higher (${num(last.valLoss!)}), while the training loss kept falling (${num(best.loss)} → ${num(last.loss)}).`, hint: `Early stopping (patience ${patience}) would stop at epoch ${best.epoch + patience} and restore epoch ${best.epoch}; or add L2, dropout, or more data.` }]
}

/** Whether two numbers are the same value (NaN equal to NaN, -0 to 0), as the units' copies need. */
const sameValue = (a: number, b: number) => a === b || (a !== a && b !== b)

/** Units of `l` that are copies of another: the same incoming weights, bias and outgoing weights. */
export function copiedUnits(l: WeightedLayer, next: WeightedLayer | null): number {
  const { W, b } = l.weights
  const same = (j: number, k: number): boolean => {
    if (b && !sameValue(b[j], b[k])) return false
    for (let i = 0; i < l.nIn; i++) if (!sameValue(W[j * l.nIn + i], W[k * l.nIn + i])) return false
    if (next) for (let u = 0; u < next.units; u++) if (!sameValue(next.weights.W[u * next.nIn + j], next.weights.W[u * next.nIn + k])) return false
    return true
  }
  // Numbers, not the weights as text: a snapshot of a 784-100 layer would otherwise stringify 78,400 of them.
  const signature = (j: number): string => {
    let sum = 0
    let weighted = 0
    for (let i = 0; i < l.nIn; i++) {
      sum += W[j * l.nIn + i]
      weighted += W[j * l.nIn + i] * (i + 1)
    }
    return `${sum}|${weighted}|${b ? b[j] : ''}`
  }
  const buckets = new Map<string, number[]>()
  for (let j = 0; j < l.units; j++) {
    const key = signature(j)
    const bucket = buckets.get(key)
    if (bucket) bucket.push(j)
    else buckets.set(key, [j])
  }
  let copies = 0
  for (const bucket of buckets.values()) {
    const seen = new Set<number>()
    for (const j of bucket) {
      if (seen.has(j)) continue
      const group = bucket.filter((k) => !seen.has(k) && same(j, k))
      group.forEach((k) => seen.add(k))
      if (group.length > 1) copies += group.length
    }
  }
  return copies
}

function symmetricUnits(ctx: DiagnosticContext): TrainingDiagnostic[] {
  const found: TrainingDiagnostic[] = []
  const weighted = ctx.session.network.weighted
  weighted.forEach((l, i) => {
    if (l.units < 2) return
    // Units stay copies only when what comes in and what goes out are the same.
    const next = weighted[i + 1]?.nIn === l.units ? weighted[i + 1] : null
    const copies = copiedUnits(l, next)
    if (copies < 2) return
    const allZero = l.weights.W.every((w) => w === 0)
    found.push({ id: 'symmetricUnits', nodeId: l.nodeId, severity: 'warning', value: copies / l.units, message: allZero ? `All weights of this layer are 0: its ${l.units} units compute the same thing, get the same gradient and stay identical.` : `${copies} of ${l.units} units have identical weights: they get identical gradients and stay copies of each other.`, hint: 'Initialise the weights randomly (Xavier for sigmoid/tanh, He for ReLU) so the units can learn different features.' })
  })
  return found
}

/** Every check, in the order the panel lists them. */
export const DIAGNOSTIC_CHECKS = {
  deadRelus,
  saturated,
  gradientFlow,
  learningRateTooHigh,
  overfitting,
  symmetricUnits,
} satisfies Record<string, Check>

/** The probe rows: the first `PROBE_ROWS` training rows, row-major. */
export function probeRows(s: Session): { inputs: Float64Array; rows: number } {
  const idx = s.trainIndices
  const rows = Math.min(PROBE_ROWS, idx.length)
  const inputs = new Float64Array(rows * s.train.inputSize)
  const row = new Float64Array(s.train.inputSize)
  for (let r = 0; r < rows; r++) {
    datasetReadInput(s.train, idx[r], row, 0)
    inputs.set(row, r * s.train.inputSize)
  }
  return { inputs, rows }
}

/** Every finding for the session as it is now (a forward pass over the probe rows, no training). */
export function diagnoseSession(session: Session, probe: { inputs: Float64Array; rows: number } = probeRows(session)): TrainingDiagnostic[] {
  const ctx: DiagnosticContext = { session, activations: session.activations(probe.inputs, probe.rows), rows: probe.rows }
  return Object.values(DIAGNOSTIC_CHECKS).flatMap((check: Check) => check(ctx))
}

/** Probe work (rows × parameters) up to which the findings are redone at every epoch whatever it costs. */
export const CHEAP_PROBE_WORK = 1e6
/** Otherwise, at least this many training examples per probe row go by between two diagnoses. */
export const EXAMPLES_PER_PROBE_ROW = 20

/**
 * Keeps a run's findings current without redoing them for every snapshot: once per epoch (and
 * whenever asked after the weights changed otherwise, e.g. a step or a reset). A big network on
 * short epochs (Fashion-MNIST's 2,000-image sample: 7 updates) is diagnosed less often, so the
 * probe's forward pass stays a few per cent of the training it watches.
 */
export class DiagnosticsTracker {
  private probe: { inputs: Float64Array; rows: number } | null = null
  private key = ''
  private examplesAt = -Infinity
  private last: TrainingDiagnostic[] = []

  /** The findings for `s` now: recomputed once per epoch (less often for big networks), or at once with `force`. */
  current(s: Session, force = false): TrainingDiagnostic[] {
    const key = `${s.epoch}`
    if (!force && key === this.key && this.probe) return this.last
    this.probe ??= probeRows(s)
    // The cursor stays at the end of an epoch already counted in `epoch` until the next one begins.
    const examples = s.epoch * s.epochSize + (s.position >= s.epochSize ? 0 : s.position)
    const cheap = this.probe.rows * s.network.params.length <= CHEAP_PROBE_WORK
    if (!force && !cheap && examples - this.examplesAt < EXAMPLES_PER_PROBE_ROW * this.probe.rows) return this.last
    this.key = key
    this.examplesAt = examples
    this.last = diagnoseSession(s, this.probe)
    return this.last
  }

  /** Forget the findings (a reset: a new session from the seed). */
  restart(): void {
    this.key = ''
    this.examplesAt = -Infinity
    this.last = []
  }
}
