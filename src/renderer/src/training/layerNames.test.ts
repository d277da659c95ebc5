import { describe, expect, it } from 'vitest'
import { layerTitle } from './layerNames'

describe('layerTitle', () => {
  it.each([
    [1, 1, 2, 'output layer (1 unit)'],
    [3, 0, 2, 'hidden layer (3 units)'],
    [1, 0, 3, 'hidden 1 layer (1 unit)'],
  ])('%i units, layer %i of %i', (units, index, count, expected) => expect(layerTitle(undefined, 'x', units, index, count)).toBe(expected))
})
