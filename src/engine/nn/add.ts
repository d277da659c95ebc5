/**
 * Add: the element-wise sum of two or more inputs of the same width, as in a residual block
 * (out = f(x + F(x))). Each input receives the whole of ∂E/∂net:
 *
 *   net = Σ_s inputs[s]        ∂E/∂inputs[s] = delta   (for every s)
 */
import type { AddLayerSpec } from '../spec'
import type { FloatArray } from '../kernels/gemm'
import { NO_PARAMETERS, type LayerContext, type LayerKind } from './layer'
import { MergeLayer, mergeCheck, mergeFields, mergeFromExport, mergeModelFields } from './merge'

class AddLayer extends MergeLayer {
  readonly kind = 'add'

  constructor(spec: AddLayerSpec, ctx: LayerContext) {
    super(spec, ctx, ctx.inputWidths[0])
  }

  protected join(inputs: readonly FloatArray[], r0: number, rows: number): void {
    const o = r0 * this.units
    const end = o + rows * this.units
    const net = this.net
    const first = inputs[0]
    for (let p = o; p < end; p++) net[p] = first[p]
    for (let s = 1; s < inputs.length; s++) {
      const input = inputs[s]
      for (let p = o; p < end; p++) net[p] += input[p]
    }
  }

  protected split(gradInputs: readonly (FloatArray | null)[], r0: number, rows: number): void {
    const o = r0 * this.units
    const end = o + rows * this.units
    for (const gradInput of gradInputs) {
      if (gradInput) for (let p = o; p < end; p++) gradInput[p] = this.delta[p]
    }
  }
}

/** Add sums element by element: its inputs need one width. */
function sameWidths(widths: readonly number[]): string | null {
  return widths.some((w) => w !== widths[0])
    ? `Add sums its inputs element by element, so they need the same width (got ${widths.join(', ')}).`
    : null
}

export const addKind: LayerKind<AddLayerSpec, typeof mergeModelFields> = {
  kind: 'add',
  units: (_spec, _nIn, widths) => widths[0],
  ...NO_PARAMETERS,
  merge: true,
  fields: mergeFields,
  inputsProblem: sameWidths,
  check: (spec, _nIn, run, widths) => sameWidths(widths) ?? mergeCheck(spec, widths[0], run, widths),
  create: (spec, ctx) => new AddLayer(spec, ctx),
  modelFields: mergeModelFields,
  fromExport: (l) => mergeFromExport('add', l),
}
