/**
 * Batch normalisation (Ioffe & Szegedy 2015), per feature j over the rows of a batch:
 *
 *   training:    μ_j = mean_r x_rj,  σ²_j = mean_r (x_rj − μ_j)²,  x̂ = (x − μ)/√(σ² + ε)
 *   evaluation:  x̂ = (x − runningMean)/√(runningVar + ε)
 *   out = γ·x̂ + β
 *
 * Running statistics follow PyTorch: running ← (1 − momentum)·running + momentum·batch, with the
 * unbiased batch variance (σ²·N/(N − 1)). They are layer state: restore-best copies them and the
 * model file stores them. Backward in training mode (N rows, g = ∂E/∂out):
 *
 *   ∂E/∂γ = Σ_r g·x̂,  ∂E/∂β = Σ_r g,  ∂E/∂x = γ/(N·√(σ² + ε))·(N·g − Σ_r g − x̂·Σ_r g·x̂)
 *
 * and in evaluation mode (an affine map) ∂E/∂x = g·γ/√(runningVar + ε). The statistics are those
 * of the rows passed together, so a session feeds each whole batch at once (`wholeBatch`).
 *
 * Parameters: γ (n, starts at 1) then β (n, starts at 0). State: runningMean (n, 0), runningVar (n, 1).
 */
import type { BatchNormLayerSpec } from '../spec'
import { param } from '../schema/params'
import { int } from '../schema/fields'
import { perUnit } from '../schema/layerFields'
import { z } from '../schema/z'
import type { FloatArray } from '../kernels/gemm'
import { LayerBase, type ForwardRngs, type Layer, type LayerContext, type LayerKind, type ParamBlock, type StateBlock } from './layer'

/** The fields a batch-norm layer's spec, its canvas node and the project file share. */
export const batchNormFields = z.object({
  /** Weight of each batch in the running statistics: running ← (1 − momentum)·running + momentum·batch. */
  momentum: param.number({ label: 'Momentum', description: 'Weight of each batch in the running mean and variance used when predicting.', min: 0, max: 1, default: 0.1 }),
  /** Added to the variance before the square root. */
  epsilon: param.number({ label: 'ε', description: 'Added to the variance before the square root.', exclusiveMin: 0, default: 1e-5 }),
  /** Hand-set scale γ, shift β and running statistics, `[units]` (a loaded model); else 1, 0, 0, 1. */
  gamma: param.vector({ label: 'Scale γ', description: 'Hand-set scales, one per unit (start at 1).' }),
  beta: param.vector({ label: 'Shift β', description: 'Hand-set shifts, one per unit (start at 0).' }),
  runningMean: param.vector({ label: 'Running mean', description: 'Hand-set running means, one per unit (start at 0).' }),
  runningVar: param.vector({ label: 'Running variance', description: 'Hand-set running variances, one per unit (start at 1).' }),
})

export class BatchNormLayer extends LayerBase<BatchNormLayerSpec> implements Layer {
  readonly kind = 'batchNorm'
  readonly blocks: ParamBlock[]
  readonly stateBlocks: StateBlock[]
  readonly gamma: FloatArray
  readonly beta: FloatArray
  readonly gGamma: FloatArray
  readonly gBeta: FloatArray
  readonly runningMean: FloatArray
  readonly runningVar: FloatArray
  readonly out: FloatArray
  readonly gradOut: FloatArray
  /** x̂ [capacity×n] of the last forward pass, and 1/√(var + ε) per feature. */
  readonly xhat: FloatArray
  readonly invStd: Float64Array
  /** Whether the last forward pass used batch statistics (training). */
  private training = false

  constructor(spec: BatchNormLayerSpec, ctx: LayerContext) {
    super(spec, ctx, ctx.nIn)
    const n = ctx.nIn
    const p = ctx.paramOffset
    const s = ctx.stateOffset
    this.blocks = [
      { name: 'gamma', offset: p, length: n, shape: [n, 1], trainable: true, regularized: false },
      { name: 'beta', offset: p + n, length: n, shape: [n, 1], trainable: true, regularized: false },
    ]
    this.stateBlocks = [
      { name: 'runningMean', offset: s, length: n },
      { name: 'runningVar', offset: s + n, length: n },
    ]
    this.gamma = ctx.params.subarray(p, p + n)
    this.beta = ctx.params.subarray(p + n, p + 2 * n)
    this.gGamma = ctx.grads.subarray(p, p + n)
    this.gBeta = ctx.grads.subarray(p + n, p + 2 * n)
    this.runningMean = ctx.state.subarray(s, s + n)
    this.runningVar = ctx.state.subarray(s + n, s + 2 * n)
    if (ctx.initialise) {
      this.gamma.set(spec.gamma ?? new Array<number>(n).fill(1))
      this.beta.set(spec.beta ?? new Array<number>(n).fill(0))
    }
    this.runningMean.set(spec.runningMean ?? new Array<number>(n).fill(0))
    this.runningVar.set(spec.runningVar ?? new Array<number>(n).fill(1))
    this.out = ctx.alloc(ctx.capacity * n)
    this.gradOut = ctx.alloc(ctx.capacity * n)
    this.xhat = ctx.alloc(ctx.capacity * n)
    this.invStd = new Float64Array(n)
  }

