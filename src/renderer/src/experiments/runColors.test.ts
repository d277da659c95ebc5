import { describe, expect, it } from 'vitest'
import { runColors } from './runColors'
import { SERIES_COLORS } from './playgroundModel'

const history = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}` }))
const [blue, orange, green, pink] = SERIES_COLORS

describe('runColors', () => {
  it('gives runs of an older file (no colour saved) the colour of their place in the history, whichever view shows them', () => {
    const runs = history(3)
    // The Sweeps chart of the last two runs, and the comparison of all three.
    expect(runColors(runs, ['r1', 'r2'])).toEqual([orange, green])
    expect(runColors(runs, ['r0', 'r1', 'r2'])).toEqual([blue, orange, green])
    expect(runColors(runs, ['r2', 'r0'])).toEqual([green, blue])
  })

  it('keeps a run’s own colour when older runs are deleted or dropped from the history', () => {
    // Found: the colour was the run's place in the history, so deleting Run 1 turned Run 2 and Run 3 blue and orange.
    const runs = [
      { id: 'r1', color: 1 },
      { id: 'r2', color: 2 },
    ]
    expect(runColors(runs, ['r1', 'r2'])).toEqual([orange, green])
    expect(runColors(runs, ['r2'])).toEqual([green])
    expect(runColors([{ id: 'r9', color: 9 }], ['r9'])).toEqual([orange])
  })

  it('gives the newer of two runs that share a colour the next one free in the view', () => {
    const runs = history(10)
    // r0 and r8 are both the first colour; r9 and r1 the second.
    expect(runColors(runs, ['r8', 'r0'])).toEqual([orange, blue])
    expect(runColors(runs, ['r9', 'r1', 'r8', 'r0'])).toEqual([pink, orange, green, blue])
  })

  it('gives a run outside the history a colour free in the view', () => {
    expect(runColors(history(2), [null, 'r0', null])).toEqual([orange, blue, green])
  })

  it('wraps round the palette when a view shows more runs than it has colours', () => {
    const runs = history(9)
    expect(runColors(runs, runs.map((r) => r.id))).toEqual([...SERIES_COLORS, blue])
  })
})
