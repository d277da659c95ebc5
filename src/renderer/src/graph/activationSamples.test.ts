import { describe, expect, it } from 'vitest'
import { ACTIVATIONS, NODE_KINDS, type ActivationParams } from '../../../engine/project'
import { sampleActivation } from './activationSamples'

const params = (activation: ActivationParams['activation']): ActivationParams => ({ ...NODE_KINDS.activation.defaults, activation })
const at0 = (s: { x: number[]; f: number[]; df: number[] }) => s.x.indexOf(0)

describe('sampleActivation', () => {
  it('sigmoid: f(0) = 0.5, f′(0) = 0.25 (the lectures’ values)', () => {
    const s = sampleActivation(params('sigmoid'))
    expect(s.f[at0(s)]).toBe(0.5)
    expect(s.df[at0(s)]).toBe(0.25)
  })

  it('softmax of (net, 0) is the sigmoid of net, with the same derivative', () => {
    const soft = sampleActivation(params('softmax'))
    const sig = sampleActivation(params('sigmoid'))
    soft.f.forEach((y, i) => expect(y).toBeCloseTo(sig.f[i], 12))
    soft.df.forEach((y, i) => expect(y).toBeCloseTo(sig.df[i], 12))
  })

  it.each(Object.keys(ACTIVATIONS) as ActivationParams['activation'][])('%s gives finite samples', (id) => {
    const s = sampleActivation(params(id))
    expect([...s.f, ...s.df].every(Number.isFinite)).toBe(true)
  })
})
