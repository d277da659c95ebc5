import { describe, expect, it } from 'vitest'
import { bestPath, descents, parseFunction, parseIterations, parseNumber, parseRates } from './playgroundModel'

describe('the playground’s inputs', () => {
  it('read rates, iterations and numbers as typed, and say what is wrong otherwise', () => {
    expect(parseRates('0.01, 0.05 0.1')).toEqual({ ok: true, value: [0.01, 0.05, 0.1] })
    expect(parseRates('')).toEqual({ ok: false, message: 'Give at least one learning rate, e.g. 0.01, 0.05, 0.1.' })
    expect(parseRates('0.1, -1')).toEqual({ ok: false, message: '“-1” is not a positive number.' })
    expect(parseIterations('30')).toEqual({ ok: true, value: 30 })
    expect(parseIterations('2.5').ok).toBe(false)
    expect(parseNumber('−1.5', 'x')).toEqual({ ok: true, value: -1.5 })
    expect(parseNumber(' ', 'The start x₀')).toEqual({ ok: false, message: 'The start x₀ must be a number.' })
    expect(parseFunction('x +', ['x'])).toEqual({ ok: false, message: 'The expression ends too early: a number, variable or “(” is missing. (at character 4)' })
  })

  it('marks the path with the lowest final f, never a diverged one', () => {
    const f = parseFunction('x^4/4 - 3x^3 + 7x - 5', ['x'])
    if (!f.ok) throw new Error(f.message)
    const paths = descents(f.value, [0], [0.01, 0.05, 1].map((learningRate) => ({ id: 'sgd' as const, learningRate })), 30)
    expect(paths[2].diverged).toBe(true)
    expect(bestPath(paths)).toBe(1)
    expect(bestPath([paths[2]])).toBeNull()
  })
})
