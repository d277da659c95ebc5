/**
 * The layer kinds, keyed by `LayerSpec['kind']`: the single list the network, the validator and
 * the parameter count read. Adding a kind = its file and one line here (and its spec type).
 */
import type { LayerSpec } from '../spec'
import type { Layer, LayerContext, LayerKind } from './layer'
import type { z } from '../schema/z'
import { denseKind } from './dense'
import { dropoutKind } from './dropout'
import { batchNormKind } from './batchNorm'
import { addKind } from './add'
import { concatKind } from './concat'
import { featuresKind } from './features'

type Kinds = { [K in LayerSpec['kind']]: LayerKind<Extract<LayerSpec, { kind: K }>, z.ZodObject> }

export const layerKinds = {
  dense: denseKind,
  dropout: dropoutKind,
  batchNorm: batchNormKind,
  add: addKind,
  concat: concatKind,
  features: featuresKind,
} as const satisfies Kinds

/** The kind descriptor of a spec (typed for the spec's union). */
export function layerKindOf(spec: LayerSpec): LayerKind {
  return layerKinds[spec.kind] as unknown as LayerKind
}

/** Build the layer of a spec. */
export function createLayer(spec: LayerSpec, ctx: LayerContext): Layer {
  return layerKindOf(spec).create(spec, ctx)
}
