import { describe, expect, it } from 'vitest'
import { createNode, NODE_KINDS } from './nodeKinds'
import { nodeParams } from './nodeParams'
import { checkWith } from '../schema/issues'

const info = (kind: keyof typeof NODE_KINDS, key: string) => NODE_KINDS[kind].params.find((p) => p.key === key)!

describe('node parameters declared once', () => {
  it('give the inspector the bounds, editors and conditions the schema checks', () => {
    expect(info('input', 'size')).toMatchObject({ type: 'sizeOrAuto', min: 1 })
    expect(info('dense', 'units')).toMatchObject({ type: 'int', min: 1, label: 'Units' })
    expect(info('dropout', 'rate')).toMatchObject({ type: 'number', min: 0, exclusiveMax: 1 })
    expect(info('optimizer', 'learningRate')).toMatchObject({ type: 'number', exclusiveMin: 0 })
    expect(info('optimizer', 'clipNorm')).toMatchObject({ type: 'numberOrNull', exclusiveMin: 0 })
    expect(info('optimizer', 'rho')).toMatchObject({ when: { key: 'optimizer', in: ['rmsprop'] } })
    expect(info('dense', 'weights')).toMatchObject({ type: 'matrix', optional: true })
    expect(Object.keys(info('activation', 'activation').options!)).toContain('sigmoid')
  })

  it('give every kind defaults the schema accepts, and a fresh node is valid', () => {
    for (const kind of Object.keys(nodeParams) as (keyof typeof nodeParams)[]) {
      expect(checkWith(nodeParams[kind], NODE_KINDS[kind].defaults).ok, kind).toBe(true)
      expect(checkWith(nodeParams[kind], createNode(kind, 'n', { x: 0, y: 0 }).params).ok, kind).toBe(true)
    }
    expect(NODE_KINDS.dense.defaults).toMatchObject({ units: 2, useBias: true, weightInit: { id: 'glorotUniform' } })
    expect(NODE_KINDS.input.defaults).toEqual({ size: 'auto' })
  })

  it('refuses what the inspector refuses, in the same terms', () => {
    const problems = (kind: keyof typeof nodeParams, params: unknown) => {
      const r = checkWith(nodeParams[kind], params)
      return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`)
    }
    expect(problems('input', { size: 0 })).toEqual(['$.size: must be a whole number ≥ 1'])
    expect(problems('input', { size: 'x' })).toEqual(['$.size: must be a whole number ≥ 1 or "auto"'])
    expect(problems('dense', { units: 2.5 })).toEqual(['$.units: must be a whole number ≥ 1'])
    expect(problems('optimizer', { learningRate: 0 })).toEqual(['$.learningRate: must be a number > 0'])
  })
})
