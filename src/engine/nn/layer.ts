/**
 * The layer interface: what every layer kind (dense, dropout, batch normalisation, …) gives the
 * network, the session, the trace, the views and the model export. None of them switches on the
 * kind: they ask the layer. A new kind is one file implementing `LayerKind` plus its line in
 * `layers.ts`.
 *
 * Buffers are row-major `[capacity×units]`; a pass works on rows [r0, r0+rows). A layer reads
 * one input (dense, dropout, batch norm) or, for a merge kind (add, concatenate), two or more:
 * `inputs[s]` is the buffer of its s-th source, `gradInputs[s]` where ∂E/∂(that input) goes.
 */
import type { FloatArray } from '../kernels/gemm'
import type { Rng } from '../rng'
import type { BatchSpec, LayerSpec } from '../spec'
import type { Activation, ActivationParams } from './activations'
import type { Loss } from './losses'
import type { ParamRange } from './optimizers'
import type { z } from '../schema/z'

/** Random streams the forward pass may draw from while training. */
export interface ForwardRngs {
  dropout: Rng
  noise: Rng
}

/** A named run of a layer's parameters in the network's flat `params`/`grads` arrays. */
export interface ParamBlock extends ParamRange {
  /** 'weights', 'biases', 'gamma', 'beta', … (the model file's field name). */
  name: string
  /** Shape `[rows, cols]` (cols 1 for a vector). */
  shape: [number, number]
  /** Whether the optimizer updates it. */
  trainable: boolean
  /** Whether L1/L2 regularisation applies (weights yes, biases and scales no). */
  regularized: boolean
}

/** A named run of a layer's state (not trained by gradients) in the network's flat `state` array. */
export interface StateBlock extends ParamRange {
  name: string
}

/** The weight matrix view of a layer that has one: what the weight views and step-through read. */
export interface WeightView {
  /** W [units×nIn] (w_jk = W[j·nIn + k]) and b [units] (null without bias), views into params. */
  W: FloatArray
  b: FloatArray | null
  /** Their gradients, views into grads. */
  gW: FloatArray
  gb: FloatArray | null
  /** Offsets of W and b in the flat arrays (b: −1 without bias). */
  wOffset: number
  bOffset: number
}

/** What a layer is built with: its place, the shared flat arrays and the allocator. */
export interface LayerContext {
  index: number
  /** Total input width (the sum of `inputWidths`). */
  nIn: number
  /** Width of each input, in the order of the layer's sources. */
  inputWidths: readonly number[]
  capacity: number
  params: FloatArray
  grads: FloatArray
  /** Where this layer's parameters start in params/grads. */
  paramOffset: number
  state: FloatArray
  /** Where this layer's state starts in `state`. */
  stateOffset: number
  alloc: (length: number) => FloatArray
  initRng: Rng
  /**
   * Whether the layer writes its initial parameters and state (initialisers, hand-set values).
   * False when the network is built over parameters that already hold values (another
   * network's, e.g. a data-parallel replica reading the session's in shared memory).
   */
  initialise: boolean
}

export interface Layer {
  readonly kind: LayerSpec['kind']
  /** Position in the layer list. */
  readonly index: number
  readonly nodeId: string
  /** Total input width (one input's width, or the sum over a merge layer's inputs). */
  readonly nIn: number
  /** Width of the output. */
  readonly units: number
  /** Output [capacity×units]. */
  readonly out: FloatArray
  /** ∂E/∂out [capacity×units], written by the next layers' backward passes (summed) or the loss. */
  readonly gradOut: FloatArray
  /** Parameters, in flat-array order. */
  readonly blocks: readonly ParamBlock[]
  /** State that belongs to the model but is not trained by gradients (restore-best copies it). */
  readonly stateBlocks: readonly StateBlock[]
  /** The weight matrix, for layers that have one (views, step-through, divergence reports). */
  readonly weights?: WeightView
  /** The activation applied to the output, for layers that have one. */
  readonly activation?: Activation
  readonly actParams?: ActivationParams
  /** out = f(inputs) for rows [r0, r0+rows); `rngs` null in evaluation mode. */
  forward(inputs: readonly FloatArray[], r0: number, rows: number, rngs: ForwardRngs | null): void
  /**
   * From `gradOut`, add scale·∂E/∂param to the gradient blocks and write ∂E/∂inputs[s] into each
   * `gradInputs[s]` that is given (null for the network input: nothing needs it). The network
   * sums what several readers write for one source. With `write` (a batch's first chunk, for a
   * kind with `writesGradients`) the gradient blocks are written instead of added to, whatever
   * they held (an earlier batch's), so they need no zeroing first.
   */
  backward(inputs: readonly FloatArray[], gradInputs: readonly (FloatArray | null)[], r0: number, rows: number, scale: number, write?: boolean): void
  /** True for kinds whose `backward` honours `write`; the network zeroes the others' gradient blocks before their backward. */
  readonly writesGradients?: boolean
  /** Per-unit intermediate values of row 0 for the trace (dense: net and delta). */
  traceValues(): Record<string, number[]>
  /** The model file's fields of this layer besides kind and nodeId (current parameters and state). */
  exportFields(): Record<string, unknown>
}

