import { describe, expect, it } from 'vitest'
import { presentOrder } from './presentOrder'

describe('presentOrder', () => {
  it('keeps the panel’s order for a run with a decision boundary (XOR) and a run without codes', () => {
    expect(presentOrder(['codes', 'curves', 'boundary'], { plane: true, probe: true })).toEqual(['curves', 'boundary', 'codes'])
    expect(presentOrder(['codes', 'curves'], { plane: false, probe: false })).toEqual(['curves', 'codes'])
  })

  it('puts the hidden codes first for a run with codes and no boundary (the 8-3-8 encoder)', () => {
    expect(presentOrder(['curves', 'boundary', 'codes', 'weights'], { plane: false, probe: true })).toEqual(['codes', 'curves', 'boundary', 'weights'])
  })

  it('keeps the order when the codes are not ticked or the run has none (MNIST)', () => {
    expect(presentOrder(['curves', 'weights'], { plane: false, probe: true })).toEqual(['curves', 'weights'])
    expect(presentOrder(['curves', 'codes', 'confusion'], { plane: false, probe: false })).toEqual(['curves', 'codes', 'confusion'])
  })
})
