import { describe, expect, it } from 'vitest'
import { initSpec, optimizerSpec, scheduleSpec, trainingSpec } from './engineSpec'
import { describeNumber, int, number, numberInfo } from './fields'
import { checkWith, jsonPath } from './issues'
import { z } from './z'

const problems = (schema: z.ZodType, value: unknown) => {
  const r = checkWith(schema, value)
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`)
}

describe('schema messages', () => {
  it('runs zod jitless, so parsing needs no eval under the CSP', () => {
    expect(z.core.globalConfig.jitless).toBe(true)
  })

  it('writes JSON paths the way the docs do', () => {
    expect(jsonPath([])).toBe('$')
    expect(jsonPath(['nodes', 2, 'params', 'units'])).toBe('$.nodes[2].params.units')
    expect(jsonPath(['a b'], '$.x')).toBe('$.x["a b"]')
  })

  it('says the whole range of a bounded number, whatever bound it breaks', () => {
    expect(describeNumber({ int: true, min: 1 })).toBe('a whole number ≥ 1')
    expect(describeNumber({ int: false, min: 0, exclusiveMax: 1 })).toBe('a number ≥ 0 and < 1')
    expect(describeNumber({ int: true, min: 0, max: 10 })).toBe('a whole number from 0 to 10')
    const rate = number({ min: 0, exclusiveMax: 1 })
    expect(problems(rate, 1)).toEqual(['$: must be a number ≥ 0 and < 1'])
    expect(problems(rate, -1)).toEqual(['$: must be a number ≥ 0 and < 1'])
    expect(problems(rate, 'x')).toEqual(['$: must be a number ≥ 0 and < 1'])
    expect(problems(int({ min: 1 }), 2.5)).toEqual(['$: must be a whole number ≥ 1'])
    expect(problems(z.object({ n: int({ min: 1 }) }), {})).toEqual([
      '$.n: is missing (must be a whole number ≥ 1)',
    ])
    expect(numberInfo(rate.optional().default(0.5))).toEqual({
      min: 0,
      exclusiveMax: 1,
      int: false,
    })
  })

  it('names the allowed ids of a registry and the missing fields of an object', () => {
    expect(problems(optimizerSpec, { id: 'sgdd', learningRate: 0.1 })[0]).toMatch(
      /^\$\.id: must be one of "sgd", "momentum", /,
    )
    expect(
      problems(trainingSpec, {
        batch: { mode: 'banana' },
        maxEpochs: 1,
        shuffle: true,
        validationFraction: 0,
      }),
    ).toEqual(['$.batch.mode: must be "online", "full" or "mini"'])
    expect(problems(z.object({ title: z.string() }), {})).toEqual([
      '$.title: is missing (must be a string)',
    ])
  })

  it('checks what each initialiser and schedule needs', () => {
    expect(problems(initSpec, { id: 'uniform', low: 1, high: -1 })).toEqual([
      '$: needs low < high for the uniform initialiser',
    ])
    expect(problems(initSpec, { id: 'constant' })).toEqual([
      '$: needs a value for the constant initialiser',
    ])
    expect(problems(initSpec, { id: 'normal', mean: 0, std: -1 })).toEqual([
      '$.std: must be a number ≥ 0',
    ])
    expect(problems(initSpec, { id: 'glorotUniform' })).toEqual([])
    expect(problems(scheduleSpec, { id: 'piecewise', boundaries: [10], values: [0.1] })).toEqual([
      '$: needs one more value than boundaries',
    ])
    expect(problems(scheduleSpec, { id: 'step', every: 0, factor: 0.5 })).toEqual([
      '$.every: must be a whole number ≥ 1',
    ])
  })
})
