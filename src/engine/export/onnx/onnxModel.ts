/**
 * The ONNX export: a trained model's inference graph in float32, opset 13 (IR version 8):
 *
 *   input [batch, inputSize] raw features
 *     → Sub(shift) → Mul(scalePerFeature·scale)       the model's preprocessing, when it has one
 *     → MatMul(column) → Mul / Sin → Concat(axis 1)     per input-features layer (x1², x1·x2, sin x1 …)
 *     → Gemm(W, b, transB = 1) → activation            per dense layer (dropout is the identity)
 *     → BatchNormalization(γ, β, running mean, var)     per batch norm layer
 *     → Sum / Concat(axis 1) → activation               per add / concatenate layer
 *   output [batch, outputSize]                          what the app's predict gives
 *
 * A graph's layers read the tensors its `inputs` name (the layer before, by default).
 *
 * The class names, feature names and preprocessing are also recorded as metadata. Built with
 * `onnx-proto`'s generated protobuf code, never by hand. See docs/export.md.
 */
import { NETWORK_INPUT, type ActivationId, type ActivationSpec } from '../../spec'
import type { ModelFile, ModelLayer, ModelLayerOf } from '../../model/format'
import type { InputFeatureId } from '../../nn/features'
import { ENGINE_VERSION } from '../../version'
import { ExportError } from '../errors'
import { GraphBuilder, matrixType, onnx } from './graph'

export const ONNX_OPSET = 13
export const ONNX_IR_VERSION = 8

type ActivationNodes = (g: GraphBuilder, net: string, activation: ActivationSpec, prefix: string) => string

/** Each activation as ONNX nodes (inference: noisy ReLU without noise). */
export const ONNX_ACTIVATIONS = {
  linear: (g, net, a, prefix) => ((a.slope ?? 1) === 1 ? net : g.node('Mul', [net, g.constant(`${prefix}.slope`, [], [a.slope ?? 1])], `${prefix}.out`)),
  step: (g, net, _a, prefix) =>
    g.node('Cast', [g.node('GreaterOrEqual', [net, g.constant(`${prefix}.zero`, [], [0])], `${prefix}.positive`)], `${prefix}.out`, { to: { int: onnx.TensorProto.DataType.FLOAT } }),
  // ONNX's Sign gives 0 at 0; the engine's sign is +1 there.
  sign: (g, net, _a, prefix) =>
    g.node('Where', [g.node('GreaterOrEqual', [net, g.constant(`${prefix}.zero`, [], [0])], `${prefix}.positive`), g.constant(`${prefix}.plus`, [], [1]), g.constant(`${prefix}.minus`, [], [-1])], `${prefix}.out`),
  sigmoid: (g, net, _a, prefix) => g.node('Sigmoid', [net], `${prefix}.out`),
  tanh: (g, net, _a, prefix) => g.node('Tanh', [net], `${prefix}.out`),
  relu: (g, net, _a, prefix) => g.node('Relu', [net], `${prefix}.out`),
  noisyRelu: (g, net, _a, prefix) => g.node('Relu', [net], `${prefix}.out`),
  leakyRelu: (g, net, a, prefix) => g.node('LeakyRelu', [net], `${prefix}.out`, { alpha: a.alpha ?? 0.01 }),
  softplus: (g, net, _a, prefix) => g.node('Softplus', [net], `${prefix}.out`),
  softmax: (g, net, _a, prefix) => g.node('Softmax', [net], `${prefix}.out`, { axis: { int: 1 } }),
} as const satisfies Record<ActivationId, ActivationNodes>

/** A layer's ONNX nodes, from the tensors it reads (one, or several for a merge); returns its output tensor. */
type LayerNodes = (g: GraphBuilder, xs: string[], layer: ModelLayer) => string

/** The activation's nodes, or an ExportError when it has none. */
function activationNodes(g: GraphBuilder, net: string, activation: ActivationSpec, prefix: string): string {
  const nodes = ONNX_ACTIVATIONS[activation.id] as ActivationNodes | undefined
  if (!nodes) throw new ExportError(`The activation "${activation.id}" of layer "${prefix}" has no ONNX form.`)
  return nodes(g, net, activation, prefix)
}

