import { describe, expect, it } from 'vitest'
import { debounced, ViewVisibility } from './viewVisibility'

describe('ViewVisibility', () => {
  it('shows a view while one of its elements is in sight, in registry order', () => {
    const v = new ViewVisibility()
    const panelWeights = {}
    const nodeWeights = {}
    const boundary = {}
    v.add(boundary, 'boundary')
    v.add(panelWeights, 'weights')
    v.add(nodeWeights, 'weights')
    expect(v.shown()).toEqual([])
    expect(v.setInSight(panelWeights, true)).toBe(true)
    expect(v.setInSight(boundary, true)).toBe(true)
    expect(v.shown()).toEqual(['boundary', 'weights'])
    // The canvas node comes in sight too: no change; the panel's section scrolls out: the node still shows the weights.
    expect(v.setInSight(nodeWeights, true)).toBe(false)
    expect(v.setInSight(panelWeights, false)).toBe(false)
    expect(v.shown()).toEqual(['boundary', 'weights'])
    expect(v.setInSight(nodeWeights, false)).toBe(true)
    expect(v.shown()).toEqual(['boundary'])
  })

  it('forgets removed elements, ignores unknown ones and repeats', () => {
    const v = new ViewVisibility()
    const codes = {}
    v.add(codes, 'codes')
    v.setInSight(codes, true)
    expect(v.setInSight(codes, true)).toBe(false)
    expect(v.setInSight({}, true)).toBe(false)
    expect(v.inSight(codes)).toBe(true)
    v.remove(codes)
    expect(v.inSight(codes)).toBe(false)
    expect(v.shown()).toEqual([])
  })

  it('shows a held view (not drawn yet, so of no size) whatever its sight, until it is let go', () => {
    const v = new ViewVisibility()
    const boundary = {}
    v.add(boundary, 'boundary', true)
    expect(v.shown()).toEqual(['boundary'])
    expect(v.setInSight(boundary, false)).toBe(false)
    expect(v.setHeld(boundary, false)).toBe(true)
    expect(v.shown()).toEqual([])
    expect(v.setInSight(boundary, true)).toBe(true)
    expect(v.setHeld(boundary, true)).toBe(false)
  })

  it('shows nothing while the page is hidden, and the same again when it comes back', () => {
    const v = new ViewVisibility()
    const boundary = {}
    v.add(boundary, 'boundary')
    v.setInSight(boundary, true)
    v.setPageVisible(false)
    expect(v.shown()).toEqual([])
    v.setPageVisible(true)
    expect(v.shown()).toEqual(['boundary'])
  })
})

describe('debounced', () => {
  /** Timers run by hand: `advance(ms)` fires those due. */
  function manualTimers() {
    let now = 0
    const pending = new Map<number, { at: number; f: () => void }>()
    let next = 1
    return {
      timers: {
        set: (f: () => void, ms: number) => {
          pending.set(next, { at: now + ms, f })
          return next++
        },
        clear: (t: unknown) => void pending.delete(t as number),
      },
      advance(ms: number) {
        now += ms
        for (const [t, p] of [...pending]) {
          if (p.at > now) continue
          pending.delete(t)
          p.f()
        }
      },
    }
  }

  it('sends once after a burst settles, not per change', () => {
    const clock = manualTimers()
    let sent = 0
    const schedule = debounced(() => sent++, 100, clock.timers)
    for (let i = 0; i < 20; i++) {
      schedule()
      clock.advance(30)
    }
    expect(sent).toBe(0)
    clock.advance(99)
    expect(sent).toBe(1)
    clock.advance(1000)
    expect(sent).toBe(1)
    schedule()
    clock.advance(100)
    expect(sent).toBe(2)
  })
})
