/**
 * Dropout (inverted): while training each unit is kept with probability 1 − rate and scaled by
 * 1/(1 − rate), so evaluation is the identity. The mask is drawn from the `dropout` stream.
 *
 *   out = input ⊙ mask,   ∂E/∂input = ∂E/∂out ⊙ mask,   mask ∈ {0, 1/(1 − rate)}
 */
import type { DropoutLayerSpec } from '../spec'
import type { FloatArray } from '../kernels/gemm'
import { LayerBase, NO_PARAMETERS, type ForwardRngs, type Layer, type LayerContext, type LayerKind } from './layer'
import { param } from '../schema/params'
import { z } from '../schema/z'

/** The fields a dropout layer's spec, its canvas node and the project file share. */
export const dropoutFields = z.object({
  /** Probability of dropping a unit during training; inverted scaling 1/(1−rate). */
  rate: param.number({ label: 'Rate', description: 'Probability of dropping a unit during training.', min: 0, exclusiveMax: 1, default: 0.5 }),
})

class DropoutLayer extends LayerBase<DropoutLayerSpec> implements Layer {
  readonly kind = 'dropout'
  readonly rate: number
  readonly blocks = []
  readonly stateBlocks = []
  readonly out: FloatArray
  readonly gradOut: FloatArray
  /** 0 or 1/(1 − rate) per unit of each row (training only). */
  readonly mask: FloatArray
  /** Whether the last forward pass applied the mask (training) or passed through (evaluation). */
  active = false

  constructor(spec: DropoutLayerSpec, ctx: LayerContext) {
    super(spec, ctx, ctx.nIn)
    this.rate = spec.rate
    this.out = ctx.alloc(ctx.capacity * ctx.nIn)
    this.gradOut = ctx.alloc(ctx.capacity * ctx.nIn)
    this.mask = ctx.alloc(ctx.capacity * ctx.nIn)
  }

  forward(inputs: readonly FloatArray[], r0: number, rows: number, rngs: ForwardRngs | null): void {
    const input = inputs[0]
    const o = r0 * this.units
    const end = o + rows * this.units
    this.active = rngs !== null && this.rate > 0
    if (!rngs || !this.active) {
      for (let p = o; p < end; p++) this.out[p] = input[p]
      return
    }
    const keep = 1 / (1 - this.rate)
    for (let p = o; p < end; p++) {
      const m = rngs.dropout.uniform() < this.rate ? 0 : keep
      this.mask[p] = m
      this.out[p] = input[p] * m
    }
  }

  backward(_inputs: readonly FloatArray[], gradInputs: readonly (FloatArray | null)[], r0: number, rows: number): void {
    const gradInput = gradInputs[0]
    if (!gradInput) return
    const o = r0 * this.units
    const end = o + rows * this.units
    // After an evaluation forward pass (or with rate 0) the layer is the identity.
    if (!this.active) for (let p = o; p < end; p++) gradInput[p] = this.gradOut[p]
    else for (let p = o; p < end; p++) gradInput[p] = this.gradOut[p] * this.mask[p]
  }

  traceValues(): Record<string, number[]> {
    return {}
  }

  exportFields(): Record<string, unknown> {
    return { rate: this.rate }
  }
}

/** Dropout in the model file: its rate, as the canvas node declares it (required here). */
const dropoutModelFields = z
  .object({ rate: dropoutFields.shape.rate.unwrap() })
  .meta({ description: 'Dropout (the identity when predicting).' })

export const dropoutKind: LayerKind<DropoutLayerSpec, typeof dropoutModelFields> = {
  kind: 'dropout',
  units: (_spec, nIn) => nIn,
  ...NO_PARAMETERS,
  fields: dropoutFields,
  check: () => null,
  create: (spec, ctx) => new DropoutLayer(spec, ctx),
  modelFields: dropoutModelFields,
  fromExport: (l) => ({ kind: 'dropout', nodeId: l.nodeId, rate: l.rate }),
}
