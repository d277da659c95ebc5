import { describe, expect, it } from 'vitest'
import { createRng, createStreams } from './rng'

describe('rng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(123)
    const b = createRng(123)
    const c = createRng(124)
    const xa = Array.from({ length: 5 }, () => a.nextUint32())
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xa)
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(xa)
  })
  it('uniform in [0, 1) with mean ½; normal with mean 0 and std 1', () => {
    const r = createRng(1)
    let su = 0
    let sn = 0
    let sn2 = 0
    const n = 100000
    for (let i = 0; i < n; i++) {
      const u = r.uniform()
      expect(u >= 0 && u < 1).toBe(true)
      su += u
      const z = r.normal()
      sn += z
      sn2 += z * z
    }
    expect(su / n).toBeCloseTo(0.5, 2)
    expect(sn / n).toBeCloseTo(0, 1.5)
    expect(Math.sqrt(sn2 / n)).toBeCloseTo(1, 1.5)
  })
  it('shuffle is a permutation', () => {
    const arr = Int32Array.from({ length: 50 }, (_, i) => i)
    createRng(5).shuffle(arr)
    expect(Array.from(arr).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i))
    expect(Array.from(arr)).not.toEqual(Array.from({ length: 50 }, (_, i) => i))
  })
  it('named streams are independent: drawing from one never moves another', () => {
    const s1 = createStreams(7)
    const s2 = createStreams(7)
    for (let i = 0; i < 1000; i++) s1.shuffle.uniform()
    expect(s1.init.uniform()).toBe(s2.init.uniform())
    expect(s1.init.uniform()).not.toBe(s1.split.uniform())
  })
})
