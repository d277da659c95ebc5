import { describe, expect, it } from 'vitest'
import { AIM_MS, aimDelay } from './pointerAim'

describe('aimDelay: an automatic fit waits while the user aims at the canvas', () => {
  it('waits for the release while a button is held on the canvas, however long ago it moved', () => {
    expect(aimDelay({ held: true, movedAt: -Infinity }, 10_000)).toBe(Infinity)
    expect(aimDelay({ held: true, movedAt: 9_999 }, 10_000)).toBe(Infinity)
  })

  it('waits out the rest of the aiming time after a move over the canvas', () => {
    expect(aimDelay({ held: false, movedAt: 1_000 }, 1_000)).toBe(AIM_MS)
    expect(aimDelay({ held: false, movedAt: 1_000 }, 1_200)).toBe(AIM_MS - 200)
  })

  it('lets the fit go at once once the pointer has rested or never came over the canvas', () => {
    expect(aimDelay({ held: false, movedAt: 1_000 }, 1_000 + AIM_MS)).toBe(0)
    expect(aimDelay({ held: false, movedAt: 1_000 }, 60_000)).toBe(0)
    expect(aimDelay({ held: false, movedAt: -Infinity }, 0)).toBe(0)
  })
})
