/**
 * "Press play and watch": a run goes on until solved or until stopped, and the network a new
 * user draws from the palette (its nodes' fresh defaults) solves XOR from scratch.
 */
import { describe, expect, it } from 'vitest'
import { compileGraph, inlineDataset, parseProject, type NodeKind, type Project } from '../project'
import { createSession } from './index'
import { drawProject, XOR_DATA } from '../../../test/projectBuilder'

/** Input → Dense → sigmoid → Dense (1 unit, the only change a user makes) → sigmoid → loss → optimizer, as placed from the palette. */
function paletteXor(seed: number, data: Project['data'] = XOR_DATA): Project {
  const kinds: NodeKind[] = ['input', 'dense', 'activation', 'dense', 'activation', 'loss', 'optimizer']
  return drawProject(kinds.map((kind, i) => [kind, `n${i}`, i === 3 ? { units: 1 } : {}] as const), { title: 'new', seed, data })
}

function sessionOf(project: Project) {
  const { spec, diagnostics } = compileGraph(project)
  if (!spec) throw new Error(JSON.stringify(diagnostics))
  return createSession(spec, inlineDataset(project.data as typeof XOR_DATA))
}

describe('run length', () => {
  it('a new network trains XOR until solved, from every seed tried, and stops by itself', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const session = sessionOf(paletteXor(seed))
      expect(session.spec.training.until).toBe('solved')
      // A guard for the test only: the run itself has no epoch limit.
      while (!session.stopped && session.epoch < 20_000) session.runEpoch()
      expect({ seed, stopped: session.stopped }).toEqual({ seed, stopped: 'solved' })
      expect(session.history.at(-1)!.accuracy).toBe(1)
      expect(session.history.slice(0, -1).every((m) => m.accuracy! < 1)).toBe(true)
    }
  })

  it('until solved stops at the target accuracy; until stopped runs past the epochs', () => {
    const p = paletteXor(3)
    const opt = p.nodes[6].params as { stop: string; targetAccuracy: number; epochs: number }
    opt.targetAccuracy = 0.75
    const partly = sessionOf(p)
    expect(partly.trainToEnd()).toBe('solved')
    expect(partly.history.at(-1)!.accuracy).toBeGreaterThanOrEqual(0.75)
    expect(partly.history.slice(0, -1).every((m) => m.accuracy! < 0.75)).toBe(true)

    Object.assign(opt, { stop: 'stopped', epochs: 5 })
    const forever = sessionOf(p)
    for (let i = 0; i < 300; i++) forever.runEpoch()
    expect(forever.stopped).toBeNull()
    expect(forever.epoch).toBe(300)

    Object.assign(opt, { stop: 'epochs', epochs: 5 })
    expect(sessionOf(p).trainToEnd()).toBe('maxEpochs')
  })

  it('until solved on numeric targets needs a target loss, and says so', () => {
    const regression = { kind: 'inline' as const, inputs: [[0], [1], [2]], targets: [[0.1], [0.5], [0.9]] }
    const p = paletteXor(1, regression)
    ;(p.nodes[0].params as { size: number | 'auto' }).size = 1
    expect(() => sessionOf(p)).toThrow(/set a target loss/)
    ;(p.nodes[6].params as { targetLoss: number | null }).targetLoss = 0.5
    expect(sessionOf(p).trainToEnd()).toBe('targetLoss')
  })

  it('a file written before `stop` existed keeps its fixed epochs', () => {
    const p = paletteXor(1)
    const opt = p.nodes[6].params as unknown as Record<string, unknown>
    delete opt.stop
    delete opt.targetAccuracy
    const parsed = parseProject(JSON.stringify(p))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(parsed.project.nodes[6].params).toMatchObject({ stop: 'epochs', epochs: 100 })
    expect(compileGraph(parsed.project).spec!.training.until).toBeUndefined()
  })
})