/** Add (Sum of equal widths) or concatenate (Concat along the features), then the optional activation. */
function mergeNodes(g: GraphBuilder, xs: string[], layer: ModelLayerOf<'add' | 'concat'>): string {
  const prefix = layer.nodeId
  const net = layer.kind === 'add' ? g.node('Sum', xs, `${prefix}.net`) : g.node('Concat', xs, `${prefix}.net`, { axis: { int: 1 } })
  return layer.activation ? activationNodes(g, net, layer.activation, prefix) : net
}

function denseNodes(g: GraphBuilder, x: string, layer: ModelLayerOf<'dense'>): string {
  const prefix = layer.nodeId
  const W = g.constant(`${prefix}.W`, [layer.units, layer.nIn], layer.weights.flat())
  const inputs = layer.biases ? [x, W, g.constant(`${prefix}.b`, [layer.units], layer.biases)] : [x, W]
  const net = g.node('Gemm', inputs, `${prefix}.net`, { transB: { int: 1 } })
  return activationNodes(g, net, layer.activation, prefix)
}

/** Batch normalisation at inference: γ·(x − runningMean)/√(runningVar + ε) + β. */
function batchNormNodes(g: GraphBuilder, x: string, layer: ModelLayerOf<'batchNorm'>): string {
  const p = layer.nodeId
  const n = layer.units
  const inputs = [x, g.constant(`${p}.gamma`, [n], layer.gamma), g.constant(`${p}.beta`, [n], layer.beta), g.constant(`${p}.runningMean`, [n], layer.runningMean), g.constant(`${p}.runningVar`, [n], layer.runningVar)]
  return g.node('BatchNormalization', inputs, `${p}.out`, { epsilon: layer.epsilon })
}

/** Each input feature from the columns x1, x2 (`[batch, 1]` each). */
const ONNX_FEATURES = {
  x1: (_g, x1) => x1,
  x2: (_g, _x1, x2) => x2,
  x1Squared: (g, x1, _x2, p) => g.node('Mul', [x1, x1], `${p}.x1Squared`),
  x2Squared: (g, _x1, x2, p) => g.node('Mul', [x2, x2], `${p}.x2Squared`),
  x1x2: (g, x1, x2, p) => g.node('Mul', [x1, x2], `${p}.x1x2`),
  sinX1: (g, x1, _x2, p) => g.node('Sin', [x1], `${p}.sinX1`),
  sinX2: (g, _x1, x2, p) => g.node('Sin', [x2], `${p}.sinX2`),
} as const satisfies Record<InputFeatureId, (g: GraphBuilder, x1: string, x2: string, prefix: string) => string>

/** Input features: each column picked by a 0/1 MatMul (exact), the features side by side. */
function featuresNodes(g: GraphBuilder, x: string, layer: ModelLayerOf<'features'>): string {
  const p = layer.nodeId
  const x1 = g.node('MatMul', [x, g.constant(`${p}.pickX1`, [2, 1], [1, 0])], `${p}.x1`)
  const x2 = g.node('MatMul', [x, g.constant(`${p}.pickX2`, [2, 1], [0, 1])], `${p}.x2`)
  const columns = layer.features.map((f) => ONNX_FEATURES[f](g, x1, x2, p))
  return columns.length === 1 ? columns[0] : g.node('Concat', columns, `${p}.out`, { axis: { int: 1 } })
}

/** Each layer kind as ONNX nodes; a kind missing here has no ONNX form (yet). */
export const ONNX_LAYERS: Record<string, LayerNodes> = {
  dense: (g, [x], layer) => denseNodes(g, x, layer as ModelLayerOf<'dense'>),
  dropout: (_g, [x]) => x,
  batchNorm: (g, [x], layer) => batchNormNodes(g, x, layer as ModelLayerOf<'batchNorm'>),
  add: (g, xs, layer) => mergeNodes(g, xs, layer as ModelLayerOf<'add' | 'concat'>),
  concat: (g, xs, layer) => mergeNodes(g, xs, layer as ModelLayerOf<'add' | 'concat'>),
  features: (g, [x], layer) => featuresNodes(g, x, layer as ModelLayerOf<'features'>),
}

