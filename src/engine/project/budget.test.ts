import { describe, expect, it } from 'vitest'
import { compileGraph } from './compile'
import { drawProject } from '../../../test/projectBuilder'
import { checkParameterBudget, trainingBytes } from './budget'
import { MAX_LAYER_WIDTH, MAX_PARAMETERS } from '../nn/sizeLimits'
import { validateSpec } from '../train/validate'
import type { Project } from './types'

/** input(2) → dense(units) → sigmoid → dense(1) → sigmoid → mse → optimizer, on XOR rows. */
function chainProject(units: number): Project {
  return drawProject([['input', 'in'], ['dense', 'h', { units }], ['activation', 'a'], ['dense', 'o', { units: 1 }], ['activation', 'a2'], ['loss', 'loss'], ['optimizer', 'opt']], { title: 'wide' })
}

function collect() {
  const found: Array<{ code: string; nodeId?: string; message: string; hint: string }> = []
  return { found, diag: { error: (code: string, where: { nodeId?: string }, message: string, hint: string) => void found.push({ code, nodeId: where.nodeId, message, hint }) } }
}

describe('parameter budget', () => {
  it('counts weights and biases per dense layer (784 → 100 → 10 is 79,510)', () => {
    expect(trainingBytes(79_510, 'float64')).toBe(79_510 * 8 * 5)
    const { found, diag } = collect()
    checkParameterBudget(784, [{ id: 'h', params: { units: 100 } }, { id: 'o', params: { units: 10 } }], 'float64', diag)
    expect(found).toEqual([])
  })

  it('refuses a network with more parameters than the engine trains, naming its largest layer', () => {
    const { found, diag } = collect()
    // 784·20000 + 20000 + 20000·2000 + 2000 = 55,702,000 parameters.
    checkParameterBudget(784, [{ id: 'wide', params: { units: 20_000 } }, { id: 'next', params: { units: 2000 } }], 'float64', diag)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ code: 'network-too-large', nodeId: 'next' })
    expect(found[0].message).toBe('This network has 55,702,000 parameters (about 2.1 GB while training); the engine trains at most 16,777,216.')
  })

  it('sits exactly at the engine’s limits: parameters in all, units per layer (in either precision)', () => {
    for (const [params, precision, over] of [[MAX_PARAMETERS, 'float64', false], [MAX_PARAMETERS + 1, 'float64', true], [MAX_PARAMETERS + 1, 'float32', true]] as const) {
      const { found, diag } = collect()
      checkParameterBudget(params - 1, [{ id: 'o', params: { units: 1 } }], precision, diag)
      expect(found.length > 0).toBe(over)
    }
    const { found, diag } = collect()
    checkParameterBudget(1, [{ id: 'h', params: { units: MAX_LAYER_WIDTH + 1 } }, { id: 'o', params: { units: 1 } }], 'float32', diag)
    expect(found.map((f) => [f.nodeId, f.message])).toEqual([['h', 'This layer has 65,537 units; the engine trains layers of at most 65,536.']])
  })

  it('refuses what the engine refuses: a network the canvas compiles trains (Fashion 784 → 100,000 → 10 said "Compiles" and failed on Train)', () => {
    const fashion = (units: number) => drawProject([['input', 'in', { size: 784 }], ['dense', 'h', { units }], ['activation', 'a'], ['dense', 'o', { units: 10 }], ['activation', 'a2'], ['loss', 'loss'], ['optimizer', 'opt']], { title: 'wide', precision: 'float32', data: { kind: 'inline', inputs: [new Array(784).fill(0)], targets: [[1, 0, 0, 0, 0, 0, 0, 0, 0, 0]] } })
    const small = compileGraph(fashion(100)).spec!
    for (const units of [100, 21_000, 21_400, 100_000]) {
      // What the engine says of the same network (the small one's spec with this many units).
      const asked = { ...small, model: { ...small.model, layers: small.model.layers.map((l) => (l.nodeId === 'h' ? { ...l, units } : l)) } }
      let engine = true
      try {
        validateSpec(asked as typeof small)
      } catch {
        engine = false
      }
      const { spec, diagnostics } = compileGraph(fashion(units))
      expect(spec !== null, `${units} units`).toBe(engine)
      expect(diagnostics.some((d) => d.code === 'network-too-large'), `${units} units`).toBe(!engine)
    }
  })

  it('is a compile error on the canvas, so the engine never allocates it', () => {
    expect(compileGraph(chainProject(2)).spec).not.toBeNull()
    // 2·20M + 20M (h) + 20M + 1 (o) = 80,000,001 parameters · 8 B · 5 ≈ 3.2 GB.
    const { spec, diagnostics } = compileGraph(chainProject(20_000_000))
    expect(spec).toBeNull()
    expect(diagnostics.map((d) => [d.code, d.nodeId])).toEqual([['network-too-large', 'h']])
  })
})
