/**
 * Which parameters an activation takes is said once, in its registry entry (`params`): the
 * inspector shows exactly those for it, the compiler writes exactly those (where not the
 * default) and a model file's activation reopens with them, so a new activation with a
 * parameter needs its entry and nothing else.
 */
import { describe, expect, it } from 'vitest'
import { ACTIVATION_PARAM_DEFAULTS, activationParams, activations, type ActivationDef, type ActivationId, type ActivationParamKey } from '../nn/activations'
import { modelToProject } from '../model/toProject'
import { compileGraph } from './compile'
import { createNode, NODE_KINDS } from './nodeKinds'
import type { NodeKind, Project, ProjectNode, ProjectNodeOf } from './types'

const KEYS = Object.keys(ACTIVATION_PARAM_DEFAULTS) as ActivationParamKey[]
const IDS = Object.keys(activations) as ActivationId[]
const uses = (id: ActivationId, key: ActivationParamKey): boolean => (activations[id] as ActivationDef).params?.includes(key) === true

/** in → dense(2) → act → loss → optimizer, with the activation node's params as given. */
function project(act: Partial<ProjectNodeOf<'activation'>['params']>): Project {
  const chain: [NodeKind, string][] = [['input', 'in'], ['dense', 'o'], ['activation', 'act'], ['loss', 'loss'], ['optimizer', 'opt']]
  const nodes = chain.map(([kind, id], i) => createNode(kind, id, { x: i * 220, y: 0 })) as ProjectNode[]
  ;(nodes[1].params as { units: number }).units = 2
  Object.assign(nodes[2].params, act)
  return {
    format: 'axon-studio/project',
    version: 1,
    meta: { title: 't', description: '' },
    seed: 1,
    precision: 'float64',
    data: { kind: 'inline', inputs: [[0, 0], [0, 1]], targets: [[0, 1], [1, 0]] },
    nodes,
    edges: chain.slice(1).map(([, id], i) => ({ id: `e${i}`, source: chain[i][1], target: id })),
  }
}

describe('activation parameters, from the registry', () => {
  it('the inspector shows a parameter for exactly the activations that read it, with the engine’s default', () => {
    const params = NODE_KINDS.activation.params
    for (const key of KEYS) {
      const info = params.find((p) => p.key === key)!
      expect(info.when, key).toEqual({ key: 'activation', in: IDS.filter((id) => uses(id, key)) })
      expect(NODE_KINDS.activation.defaults[key]).toBe(activationParams({ id: 'linear' })[key])
    }
    expect(KEYS.map((key) => params.find((p) => p.key === key)!.when!.in)).toEqual([['linear'], ['leakyRelu'], ['noisyRelu']])
  })

  it.each(IDS.filter((id) => id !== 'step' && id !== 'sign'))('the compiler writes what %s reads (not defaults), and a model file reopens with it', (id) => {
    const set = { slope: 0.5, alpha: 0.2, noiseStd: 0.3 }
    const { spec, diagnostics } = compileGraph(project({ activation: id, ...set }))
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const written = spec!.model.layers[0].kind === 'dense' ? spec!.model.layers[0].activation : null
    const expected = Object.fromEntries(KEYS.filter((key) => uses(id, key)).map((key) => [key, set[key]]))
    expect(written).toEqual({ id, ...expected })
    const atDefaults = compileGraph(project({ activation: id, ...ACTIVATION_PARAM_DEFAULTS })).spec!.model.layers[0]
    expect(atDefaults.kind === 'dense' && atDefaults.activation).toEqual({ id })
    // Back to a node: the activation node of the reopened project carries the same values.
    const reopened = modelToProject({
      format: 'axon-studio/model',
      version: 1,
      engineVersion: 'test',
      title: 't',
      task: 'regression',
      architecture: { inputSize: 2, outputSize: 2, precision: 'float64', loss: { id: 'mse', reduction: 'mean' }, layers: [{ kind: 'dense', nodeId: 'o', units: 2, nIn: 2, activation: written!, weights: [[1, 0], [0, 1]], biases: null }] },
      preprocessing: { scale: 1 },
      training: spec!,
      history: { epochs: 0, iterations: 0, stopReason: null, loss: [] },
    })
    const act = reopened.nodes.find((n) => n.kind === 'activation')
    expect(act && KEYS.filter((key) => uses(id, key)).map((key) => (act.params as Record<string, unknown>)[key])).toEqual(KEYS.filter((key) => uses(id, key)).map((key) => set[key]))
  })
})
