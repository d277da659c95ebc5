import { describe, expect, it } from 'vitest'
import { divergingRgba, fieldRgba } from './pixels'

const pixel = (px: Uint8ClampedArray, p: number) => Array.from(px.subarray(4 * p, 4 * p + 4))

describe('divergingRgba', () => {
  it('paints −max full orange, +max full blue, beyond clamped, 0 and NaN the neutral middle, from an offset', () => {
    const px = divergingRgba([9, -2, 2, 5, 0, NaN], 1, 5, 2)
    expect(px.length).toBe(20)
    expect(pixel(px, 0)).toEqual([245, 147, 34, 255]) // #f59322
    expect(pixel(px, 1)).toEqual([8, 119, 189, 255]) // #0877bd
    expect(pixel(px, 2)).toEqual([8, 119, 189, 255])
    expect(pixel(px, 3)).toEqual(pixel(px, 4))
    expect(pixel(px, 3)).toEqual([231, 234, 235, 255])
  })
})

describe('fieldRgba', () => {
  it('lightens the palette to 70 % around the middle value', () => {
    const px = fieldRgba([1, 0.5, 0], 0, 3, 0.5, 0.5, null)
    // 255 − (255 − c)·0.7 for the full blue, the middle and the full orange.
    expect(pixel(px, 0)).toEqual([82, 160, 209, 255])
    expect(pixel(px, 2)).toEqual([248, 179, 100, 255])
    expect(pixel(px, 1)).toEqual([238, 240, 241, 255])
  })

  it('colours each cell by its class, stronger the surer (35 % to 85 %)', () => {
    const px = fieldRgba([0, 1], 0, 2, 0, 1, Uint8Array.from([1, 1]))
    // Class 1 is #0072B2: 255 − (255 − c)·a.
    expect(pixel(px, 0)).toEqual([166, 206, 228, 255])
    expect(pixel(px, 1)).toEqual([38, 135, 190, 255])
  })
})