/** A layer that can end the network: it turns targets into its own delta (loss + output rule). */
export interface OutputLayer extends Layer {
  /**
   * Loss of rows [r0, r0+rows) against `T` (sum of per-example losses) and the layer's own
   * delta for each row. `deltaRule` replaces the gradient by the perceptron rule.
   */
  lossAndDelta(T: FloatArray, r0: number, rows: number, loss: Loss, deltaRule: boolean): number
  /** `backward` after `lossAndDelta` (the delta is already there). */
  backwardFromDelta(inputs: readonly FloatArray[], gradInputs: readonly (FloatArray | null)[], r0: number, rows: number, scale: number, write?: boolean): void
}

/** How the network is trained, for the layer checks. */
export interface RunContext {
  /** The perceptron rule trains the network (no gradient). */
  perceptron: boolean
  /** Examples per update. */
  batch: BatchSpec
}

/** A layer as the model file holds it: its node id, what it reads, and its kind's `modelFields`. */
export type ModelFileLayer<F extends z.ZodObject = z.ZodObject> = { nodeId: string; inputs?: string[] } & z.output<F>

/**
 * How a layer kind is sized, checked and built from its spec. `nIn` is the total input width
 * and `widths` the width of each input (one entry unless the kind is a merge).
 */
export interface LayerKind<S extends LayerSpec = LayerSpec, F extends z.ZodObject = z.ZodObject> {
  kind: S['kind']
  /** Output width for `nIn` inputs. */
  units(spec: S, nIn: number, widths: readonly number[]): number
  /** Number of parameters and of state values for `nIn` inputs. */
  paramCount(spec: S, nIn: number): number
  stateCount(spec: S, nIn: number): number
  /**
   * The schema of the spec's own fields, where the kind declares them (types and bounds; the
   * validator checks them before `check`; for a kind drawn as one node, the canvas node and the
   * project file share them).
   */
  fields?: z.ZodObject
  /**
   * The engine's own check of the spec beyond its fields' schema (shapes against `nIn`, what
   * the run allows; the compiler's diagnostics come first): an error message, or null.
   */
  check(spec: S, nIn: number, run: RunContext, widths: readonly number[]): string | null
  /**
   * A problem with the widths of what a layer reads (add: they must be equal), or null: `check`
   * and the model file's checks both ask it.
   */
  inputsProblem?(widths: readonly number[]): string | null
  /** True for kinds that join two or more inputs (add, concatenate); others read exactly one. */
  merge?: boolean
  /**
   * The model file's fields of this kind besides kind, nodeId and inputs (a merge kind declares
   * its `inputs` too): what `exportFields` writes. Lists say which widths they span
   * (`schema/layerFields.ts`), so the model file's schema and shape checks come from here.
   */
  modelFields: F
  /** The spec of a model-file layer (the inverse of `exportFields`, values hand-set). */
  fromExport(layer: ModelFileLayer<F>): S
  /** True when the forward pass needs a whole batch at once (batch statistics): never split one. */
  wholeBatch?: boolean
  /** True for kinds that can be the output (they implement `OutputLayer`); absent for the others. */
  output?: true
  create(spec: S, ctx: LayerContext): Layer
}

/** `paramCount` and `stateCount` of a kind that has neither (dropout, the merges, input features). */
export const NO_PARAMETERS = { paramCount: () => 0, stateCount: () => 0 } as const

/**
 * What every layer class starts from: its place (index, node id), its spec and its widths. A
 * kind's class adds its buffers, parameters, forward and backward.
 */
export abstract class LayerBase<S extends LayerSpec> {
  readonly index: number
  readonly nodeId: string
  readonly nIn: number

  constructor(
    readonly spec: S,
    ctx: LayerContext,
    /** Width of the output. */
    readonly units: number,
  ) {
    this.index = ctx.index
    this.nodeId = spec.nodeId
    this.nIn = ctx.nIn
  }
}

