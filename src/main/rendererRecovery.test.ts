import { describe, expect, it } from 'vitest'
import { createRendererRecovery, gaveUpText } from './rendererRecovery'

describe('renderer recovery', () => {
  it('reloads a crashed page, but not a clean exit, and not in a loop', () => {
    let clock = 0
    let reloads = 0
    const recovery = createRendererRecovery(() => reloads++, () => clock, () => {})
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

  it('a page that keeps dying is not left blank without a word: the user is asked, and Try Again reloads it, counting afresh (fails on the old code)', () => {
    const log: string[] = []
    const recovery = createRendererRecovery(() => log.push('reload'), () => 0, (reason) => log.push(`asked (${reason})`))
    for (let i = 0; i < 4; i++) recovery.onGone('oom')
    expect(log).toEqual(['reload', 'reload', 'reload', 'asked (oom)'])
    recovery.tryAgain()
    expect(recovery.onGone('oom')).toBe(true)
    expect(log.slice(4)).toEqual(['reload', 'reload'])
    expect(gaveUpText('oom').detail).toBe(
      'It stopped 4 times within a minute (last: it ran out of memory). The autosave keeps your network: Try Again reloads it; if it stops again, close the window and start Axon Studio again.',
    )
  })
})
