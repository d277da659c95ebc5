import { describe, expect, it } from 'vitest'
import { NODE_KINDS, type ParamInfo } from '../../../engine/project'
import { parseParamInput, readNumber } from './paramInput'

const param = (kind: keyof typeof NODE_KINDS, key: string): ParamInfo => NODE_KINDS[kind].params.find((p) => p.key === key)!

describe('parseParamInput', () => {
  it.each([
    [param('dense', 'units'), '30', { ok: true, value: 30 }],
    [param('dense', 'units'), '0', { ok: false, problem: 'Must be at least 1.', value: 0 }],
    [param('dense', 'units'), '2.5', { ok: false, problem: 'Must be a whole number.', value: 2.5 }],
    [param('dense', 'units'), 'abc', { ok: false, problem: 'Type a number.' }],
    [param('dense', 'units'), '', { ok: false, problem: 'Type a number.' }],
    [param('dropout', 'rate'), '1', { ok: false, problem: 'Must be less than 1.', value: 1 }],
    [param('dropout', 'rate'), '0.2', { ok: true, value: 0.2 }],
    [param('optimizer', 'learningRate'), '0', { ok: false, problem: 'Must be greater than 0.', value: 0 }],
    [param('optimizer', 'learningRate'), '.5', { ok: true, value: 0.5 }],
    [param('optimizer', 'clipNorm'), '', { ok: true, value: null }],
    [param('optimizer', 'clipNorm'), '-1', { ok: false, problem: 'Must be greater than 0.', value: -1 }],
    [param('input', 'size'), 'auto', { ok: true, value: 'auto' }],
    [param('input', 'size'), '784', { ok: true, value: 784 }],
    [param('input', 'size'), 'x', { ok: false, problem: 'Type a whole number, or auto.' }],
    [param('input', 'size'), '0', { ok: false, problem: 'Must be at least 1.', value: 0 }],
  ])('%#: %s', (info, text, expected) => {
    expect(parseParamInput(info, text)).toEqual(expected)
  })

  it.each([
    ['1e-3', 0.001],
    ['\u22122', -2],
    ['1,5', 1.5],
    ['1.', 1],
    ['-', NaN],
    ['1e', NaN],
  ])('readNumber(%s) = %s', (text, value) => {
    expect(readNumber(text)).toBe(value)
  })
})
