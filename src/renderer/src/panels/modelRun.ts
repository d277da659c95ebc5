/**
 * A model file opened on a project of the same network becomes one of that project's runs (a
 * student's export handed back, or a run exported and opened again): its curves and metrics come
 * from the model's history, its trained values from its layers, so the Runs tab compares it with
 * the project's own runs and can put its weights back on the canvas.
 */
import { HAND_SET_PARAMS, addRun, createRunRecord, nextRunName, runNetworkOf, trainedValuesOf, withRunColors, type RunRecord } from '../../../engine/experiments/runHistory'
import type { EpochLike } from '../../../engine/experiments/sweep'
import { modelToProject, modelToSpec, type ModelFile } from '../../../engine/model'
import type { Project } from '../../../engine/project'
import type { ModelSpec } from '../../../engine/spec'

/** Layer fields that hold values or how they start, not what the network is. */
const VALUE_FIELDS = new Set([...HAND_SET_PARAMS, 'weightInit', 'biasInit', 'trainWeights', 'trainBiases'])

/** What a network is (its input size, and each layer's kind, node id, links, sizes and activation), as text to compare. */
function architectureOf(model: ModelSpec): string {
  const layers = model.layers.map((layer) => Object.entries(layer).filter(([key]) => !VALUE_FIELDS.has(key)).sort(([a], [b]) => a.localeCompare(b)))
  return JSON.stringify({ inputSize: model.inputSize, layers })
}

/** Whether the model's trained values fit the network compiled from the canvas (`spec`): the same layers, by node id. */
export function modelFitsNetwork(model: ModelFile, spec: { model: ModelSpec } | null): boolean {
  return spec !== null && architectureOf(spec.model) === architectureOf(modelToSpec(model).model)
}

/** The model's history as the epochs a run record is made from. */
function epochsOf(model: ModelFile): EpochLike[] {
  const h = model.history
  return h.loss.map((loss, i) => ({
    epoch: h.epochs - h.loss.length + i + 1,
    loss,
    ...(h.accuracy ? { accuracy: h.accuracy[i] } : {}),
    ...(h.valLoss ? { valLoss: h.valLoss[i] } : {}),
    ...(h.valAccuracy ? { valAccuracy: h.valAccuracy[i] } : {}),
  }))
}

/**
 * The network the model trained, on this project's canvas: the project's nodes and links, with
 * the model's seed, precision, data (when it names its data), loss and training settings.
 */
function networkOf(model: ModelFile, project: Project): Project {
  const drawn = modelToProject(model, { data: model.data ?? project.data })
  const settings = (kind: 'loss' | 'optimizer') => drawn.nodes.find((n) => n.kind === kind)?.params
  const nodes = project.nodes.map((node) => {
    const params = node.kind === 'loss' || node.kind === 'optimizer' ? settings(node.kind) : undefined
    return params ? ({ ...node, params: { ...node.params, ...params } } as typeof node) : node
  })
  return { ...project, seed: drawn.seed, precision: drawn.precision, data: drawn.data, nodes }
}

/** The model as a run of `project` (named as its next run would be), opened from `fileName`. */
export function modelRunRecord(project: Project, model: ModelFile, fileName: string, id: string, created: string): RunRecord {
  const h = model.history
  const record = createRunRecord({
    id,
    name: nextRunName(project.runs ?? []),
    created,
    status: 'finished',
    note: h.stopReason ?? 'finished',
    seconds: 0,
    iterations: h.iterations,
    epochs: epochsOf(model),
    test: h.test ?? null,
    network: runNetworkOf(networkOf(model, project)),
    weights: trainedValuesOf(model),
  })
  return { ...record, openedFrom: fileName }
}

/**
 * `runs` with `record` added as the next run, named and coloured as ▶ Train's runs are (after a
 * run the import ended, recorded meanwhile), and that run.
 */
export function withModelRun(runs: readonly RunRecord[], record: RunRecord): { runs: RunRecord[]; run: RunRecord } {
  const added = addRun(withRunColors(runs), { ...record, name: nextRunName(runs) })
  return { runs: added, run: added.find((r) => r.id === record.id)! }
}
