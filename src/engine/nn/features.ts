/**
 * Input features, as TensorFlow Playground's feature picker: from the two inputs x₁, x₂ of a 2-D
 * data set the layer computes the picked features φ_f, side by side in the order listed, so the
 * next layer's width is the number of features. No parameters; plain arithmetic in the network's
 * precision (exact float64 for float64 networks).
 *
 *   out_f = φ_f(x₁, x₂)        ∂E/∂x_i = Σ_f ∂E/∂out_f · ∂φ_f/∂x_i
 */
import type { FeaturesLayerSpec } from '../spec'
import type { FloatArray } from '../kernels/gemm'
import { LayerBase, NO_PARAMETERS, type Layer, type LayerContext, type LayerKind } from './layer'
import { describe, keyed, type Described } from './registry'
import { int } from '../schema/fields'
import { param } from '../schema/params'
import { z } from '../schema/z'

/** One feature: its value and its partial derivatives at (x₁, x₂). */
export interface InputFeature extends Described {
  value: (x1: number, x2: number) => number
  d1: (x1: number, x2: number) => number
  d2: (x1: number, x2: number) => number
}

/** The features on offer, in the order the picker lists them (Playground's). */
export const INPUT_FEATURES = keyed({
  x1: { label: 'x₁', description: 'The first input as it is.', value: (a, _b) => a, d1: () => 1, d2: () => 0 },
  x2: { label: 'x₂', description: 'The second input as it is.', value: (_a, b) => b, d1: () => 0, d2: () => 1 },
  x1Squared: { label: 'x₁²', description: 'The first input squared.', value: (a, _b) => a * a, d1: (a, _b) => 2 * a, d2: () => 0 },
  x2Squared: { label: 'x₂²', description: 'The second input squared.', value: (_a, b) => b * b, d1: () => 0, d2: (_a, b) => 2 * b },
  x1x2: { label: 'x₁x₂', description: 'The product of the two inputs (its sign is XOR’s answer).', value: (a, b) => a * b, d1: (_a, b) => b, d2: (a, _b) => a },
  sinX1: { label: 'sin x₁', description: 'The sine of the first input.', value: (a, _b) => Math.sin(a), d1: (a, _b) => Math.cos(a), d2: () => 0 },
  sinX2: { label: 'sin x₂', description: 'The sine of the second input.', value: (_a, b) => Math.sin(b), d1: () => 0, d2: (_a, b) => Math.cos(b) },
} satisfies Record<string, InputFeature>)

export type InputFeatureId = keyof typeof INPUT_FEATURES

/** How each feature is named from the names of x₁ and x₂ (step-through: `x1·x2`, `sin i1` …). */
const FEATURE_NAMES: Record<InputFeatureId, (a: string, b: string) => string> = {
  x1: (a) => a,
  x2: (_a, b) => b,
  x1Squared: (a) => `${a}²`,
  x2Squared: (_a, b) => `${b}²`,
  x1x2: (a, b) => `${a}·${b}`,
  sinX1: (a) => `sin ${a}`,
  sinX2: (_a, b) => `sin ${b}`,
}

/** The names of a features layer's outputs, from the names of its two inputs. */
export function featureUnitNames(features: readonly InputFeatureId[], [a, b]: readonly string[]): string[] {
  return features.map((f) => FEATURE_NAMES[f](a, b))
}

/** The fields a features layer's spec, its canvas node and the project file share. */
export const featuresFields = z.object({
  /** The features computed, in this order (each at most once). */
  features: param.choices({
    label: 'Features',
    description: 'What the next layer sees, computed from x₁ and x₂ (pick one or more).',
    options: describe(INPUT_FEATURES),
    default: ['x1', 'x2'],
  }),
})

class FeaturesLayer extends LayerBase<FeaturesLayerSpec> implements Layer {
  readonly kind = 'features'
  readonly features: InputFeatureId[]
  readonly blocks = []
  readonly stateBlocks = []
  readonly out: FloatArray
  readonly gradOut: FloatArray

  constructor(spec: FeaturesLayerSpec, ctx: LayerContext) {
    super(spec, ctx, spec.features.length)
    this.features = [...spec.features]
    this.out = ctx.alloc(ctx.capacity * this.units)
    this.gradOut = ctx.alloc(ctx.capacity * this.units)
  }

  forward(inputs: readonly FloatArray[], r0: number, rows: number): void {
    const x = inputs[0]
    const n = this.units
    for (let r = r0; r < r0 + rows; r++) {
      const x1 = x[2 * r]
      const x2 = x[2 * r + 1]
      for (let f = 0; f < n; f++) this.out[r * n + f] = INPUT_FEATURES[this.features[f]].value(x1, x2)
    }
  }

  backward(inputs: readonly FloatArray[], gradInputs: readonly (FloatArray | null)[], r0: number, rows: number): void {
    const gradInput = gradInputs[0]
    if (!gradInput) return // reading the network input: nothing needs ∂E/∂x
    const x = inputs[0]
    const n = this.units
    for (let r = r0; r < r0 + rows; r++) {
      const x1 = x[2 * r]
      const x2 = x[2 * r + 1]
      let g1 = 0
      let g2 = 0
      for (let f = 0; f < n; f++) {
        const feature = INPUT_FEATURES[this.features[f]]
        g1 += this.gradOut[r * n + f] * feature.d1(x1, x2)
        g2 += this.gradOut[r * n + f] * feature.d2(x1, x2)
      }
      gradInput[2 * r] = g1
      gradInput[2 * r + 1] = g2
    }
  }

  traceValues(): Record<string, number[]> {
    return {}
  }

  exportFields(): Record<string, unknown> {
    return { features: [...this.features], units: this.units, nIn: this.nIn }
  }
}

/** Features are computed from two inputs. */
function readsTwo(nIn: number): string | null {
  return nIn === 2 ? null : `Input features are computed from two inputs x₁ and x₂, but this layer reads ${nIn}.`
}

/** The engine's check of a features layer: two inputs, known features, none twice. */
export function featuresCheck(features: readonly string[], nIn: number): string | null {
  const inputs = readsTwo(nIn)
  if (inputs) return inputs
  if (features.length === 0) return 'Pick at least one input feature.'
  const unknown = features.find((f) => !Object.hasOwn(INPUT_FEATURES, f))
  if (unknown !== undefined) return `There is no input feature “${unknown.slice(0, 40)}” (the features are ${Object.keys(INPUT_FEATURES).join(', ')}).`
  if (new Set(features).size !== features.length) return 'Each input feature may be picked once.'
  return null
}

/** Input features in the model file: the features picked (as the canvas node declares them), their count, the input width. */
const featuresModelFields = z
  .object({
    features: featuresFields.shape.features.unwrap(),
    /** The number of features. */
    units: int({ min: 1 }),
    /** Always 2. */
    nIn: int({ min: 1 }),
  })
  .meta({ description: 'Input features of a 2-D input (x1, x2), side by side in the listed order. No parameters.' })

export const featuresKind: LayerKind<FeaturesLayerSpec, typeof featuresModelFields> = {
  kind: 'features',
  units: (spec) => spec.features.length,
  ...NO_PARAMETERS,
  fields: featuresFields,
  inputsProblem: (widths) => readsTwo(widths.reduce((a, b) => a + b, 0)),
  check: (spec, nIn) => featuresCheck(spec.features, nIn),
  modelFields: featuresModelFields,
  create: (spec, ctx) => new FeaturesLayer(spec, ctx),
  fromExport: (l) => ({ kind: 'features', nodeId: l.nodeId, features: [...l.features] }),
}