  forward(inputs: readonly FloatArray[], r0: number, rows: number, rngs: ForwardRngs | null): void {
    const input = inputs[0]
    const n = this.units
    const eps = this.spec.epsilon
    this.training = rngs !== null
    for (let j = 0; j < n; j++) {
      let mean = this.runningMean[j]
      let variance = this.runningVar[j]
      if (this.training) {
        mean = 0
        for (let r = r0; r < r0 + rows; r++) mean += input[r * n + j]
        mean /= rows
        variance = 0
        for (let r = r0; r < r0 + rows; r++) variance += (input[r * n + j] - mean) ** 2
        variance /= rows
        const m = this.spec.momentum
        const unbiased = rows > 1 ? (variance * rows) / (rows - 1) : variance
        this.runningMean[j] = (1 - m) * this.runningMean[j] + m * mean
        this.runningVar[j] = (1 - m) * this.runningVar[j] + m * unbiased
      }
      const invStd = 1 / Math.sqrt(variance + eps)
      this.invStd[j] = invStd
      for (let r = r0; r < r0 + rows; r++) {
        const x = (input[r * n + j] - mean) * invStd
        this.xhat[r * n + j] = x
        this.out[r * n + j] = this.gamma[j] * x + this.beta[j]
      }
    }
  }

  backward(_inputs: readonly FloatArray[], gradInputs: readonly (FloatArray | null)[], r0: number, rows: number, scale: number): void {
    const gradInput = gradInputs[0]
    const n = this.units
    const { gradOut: g, xhat } = this
    for (let j = 0; j < n; j++) {
      let sumG = 0
      let sumGX = 0
      for (let r = r0; r < r0 + rows; r++) {
        sumG += g[r * n + j]
        sumGX += g[r * n + j] * xhat[r * n + j]
      }
      this.gGamma[j] += scale * sumGX
      this.gBeta[j] += scale * sumG
      if (!gradInput) continue
      const k = this.gamma[j] * this.invStd[j]
      for (let r = r0; r < r0 + rows; r++) {
        const p = r * n + j
        gradInput[p] = this.training ? (k / rows) * (rows * g[p] - sumG - xhat[p] * sumGX) : k * g[p]
      }
    }
  }

  traceValues(): Record<string, number[]> {
    return { normalized: Array.from(this.xhat.subarray(0, this.units)) }
  }

  exportFields(): Record<string, unknown> {
    const { momentum, epsilon } = this.spec
    const list = (a: FloatArray): number[] => Array.from(a)
    return { units: this.units, nIn: this.nIn, momentum, epsilon, gamma: list(this.gamma), beta: list(this.beta), runningMean: list(this.runningMean), runningVar: list(this.runningVar) }
  }
}

const VECTORS = ['gamma', 'beta', 'runningMean', 'runningVar'] as const

/**
 * Batch normalisation in the model file: its settings (as the canvas node declares them, required
 * here), trained γ and β, and running statistics; when predicting,
 * out = γ·(x − runningMean)/√(runningVar + epsilon) + β per unit.
 */
const batchNormModelFields = z.object({
  /** Equal to nIn. */
  units: int({ min: 1 }),
  nIn: int({ min: 1 }),
  momentum: batchNormFields.shape.momentum.unwrap(),
  epsilon: batchNormFields.shape.epsilon.unwrap(),
  gamma: perUnit('trained scales γ.'),
  beta: perUnit('trained shifts β.'),
  runningMean: perUnit('running means.'),
  runningVar: perUnit('running variances.'),
}).meta({ description: 'Batch normalisation: out = gamma·(x − runningMean)/√(runningVar + epsilon) + beta when predicting.' })

export const batchNormKind: LayerKind<BatchNormLayerSpec, typeof batchNormModelFields> = {
  kind: 'batchNorm',
  units: (_spec, nIn) => nIn,
  paramCount: (_spec, nIn) => 2 * nIn,
  stateCount: (_spec, nIn) => 2 * nIn,
  wholeBatch: true,
  fields: batchNormFields,
  check(spec, nIn, run) {
    for (const key of VECTORS) {
      const v = spec[key]
      if (v && v.length !== nIn) return `Hand-set ${key} must have ${nIn} entries.`
    }
    if (run.batch.mode === 'online' || (run.batch.mode === 'mini' && run.batch.size < 2)) {
      return 'Batch normalisation needs batches of 2 or more examples: choose mini-batch (|B| ≥ 2) or full batch.'
    }
    return null
  },
  create: (spec, ctx) => new BatchNormLayer(spec, ctx),
  modelFields: batchNormModelFields,
  fromExport(l) {
    const spec: BatchNormLayerSpec = { kind: 'batchNorm', nodeId: l.nodeId, momentum: l.momentum, epsilon: l.epsilon }
    for (const key of VECTORS) spec[key] = [...l[key]]
    return spec
  },
}
