import { describe, expect, it } from 'vitest'
import { compileGraph } from './compile'
import { drawProject } from '../../../test/projectBuilder'
import { checkParameterBudget, trainingBytes } from './budget'
import { MAX_LAYER_WIDTH, MAX_PARAMETERS } from '../nn/sizeLimits'
import { validateSpec } from '../train/validate'
import type { Project } from './types'
import { parameterCount } from '../nn/network'

/** input(2) → dense(units) → sigmoid → dense(1) → sigmoid → mse → optimizer, on XOR rows. */
function chainProject(units: number): Project {
  return drawProject([['input', 'in'], ['dense', 'h', { units }], ['activation', 'a'], ['dense', 'o', { units: 1 }], ['activation', 'a2'], ['loss', 'loss'], ['optimizer', 'opt']], { title: 'wide' })
}

/** The parameters of a project's network as the engine builds it. */
function engineParameters(project: Project): number {
  return parameterCount(compileGraph(project).spec!.model)
}

function collect() {
  const found: Array<{ code: string; nodeId?: string; message: string; hint: string }> = []
  return { found, diag: { error: (code: string, where: { nodeId?: string }, message: string, hint: string) => void found.push({ code, nodeId: where.nodeId, message, hint }) } }
}

describe('parameter budget', () => {
  it('counts weights and biases per dense layer (784 → 100 → 10 is 79,510)', () => {
    expect(trainingBytes(79_510, 'float64')).toBe(79_510 * 8 * 5)
    const { found, diag } = collect()
    checkParameterBudget([{ id: 'h', units: 100, params: 78_500 }, { id: 'o', units: 10, params: 1010 }], 'float64', diag)
    expect(found).toEqual([])
    // The counts are the engine's: 784·100 + 100 and 100·10 + 10.
    const data = { kind: 'inline' as const, inputs: [new Array<number>(784).fill(0)], targets: [[1, 0, 0, 0, 0, 0, 0, 0, 0, 0]] }
    const fashion = drawProject([['input', 'in', { size: 784 }], ['dense', 'h', { units: 100 }], ['activation', 'a'], ['dense', 'o', { units: 10 }], ['activation', 'a2'], ['loss', 'loss'], ['optimizer', 'opt']], { title: 'f', data })
    expect(engineParameters(fashion)).toBe(79_510)
  })

  it('refuses a network with more parameters than the engine trains, naming its largest layer', () => {
    const { found, diag } = collect()
    // 784·20000 + 20000 + 20000·2000 + 2000 = 55,702,000 parameters.
    checkParameterBudget([{ id: 'wide', units: 20_000, params: 784 * 20_000 + 20_000 }, { id: 'next', units: 2000, params: 20_000 * 2000 + 2000 }], 'float64', diag)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ code: 'network-too-large', nodeId: 'next' })
    expect(found[0].message).toBe('This network has 55,702,000 parameters (about 2.1 GB while training); the engine trains at most 16,777,216.')
  })

  it('sits exactly at the engine’s limits: parameters in all, units per layer (in either precision)', () => {
    for (const [params, precision, over] of [[MAX_PARAMETERS, 'float64', false], [MAX_PARAMETERS + 1, 'float64', true], [MAX_PARAMETERS + 1, 'float32', true]] as const) {
      const { found, diag } = collect()
      checkParameterBudget([{ id: 'o', units: 1, params }], precision, diag)
      expect(found.length > 0).toBe(over)
    }
    const { found, diag } = collect()
    checkParameterBudget([{ id: 'h', units: MAX_LAYER_WIDTH + 1, params: 2 * (MAX_LAYER_WIDTH + 1) }, { id: 'o', units: 1, params: MAX_LAYER_WIDTH + 2 }], 'float32', diag)
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

  // Found: the canvas counted dense layers only, so a network at the limit with batch norm (2 × width
  // more parameters: γ and β) said "Compiles" and the engine refused it on Train.
  it('counts batch norm’s γ and β as the engine does: a network just over the limit with them does not compile', () => {
    // input(253) → dense(h) → batch norm → dense(1): 253h + h (dense) + 2h (γ, β) + h + 1 (out) = 257h + 1.
    const row = (v: number) => new Array<number>(253).fill(v)
    const layers: Parameters<typeof drawProject>[0] = [['input', 'in', { size: 253 }], ['dense', 'h', { units: 1 }], ['activation', 'a'], ['batchNorm', 'bn'], ['dense', 'o', { units: 1 }], ['loss', 'loss'], ['optimizer', 'opt', { batchMode: 'full' }]]
    const withNorm = (h: number) => drawProject(layers.map((l) => (l[1] === 'h' ? ['dense', 'h', { units: h }] : l)), { title: 'bn', precision: 'float32', data: { kind: 'inline', inputs: [row(0), row(1)], targets: [[0], [1]] } })
    const h = Math.floor((MAX_PARAMETERS - 1) / 257)
    expect(compileGraph(withNorm(h)).diagnostics).toEqual([])
    expect(engineParameters(withNorm(h))).toBe(257 * h + 1)
    expect(257 * h + 1).toBeLessThanOrEqual(MAX_PARAMETERS)
    // One unit more is over the limit, though its dense layers alone (255h + 1) are well under it.
    expect(257 * (h + 1) + 1).toBeGreaterThan(MAX_PARAMETERS)
    expect(255 * (h + 1) + 1).toBeLessThan(MAX_PARAMETERS)
    const over = compileGraph(withNorm(h + 1))
    expect(over.spec).toBeNull()
    expect(over.diagnostics.map((d) => [d.code, d.nodeId])).toEqual([['network-too-large', 'h']])
    expect(over.diagnostics[0].message).toContain(`This network has ${(257 * (h + 1) + 1).toLocaleString('en-US')} parameters`)
    // The engine refuses it too: the spec at the limit with one unit more.
    const atLimit = compileGraph(withNorm(h)).spec!
    const asked = { ...atLimit, model: { ...atLimit.model, layers: atLimit.model.layers.map((l) => (l.nodeId === 'h' ? { ...l, units: h + 1 } : l)) } }
    expect(() => validateSpec(asked as typeof atLimit)).toThrow('too large')
  })
})
