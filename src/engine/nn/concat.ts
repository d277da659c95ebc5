/**
 * Concatenate: the inputs side by side, in the order of the layer's `inputs` (widths add up).
 * Each input receives its own slice of ∂E/∂net:
 *
 *   net[r] = [inputs[0][r] | inputs[1][r] | …]     ∂E/∂inputs[s][r] = delta[r][offset_s … offset_s + width_s)
 */
import type { ConcatLayerSpec } from '../spec'
import type { FloatArray } from '../kernels/gemm'
import { NO_PARAMETERS, type LayerContext, type LayerKind } from './layer'
import { MergeLayer, mergeCheck, mergeFields, mergeFromExport, mergeModelFields } from './merge'

class ConcatLayer extends MergeLayer {
  readonly kind = 'concat'

  constructor(spec: ConcatLayerSpec, ctx: LayerContext) {
    super(spec, ctx, ctx.nIn)
  }

  protected join(inputs: readonly FloatArray[], r0: number, rows: number): void {
    const n = this.units
    let offset = 0
    inputs.forEach((input, s) => {
      const w = this.inputWidths[s]
      for (let r = r0; r < r0 + rows; r++) {
        for (let k = 0; k < w; k++) this.net[r * n + offset + k] = input[r * w + k]
      }
      offset += w
    })
  }

  protected split(gradInputs: readonly (FloatArray | null)[], r0: number, rows: number): void {
    const n = this.units
    let offset = 0
    gradInputs.forEach((gradInput, s) => {
      const w = this.inputWidths[s]
      if (gradInput) {
        for (let r = r0; r < r0 + rows; r++) {
          for (let k = 0; k < w; k++) gradInput[r * w + k] = this.delta[r * n + offset + k]
        }
      }
      offset += w
    })
  }
}

export const concatKind: LayerKind<ConcatLayerSpec, typeof mergeModelFields> = {
  kind: 'concat',
  units: (_spec, nIn) => nIn,
  ...NO_PARAMETERS,
  merge: true,
  fields: mergeFields,
  check: (spec, nIn, run, widths) => mergeCheck(spec, nIn, run, widths),
  create: (spec, ctx) => new ConcatLayer(spec, ctx),
  modelFields: mergeModelFields,
  fromExport: (l) => mergeFromExport('concat', l),
}
