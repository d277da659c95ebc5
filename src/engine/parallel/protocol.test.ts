import { describe, expect, it } from 'vitest'
import { Ctl, SLOT_INTS, claimReduction, helperReduction } from './protocol'

/** Helper 1's slot of a two-thread control block, its last job `seq`. */
function slotWithJob(seq: number) {
  const ints = new Int32Array(new SharedArrayBuffer(2 * SLOT_INTS * 4))
  const base = SLOT_INTS
  ints[base + Ctl.Seq] = seq
  return { ints, base }
}

describe('the reduction of a helper’s gradient into the session’s', () => {
  it('is done by the helper when the session’s share is done and the session has not claimed it', () => {
    const { ints, base } = slotWithJob(7)
    Atomics.store(ints, base + Ctl.ReduceGo, 7)
    let added = 0
    expect(helperReduction(ints, base, 7, () => added++)).toBe(true)
    expect(added).toBe(1)
    expect(ints[base + Ctl.ReduceDone]).toBe(7)
    // ... and then the session cannot claim it.
    expect(claimReduction(ints, base, 7)).toBe(false)
  })

  it('is left to the session when the session claims it first', () => {
    const { ints, base } = slotWithJob(3)
    Atomics.store(ints, base + Ctl.ReduceGo, 3)
    expect(claimReduction(ints, base, 3)).toBe(true)
    let added = 0
    expect(helperReduction(ints, base, 3, () => added++)).toBe(false)
    expect(added).toBe(0)
    expect(ints[base + Ctl.ReduceDone]).toBe(0)
  })

  it('is left to the session when its own share is not done within the helper’s spin', () => {
    const { ints, base } = slotWithJob(5)
    Atomics.store(ints, base + Ctl.ReduceGo, 4) // the last job's
    let added = 0
    expect(helperReduction(ints, base, 5, () => added++)).toBe(false)
    expect(added).toBe(0)
    expect(claimReduction(ints, base, 5)).toBe(true)
  })

  it('is claimed once per job, job after job', () => {
    const { ints, base } = slotWithJob(1)
    for (let seq = 1; seq <= 4; seq++) {
      ints[base + Ctl.Seq] = seq
      Atomics.store(ints, base + Ctl.ReduceGo, seq)
      const helperFirst = seq % 2 === 0
      if (!helperFirst) expect(claimReduction(ints, base, seq)).toBe(true)
      expect(helperReduction(ints, base, seq, () => undefined)).toBe(helperFirst)
      expect(claimReduction(ints, base, seq)).toBe(false)
    }
  })
})
