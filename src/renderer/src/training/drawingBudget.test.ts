import { describe, expect, it } from 'vitest'
import { DrawingBudget } from './drawingBudget'

const options = { share: 0.1, wholeCostPerMainMs: 2.5, snapshotFloorMs: 250, viewsFloorMs: 1000 }

describe('DrawingBudget', () => {
  it('asks for the next snapshot once its whole drawing cost is paid back at the share of wall time', () => {
    const budget = new DrawingBudget(options)
    // 4 ms on the main thread = 10 ms in all: paid back 100 ms after it was taken.
    budget.rendered(1000, 4, true)
    expect(budget.nextAt()).toBeCloseTo(1100)
    // A second one before it was paid back adds to the debt.
    budget.rendered(1050, 4, false)
    expect(budget.nextAt()).toBeCloseTo(1050 + (10 - 5 + 10) / 0.1)
  })

  it('never waits longer than the snapshot floor, however costly the drawing', () => {
    const budget = new DrawingBudget(options)
    budget.rendered(0, 400, true)
    expect(budget.nextAt()).toBe(250)
  })

  it('the views are due once the debt is paid, else once the views floor has passed', () => {
    const budget = new DrawingBudget(options)
    budget.rendered(0, 40, true) // 100 ms of drawing: paid back at 1000 ms
    expect(budget.viewsDue(250)).toBe(false)
    budget.rendered(260, 2, false)
    expect(budget.viewsDue(500)).toBe(false)
    expect(budget.viewsDue(1000)).toBe(true) // the floor (and not yet quite paid: 5 ms left)
    expect(budget.viewsDue(1010)).toBe(false) // asked for just now
    expect(budget.viewsDue(1060)).toBe(true) // paid back
  })

  it('nothing drawn yet: everything at once', () => {
    const budget = new DrawingBudget(options)
    expect(budget.nextAt()).toBe(-Infinity)
    expect(budget.viewsDue(0)).toBe(true)
  })
})
