import { describe, expect, it } from 'vitest'
import { compileGraph } from './compile'
import { drawProject } from '../../../test/projectBuilder'
import { checkParameterBudget, PARAMETER_BUDGET_BYTES, trainingBytes } from './budget'
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

  it('refuses a network whose training would exceed the budget, naming its largest layer', () => {
    const { found, diag } = collect()
    // 784·20000 + 20000 + 20000·2000 + 2000 = 55,702,000 parameters · 8 B · 5 ≈ 2.1 GB.
    checkParameterBudget(784, [{ id: 'wide', params: { units: 20_000 } }, { id: 'next', params: { units: 2000 } }], 'float64', diag)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ code: 'network-too-large', nodeId: 'next' })
    expect(found[0].message).toContain('55,702,000 parameters')
    expect(found[0].hint).toContain('float32')
  })

  it('sits exactly at the edge: float32 halves the bytes', () => {
    const limit = PARAMETER_BUDGET_BYTES / (8 * 5)
    for (const [params, precision, over] of [[limit, 'float64', false], [limit + 1, 'float64', true], [limit + 1, 'float32', false]] as const) {
      const { found, diag } = collect()
      checkParameterBudget(params - 1, [{ id: 'o', params: { units: 1 } }], precision, diag)
      expect(found.length > 0).toBe(over)
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
