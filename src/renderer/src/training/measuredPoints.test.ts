import { describe, expect, it } from 'vitest'
import { measuredPoints } from './measuredPoints'

describe('measuredPoints', () => {
  it('keeps the measured points in order, with their iterations, and drops the gaps between them', () => {
    // As a run at 20 updates a frame sends it: one validation loss per snapshot, at its last point.
    const iteration = [1, 2, 3, 4, 5, 6]
    const valLoss = [NaN, NaN, 0.7, NaN, NaN, 0.6]
    expect(measuredPoints(iteration, valLoss)).toEqual({ x: [3, 6], y: [0.7, 0.6] })
  })

  it('gives nothing for a curve never measured, and everything for one measured at every point', () => {
    expect(measuredPoints([1, 2], [NaN, NaN])).toEqual({ x: [], y: [] })
    expect(measuredPoints([1, 2], [0.5, 0.4])).toEqual({ x: [1, 2], y: [0.5, 0.4] })
  })
})
