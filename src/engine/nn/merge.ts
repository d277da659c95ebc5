/**
 * What the merge layers (add, concatenate) share: they join two or more inputs into `net`, apply
 * an optional activation, and hand ∂E/∂net back to each input. They have no parameters.
 *
 *   net = join(inputs)     out = f(net) (out = net without an activation)
 *   delta = ∂E/∂net = gradOut ⊙ f'(net)     ∂E/∂inputs = split(delta)
 *
 * A kind's own file says how it joins and splits (`add.ts`, `concat.ts`).
 */
import type { AddLayerSpec, ConcatLayerSpec } from '../spec'
import { activationSpec } from '../schema/engineSpec'
import { int } from '../schema/fields'
import { z } from '../schema/z'
import type { FloatArray } from '../kernels/gemm'
import { activationParams, activations, type Activation, type ActivationParams } from './activations'
import { activationBackwardRows, activationForwardRows } from './activationPass'
import { LayerBase, type ForwardRngs, type Layer, type LayerContext, type ModelFileLayer, type RunContext } from './layer'

type MergeSpec = AddLayerSpec | ConcatLayerSpec

export abstract class MergeLayer extends LayerBase<MergeSpec> implements Layer {
  abstract readonly kind: MergeSpec['kind']
  readonly inputWidths: readonly number[]
  readonly blocks = []
  readonly stateBlocks = []
  readonly activation?: Activation
  readonly actParams?: ActivationParams
  /** Work buffers [capacity×units]: the joined inputs, output, ∂E/∂out and ∂E/∂net. */
  readonly net: FloatArray
  readonly out: FloatArray
  readonly gradOut: FloatArray
  readonly delta: FloatArray

  constructor(spec: MergeSpec, ctx: LayerContext, units: number) {
    super(spec, ctx, units)
    this.inputWidths = ctx.inputWidths
    if (spec.activation) {
      this.activation = activations[spec.activation.id]
      this.actParams = activationParams(spec.activation)
    }
    const size = ctx.capacity * units
    this.net = ctx.alloc(size)
    // Without an activation out is net itself, and ∂E/∂net is ∂E/∂out.
    this.out = spec.activation ? ctx.alloc(size) : this.net
    this.gradOut = ctx.alloc(size)
    this.delta = spec.activation ? ctx.alloc(size) : this.gradOut
  }

  /** Write net for rows [r0, r0+rows) from the inputs. */
  protected abstract join(inputs: readonly FloatArray[], r0: number, rows: number): void
  /** Write each given ∂E/∂inputs[s] for rows [r0, r0+rows) from `delta`. */
  protected abstract split(gradInputs: readonly (FloatArray | null)[], r0: number, rows: number): void

  forward(inputs: readonly FloatArray[], r0: number, rows: number, rngs: ForwardRngs | null): void {
    this.join(inputs, r0, rows)
    if (this.activation) activationForwardRows(this.activation, this.actParams!, this.net, this.out, r0, rows, this.units, rngs)
  }

  backward(_inputs: readonly FloatArray[], gradInputs: readonly (FloatArray | null)[], r0: number, rows: number): void {
    if (this.activation) activationBackwardRows(this.activation, this.actParams!, this.net, this.out, this.gradOut, this.delta, r0, rows, this.units)
    this.split(gradInputs, r0, rows)
  }

  traceValues(): Record<string, number[]> {
    return { net: Array.from(this.net.subarray(0, this.units)), delta: Array.from(this.delta.subarray(0, this.units)) }
  }

  exportFields(): Record<string, unknown> {
    return { units: this.units, ...(this.spec.activation ? { activation: { ...this.spec.activation } } : {}) }
  }
}

/** The checks both merge kinds make: two or more inputs, and an activation gradients can pass. */
export function mergeCheck(spec: MergeSpec, units: number, run: RunContext, widths: readonly number[]): string | null {
  if (widths.length < 2) return `A merge layer joins two or more inputs (it has ${widths.length}).`
  if (run.perceptron) return 'The perceptron rule trains a single layer; a merge layer needs a gradient optimizer.'
  if (!spec.activation) return null
  const act = activations[spec.activation.id] as Activation | undefined
  if (!act) return `Unknown activation "${spec.activation.id}".`
  if (!act.differentiable) return `The ${act.id} activation has zero gradient, so gradient descent cannot train through it.`
  if (act.id === 'softmax' && units < 2) return 'Softmax over one unit always outputs 1.'
  return null
}

/** The merge kinds' own spec field: the optional activation (bounds checked by the validator). */
export const mergeFields = z.object({ activation: activationSpec.optional() })

/** A merge layer in the model file: what it joins, its width, its optional activation. */
export const mergeModelFields = z.object({
  inputs: z
    .array(z.string())
    .min(2, { error: 'must name two or more sources' })
    .meta({ description: 'Node ids of the earlier layers it joins, or "$input" for the network input.' }),
  /** Each input's width (add), or their sum (concat). */
  units: int({ min: 1 }),
  activation: mergeFields.shape.activation,
}).meta({ description: 'A merge: add (element-wise sum of inputs of equal width) or concat (inputs side by side, in the order of inputs), then the optional activation.' })

/** The spec of a model-file merge layer. */
export function mergeFromExport<K extends MergeSpec['kind']>(kind: K, l: ModelFileLayer<typeof mergeModelFields>): Extract<MergeSpec, { kind: K }> {
  const activation = l.activation
  return { kind, nodeId: l.nodeId, inputs: [...l.inputs], ...(activation ? { activation: { ...activation } } : {}) } as Extract<MergeSpec, { kind: K }>
}
