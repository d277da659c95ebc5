import { describe, expect, it } from 'vitest'
import { NODE_KINDS, type Project } from '../../../engine/project'
import { parseAxisValues, sameSettingTwice, secondAxis, suggestedValues } from './sweepAxes'

const param = (kind: keyof typeof NODE_KINDS, key: string) => NODE_KINDS[kind].params.find((p) => p.key === key)!

describe('sweep axes', () => {
  it('read η, units, activations and yes/no values, checked against the setting', () => {
    expect(parseAxisValues(suggestedValues(param('optimizer', 'learningRate')), param('optimizer', 'learningRate'))).toEqual({ ok: true, values: [0.0001, 0.0005, 0.001, 0.005, 0.01] })
    expect(parseAxisValues('16 64', param('dense', 'units'))).toEqual({ ok: true, values: [16, 64] })
    expect(parseAxisValues('sigmoid, relu', param('activation', 'activation'))).toEqual({ ok: true, values: ['sigmoid', 'relu'] })
    expect(parseAxisValues('true,false', param('optimizer', 'shuffle'))).toEqual({ ok: true, values: [true, false] })
  })

  it('suggest activations gradient descent trains through (the first choices, step and sign, have no gradient)', () => {
    expect(parseAxisValues(suggestedValues(param('activation', 'activation')), param('activation', 'activation'))).toEqual({ ok: true, values: ['sigmoid', 'tanh', 'relu'] })
  })

  it('say what is wrong', () => {
    expect(parseAxisValues('16, 2.5', param('dense', 'units'))).toEqual({ ok: false, message: '“2.5” is not a valid Units (a whole number).' })
    expect(parseAxisValues('relu, swish', param('activation', 'activation'))).toMatchObject({ ok: false, message: expect.stringMatching(/^“swish” is not a choice of /) })
    expect(parseAxisValues('0.1, 0.1', param('optimizer', 'learningRate'))).toMatchObject({ ok: false, message: expect.stringMatching(/given twice/) })
    expect(parseAxisValues('', param('optimizer', 'learningRate'))).toMatchObject({ ok: false })
  })

  it('add a second axis on another setting than the first, and refuse the same setting twice', () => {
    const project = { nodes: [{ id: 'optimizer', kind: 'optimizer' }] } as unknown as Project
    expect(secondAxis(project, { nodeId: 'optimizer', param: 'learningRate' })).toEqual({ nodeId: '(project)', param: 'seed', text: '1, 2, 3' })
    expect(secondAxis(project, { nodeId: '(project)', param: 'seed' })).toMatchObject({ nodeId: 'optimizer', param: expect.not.stringMatching(/^seed$/) })
    expect(sameSettingTwice([{ nodeId: 'optimizer', param: 'learningRate' }, { nodeId: 'optimizer', param: 'learningRate' }])).toMatch(/two different settings/)
    expect(sameSettingTwice([{ nodeId: 'optimizer', param: 'learningRate' }, { nodeId: '(project)', param: 'seed' }])).toBeNull()
    expect(sameSettingTwice([{ nodeId: 'optimizer', param: 'learningRate' }])).toBeNull()
  })
})
