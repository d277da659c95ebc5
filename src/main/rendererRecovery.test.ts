import { describe, expect, it } from 'vitest'
import { createRendererRecovery, gaveUpText } from './rendererRecovery'

describe('renderer recovery', () => {
  it('reloads a crashed page, but not a clean exit, and not in a loop', () => {
    let clock = 0
    let reloads = 0
    const asked: string[] = []
    const recovery = createRendererRecovery(() => reloads++, () => clock, (reason) => void asked.push(reason))
    recovery.onGone('clean-exit')
    expect(reloads).toBe(0)
    recovery.onGone('crashed')
    recovery.onGone('oom')
    recovery.onGone('killed')
    expect(reloads).toBe(3)
    recovery.onGone('crashed')
    expect(reloads).toBe(3)
    expect(asked).toEqual(['crashed'])
    clock += 61_000
    recovery.onGone('crashed')
    expect(reloads).toBe(4)
  })

  it('a page that keeps dying is not left blank without a word: the user is asked, and Try Again reloads it, counting afresh (fails on the old code)', () => {
    const log: string[] = []
    const recovery = createRendererRecovery(() => log.push('reload'), () => 0, (reason) => log.push(`asked (${reason})`))
    for (let i = 0; i < 4; i++) recovery.onGone('oom')
    expect(log).toEqual(['reload', 'reload', 'reload', 'asked (oom)'])
    recovery.tryAgain()
    recovery.onGone('oom')
    expect(log.slice(4)).toEqual(['reload', 'reload'])
    expect(gaveUpText('oom').detail).toBe(
      'It stopped 4 times within a minute (last: it ran out of memory). The autosave keeps your network: Try Again reloads it; if it stops again, close the window and start Axon Studio again.',
    )
  })
  it('a page killed a moment before main heard that the session ends is not reloaded (a log-off SIGTERMs the processes in no set order; fails on the old code, which reloaded at once); one that crashed is, a moment later', () => {
    let ending = false
    const decisions: Array<() => void> = []
    const log: string[] = []
    const timing = { mayReload: () => !ending, afterGone: (decide: () => void) => void decisions.push(decide) }
    const recovery = createRendererRecovery(() => log.push('reload'), () => 0, (reason) => log.push(`asked (${reason})`), timing)
    recovery.onGone('crashed')
    expect(log).toEqual([])
    decisions.shift()?.()
    expect(log).toEqual(['reload'])
    recovery.onGone('killed')
    ending = true
    decisions.shift()?.()
    expect(log).toEqual(['reload'])
  })
})
