/**
 * `compileGraph`: the single bridge from what the user drew to what the engine runs.
 *
 * The drawing must be one chain
 *
 *     input → (dense → [activation] → [dropout])+ → loss [→ optimizer]
 *
 * An activation node is folded into the dense layer just before it (a dense layer with no
 * activation after it is linear). The optimizer node holds every training setting; it is drawn
 * after the loss (`loss → optimizer`) or left free-standing — there is exactly one either way.
 *
 * Pure and deterministic: the same project gives the same spec and the same diagnostics in the
 * same order. The engine validates the spec again and is the authority.
 */

import { SPEC_VERSION, type EngineSpec, type LayerSpec } from '../spec'
import { isBuiltinDatasetId, projectDataset } from './dataset'
import type { Diagnostic } from './diagnostics'
import { Diagnostics } from './compileDiagnostics'
import { walkGraph } from './compileWalk'
import { checkLayers, foldChain } from './compileLayers'
import { toDenseSpec, toLayerSpec, toOptimizerSpec, toTrainingSpec } from './compileSpecs'
import type { Project } from './types'

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
  /** Node ids of the chain from input to loss, in order (for the canvas and traces). */
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
  const { chain, input, lossNode, optimizerNode } = walkGraph(project, diag)
  const dataShape = inlineShape(project, diag) ?? options.dataShape ?? builtinShape(project)
  let inputSize: number | undefined
  if (input && input.params.size !== 'auto') {
    inputSize = input.params.size
    if (dataShape && dataShape.inputSize !== inputSize) {
      diag.error('input-size-mismatch', { nodeId: input.id, param: 'size' }, `The input has size ${inputSize} but the data has ${dataShape.inputSize} features.`, `Set the input size to ${dataShape.inputSize} (or auto).`)
    }
  } else if (input) {
    inputSize = dataShape?.inputSize
    if (inputSize === undefined) {
      diag.error('input-size-unknown', { nodeId: input.id, param: 'size' }, 'The input size is auto, but the data is not loaded yet.', 'Load the data, or type the number of input features.')
    }
  }
  const { layers, lossOnChain } = foldChain(chain, input, lossNode, diag)
  checkLayers({ project, layers, lossOnChain, inputSize, dataShape, lossNode, optimizerNode }, diag)

  const chainIds = chain.map((n) => n.id)
  if (diag.hasErrors || !input || !lossNode || !optimizerNode || inputSize === undefined) {
    return { spec: null, diagnostics: diag.list, chain: chainIds }
  }
  const specLayers: LayerSpec[] = layers.map(({ node, dense, activation }) => (dense ? toDenseSpec(dense, activation?.params) : toLayerSpec(node)))
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
