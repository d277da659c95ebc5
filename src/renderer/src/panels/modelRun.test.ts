import { describe, expect, it } from 'vitest'
import { builtinDataset, type BuiltinOptions } from '../../../engine/data'
import { compileGraph, inlineDataset, isBuiltinDatasetId, type Project } from '../../../engine/project'
import { createSession } from '../../../engine/train'
import { exportModel, parseModel } from '../../../engine/model'
import { serializeModel } from '../../../engine/model/export'
import { trainedValuesOf } from '../../../engine/experiments/runHistory'
import { exampleProject } from '../graph/examples'
import { modelFitsNetwork, modelRunRecord, withModelRun } from './modelRun'

/** The example trained for `epochs` epochs and exported as Export model writes it, read back as Open model… reads it. */
function exportedModel(project: Project, epochs = 4) {
  const { spec, diagnostics } = compileGraph(project)
  if (!spec) throw new Error(JSON.stringify(diagnostics))
  const data = project.data
  const dataset = data.kind === 'inline' ? inlineDataset(data) : data.kind === 'builtin' && isBuiltinDatasetId(data.id) ? builtinDataset(data.id, (data.options ?? {}) as BuiltinOptions) : null
  if (!dataset) throw new Error('example data not in memory')
  const session = createSession({ ...spec, training: { ...spec.training, maxEpochs: epochs } }, dataset)
  session.trainToEnd()
  const parsed = parseModel(serializeModel(exportModel(session, { title: project.meta.title, data: project.data })))
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.model
}

const example = (id: string): Project => exampleProject(id)!
const specOf = (project: Project) => compileGraph(project).spec

describe('a model opened on a project of its network', () => {
  it.each(['xor-2-2-1-sigmoid', 'mazur-2-2-2', 'xor-relu-handset', 'residual-circles', 'encoder-8-3-8'])('%s: its exported model fits the network it came from', (id) => {
    expect(modelFitsNetwork(exportedModel(example(id)), specOf(example(id)))).toBe(true)
  })

  it('fits after the training settings change (η, epochs), not after the layers do (units, activation)', () => {
    const model = exportedModel(example('xor-2-2-1-sigmoid'))
    const edit = (change: (p: Project) => void) => {
      const project = structuredClone(example('xor-2-2-1-sigmoid'))
      change(project)
      return modelFitsNetwork(model, specOf(project))
    }
    const node = (p: Project, kind: string) => p.nodes.find((n) => n.kind === kind)! as unknown as { id: string; params: Record<string, unknown> }
    expect(edit((p) => Object.assign(node(p, 'optimizer').params, { learningRate: 0.1, epochs: 9 }))).toBe(true)
    expect(edit((p) => (node(p, 'dense').params.units = 3))).toBe(false)
    expect(edit((p) => (node(p, 'activation').params.activation = 'tanh'))).toBe(false)
    expect(modelFitsNetwork(model, specOf(example('mazur-2-2-2')))).toBe(false)
    expect(modelFitsNetwork(model, null)).toBe(false)
  })

  it('becomes the next run: the project’s nodes with the model’s settings and trained values, its curves from the model’s history', () => {
    const project = structuredClone(example('xor-2-2-1-sigmoid'))
    const model = exportedModel(project, 6)
    // The project trains with another η since: the run keeps the model's.
    const optimizer = project.nodes.find((n) => n.kind === 'optimizer')! as unknown as { params: { learningRate: number } }
    const modelRate = optimizer.params.learningRate
    optimizer.params.learningRate = 0.25
    const { runs, run } = withModelRun([], modelRunRecord(project, model, 'xor.model.json', 'r1', '2026-12-01T06:00:00.000Z'))
    expect(runs).toEqual([run])
    expect(run).toMatchObject({ name: 'Run 1', status: 'finished', epochs: 6, openedFrom: 'xor.model.json', seconds: 0 })
    expect(run.curves.epoch).toEqual([1, 2, 3, 4, 5, 6])
    expect(run.curves.loss).toEqual(model.history.loss)
    expect(run.weights).toEqual(trainedValuesOf(model))
    expect(run.network.nodes.map((n) => n.id)).toEqual(project.nodes.map((n) => n.id))
    expect(run.network.nodes.find((n) => n.kind === 'optimizer')!.params).toMatchObject({ learningRate: modelRate })
    // A second model is Run 2, in the next colour.
    const next = withModelRun(runs, modelRunRecord({ ...project, runs }, model, 'xor.model.json', 'r2', '2026-12-01T06:01:00.000Z'))
    expect(next.runs.map((r) => [r.name, r.color])).toEqual([['Run 1', 0], ['Run 2', 1]])
  })
})
