import { describe, expect, it } from 'vitest'
import { createRendererRecovery } from './rendererRecovery'

describe('renderer recovery', () => {
  it('reloads a crashed page, but not a clean exit, and not in a loop', () => {
    let clock = 0
    let reloads = 0
    const recovery = createRendererRecovery(() => reloads++, () => clock)
    expect(recovery.onGone('clean-exit')).toBe(false)
    expect(recovery.onGone('crashed')).toBe(true)
    expect(recovery.onGone('oom')).toBe(true)
    expect(recovery.onGone('killed')).toBe(true)
    expect(recovery.onGone('crashed')).toBe(false)
    expect(reloads).toBe(3)
    clock += 61_000
    expect(recovery.onGone('crashed')).toBe(true)
    expect(reloads).toBe(4)
  })
})
