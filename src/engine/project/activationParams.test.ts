/**
 * Which parameters an activation takes is said once, in its registry entry (`params`): the
 * inspector shows exactly those for it, the compiler writes exactly those (where not the
 * default) and a model file's activation reopens with them, so a new activation with a
 * parameter needs its entry and nothing else.
 */
import { describe, expect, it } from 'vitest'
import { ACTIVATION_PARAM_DEFAULTS, ACTIVATION_PARAMS, activationParams, activations, type ActivationDef, type ActivationId, type ActivationParamKey } from '../nn/activations'
import { modelToProject } from '../model/toProject'
import { compileGraph } from './compile'
import { validateProject } from './parse'
import { projectFile } from './schema'
import { checkWith } from '../schema/issues'
import { validateSpec } from '../train/validate'
import { NODE_KINDS } from './nodeKinds'
import type { Project, ProjectNodeOf } from './types'
import type { Bounds } from '../schema/fields'
import { drawProject } from '../../../test/projectBuilder'

const KEYS = Object.keys(ACTIVATION_PARAM_DEFAULTS) as ActivationParamKey[]
const IDS = Object.keys(activations) as ActivationId[]
const uses = (id: ActivationId, key: ActivationParamKey): boolean => (activations[id] as ActivationDef).params?.includes(key) === true

/** in → dense(2) → act → loss → optimizer, with the activation node's params as given. */
function project(act: Partial<ProjectNodeOf<'activation'>['params']>): Project {
  const data = { kind: 'inline' as const, inputs: [[0, 0], [0, 1]], targets: [[0, 1], [1, 0]] }
  return drawProject([['input', 'in'], ['dense', 'o', { units: 2 }], ['activation', 'act', act], ['loss', 'loss'], ['optimizer', 'opt']], { data })
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

  /** Values just outside each declared bound, and the bound itself where it is allowed. */
  const outside = (b: Bounds): number[] => [b.min === undefined ? [] : [b.min - 0.5], b.exclusiveMin ?? [], b.max === undefined ? [] : [b.max + 0.5], b.exclusiveMax ?? []].flat()
  const inside = (b: Bounds, v: number): boolean =>
    v >= (b.min ?? -Infinity) && v > (b.exclusiveMin ?? -Infinity) && v <= (b.max ?? Infinity) && v < (b.exclusiveMax ?? Infinity)
  const allowed = (b: Bounds): number[] => [b.min, b.max, -3, 0.25, 3].filter((v): v is number => v !== undefined && inside(b, v))

  it.each(IDS.flatMap((id) => KEYS.filter((key) => uses(id, key)).map((key) => [id, key] as const)))('%s’s %s has the registry’s bounds in the inspector, the project file, the compiler and the engine', (id, key) => {
    const declared: Bounds = ACTIVATION_PARAMS[key]
    const info = NODE_KINDS.activation.params.find((p) => p.key === key)!
    for (const b of ['min', 'max', 'exclusiveMin', 'exclusiveMax'] as const) expect(info[b], `${key}.${b}`).toBe(declared[b])
    const good = compileGraph(project({ activation: id })).spec!
    const engineVerdict = (value: number): string | null => {
      const spec = structuredClone(good)
      const layer = spec.model.layers[0]
      if (layer.kind === 'dense') layer.activation[key] = value
      try {
        validateSpec(spec)
        return null
      } catch (e) {
        expect((e as Error).name).toBe('SpecError')
        return (e as Error).message
      }
    }
    for (const value of outside(declared)) {
      const drawn = project({ activation: id, [key]: value })
      expect(compileGraph(drawn).diagnostics, `${key} = ${value}`).toContainEqual(expect.objectContaining({ code: 'invalid-param', nodeId: 'act', param: key }))
      // The file's schema flags it; the file still opens, so the compiler can point at the node.
      const checked = checkWith(projectFile, JSON.parse(JSON.stringify(drawn)))
      expect(checked.ok === false && checked.errors.map((e) => e.path)).toEqual([`$.nodes[2].params.${key}`])
      expect(validateProject(JSON.parse(JSON.stringify(drawn))).ok).toBe(true)
      expect(engineVerdict(value)).toContain(key)
    }
    for (const value of allowed(declared)) {
      const drawn = project({ activation: id, [key]: value })
      expect(compileGraph(drawn).diagnostics.filter((d) => d.severity === 'error'), `${key} = ${value}`).toEqual([])
      expect(checkWith(projectFile, JSON.parse(JSON.stringify(drawn))).ok).toBe(true)
      expect(engineVerdict(value)).toBeNull()
    }
  })
})
