import { describe, expect, it } from 'vitest'
import { measuredPoints } from './measuredPoints'

describe('measuredPoints', () => {
  it('keeps the measured points in order, with their iterations, and drops the gaps between them', () => {
    // As a run at 20 updates a frame sends it: one validation loss per snapshot, at its last point.
    const iteration = [1, 2, 3, 4, 5, 6]
    const valLoss = [NaN, NaN, 0.7, NaN, NaN, 0.6]
    expect(measuredPoints(iteration, valLoss)).toEqual({ x: [3, 6], y: [0.7, 0.6] })
  })

  it('adds the values measured at epoch ends, in order of iteration, once where a live point has the same iteration', () => {
    // Fashion-MNIST: no live measurement, a validation loss at the end of each epoch of 6 iterations.
    expect(measuredPoints([2, 4, 6, 8, 10, 12], [NaN, NaN, NaN, NaN, NaN, NaN], [{ x: 6, y: 1.2 }, { x: 12, y: 0.9 }])).toEqual({ x: [6, 12], y: [1.2, 0.9] })
    expect(measuredPoints([1, 2, 3, 4], [NaN, 0.8, NaN, 0.6], [{ x: 3, y: 0.7 }, { x: 4, y: 0.6 }, { x: 5, y: undefined }])).toEqual({ x: [2, 3, 4], y: [0.8, 0.7, 0.6] })
  })

  it('gives nothing for a curve never measured, and everything for one measured at every point', () => {
    expect(measuredPoints([1, 2], [NaN, NaN])).toEqual({ x: [], y: [] })
    expect(measuredPoints([1, 2], [0.5, 0.4])).toEqual({ x: [1, 2], y: [0.5, 0.4] })
  })
})
