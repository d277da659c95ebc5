import { describe, expect, it } from 'vitest'
import { plural } from './plural'

describe('plural', () => {
  it.each([
    [1, 'pattern', undefined, '1 pattern'],
    [8, 'pattern', undefined, '8 patterns'],
    [0, 'target', undefined, '0 targets'],
    [1, 'unit', undefined, '1 unit'],
    [60000, 'example', undefined, '60,000 examples'],
    [2, 'matrix', 'matrices', '2 matrices'],
  ])('%i %s', (n, one, many, expected) => expect(plural(n, one, many)).toBe(expected))
})