/** Sub(shift) and Mul(scale) for the model's preprocessing, when it changes anything. */
function preprocessingNodes(g: GraphBuilder, x: string, model: ModelFile): string {
  const pre = model.preprocessing
  const n = model.architecture.inputSize
  if (pre.shift && pre.shift.some((s) => s !== 0)) x = g.node('Sub', [x, g.constant('preprocess.shift', [n], pre.shift)], 'preprocess.shifted')
  const scale = Array.from({ length: n }, (_, k) => (pre.scalePerFeature ? pre.scalePerFeature[k] : 1) * pre.scale)
  if (scale.some((s) => s !== 1)) x = g.node('Mul', [x, g.constant('preprocess.scale', [n], scale)], 'preprocess.scaled')
  return x
}

/** What a reader needs beside the graph: names and the preprocessing, as JSON strings. */
function metadata(model: ModelFile): { key: string; value: string }[] {
  const pre = model.preprocessing
  const entries: [string, unknown][] = [
    ['axon.title', model.title],
    ['axon.task', model.task],
    ['axon.preprocessing', { formula: "x' = (x - shift) * scalePerFeature * scale (already in the graph)", scale: pre.scale, shift: pre.shift, scalePerFeature: pre.scalePerFeature }],
    ['axon.labelNames', pre.labelNames],
    ['axon.featureNames', pre.featureNames],
    ['axon.targetNames', pre.targetNames],
  ]
  return entries.filter(([, v]) => v !== undefined).map(([key, v]) => ({ key, value: typeof v === 'string' ? v : JSON.stringify(v) }))
}

/**
 * The model's inference graph as ONNX bytes.
 * @throws ExportError for a layer or activation with no ONNX form.
 */
export function toOnnx(model: ModelFile): Uint8Array {
  const a = model.architecture
  const g = new GraphBuilder()
  // The tensor each layer outputs, by node id ("$input": the preprocessed input).
  const tensors = new Map<string, string>([[NETWORK_INPUT, preprocessingNodes(g, 'input', model)]])
  let x = tensors.get(NETWORK_INPUT)!
  let previous: string = NETWORK_INPUT
  for (const layer of a.layers) {
    const nodes = ONNX_LAYERS[layer.kind] as LayerNodes | undefined
    if (!nodes) throw new ExportError(`The layer "${layer.nodeId}" (${layer.kind}) has no ONNX form, so the model cannot be exported to ONNX.`, 'Export it as a PyTorch script or a model JSON instead.')
    x = nodes(g, (layer.inputs ?? [previous]).map((id) => tensors.get(id)!), layer)
    tensors.set(layer.nodeId, x)
    previous = layer.nodeId
  }
  // The graph's output is called "output" whatever the last node was.
  g.node('Identity', [x], 'output', {}, 'output')
  const graph = {
    name: model.title,
    node: g.nodes,
    initializer: g.initializers,
    input: [matrixType('input', a.inputSize, 'raw features, one row per example (preprocessing is in the graph)')],
    output: [matrixType('output', a.outputSize, model.task === 'classification' ? 'class scores; the class is the largest' : 'predictions')],
    docString: `${model.title}: exported from Axon Studio ${ENGINE_VERSION}`,
  }
  const proto = onnx.ModelProto.create({
    irVersion: ONNX_IR_VERSION,
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    producerName: 'Axon Studio',
    producerVersion: ENGINE_VERSION,
    docString: 'A network designed and trained in Axon Studio (float32 inference graph).',
    graph,
    metadataProps: metadata(model),
  })
  return onnx.ModelProto.encode(proto).finish()
}
