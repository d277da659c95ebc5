/**
 * `compileGraph`: the single bridge from what the user drew to what the engine runs.
 *
 * The drawing is a chain, or a graph whose branches split after a layer and join again at Add
 * or Concatenate nodes, from one input to one loss:
 *
 *     input → (dense → [activation] → [dropout] …)+ → loss [→ optimizer]
 *     input → dense → activation → dense → add ← input      (a residual block, then on to the loss)
 *
 * An activation node is folded into the dense (or merge) layer just before it (a dense layer
 * with no activation after it is linear). Layers come out in topological order; a layer that
 * does not read the one before it names its sources (`LayerSpec.inputs`), so a chain compiles
 * to exactly the spec it always did. The optimizer node holds every training setting; it is
 * drawn after the loss (`loss → optimizer`) or left free-standing — exactly one either way.
 *
 * Pure and deterministic: the same project gives the same spec and the same diagnostics in the
 * same order. The engine validates the spec again and is the authority.
 */

import { NETWORK_INPUT, SPEC_VERSION, type EngineSpec, type LayerSpec } from '../spec'
import { isBuiltinDatasetId, projectDataset } from './projectDataset'
import type { Diagnostic } from './diagnostics'
import { Diagnostics } from './compileDiagnostics'
import { walkGraph } from './compileWalk'
import { checkLayers, foldChain } from './compileLayers'
import { toNetworkLayerSpec, toOptimizerSpec, toTrainingSpec } from './compileSpecs'
import type { Project } from './types'
import { plural } from '../plural'

/** The shape of the data the network will be trained on. */
export interface DataShape {
  inputSize: number
  targetSize: number
}

export interface CompileOptions {
  /**
   * The loaded data's shape, for data not carried inline (files, built-ins). Without it, sizes
   * are checked only against inline data.
   */
  dataShape?: DataShape
}

export interface CompileResult {
  /** The engine spec, or null when any diagnostic is an error. */
  spec: EngineSpec | null
  diagnostics: Diagnostic[]
  /** Node ids of the network from input to loss (and optimizer), in topological order (layout, traces). */
  chain: string[]
}

/** The shape of inline data, or a diagnostic when its rows disagree. */
function inlineShape(project: Project, diag: Diagnostics): DataShape | undefined {
  const data = project.data
  if (data.kind !== 'inline') return undefined
  const { inputs, targets } = data
  if (inputs.length === 0 || inputs.length !== targets.length) {
    diag.error('data-shape', {}, `The inline data has ${inputs.length} input rows and ${targets.length} target rows.`, 'Give every example one row of inputs and one row of targets.')
    return undefined
  }
  const inputSize = inputs[0].length
  const targetSize = targets[0].length
  const ragged = inputs.some((row) => row.length !== inputSize) || targets.some((row) => row.length !== targetSize)
  if (ragged || inputSize === 0 || targetSize === 0) {
    diag.error('data-shape', {}, 'The inline data rows do not all have the same length.', 'Every input row needs the same number of features, and every target row the same number of outputs.')
    return undefined
  }
  return { inputSize, targetSize }
}

/** The shape of a built-in dataset (generated: they are small), if the id is known. */
function builtinShape(project: Project): DataShape | undefined {
  if (project.data.kind !== 'builtin' || !isBuiltinDatasetId(project.data.id)) return undefined
  try {
    const ds = projectDataset(project)
    return ds ? { inputSize: ds.inputSize, targetSize: ds.targetSize } : undefined
  } catch {
    return undefined // bad options: the data panel reports them when loading
  }
}

/**
 * Compiles a project into an engine spec.
 *
 * @returns `spec` (null if any error), every diagnostic (errors and warnings, in node order),
 *   and the chain of node ids from input to loss.
 */
export function compileGraph(project: Project, options: CompileOptions = {}): CompileResult {
  const diag = new Diagnostics()
  const { chain, sourcesOf, input, lossNode, optimizerNode } = walkGraph(project, diag)
  const dataShape = inlineShape(project, diag) ?? options.dataShape ?? builtinShape(project)
  let inputSize: number | undefined
  if (input && input.params.size !== 'auto') {
    inputSize = input.params.size
    if (dataShape && dataShape.inputSize !== inputSize) {
      diag.error('input-size-mismatch', { nodeId: input.id, param: 'size' }, `The input has size ${inputSize} but the data has ${plural(dataShape.inputSize, 'feature')}.`, `Set the input size to ${dataShape.inputSize} (or auto).`)
    }
  } else if (input) {
    inputSize = dataShape?.inputSize
    if (inputSize === undefined) {
      diag.error('input-size-unknown', { nodeId: input.id, param: 'size' }, 'The input size is auto, but the data is not loaded yet.', 'Load the data, or type the number of input features.')
    }
  }
  const { layers, lossOnChain, outputId } = foldChain(chain, sourcesOf, input, diag)
  checkLayers({ project, layers, lossOnChain, outputId, inputSize, dataShape, lossNode, optimizerNode }, diag)

  const chainIds = chain.map((n) => n.id)
  if (diag.hasErrors || !input || !lossNode || !optimizerNode || inputSize === undefined) {
    return { spec: null, diagnostics: diag.list, chain: chainIds }
  }
  const specLayers = layers.map((layer, i): LayerSpec => {
    const spec = toNetworkLayerSpec(layer)
    // A layer reading just the one before it (the first: the input) needs no `inputs`.
    const before = i === 0 ? NETWORK_INPUT : layers[i - 1].node.id
    const plain = layer.sources.length === 1 && layer.sources[0] === before
    return plain || spec.inputs ? spec : { ...spec, inputs: [...layer.sources] }
  })
  const p = optimizerNode.params
  const spec: EngineSpec = {
    version: SPEC_VERSION,
    seed: project.seed,
    model: {
      inputSize,
      layers: specLayers,
      loss: { id: lossNode.params.loss, reduction: lossNode.params.reduction },
      precision: project.precision,
    },
    optimizer: toOptimizerSpec(p),
    schedule: JSON.parse(JSON.stringify(p.schedule)),
    regularization: {
      l2: p.l2,
      l1: p.l1,
      ...(p.clipValue !== null ? { clipValue: p.clipValue } : {}),
      ...(p.clipNorm !== null ? { clipNorm: p.clipNorm } : {}),
    },
    training: toTrainingSpec(p),
  }
  return { spec, diagnostics: diag.list, chain: chainIds }
}
